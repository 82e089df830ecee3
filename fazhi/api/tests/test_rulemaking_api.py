"""The review queue and normative documents over the API: scoped reads, a reviewer's transitions, Chinese refusals."""
from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from fazhi.core.models import Role
from fazhi.reviews import services
from fazhi.reviews.choices import ReviewStatus, SubjectKind
from fazhi.testing.factories import UserFactory
from fazhi.testing.workflows import published_document


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def review(township, clerk):
    return services.review_request(organisation=township, kind=SubjectKind.OTHER, title="关于某事项的请示",
                                   submitted_by_unit="党政办", submitted_on=dt.date(2025, 3, 3), days_allowed=5, user=clerk)


def test_queue_lists_due_dates_and_is_scoped(review, clerk, other_clerk):
    body = client_for(clerk).get("/api/reviews/", {"status": "open"}).json()
    assert body["count"] == 1 and body["results"][0]["due_on"] == "2025-03-10"
    assert client_for(other_clerk).get("/api/reviews/").json()["count"] == 0
    assert client_for(other_clerk).get(f"/api/reviews/{review.pk}/").status_code == 404
    detail = client_for(clerk).get(f"/api/reviews/{review.pk}/").json()
    assert detail["timeline"][0]["action"] == "送审" and detail["due_explanation"]


def test_reviewer_takes_and_concludes(review, township):
    reviewer = UserFactory(organisation=township, role=Role.LEGAL_REVIEWER)
    api = client_for(reviewer)
    assert api.post(f"/api/reviews/{review.pk}/take/", {"taken_on": "2025-03-04"}, format="json").json()["status"] == "in_review"
    refused = api.post(f"/api/reviews/{review.pk}/conclude/", {"opinion": "rejected", "concluded_on": "2025-03-05"}, format="json")
    assert refused.status_code == 400 and "必须写明理由" in str(refused.json())
    done = api.post(f"/api/reviews/{review.pk}/conclude/", {"opinion": "approved", "concluded_on": "2025-03-05"}, format="json")
    assert done.status_code == 200 and done.json()["opinion"] == "approved"


def test_leader_and_supervisor_cannot_review(review, leader, supervisor, other_clerk):
    assert client_for(leader).post(f"/api/reviews/{review.pk}/take/", {}, format="json").status_code == 403
    assert client_for(supervisor).post(f"/api/reviews/{review.pk}/take/", {}, format="json").status_code == 403
    assert client_for(other_clerk).post(f"/api/reviews/{review.pk}/take/", {}, format="json").status_code == 404
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


def test_bad_bodies_get_chinese_errors(review, township):
    api = client_for(UserFactory(organisation=township, role=Role.LEGAL_REVIEWER))
    assert api.post(f"/api/reviews/{review.pk}/conclude/", ["x"], format="json").status_code == 400
    bad = api.post(f"/api/reviews/{review.pk}/conclude/", {"opinion": "maybe", "concluded_on": "2025-02-30"}, format="json")
    assert bad.status_code == 400 and "concluded_on" in bad.json()


def test_normative_documents(township, clerk, other_clerk):
    doc = published_document(township, clerk)
    body = client_for(clerk).get("/api/normative-documents/").json()
    assert body["results"][0]["doc_number"] == "甲府规〔2025〕1号" and body["results"][0]["in_force"] is True
    assert client_for(other_clerk).get(f"/api/normative-documents/{doc.pk}/").status_code == 404
    assert [e["action"] for e in client_for(clerk).get(f"/api/normative-documents/{doc.pk}/").json()["timeline"]][:2] == ["起草", "送请合法性审核"]


def test_schema_lists_the_new_operations(client):
    schema = client.get("/api/openapi.json").json()
    ops = {op["operationId"] for path in schema["paths"].values() for op in path.values() if isinstance(op, dict) and "operationId" in op}
    assert {"reviews_list", "review_conclude", "review_take", "normative_documents_list"} <= ops
