"""Opening a draft to public comment, receiving comments from the portal, moderating them.

The minimum period is the caller's rule: 《重大行政决策程序暂行条例》第十五条 gives decisions at least
30 calendar days ("一般不少于30日"), and a shorter period must be explained. Normative documents have no
confirmed national minimum (LAW.md §6), so they pass their own.
"""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.html import strip_tags

from fazhi.core.masking import mask_name
from fazhi.core.transitions import record_transition
from fazhi.core.workdays import format_date
from fazhi.participation.models import CommentPeriod, CommentStatus, PublicComment

MAX_COMMENT_CHARS = 2000


def periods_of(subject: Model):
    return CommentPeriod.objects.active().filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    )


def current_period(subject: Model) -> CommentPeriod | None:
    return periods_of(subject).order_by("-opens_on", "-id").first()


@transaction.atomic
def open_comment_period(
    subject: Model, *, title: str, draft_text: str, explanation: str, opens_on: dt.date, closes_on: dt.date,
    minimum_days: int = 0, basis: str = "", short_reason: str = "", user=None,
) -> CommentPeriod:
    if not (draft_text or "").strip():
        raise ValidationError({"draft_text": "征求意见必须公布草案全文"})
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "截止日期不能早于开始日期"})
    period = CommentPeriod(
        organisation_id=subject.organisation_id, created_by=user,
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk,
        title=title.strip(), draft_text=draft_text, explanation=explanation, opens_on=opens_on, closes_on=closes_on,
        short_reason=(short_reason or "").strip(),
    )
    if minimum_days and period.days < minimum_days and not period.short_reason:
        raise ValidationError({
            "closes_on": f"征求意见期限为{period.days}日，少于{minimum_days}日（{basis}）；如确需缩短，须填写说明理由",
        })
    if periods_of(subject).filter(closes_on__gte=opens_on).exists():
        raise ValidationError("该草案已有一次进行中的征求意见")
    period.save()
    record_transition(
        subject, action="公开征求意见", user=user, on=opens_on,
        note=f"{format_date(opens_on)}至{format_date(closes_on)}，共{period.days}日"
        + (f"；期限较短的理由：{period.short_reason}" if period.short_reason else ""),
    )
    return period


def clean_comment_text(text: str) -> str:
    return strip_tags(text or "").replace("\x00", "").strip()


@transaction.atomic
def submit_comment(period: CommentPeriod, *, text: str, author_name: str = "", contact: str = "") -> PublicComment:
    """A comment from the portal: HTML stripped, length-limited, held for moderation."""
    today = timezone.localdate()
    if not period.is_open_on(today):
        raise ValidationError("该草案的征求意见期已结束或尚未开始")
    text = clean_comment_text(text)
    if len(text) < 5:
        raise ValidationError({"text": "请填写意见内容（至少5个字）"})
    if len(text) > MAX_COMMENT_CHARS:
        raise ValidationError({"text": f"意见内容不能超过{MAX_COMMENT_CHARS}字"})
    return PublicComment.objects.create(
        organisation_id=period.organisation_id, period=period, text=text,
        author_name=clean_comment_text(author_name)[:50], contact=clean_comment_text(contact)[:100],
    )


@transaction.atomic
def moderate_comment(comment: PublicComment, *, user, approve: bool, note: str = "") -> PublicComment:
    comment = PublicComment.objects.select_for_update().get(pk=comment.pk)
    if comment.status != CommentStatus.PENDING:
        raise ValidationError("该意见已审核")
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.moderated_by, comment.moderated_at, comment.moderation_note = user, timezone.now(), (note or "").strip()[:200]
    comment._history_user = user
    comment.save()
    return comment


def public_comments(period: CommentPeriod):
    return period.comments.active().filter(status=CommentStatus.APPROVED)


def public_author(comment: PublicComment) -> str:
    return mask_name(comment.author_name) if comment.author_name else "匿名"


def comment_summary(subject: Model) -> dict:
    """How many comments came in on the matter's drafts, for the decision/document page and the report."""
    comments = PublicComment.objects.active().filter(period__in=periods_of(subject))
    return {
        "received": comments.count(),
        "pending": comments.filter(status=CommentStatus.PENDING).count(),
        "approved": comments.filter(status=CommentStatus.APPROVED).count(),
    }


def withdraw_periods(subject: Model, *, user, reason: str) -> int:
    """A voided draft is taken off the portal: its comment periods are voided with the same reason."""
    count = 0
    for period in periods_of(subject):
        period.void(reason=f"草案已作废：{reason}"[:200], user=user)
        count += 1
    return count
