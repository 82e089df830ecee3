"""The read API for major decisions (fazhi/api/decisions.py, under /api/)."""
from __future__ import annotations

from rest_framework.test import APIClient

from fazhi.decisions.choices import Stage

from .factories import launch


def api_for(user=None) -> APIClient:
    api = APIClient()
    if user is not None:
        api.force_authenticate(user)
    return api


def test_the_list_is_scoped(launched, before, clerk, other_clerk, supervisor, other_township):
    mine = launched(title="甲镇的决策")
    decided = before(Stage.PUBLICATION, title="甲镇已决定的决策")
    theirs = launch(other_township, other_clerk, title="乙镇的决策")
    body = api_for(clerk).get("/api/decisions/").json()
    assert body["count"] == 2 and {r["id"] for r in body["results"]} == {mine.pk, decided.pk}
    row = next(r for r in body["results"] if r["id"] == decided.pk)
    assert row["stage"] == "publication" and row["catalog_year"] == 2025 and row["doc_number"] == "甲府发〔2025〕12号"
    assert row["review_id"] is not None and row["decided_on"] == "2025-04-28" and row["organisation"] == "T901"
    assert [r["id"] for r in api_for(other_clerk).get("/api/decisions/").json()["results"]] == [theirs.pk]
    assert api_for(supervisor).get("/api/decisions/").json()["count"] == 3
    assert api_for(supervisor).get("/api/decisions/", {"org": "T902"}).json()["count"] == 1
    assert api_for().get("/api/decisions/").status_code == 403


def test_the_list_filters(launched, before, clerk):
    waiting = launched(title="待送审")
    before(Stage.PARTY_REPORT, title="已决定")
    api = api_for(clerk)
    assert [r["id"] for r in api.get("/api/decisions/", {"year": 2025, "unreviewed": "1"}).json()["results"]] == [waiting.pk]
    assert api.get("/api/decisions/", {"stage": "party_report"}).json()["count"] == 1
    assert api.get("/api/decisions/", {"year": 2024}).json()["count"] == 0
    response = api.get("/api/decisions/", {"page": 9})
    assert response.status_code == 404 and "页码无效" in response.json()["detail"]


def test_one_decision_with_its_steps_and_what_is_missing(launched, clerk, other_clerk, supervisor):
    d = launched()
    item = api_for(clerk).get(f"/api/decisions/{d.pk}/").json()
    assert [s["state"] for s in item["steps"]][:3] == ["done", "current", "todo"]
    assert item["steps"][1] == {"stage": "drafting", "label": "拟订方案", "state": "current", "optional": False,
                                "article": "第十二条、第十三条", "detail": ""}
    assert item["missing"][:2] == ["drafting", "participation"] and "evaluation" not in item["missing"]
    assert item["timeline"][0]["action"] == "决策启动" and item["timeline"][0]["to"] == "拟订方案"
    assert api_for(other_clerk).get(f"/api/decisions/{d.pk}/").status_code == 404
    assert api_for(supervisor).get(f"/api/decisions/{d.pk}/").status_code == 200
    assert api_for(clerk).get("/api/decisions/999999/").status_code == 404


def test_a_voided_decision_is_readable_but_not_listed(launched, clerk):
    d = launched()
    d.void(reason="重复录入", user=clerk)
    api = api_for(clerk)
    assert api.get("/api/decisions/").json()["count"] == 0
    assert api.get(f"/api/decisions/{d.pk}/").json()["voided"] is True


def test_the_api_is_read_only(launched, clerk):
    d = launched()
    api = api_for(clerk)
    assert api.post("/api/decisions/", {"title": "x"}, format="json").status_code == 405
    assert api.patch(f"/api/decisions/{d.pk}/", {"title": "x"}, format="json").status_code == 405
    assert api.delete(f"/api/decisions/{d.pk}/").status_code == 405
