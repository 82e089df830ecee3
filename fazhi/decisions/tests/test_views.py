"""The decision pages: the ladder shows what is missing, refusals land on the form, scoping holds."""
from __future__ import annotations

import pytest

from fazhi.decisions.choices import Stage
from fazhi.decisions.models import MajorDecision

from .factories import ORDERED, SCHEDULE, D


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


# ---------------------------------------------------------------- every stage renders, with the form for its next step

FORM_FOR = {  # the stage a decision waits at → the action form the page offers
    Stage.DRAFTING: "drafting", Stage.PARTICIPATION: "participation", Stage.EXPERT: "expert", Stage.RISK: "risk",
    Stage.LEGALITY: "review", Stage.DISCUSSION: "discussion", Stage.DECISION: "decision",
    Stage.PARTY_REPORT: "party_report", Stage.PUBLICATION: "publish", Stage.ARCHIVING: "archive",
    Stage.EVALUATION: "evaluation",
}


@pytest.mark.parametrize("stage", ORDERED, ids=lambda s: s.value)
def test_the_page_at_every_stage(stage, client, before, clerk, supervisor):
    d = before(stage)
    client.force_login(clerk)
    page = client.get(f"/decisions/{d.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert f'data-action="{FORM_FOR[stage]}"' in body
    if stage == Stage.EVALUATION:
        assert 'data-complete="1"' in body and "data-still-missing" not in body
    else:
        assert f'data-missing="{stage.value}"' in body and f'data-still-missing="{stage.value}"' in body
    if stage in (Stage.EXPERT, Stage.RISK, Stage.PARTY_REPORT):
        assert 'data-action="skip"' in body
    client.force_login(supervisor)
    body = client.get(f"/decisions/{d.pk}/").content.decode()
    assert "data-action=" not in body and d.title in body


def test_a_finished_decision_shows_every_step_done(client, before, clerk):
    d = before(None)
    client.force_login(clerk)
    body = client.get(f"/decisions/{d.pk}/").content.decode()
    assert body.count('data-state="done"') == len(ORDERED) + 1
    assert "甲府发〔2025〕12号" in body and "合法性审查意见：通过" in body and "作废本记录" not in body


def test_a_leader_takes_a_step_on_the_page(client, before, leader):
    d = before(Stage.DECISION)
    client.force_login(leader)
    response = client.post(f"/decisions/{d.pk}/decide/", {"decided_on": "2025-04-28", "decision_text": "同意",
                                                           "doc_number": "甲府发〔2025〕3号"})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.decided_on == SCHEDULE[Stage.DECISION] and d.stage == Stage.PARTY_REPORT


def test_the_skip_form_needs_a_reason(client, before, clerk):
    d = before(Stage.RISK)
    client.force_login(clerk)
    response = client.post(f"/decisions/{d.pk}/skip/", {"stage": "risk", "reason": "", "on": "2025-04-15"})
    assert response.status_code == 400
    response = client.post(f"/decisions/{d.pk}/skip/", {"stage": "risk", "reason": "不涉及社会稳定风险", "on": "2025-04-15"})
    assert response.status_code == 302 and MajorDecision.objects.get(pk=d.pk).stage == Stage.LEGALITY


def test_a_hearing_is_refused_on_the_page_when_materials_came_late(client, before, clerk):
    from fazhi.decisions import services

    d = before(Stage.PARTICIPATION)
    services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案")
    client.force_login(clerk)
    data = {"done_on": "2025-04-01", "comments_adoption": "采纳8条", "hearing_held_on": "2025-03-20",
            "hearing_participants_published_on": "2025-03-10", "hearing_materials_sent_on": "2025-03-16",
            "hearing_summary": "商户代表参加"}
    response = client.post(f"/decisions/{d.pk}/participation/done/", data)
    assert response.status_code == 400 and "7日前送达" in response.content.decode()
    response = client.post(f"/decisions/{d.pk}/participation/done/", data | {"hearing_materials_sent_on": "2025-03-13"})
    assert response.status_code == 302 and MajorDecision.objects.get(pk=d.pk).hearing_held_on == D(2025, 3, 20)


def test_the_list_filters_and_the_dashboard(client, launched, before, clerk, supervisor, other_clerk, other_township):
    from .factories import launch

    waiting = launched(title="待送审的决策")
    done = before(Stage.PARTY_REPORT, title="已决定的决策")
    theirs = launch(other_township, other_clerk, title="乙镇的决策")
    client.force_login(clerk)
    body = client.get("/decisions/").content.decode()
    assert waiting.title in body and done.title in body and theirs.title not in body
    assert 'data-board="' in body
    body = client.get("/decisions/", {"stage": "party_report"}).content.decode()
    assert done.title in body and waiting.title not in body.split("<table")[1]
    body = client.get("/decisions/", {"year": "2025", "unreviewed": "1"}).content.decode()
    table = body.split('<table class="grid">')[1]
    assert waiting.title in table and done.title not in table
    assert 'data-count="1"' in body
    client.force_login(supervisor)
    body = client.get("/decisions/").content.decode()
    assert waiting.title in body and theirs.title in body and "data-board" not in body
    assert "启动决策事项" not in body


def test_voiding_a_decision_withdraws_its_review_and_keeps_it_on_the_record(client, to_legality, clerk):
    from fazhi.decisions import services
    from fazhi.reviews.choices import ReviewStatus

    d = to_legality()
    review = services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16))
    client.force_login(clerk)
    assert client.post(f"/decisions/{d.pk}/void/", {"reason": ""}).status_code == 302
    assert not MajorDecision.objects.get(pk=d.pk).is_void
    assert client.post(f"/decisions/{d.pk}/void/", {"reason": "上级政策调整"}).status_code == 302
    d.refresh_from_db()
    review.refresh_from_db()
    assert d.is_void and d.void_reason == "上级政策调整" and review.status == ReviewStatus.WITHDRAWN
    body = client.get(f"/decisions/{d.pk}/").content.decode()
    assert "已作废" in body and "data-action=" not in body
    assert d.title not in client.get("/decisions/").content.decode()


def test_a_decided_decision_cannot_be_voided(client, before, clerk):
    d = before(Stage.PARTY_REPORT)
    client.force_login(clerk)
    client.post(f"/decisions/{d.pk}/void/", {"reason": "想撤销"})
    assert not MajorDecision.objects.get(pk=d.pk).is_void


def test_get_on_a_step_url_is_not_allowed(client, launched, clerk):
    d = launched()
    client.force_login(clerk)
    assert client.get(f"/decisions/{d.pk}/drafting/").status_code == 405


def test_the_pages_render_for_the_owner(client, clerk, catalog, launched):
    d = launched()
    client.force_login(clerk)
    for url in ("/decisions/", "/decisions/new/", "/decisions/catalogs/new/", f"/decisions/catalogs/{catalog.pk}/",
                f"/decisions/{d.pk}/", "/decisions/?year=2025&stage=drafting&unreviewed=1"):
        assert client.get(url).status_code == 200, url
    assert d.title in client.get(f"/decisions/catalogs/{catalog.pk}/").content.decode()


def test_the_catalog_is_edited_then_published(client, clerk, township, launched):
    from fazhi.decisions.models import DecisionCatalog

    from .factories import make_catalog

    catalog = make_catalog(township, clerk, year=2024, published=False)
    client.force_login(clerk)
    url = f"/decisions/catalogs/{catalog.pk}/"
    assert client.post(url, {"title": "甲镇2024年度重大行政决策事项目录（修订）"}).status_code == 302
    catalog.refresh_from_db()
    assert catalog.title.endswith("（修订）") and catalog.published_on is None
    bad = client.post(url, {"published_on": "2024-01-25"})
    assert bad.status_code == 400 and "党委同意" in bad.content.decode()
    assert client.post(url, {"party_approved_on": "2024-01-20", "published_on": "2024-01-25"}).status_code == 302
    catalog = DecisionCatalog.objects.get(pk=catalog.pk)
    assert catalog.published_on == D(2024, 1, 25)
    body = client.get(url).content.decode()
    assert "修改或公布目录" not in body and "经党委同意" in body
    assert client.post(url, {"title": "再改"}).status_code == 400
    assert DecisionCatalog.objects.get(pk=catalog.pk).title.endswith("（修订）")


def test_the_catalog_page_marks_items_whose_review_has_not_started(client, clerk, catalog, launched, before):
    waiting = launched(title="未送审")
    passed = before(Stage.DISCUSSION, title="已通过审查")
    client.force_login(clerk)
    body = client.get(f"/decisions/catalogs/{catalog.pk}/").content.decode()
    assert f'data-unreviewed="{waiting.pk}"' in body and f'data-unreviewed="{passed.pk}"' not in body
    assert "已通过合法性审查" in body
