"""The legality-review queue's rules. Every matter that needs a review goes through here, and every
module that issues, signs or decides asks ``require_passing_review`` first (应审尽审).

Sources: 《重大行政决策程序暂行条例》第二十五至二十八条; 行政处罚法第五十八条; 国办发〔2018〕118号
（重大执法决定法制审核）; 国办发〔2018〕37号（规范性文件合法性审核）.
"""
from __future__ import annotations

import datetime as dt
import importlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.dispatch import Signal
from django.utils import timezone

from fazhi.core import deadlines, roles
from fazhi.core.attachments import attach_file
from fazhi.core.deadlines import Deadline
from fazhi.core.kit.voiding import Voiding, void_record
from fazhi.core.models import Organisation
from fazhi.core.transitions import record_transition
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.reviews.choices import OPEN_STATUSES, PASSING_OPINIONS, Opinion, ReviewStatus, SubjectKind
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.rules import DEFAULT_DAYS_ALLOWED, MINIMUM_BASIS, minimum_days

# 司法所工作人员 and 法制审核人员 (政府法律顾问): the role matrix in fazhi/core/roles.py says so, in one place.
REVIEWER_ROLES = roles.REVIEWER_ROLES
OWN_MATTER = ("不能审查本人送审或起草的事项：合法性审查须由起草、送审以外的司法所工作人员或法制审核人员进行"
              "（行政处罚法第五十八条；《重大行政决策程序暂行条例》第二十五条至第二十八条）")


# Sent when a review's opinion is recorded, with ``sender`` the matter's model and ``subject``, ``review``, ``user``:
# the matter's own app (a receiver in its services module) updates where the matter stands. Reviews knows no app.
review_concluded = Signal()


def _today() -> dt.date:
    return timezone.localdate()


def _not_future(day: dt.date, field: str, label: str) -> None:
    if day > _today():
        raise ValidationError({field: f"{label}不能晚于今天"})


def reviews_of(subject: Model):
    return LegalityReview.objects.active().filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    )


def open_review(subject: Model) -> LegalityReview | None:
    return reviews_of(subject).filter(status__in=OPEN_STATUSES).first()


def latest_review(subject: Model) -> LegalityReview | None:
    return reviews_of(subject).exclude(status=ReviewStatus.WITHDRAWN).order_by("-submitted_on", "-id").first()


def passing_review(subject: Model) -> LegalityReview | None:
    """The latest concluded review of the matter, if its opinion lets the matter go on."""
    review = reviews_of(subject).filter(status=ReviewStatus.CONCLUDED).order_by("-concluded_on", "-id").first()
    return review if review is not None and review.opinion in PASSING_OPINIONS else None


def review_state_text(subject: Model) -> str:
    """Where the matter stands in review, in the words a refusal uses."""
    if passing_review(subject) is not None:
        return "已通过合法性审查"
    current = open_review(subject)
    if current is not None:
        return f"合法性审查尚未完成（{current.get_status_display()}）"
    last = latest_review(subject)
    if last is not None and last.opinion == Opinion.REJECTED:
        return "合法性审查意见为“不予通过”，须修改后重新送审"
    return "尚未送请合法性审查"


def require_passing_review(subject: Model, *, action: str) -> LegalityReview:
    """应审尽审: nothing that requires review moves past it without a passing opinion."""
    review = passing_review(subject)
    if review is None:
        raise ValidationError(f"不能{action}：{review_state_text(subject)}。未经合法性审查或审查未通过的事项不得{action}。")
    return review


def subject_of(review: LegalityReview):
    if review.subject_type_id is None:
        return None
    model = review.subject_type.model_class()
    return model.objects.filter(pk=review.subject_id).first() if model is not None else None


# ---------------------------------------------------------------- time allowed and taken

def due_date(review: LegalityReview, calendar: WorkingCalendar | None = None) -> Deadline:
    """审查期限: the working days the sender allowed (at least the statutory minimum, rules.py), on the calendar."""
    basis = MINIMUM_BASIS.get(review.kind, "送审时确定的审查期限")
    return deadlines.working_days("合法性审查期限", basis, review.submitted_on, review.days_allowed, calendar, heading="")


def working_days_taken(review: LegalityReview, calendar: WorkingCalendar | None = None, today: dt.date | None = None) -> int:
    end = review.concluded_on or today or _today()
    return (calendar or WorkingCalendar.load()).count_working_days(review.submitted_on, end)


# ---------------------------------------------------------------- transitions

@transaction.atomic
def review_request(
    *, organisation: Organisation, kind: str, title: str, submitted_by_unit: str, submitted_on: dt.date,
    days_allowed: int | None = None, materials: str = "", subject: Model | None = None, user=None,
) -> LegalityReview:
    """Put a matter in the queue. A decision must be given at least 7 working days (条例第二十六条第二款)."""
    if kind not in SubjectKind.values:
        raise ValidationError({"kind": "事项类别无效"})
    if subject is None and kind != SubjectKind.OTHER:
        raise ValidationError({"kind": "合同、规范性文件、决策和执法决定须从其办理页面送审"})
    if subject is not None and open_review(subject) is not None:
        raise ValidationError("该事项已有一件未完成的合法性审查，不能重复送审")
    _not_future(submitted_on, "submitted_on", "送审日期")
    days = days_allowed if days_allowed is not None else DEFAULT_DAYS_ALLOWED[SubjectKind(kind)]
    if days < minimum_days(kind):
        basis = MINIMUM_BASIS.get(kind, "")
        raise ValidationError({"days_allowed": f"审查期限不得少于{minimum_days(kind)}个工作日（{basis}）"})
    if days > 60:
        raise ValidationError({"days_allowed": "审查期限过长（超过60个工作日），请核实"})
    review = LegalityReview(
        organisation=organisation, created_by=user, kind=kind, title=title.strip(),
        submitted_by_unit=submitted_by_unit.strip(), submitted_on=submitted_on, days_allowed=days, materials=materials,
    )
    if subject is not None:
        review.subject_type = ContentType.objects.get_for_model(subject)
        review.subject_id = subject.pk
    review.full_clean()
    review.save()
    due = due_date(review)
    record_transition(
        review, action="送审", to_status=ReviewStatus.PENDING.label, user=user, on=submitted_on,
        note=f"{review.submitted_by_unit}送审，审查期限{days}个工作日，至{format_date(due.due)}",
    )
    return review


def _lock(review: LegalityReview) -> LegalityReview:
    return LegalityReview.objects.select_for_update().get(pk=review.pk)


def reviewer_refusal(user, review: LegalityReview) -> str | None:
    """Why this user may not take or conclude this review (None: they may). Separation of duties: a reviewer
    role of the matter's own township, who neither sent the matter for review nor drafted it."""
    if getattr(user, "role", None) not in REVIEWER_ROLES:
        return roles.refusal(getattr(user, "role", ""), roles.REVIEW_OPINION)
    if getattr(user, "organisation_id", None) != review.organisation_id:
        return "只能审查本乡镇（街道）送审的事项"
    subject = subject_of(review)
    authors = {review.created_by_id, getattr(subject, "created_by_id", None)}
    if user.pk in authors:
        return OWN_MATTER
    return None


def _check_reviewer(user, review: LegalityReview) -> None:
    refusal = reviewer_refusal(user, review)
    if refusal:
        raise PermissionDenied(refusal)


@transaction.atomic
def review_take(review: LegalityReview, *, user, on: dt.date | None = None) -> LegalityReview:
    review = _lock(review)
    _check_reviewer(user, review)
    if review.is_void or review.status != ReviewStatus.PENDING:
        raise ValidationError(f"该审查事项当前为“{review.get_status_display()}”，不能受理")
    on = on or _today()
    if on < review.submitted_on:
        raise ValidationError({"taken_on": "受理日期不能早于送审日期"})
    _not_future(on, "taken_on", "受理日期")
    review.status, review.reviewer, review.taken_on = ReviewStatus.IN_REVIEW, user, on
    review._history_user = user
    review.save()
    record_transition(
        review, action="受理", from_status=ReviewStatus.PENDING.label, to_status=ReviewStatus.IN_REVIEW.label,
        user=user, on=on, note=f"审查人：{user}",
    )
    return review


@transaction.atomic
def review_conclude(
    review: LegalityReview, *, user, opinion: str, reasons: str, suggestions: str = "",
    concluded_on: dt.date | None = None, files=(),
) -> LegalityReview:
    """Record the opinion. 修改后通过 needs the changes asked for; 不予通过 needs its reasons."""
    review = _lock(review)
    _check_reviewer(user, review)
    if review.is_void or review.status not in OPEN_STATUSES:
        raise ValidationError(f"该审查事项当前为“{review.get_status_display()}”，不能出具意见")
    if opinion not in Opinion.values:
        raise ValidationError({"opinion": "请选择审查意见：通过、修改后通过或不予通过"})
    reasons, suggestions = (reasons or "").strip(), (suggestions or "").strip()
    if opinion != Opinion.APPROVED and not reasons:
        raise ValidationError({"reasons": f"审查意见为“{Opinion(opinion).label}”时必须写明理由"})
    if opinion == Opinion.APPROVED_WITH_CHANGES and not suggestions:
        raise ValidationError({"suggestions": "“修改后通过”必须写明修改建议"})
    on = concluded_on or _today()
    if on < review.submitted_on:
        raise ValidationError({"concluded_on": "出具意见日期不能早于送审日期"})
    _not_future(on, "concluded_on", "出具意见日期")
    before = review.get_status_display()
    if review.status == ReviewStatus.PENDING:
        review.reviewer, review.taken_on = user, on
    review.status, review.opinion, review.reasons, review.suggestions, review.concluded_on = (
        ReviewStatus.CONCLUDED, opinion, reasons, suggestions, on
    )
    review._history_user = user
    review.save()
    for upload in files:
        attach_file(record=review, upload=upload, user=user)
    subject = subject_of(review)
    if subject is not None:
        _load_services_of(subject)
        review_concluded.send(sender=type(subject), subject=subject, review=review, user=user)
    record_transition(
        review, action=f"出具审查意见：{Opinion(opinion).label}", from_status=before,
        to_status=ReviewStatus.CONCLUDED.label, user=user, on=on,
        note="\n".join(x for x in (reasons and f"理由：{reasons}", suggestions and f"建议：{suggestions}") if x),
    )
    return review


def _load_services_of(subject: Model) -> None:
    """The receivers live in the matter's app's services module: make sure it is imported (as admin autodiscovery
    imports each app's admin module) even in a process that has not loaded that app's views."""
    try:
        importlib.import_module(f"{subject._meta.app_config.name}.services")
    except ModuleNotFoundError as exc:
        if exc.name != f"{subject._meta.app_config.name}.services":
            raise


@transaction.atomic
def review_withdraw(review: LegalityReview, *, user, reason: str) -> LegalityReview:
    review = _lock(review)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"withdrawn_reason": "撤回必须填写原因"})
    if review.status not in OPEN_STATUSES:
        raise ValidationError(f"该审查事项当前为“{review.get_status_display()}”，不能撤回")
    before = review.get_status_display()
    review.status, review.withdrawn_reason = ReviewStatus.WITHDRAWN, reason[:200]
    review._history_user = user
    review.save()
    record_transition(
        review, action="撤回", from_status=before, to_status=ReviewStatus.WITHDRAWN.label, user=user, note=reason
    )
    return review


def withdraw_open_review(subject: Model, *, user, reason: str) -> LegalityReview | None:
    """A voided matter leaves the queue: its open review is withdrawn with the reason."""
    current = open_review(subject)
    if current is None:
        return None
    return review_withdraw(current, user=user, reason=f"送审事项已作废：{reason}"[:200])


def review_void(review: LegalityReview, *, user, reason: str) -> LegalityReview:
    """A matter registered in the queue by mistake is voided, with its reason on the timeline."""
    return void_record(review, voiding=Voiding(), user=user, reason=reason)
