"""A contract's life: register → legality review (the one queue) → sign → close. No contract is signed
without a passing review (应审尽审: contracts and agreements are among the matters the township sends
for legality review; no national period is set, so the queue's default applies)."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.contracts.models import ClosingKind, Contract, ContractStatus
from fazhi.core.attachments import attach_file
from fazhi.core.kit.voiding import Voiding, void_record
from fazhi.core.models import Organisation
from fazhi.core.transitions import record_transition
from fazhi.core.workdays import format_date
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import SubjectKind


def _lock(contract: Contract) -> Contract:
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    if locked.is_void:
        raise ValidationError("该合同已作废，不能继续办理")
    return locked


def _not_future(day: dt.date, field: str, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"{label}不能晚于今天"})


@transaction.atomic
def register_contract(*, organisation: Organisation, fields: dict, user=None) -> Contract:
    contract = Contract(organisation=organisation, created_by=user, **fields)
    contract.full_clean()
    if contract.amount is not None and contract.amount < 0:
        raise ValidationError({"amount": "合同金额不能为负数"})
    contract._history_user = user
    contract.save()
    record_transition(contract, action="登记", to_status=ContractStatus.DRAFT.label, user=user,
                      note=f"相对方：{contract.counterparty}")
    return contract


@transaction.atomic
def send_contract_for_review(contract: Contract, *, user, submitted_on: dt.date, days_allowed: int | None = None,
                             materials: str = ""):
    contract = _lock(contract)
    if contract.status not in (ContractStatus.DRAFT, ContractStatus.IN_REVIEW):
        raise ValidationError(f"不能送请合法性审查：合同{contract.get_status_display()}")
    review = reviews.review_request(
        organisation=contract.organisation, kind=SubjectKind.CONTRACT, subject=contract, title=contract.title,
        submitted_by_unit=contract.handling_unit, submitted_on=submitted_on, days_allowed=days_allowed,
        materials=materials or "合同文本、相对方资格材料", user=user,
    )
    before = contract.get_status_display()
    contract.status = ContractStatus.IN_REVIEW
    contract._history_user = user
    contract.save()
    record_transition(contract, action="送请合法性审查", from_status=before, to_status=contract.get_status_display(),
                      user=user, on=submitted_on)
    return review


@transaction.atomic
def sign_contract(
    contract: Contract, *, user, signed_on: dt.date, starts_on: dt.date, ends_on: dt.date | None, files=(),
) -> Contract:
    """应审尽审: a contract is signed only after a passing legality review."""
    contract = _lock(contract)
    if contract.status not in (ContractStatus.DRAFT, ContractStatus.IN_REVIEW):
        raise ValidationError(f"不能签订：合同{contract.get_status_display()}")
    review = reviews.require_passing_review(contract, action="签订")
    _not_future(signed_on, "signed_on", "签订日期")
    if signed_on < review.concluded_on:
        raise ValidationError({"signed_on": f"签订日期不能早于合法性审查意见日期（{format_date(review.concluded_on)}）"})
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": "履行期限的结束日期不能早于开始日期"})
    before = contract.get_status_display()
    contract.status, contract.passing_review = ContractStatus.SIGNED, review
    contract.signed_on, contract.starts_on, contract.ends_on = signed_on, starts_on, ends_on
    contract._history_user = user
    contract.save()
    for upload in files:
        attach_file(record=contract, upload=upload, user=user)
    record_transition(contract, action="签订", from_status=before, to_status=contract.get_status_display(), user=user,
                      on=signed_on, note=f"履行期限：{format_date(starts_on)}至{format_date(ends_on) if ends_on else '无固定期限'}")
    return contract


@transaction.atomic
def close_contract(contract: Contract, *, user, closed_on: dt.date, kind: str, note: str = "") -> Contract:
    contract = _lock(contract)
    if contract.status != ContractStatus.SIGNED:
        raise ValidationError("只有已签订的合同才能办结")
    if kind not in ClosingKind.values:
        raise ValidationError({"kind": "请选择办结方式"})
    if kind != ClosingKind.PERFORMED and not (note or "").strip():
        raise ValidationError({"note": "解除或终止合同须写明原因"})
    _not_future(closed_on, "closed_on", "办结日期")
    if closed_on < contract.signed_on:
        raise ValidationError({"closed_on": "办结日期不能早于签订日期"})
    before = contract.get_status_display()
    contract.status, contract.closed_on, contract.closing_kind, contract.closing_note = (
        ContractStatus.CLOSED, closed_on, kind, (note or "").strip()[:300]
    )
    contract._history_user = user
    contract.save()
    record_transition(contract, action=ClosingKind(kind).label, from_status=before, to_status=contract.get_status_display(),
                      user=user, on=closed_on, note=note)
    return contract


CONTRACT_VOIDING = Voiding(
    refuse=lambda c: "已签订的合同不能作废；请登记解除或终止" if c.status in (ContractStatus.SIGNED, ContractStatus.CLOSED)
    else None,
    cascade=(reviews.withdraw_open_review,),
)


def contract_void(contract: Contract, *, user, reason: str) -> Contract:
    """A contract registered by mistake is voided before it is signed (a signed one is ended by 解除 or 终止);
    its open legality review leaves the queue with it."""
    return void_record(contract, voiding=CONTRACT_VOIDING, user=user, reason=reason)
