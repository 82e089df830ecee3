"""The decision pages: the ladder shows what is missing, refusals land on the form, scoping holds."""
from __future__ import annotations

from fazhi.decisions.choices import Stage
from fazhi.decisions.models import MajorDecision


def test_launch_and_draft_through_the_pages(client, clerk, catalog):
    client.force_login(clerk)
    response = client.post("/decisions/new/", {"title": "集镇停车管理方案", "catalog": catalog.pk, "lead_unit": "城管办",
                                               "launched_on": "2025-02-10"})
    assert response.status_code == 302
    d = MajorDecision.objects.get()
    page = client.get(f"/decisions/{d.pk}/").content.decode()
    assert 'data-missing="drafting"' in page and "条例第十二条、第十三条" in page
    response = client.post(f"/decisions/{d.pk}/drafting/", {"drafted_on": "2025-02-01", "options_considered": "两个方案"})
    assert response.status_code == 400 and "不能早于“决策启动”的日期" in response.content.decode()
    assert client.post(f"/decisions/{d.pk}/drafting/", {"drafted_on": "2025-02-20", "options_considered": "两个方案"}).status_code == 302
    assert MajorDecision.objects.get().stage == Stage.PARTICIPATION


def test_skipping_to_discussion_is_refused_on_the_page(client, clerk, launched):
    d = launched()
    client.force_login(clerk)
    response = client.post(f"/decisions/{d.pk}/discussion/", {
        "discussed_on": "2025-03-01", "meeting_kind": "executive", "chair": "吴镇长", "attendees": "班子", "chief_spoke_last": "on"})
    assert response.status_code == 400 and "不能提交集体讨论：尚未完成“拟订方案”" in response.content.decode()


def test_other_township_and_supervisor(client, launched, other_clerk, supervisor, catalog):
    d = launched()
    client.force_login(other_clerk)
    assert client.get(f"/decisions/{d.pk}/").status_code == 404
    assert client.post(f"/decisions/{d.pk}/drafting/", {"drafted_on": "2025-02-20", "options_considered": "x"}).status_code == 404
    assert client.get(f"/decisions/catalogs/{catalog.pk}/").status_code == 404
    assert d.title not in client.get("/decisions/").content.decode()
    client.force_login(supervisor)
    assert client.get(f"/decisions/{d.pk}/").status_code == 200
    assert client.post(f"/decisions/{d.pk}/drafting/", {"drafted_on": "2025-02-20", "options_considered": "x"}).status_code == 403
    assert client.get("/decisions/new/").status_code == 403
    assert MajorDecision.objects.get().drafted_on is None


def test_catalog_pages(client, clerk, township):
    client.force_login(clerk)
    response = client.post("/decisions/catalogs/new/", {"year": "2026", "title": "甲镇2026年度目录"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "尚未公布" in page
    bad = client.post(response["Location"], {"party_approved_on": "2026-01-10", "published_on": "2026-01-05"})
    assert bad.status_code == 400 and "不能早于党委同意日期" in bad.content.decode()


def test_api_lists_decisions_with_their_steps(launched, clerk, other_clerk):
    from rest_framework.test import APIClient

    d = launched()
    api = APIClient()
    api.force_authenticate(clerk)
    body = api.get("/api/decisions/").json()
    assert body["count"] == 1 and body["results"][0]["stage"] == "drafting"
    item = api.get(f"/api/decisions/{d.pk}/").json()
    assert [s["state"] for s in item["steps"]][:3] == ["done", "current", "todo"]
    assert item["steps"][1]["article"] == "第十二条、第十三条"
    api.force_authenticate(other_clerk)
    assert api.get(f"/api/decisions/{d.pk}/").status_code == 404
    assert api.get("/api/decisions/").json()["count"] == 0


def test_portal_shows_published_catalog_and_decisions_only(client, township, launched, clerk):
    from fazhi.decisions import services

    d = launched(title="公开目录中的事项")
    body = client.get(f"/portal/{township.code}/decisions/").content.decode()
    assert "甲镇2025年度重大行政决策事项目录" in body and "公开目录中的事项" in body
    assert "暂无</td>" in body  # nothing published yet
    unpublished = services.create_catalog(organisation=township, year=2026, title="未公布的2026年目录")
    assert unpublished.title not in client.get(f"/portal/{township.code}/decisions/").content.decode()
    assert d.pk
