"""The role matrix (fazhi/core/roles.py): each township role writes only what its post handles, and refusals name
the rule (issue 20 #10: an enforcement officer could void a contract and read disclosure applicants' details)."""
from __future__ import annotations

import pytest
from django.test import Client

from fazhi.core.models import Role
from fazhi.core.roles import WRITE_MATRIX, may_write
from fazhi.testing.factories import PublicityEventFactory, UserFactory


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def officer(township):
    return UserFactory(organisation=township, role=Role.ENFORCEMENT_OFFICER)


@pytest.fixture
def contract(township, clerk):
    from fazhi.contracts import services

    return services.register_contract(organisation=township, user=clerk, fields=dict(
        title="村级道路保洁服务合同", counterparty="某保洁服务有限公司", handling_unit="村建办", amount="86000.00"))


def test_an_enforcement_officer_cannot_void_a_contract(officer, contract):
    response = _as(officer).post(f"/contracts/{contract.pk}/void/", {"reason": "误录"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "执法人员" in page and "“合同协议”" in page and "办事员" in page
    contract.refresh_from_db()
    assert contract.voided_at is None


def test_an_enforcement_officer_cannot_read_disclosure_applications(officer, clerk, township):
    from fazhi.disclosure.tests.test_views import make

    application = make(township, clerk, applicant_name="王申请人")
    for path in (f"/disclosure/requests/{application.pk}/", "/disclosure/requests/", f"/api/disclosure-requests/{application.pk}/"):
        response = _as(officer).get(path)
        assert response.status_code == 403, path
        assert "王申请人" not in response.content.decode()
    assert _as(clerk).get(f"/disclosure/requests/{application.pk}/").status_code == 200


def test_an_officer_keeps_the_enforcement_pages_and_a_clerk_her_ledgers(officer, clerk, township):
    record = PublicityEventFactory(organisation=township)
    assert _as(officer).post(f"/ledgers/publicity-events/{record.pk}/void/", {"reason": "重复"}).status_code == 403
    assert _as(clerk).post(f"/ledgers/publicity-events/{record.pk}/void/", {"reason": "重复"}).status_code == 302
    assert _as(officer).get("/enforcement/").status_code == 200


def test_reviewers_review_and_write_no_ledger(township):
    reviewer = UserFactory(organisation=township, role=Role.LEGAL_REVIEWER)
    response = _as(reviewer).post("/api/ledgers/meetings/", {"topic": "x"}, content_type="application/json")
    assert response.status_code == 403 and "法制审核人员" in response.json()["detail"]
    assert may_write(reviewer, "review_opinion") and not may_write(reviewer, "contracts")


def test_the_judicial_office_keeps_its_own_ledgers_and_reviews(judicial_officer):
    for area in ("corrections", "publicity", "disputes", "advisors", "review_opinion"):
        assert may_write(judicial_officer, area)
    assert not may_write(judicial_officer, "contracts") and not may_write(judicial_officer, "disclosure")


def test_every_township_role_is_in_the_matrix():
    from fazhi.core.models import WRITER_ROLES

    assert set(WRITER_ROLES) == set(WRITE_MATRIX)
