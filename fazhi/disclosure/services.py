"""State changes of disclosure applications. Each transition locks the row, checks the statute, and
writes an event to the application's timeline; side effects (e-mail) run only after the commit.
"""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from fazhi.core import numbering
from fazhi.core.attachments import attach_file
from fazhi.core.models import Organisation
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.disclosure import notify
from fazhi.disclosure.choices import (
    NO_REPLY_RESULTS, REASONED_RESULTS, RECEIPT_RULES, Channel, ConsultationOpinion, EventKind, RequestStatus, Result,
)
from fazhi.disclosure.correction_terms import correction_due
from fazhi.disclosure.deadlines import Clock, ClockInput, Interval, compute_clock
from fazhi.disclosure.models import (
    MAX_EXTENSION_DAYS, Consultation, DisclosureEvent, DisclosureRequest,
)


# ---------------------------------------------------------------- the clock of a stored application

def clock_input(request: DisclosureRequest, consultations=None) -> ClockInput:
    if consultations is None:
        consultations = [c for c in request.consultations.all() if c.voided_at is None]
    closed = request.replied_on if request.status == RequestStatus.CLOSED else None
    return ClockInput(
        received_on=request.received_on,
        correction_requested_on=request.correction_requested_on,
        correction_deadline=correction_due(request),  # moved off a rest day (correction_terms.py)
        correction_received_on=request.correction_received_on,
        consultations=tuple(
            Interval(c.sent_on, c.replied_on, f"{c.get_kind_display()[:7]}（{c.party}）") for c in consultations
        ),
        extension_days=request.extension_days,
        extension_approved_by=request.extension_approved_by,
        closed_on=closed,
        counts_for_timeliness=request.result not in NO_REPLY_RESULTS,
    )


def clock_for(request: DisclosureRequest, *, calendar: WorkingCalendar | None = None, today: dt.date | None = None) -> Clock:
    return compute_clock(
        clock_input(request), calendar or WorkingCalendar.load(), today=today or timezone.localdate()
    )


# ---------------------------------------------------------------- numbering

def tracking_number(organisation: Organisation, year: int, sequence: int) -> str:
    """受理编号 SFX01-2026-0007. Unlike the numbers printed on documents it keeps the township's internal code, not its
    机关代字: the applicant types it into the portal's progress query and the public API's URL, which look it up
    across every township (so it must be unique system-wide, as the code is and a 机关代字 need not be) and in
    ASCII that any keyboard, phone keypad or URL carries unchanged."""
    return f"{organisation.code}-{year}-{sequence:04d}"


def _next_sequence(organisation: Organisation, year: int) -> int:
    """Gap-free per organisation and year (fazhi/core/numbering.py): the counter row is locked until the application
    is saved, and rolls back with it if the save fails. Applications are numbered only here, so the highest stored
    sequence is read only for a year's first number (a counter behind rows written before it existed); after that
    the unique (organisation, year, sequence) constraint refuses any clash."""
    return numbering.next_number(organisation, numbering.DISCLOSURE_REQUEST, year, floor_on_first_use_only=True,
                                 highest_issued=lambda: DisclosureRequest.objects.filter(
                                     organisation=organisation, year=year).aggregate(m=Max("sequence"))["m"])


# ---------------------------------------------------------------- receiving

def request_create(
    *, organisation: Organisation, fields: dict, channel: str, received_on: dt.date,
    user=None, idempotency_key: str = "",
) -> tuple[DisclosureRequest, bool]:
    """Save a new application (portal or counter). Returns (application, created).

    The same ``idempotency_key`` twice with the same application (a double-clicked submit, a retried API call)
    returns the first application instead of creating a second one; the same key with a different application
    raises ``IdempotencyConflict`` and discloses nothing of the first.
    """
    key = (idempotency_key or "")[:64]
    existing = _submitted(organisation, key)  # a retry: answered without taking a number or a lock
    if existing is not None:
        return _the_same(existing, fields), False
    try:
        with transaction.atomic():
            request = _create(organisation, fields, channel, received_on, user, key)
    except IntegrityError:
        # The same key submitted concurrently: the other submission committed first (they queue on the counter
        # lock), the unique (organisation, idempotency_key) constraint refused this one and the rollback gave its
        # number back.
        existing = _submitted(organisation, key)
        if existing is None:
            raise
        return _the_same(existing, fields), False
    transaction.on_commit(notify.queue_pending_emails)
    return request, True


class IdempotencyConflict(ValidationError):
    """The idempotency key was used for a different application (nothing of that one is disclosed)."""

    MESSAGE = "该幂等键（Idempotency-Key）已用于另一件内容不同的申请；如需提交新的申请，请使用新的键"

    def __init__(self):
        super().__init__(self.MESSAGE, code="idempotency_conflict")


def _the_same(existing: DisclosureRequest, fields: dict) -> DisclosureRequest:
    """The first application, if ``fields`` are what it was submitted with; else a conflict."""
    for name, value in fields.items():
        if str(getattr(existing, name, "") or "") != str(value or ""):
            raise IdempotencyConflict()
    return existing


def _submitted(organisation, key: str) -> DisclosureRequest | None:
    if not key:
        return None
    # The condition of the partial unique index (idempotency_key <> '') stated, and no ordering: one index probe.
    return (DisclosureRequest.objects.select_related("organisation").exclude(idempotency_key="")
            .filter(organisation=organisation, idempotency_key=key).order_by()[:1] or [None])[0]


def _create(organisation, fields, channel, received_on, user, key) -> DisclosureRequest:
    """One transaction: the number, the application, its history row, its timeline event and the reminders to the
    township's clerks (fazhi/disclosure/notify.py), so an application is never stored without them."""
    year = received_on.year
    handler = user if user is not None and channel != Channel.PORTAL else None
    request = DisclosureRequest(
        organisation=organisation, channel=channel, received_on=received_on, year=year,
        idempotency_key=key, created_by=user, handler=handler, **fields,
    )
    # Unique constraints are left to the database (an IntegrityError is answered above), field rules are checked
    # here; the organisation, author and handler are the objects given (no query to check that they exist). All of
    # it before the number is taken: the counter row stays locked from then until the commit, and every other
    # application of the township waits for it.
    request.full_clean(exclude=["tracking_number", "sequence", "organisation", "created_by", "handler"],
                       validate_constraints=False)
    clerks = notify.clerks_to_remind(request)
    request.sequence = _next_sequence(organisation, year)
    request.tracking_number = tracking_number(organisation, year, request.sequence)
    if user is not None:
        request._history_user = user
    request.save()
    _event(request, EventKind.RECEIVED, received_on, user, RECEIPT_RULES[channel])
    notify.new_request(request, clerks)
    return request


def _event(request, kind, on, user, note="") -> DisclosureEvent:
    return DisclosureEvent.objects.create(request=request, kind=kind, on=on, user=user, note=note)


def _locked(request: DisclosureRequest) -> DisclosureRequest:
    fresh = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
    if fresh.is_void:
        raise ValidationError("该申请已作废，不能继续办理")
    return fresh


def _not_future(day: dt.date, label: str, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"{label}不能晚于今天"})


def _save(request: DisclosureRequest, user, fields: list[str]) -> None:
    request._history_user = user
    request.full_clean(exclude=["tracking_number"])
    request.save(update_fields=[*fields, "updated_at"])


def last_step(request: DisclosureRequest) -> tuple[dt.date, str]:
    """The latest step recorded on the application, as (date, what it was): receipt, the correction notice and the
    corrected application, the extension, and the sending and answer of each consultation not voided."""
    steps = [(request.received_on, "收到申请")]
    if request.correction_requested_on:
        steps.append((request.correction_requested_on, "发出补正通知"))
    if request.correction_received_on:
        steps.append((request.correction_received_on, "收到补正"))
    if request.extension_approved_on:
        steps.append((request.extension_approved_on, "批准延期"))
    for c in request.consultations.active():
        steps.append((c.sent_on, f"向{c.party}发出征求意见"))
        if c.replied_on:
            steps.append((c.replied_on, f"收到{c.party}的意见"))
    return max(steps, key=lambda step: step[0])


def _in_order(request: DisclosureRequest, day: dt.date, label: str, field: str) -> None:
    """Steps are recorded in the order they happened: the 条例 counts each period from the step before (第三十条
    补正, 第三十二条 and 第三十三条第三款 征求意见, 第三十三条第二款 延期 within the period, 第三十三条第一款 答复),
    so a step dated before the one it follows would make the clock, and the notices, say what never happened."""
    before, what = last_step(request)
    if day < before:
        raise ValidationError({field: f"{label}（{format_date(day)}）不能早于已登记的“{what}”日期（{format_date(before)}）："
                                      "各办理环节须按实际发生的先后顺序登记"})


# ---------------------------------------------------------------- working an application

def request_assign(*, request: DisclosureRequest, handler, user) -> DisclosureRequest:
    if handler.organisation_id != request.organisation_id:
        raise ValidationError({"handler": "承办人必须是本乡镇工作人员"})
    with transaction.atomic():
        request = _locked(request)
        request.handler = handler
        _save(request, user, ["handler"])
        _event(request, EventKind.ASSIGNED, timezone.localdate(), user, f"承办人：{handler}")
    return request


def correction_request(
    *, request: DisclosureRequest, user, requested_on: dt.date, items: str, deadline: dt.date
) -> DisclosureRequest:
    """第三十条: one notice, listing every item to correct, with a reasonable deadline."""
    items = (items or "").strip()
    with transaction.atomic():
        request = _locked(request)
        if request.status != RequestStatus.RECEIVED:
            raise ValidationError("只有办理中的申请才能发出补正通知")
        if request.correction_requested_on:
            raise ValidationError("补正通知只能发出一次，须一次性告知需要补正的全部事项（第三十条）")
        if not items:
            raise ValidationError({"items": "请列明需要补正的事项"})
        if requested_on < request.received_on:
            raise ValidationError({"requested_on": "补正通知日期不能早于收到申请日期"})
        _not_future(requested_on, "补正通知日期", "requested_on")
        _in_order(request, requested_on, "补正通知日期", "requested_on")
        if deadline <= requested_on:
            raise ValidationError({"deadline": "补正期限必须晚于补正通知日期"})
        clock = clock_for(request)
        request.correction_requested_on = requested_on
        request.correction_items = items
        request.correction_deadline = deadline
        request.status = RequestStatus.AWAITING_CORRECTION
        _save(request, user, ["correction_requested_on", "correction_items", "correction_deadline", "status"])
        note = f"补正事项：{items}；补正期限：{format_date(deadline)}"
        if requested_on > clock.correction_notice_due:
            note += f"。注意：晚于收到申请后7个工作日（{format_date(clock.correction_notice_due)}，第三十条）"
        _event(request, EventKind.CORRECTION_REQUESTED, requested_on, user, note)
    return request


def correction_receive(*, request: DisclosureRequest, user, received_on: dt.date) -> DisclosureRequest:
    with transaction.atomic():
        request = _locked(request)
        if request.status != RequestStatus.AWAITING_CORRECTION:
            raise ValidationError("该申请不在等待补正状态")
        if received_on < request.correction_requested_on:
            raise ValidationError({"received_on": "收到补正日期不能早于补正通知日期"})
        _not_future(received_on, "收到补正日期", "received_on")
        _in_order(request, received_on, "收到补正日期", "received_on")
        request.correction_received_on = received_on
        request.status = RequestStatus.RECEIVED
        _save(request, user, ["correction_received_on", "status"])
        _event(request, EventKind.CORRECTION_RECEIVED, received_on, user, "答复期限自收到补正之日起重新计算（第三十条）")
    return request


def consultation_start(*, request: DisclosureRequest, user, kind: str, party: str, sent_on: dt.date) -> Consultation:
    with transaction.atomic():
        request = _locked(request)
        if request.status != RequestStatus.RECEIVED:
            raise ValidationError("只有办理中（非待补正）的申请才能征求意见")
        start = request.correction_received_on or request.received_on
        if sent_on < start:
            raise ValidationError({"sent_on": f"征求意见日期不能早于{format_date(start)}"})
        _not_future(sent_on, "征求意见日期", "sent_on")
        _in_order(request, sent_on, "征求意见日期", "sent_on")
        consultation = Consultation(
            organisation=request.organisation, request=request, kind=kind, party=(party or "").strip(),
            sent_on=sent_on, created_by=user,
        )
        consultation._history_user = user
        consultation.full_clean()
        consultation.save()
        _event(request, EventKind.CONSULTATION_STARTED, sent_on, user,
               f"{consultation.get_kind_display()}：{consultation.party}；征求意见期间不计入答复期限（第三十三条第三款）")
    return consultation


def consultation_end(*, consultation: Consultation, user, replied_on: dt.date, opinion: str) -> Consultation:
    with transaction.atomic():
        _locked(consultation.request)
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not consultation.is_open:
            raise ValidationError("该征求意见已登记结果")
        if replied_on < consultation.sent_on:
            raise ValidationError({"replied_on": "收到意见日期不能早于发出日期"})
        _not_future(replied_on, "收到意见日期", "replied_on")
        if opinion not in ConsultationOpinion.values:
            raise ValidationError({"opinion": "请选择意见"})
        consultation.replied_on = replied_on
        consultation.opinion = opinion
        consultation._history_user = user
        consultation.save(update_fields=["replied_on", "opinion", "updated_at"])
        _event(consultation.request, EventKind.CONSULTATION_ENDED, replied_on, user,
               f"{consultation.party}：{consultation.get_opinion_display()}")
    return consultation


def extension_grant(
    *, request: DisclosureRequest, user, days: int, approved_by: str, approved_on: dt.date, reason: str
) -> DisclosureRequest:
    """第三十三条第二款: one extension, at most 20 working days, approved before the period runs out."""
    approved_by, reason = (approved_by or "").strip(), (reason or "").strip()
    with transaction.atomic():
        request = _locked(request)
        if request.status != RequestStatus.RECEIVED:
            raise ValidationError("只有办理中（非待补正）的申请才能延期")
        if request.extension_days:
            raise ValidationError("答复期限只能延长一次（第三十三条第二款）")
        if not 1 <= days <= MAX_EXTENSION_DAYS:
            raise ValidationError({"days": f"延长期限为1至{MAX_EXTENSION_DAYS}个工作日（第三十三条第二款）"})
        if not approved_by:
            raise ValidationError({"approved_by": "延期须经政府信息公开工作机构负责人同意，请填写批准人"})
        if not reason:
            raise ValidationError({"reason": "请填写延期理由"})
        _not_future(approved_on, "批准日期", "approved_on")
        due = clock_for(request).due
        if approved_on < request.received_on:
            raise ValidationError({"approved_on": "批准日期不能早于收到申请日期"})
        if due is not None and approved_on > due:
            raise ValidationError({"approved_on": f"原答复期限已于{format_date(due)}届满，不能再延长"})
        _in_order(request, approved_on, "批准日期", "approved_on")
        request.extension_days = days
        request.extension_approved_by = approved_by
        request.extension_approved_on = approved_on
        request.extension_reason = reason
        _save(request, user, ["extension_days", "extension_approved_by", "extension_approved_on", "extension_reason"])
        _event(request, EventKind.EXTENDED, approved_on, user,
               f"延长{days}个工作日，批准人：{approved_by}；理由：{reason}；应告知申请人")
    return request


def request_reply(
    *, request: DisclosureRequest, user, result: str, replied_on: dt.date, summary: str = "",
    referred_agency: str = "", files=(),
) -> DisclosureRequest:
    """Close the application with one of the template's results (第三十六至三十九条), reply documents attached."""
    summary, referred_agency = (summary or "").strip(), (referred_agency or "").strip()
    if result not in Result.values:
        raise ValidationError({"result": "请选择办理结果"})
    with transaction.atomic():
        request = _locked(request)
        if request.status == RequestStatus.CLOSED:
            raise ValidationError("该申请已办结")
        if request.status == RequestStatus.AWAITING_CORRECTION and result not in (Result.OTHER_NO_CORRECTION, Result.OTHER):
            raise ValidationError({"result": "申请人尚未补正：只能按“逾期不补正”或“其他”办结，收到补正后再作答复"})
        if result == Result.OTHER_NO_CORRECTION:
            _check_correction_lapsed(request, replied_on)
        if result == Result.UNAVAILABLE_STILL_UNCLEAR and not request.correction_received_on:
            raise ValidationError({"result": "“补正后申请内容仍不明确”只适用于已补正的申请"})
        # 第三十二条: the third party has 15 working days to answer and the decision weighs its opinion; 第三十三条第三款
        # stops the clock meanwhile. So no reply while a consultation is open: its answer (or its lapse) comes first.
        if request.consultations.active().filter(replied_on__isnull=True).exists():
            raise ValidationError("尚有征求意见未登记结果，不能答复：请先登记收到的意见（或逾期未提出意见）"
                                  "（《条例》第三十二条、第三十三条第三款）")
        # 第三十九条: a 信访、投诉、举报, a request for a publication or for a confirmation is not treated as a disclosure
        # application at all; one on which a third party or another agency was already consulted has been.
        if result in NOT_AN_APPLICATION and request.consultations.active().exists():
            raise ValidationError({"result": f"本申请已征求意见，已作为政府信息公开申请办理，不能再按“{Result(result).label}”办结"
                                             "（《条例》第三十九条）；如确属此类事项，请先作废征求意见记录"})
        if replied_on < request.received_on:
            raise ValidationError({"replied_on": "答复日期不能早于收到申请日期"})
        _not_future(replied_on, "答复日期", "replied_on")
        _in_order(request, replied_on, "答复日期", "replied_on")
        if result in REASONED_RESULTS and not summary:
            raise ValidationError({"summary": "该办理结果须向申请人说明理由（第三十六条），请填写答复内容摘要及理由"})
        request.result = result
        request.replied_on = replied_on
        request.reply_summary = summary
        request.referred_agency = referred_agency
        request.status = RequestStatus.CLOSED
        _save(request, user, ["result", "replied_on", "reply_summary", "referred_agency", "status"])
        for upload in files:
            attach_file(record=request, upload=upload, user=user)
        kind = EventKind.CLOSED_WITHOUT_REPLY if result in NO_REPLY_RESULTS else EventKind.REPLIED
        _event(request, kind, replied_on, user, f"{Result(result).label}" + (f"；{summary}" if summary else ""))
    return request


# 第三十九条: not processed as a disclosure application at all (信访、投诉、举报; 公开出版物; 确认或者重新出具).
NOT_AN_APPLICATION = frozenset({Result.NOT_PROCESSED_PETITION, Result.NOT_PROCESSED_PUBLICATION,
                                Result.NOT_PROCESSED_CONFIRMATION})


def _check_correction_lapsed(request: DisclosureRequest, closed_on: dt.date) -> None:
    if request.status != RequestStatus.AWAITING_CORRECTION:
        raise ValidationError({"result": "“逾期不补正”只适用于等待补正的申请"})
    due = correction_due(request)  # a last day on a rest day moves to the next working day (民事诉讼法第八十五条)
    if due and closed_on <= due:
        raise ValidationError({"replied_on": f"补正期限{format_date(due)}尚未届满，不能按逾期不补正办结"})


def request_void(*, request: DisclosureRequest, user, reason: str) -> None:
    with transaction.atomic():
        request = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
        request.void(reason=reason, user=user)
        _event(request, EventKind.VOIDED, timezone.localdate(), user, reason)
