"""Contracts: no signing without a passing review, dates in order, closing, expiry reminders, scoping."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.contracts import services
from fazhi.contracts.models import Contract, ContractStatus
from fazhi.contracts.selectors import expiring
from fazhi.core.attachments import attachments_for
from fazhi.core.models import Role
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion
from fazhi.testing.factories import UserFactory


@pytest.fixture
def contract(township, clerk):
    return services.register_contract(organisation=township, user=clerk, fields=dict(
        title="村级道路保洁服务合同", counterparty="某保洁服务有限公司", handling_unit="村建办", amount="86000.00"))


@pytest.fixture
def reviewer(township):
    return UserFactory(username="reviewer_a", organisation=township, role=Role.LEGAL_REVIEWER)


def _review(contract, clerk, reviewer, opinion=Opinion.APPROVED):
    review = services.send_contract_for_review(contract, user=clerk, submitted_on=dt.date(2025, 4, 1))
    reasons = "" if opinion == Opinion.APPROVED else "违约条款不明确"
    return reviews.review_conclude(review, user=reviewer, opinion=opinion, reasons=reasons, concluded_on=dt.date(2025, 4, 3))


def test_no_signing_without_a_passing_review(contract, clerk, reviewer):
    kw = dict(user=clerk, signed_on=dt.date(2025, 4, 8), starts_on=dt.date(2025, 4, 8), ends_on=dt.date(2026, 4, 7))
    with pytest.raises(ValidationError, match="不能签订：尚未送请合法性审查"):
        services.sign_contract(contract, **kw)
    _review(contract, clerk, reviewer, Opinion.REJECTED)
    with pytest.raises(ValidationError, match="不予通过"):
        services.sign_contract(contract, **kw)
    assert Contract.objects.get(pk=contract.pk).status == ContractStatus.IN_REVIEW


def test_sign_after_review_with_the_text_attached(contract, clerk, reviewer):
    _review(contract, clerk, reviewer)
    with pytest.raises(ValidationError, match="不能早于合法性审查意见日期"):
        services.sign_contract(contract, user=clerk, signed_on=dt.date(2025, 4, 2), starts_on=dt.date(2025, 4, 2), ends_on=None)
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        services.sign_contract(contract, user=clerk, signed_on=dt.date(2025, 4, 8), starts_on=dt.date(2025, 4, 8), ends_on=dt.date(2025, 4, 1))
    pdf = SimpleUploadedFile("合同.pdf", b"%PDF-1.4 test", "application/pdf")
    signed = services.sign_contract(contract, user=clerk, signed_on=dt.date(2025, 4, 8), starts_on=dt.date(2025, 4, 8),
                                    ends_on=dt.date(2026, 4, 7), files=[pdf])
    assert signed.status == ContractStatus.SIGNED and signed.passing_review is not None
    assert [a.original_name for a in attachments_for(signed)] == ["合同.pdf"]


def test_expiry_reminders(contract, clerk, reviewer, township):
    _review(contract, clerk, reviewer)
    services.sign_contract(contract, user=clerk, signed_on=dt.date(2025, 4, 8), starts_on=dt.date(2025, 4, 8), ends_on=dt.date(2025, 6, 30))
    assert expiring([township], dt.date(2025, 5, 1)) == []
    soon = expiring([township], dt.date(2025, 6, 10))
    assert len(soon) == 1 and not soon[0].late and "还有20天" in soon[0].reason
    assert expiring([township], dt.date(2025, 7, 2))[0].late
    services.close_contract(contract, user=clerk, closed_on=dt.date(2025, 7, 1), kind="performed")
    assert expiring([township], dt.date(2025, 7, 2)) == []


def test_rescinding_needs_a_reason(contract, clerk, reviewer):
    _review(contract, clerk, reviewer)
    services.sign_contract(contract, user=clerk, signed_on=dt.date(2025, 4, 8), starts_on=dt.date(2025, 4, 8), ends_on=None)
    with pytest.raises(ValidationError, match="须写明原因"):
        services.close_contract(contract, user=clerk, closed_on=dt.date(2025, 5, 1), kind="rescinded")


def test_pages_and_scoping(client, contract, clerk, other_clerk, supervisor, reviewer):
    client.force_login(clerk)
    assert contract.title in client.get("/contracts/").content.decode()
    response = client.post(f"/contracts/{contract.pk}/sign/", {"signed_on": "2025-04-08", "starts_on": "2025-04-08"})
    assert response.status_code == 400 and "尚未送请合法性审查" in response.content.decode()
    assert client.post(f"/contracts/{contract.pk}/review/", {"submitted_on": "2025-04-01", "days_allowed": "5"}).status_code == 302
    page = client.get(f"/contracts/{contract.pk}/").content.decode()
    assert "合法性审查尚未完成" in page
    client.force_login(other_clerk)
    assert client.get(f"/contracts/{contract.pk}/").status_code == 404
    assert client.post(f"/contracts/{contract.pk}/void/", {"reason": "x"}).status_code == 404
    assert contract.title not in client.get("/contracts/").content.decode()
    client.force_login(supervisor)
    assert client.get(f"/contracts/{contract.pk}/").status_code == 200
    assert client.post(f"/contracts/{contract.pk}/void/", {"reason": "x"}).status_code == 403


def test_create_form_rejects_bad_amount(client, clerk):
    client.force_login(clerk)
    response = client.post("/contracts/new/", {"title": "x", "counterparty": "y", "handling_unit": "z", "amount": "abc"})
    assert response.status_code == 200 and not Contract.objects.exists()


def test_voiding_a_contract_withdraws_its_open_review(client, contract, clerk):
    from fazhi.reviews.choices import ReviewStatus
    from fazhi.reviews.models import LegalityReview

    services.send_contract_for_review(contract, user=clerk, submitted_on=dt.date(2025, 4, 1))
    client.force_login(clerk)
    assert client.post(f"/contracts/{contract.pk}/void/", {"reason": "项目取消"}).status_code == 302
    review = LegalityReview.objects.get()
    assert review.status == ReviewStatus.WITHDRAWN and "项目取消" in review.withdrawn_reason
