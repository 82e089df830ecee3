"""The pipeline of a normative document, one service per rule; every step writes the timeline.

Sources (LAW.md §6): 国办发〔2018〕37号 — 涉及群众切身利益的须公开征求意见; 未经合法性审核或经审核不合法的，
不得提交集体审议; 集体审议; 统一登记、统一编号、统一印发; 未经公布的不得作为行政管理依据; 备案; 定期评估清理.
"""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from fazhi.core import numbering
from fazhi.core.kit.voiding import Voiding, void_record
from fazhi.core.models import Organisation
from fazhi.core.transitions import record_transition
from fazhi.core.workdays import format_date
from fazhi.normative import rules
from fazhi.normative.choices import BEFORE_ISSUE, DocStatus, EvaluationConclusion
from fazhi.normative.models import DocumentSeries, EvaluationRecord, NormativeDocument
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import SubjectKind


def _today() -> dt.date:
    return timezone.localdate()


def _check_date(day: dt.date, field: str, label: str, *, not_before: dt.date | None = None, before_label: str = "") -> None:
    if day > _today():
        raise ValidationError({field: f"{label}不能晚于今天"})
    if not_before is not None and day < not_before:
        raise ValidationError({field: f"{label}不能早于{before_label}（{format_date(not_before)}）"})


def _lock(doc: NormativeDocument) -> NormativeDocument:
    locked = NormativeDocument.objects.select_for_update().get(pk=doc.pk)
    if locked.is_void:
        raise ValidationError("该文件已作废，不能继续办理")
    return locked


def _move(doc: NormativeDocument, to: DocStatus, *, user, action: str, on: dt.date, note: str = "") -> None:
    before = doc.get_status_display()
    doc.status = to
    doc._history_user = user
    doc.save()
    record_transition(doc, action=action, from_status=before, to_status=to.label, user=user, on=on, note=note)


def _refuse(action: str, reason: str) -> None:
    raise ValidationError(f"不能{action}：{reason}")


# ---------------------------------------------------------------- drafting

@transaction.atomic
def create_draft(*, organisation: Organisation, fields: dict, user=None) -> NormativeDocument:
    doc = NormativeDocument(organisation=organisation, created_by=user, **fields)
    doc.full_clean()
    doc._history_user = user
    doc.save()
    record_transition(doc, action="起草", to_status=DocStatus.DRAFTING.label, user=user, note=f"起草单位：{doc.drafting_unit}")
    return doc


@transaction.atomic
def open_public_comment(
    doc: NormativeDocument, *, user, opens_on: dt.date, closes_on: dt.date, short_reason: str = "",
):
    """涉及公民、法人和其他组织权利义务的文件草案，向社会公开征求意见（国办发〔2018〕37号）."""
    doc = _lock(doc)
    if doc.status not in (DocStatus.DRAFTING, DocStatus.COMMENTING, DocStatus.IN_REVIEW):
        _refuse("公开征求意见", f"文件已{doc.get_status_display()}")
    if reviews.open_review(doc) is not None:
        _refuse("公开征求意见", "草案正在合法性审核中")
    _check_date(opens_on, "opens_on", "开始日期")
    cfg = rules.settings_for(doc.organisation)
    period = participation.open_comment_period(
        doc, title=f"关于《{doc.title}（征求意见稿）》公开征求意见的公告", draft_text=doc.draft_text,
        explanation=doc.drafting_note, opens_on=opens_on, closes_on=closes_on, minimum_days=cfg.comment_min_days,
        basis="本单位规范性文件设置", short_reason=short_reason, user=user,
    )
    before = doc.get_status_display()
    doc.status = DocStatus.COMMENTING
    doc._history_user = user
    doc.save()
    if before != doc.get_status_display():
        record_transition(doc, action="进入公开征求意见", from_status=before, to_status=doc.get_status_display(), user=user, on=opens_on)
    return period


def comment_state(doc: NormativeDocument, today: dt.date | None = None) -> str | None:
    """Why the draft cannot go to review yet for want of public comment, or None when it can."""
    if not doc.affects_rights:
        return None
    period = participation.current_period(doc)
    if period is None:
        return "本文件涉及公民、法人和其他组织权利义务，须先公开征求意见"
    today = today or _today()
    if period.closes_on >= today:
        return f"公开征求意见期尚未结束（至{format_date(period.closes_on)}）"
    return None


@transaction.atomic
def send_for_legality_review(
    doc: NormativeDocument, *, user, submitted_on: dt.date, days_allowed: int | None = None, materials: str = "",
):
    """未经合法性审核的草案不得提交集体审议: the draft goes to the one review queue."""
    doc = _lock(doc)
    action = "送请合法性审核"
    if doc.status not in (DocStatus.DRAFTING, DocStatus.COMMENTING, DocStatus.IN_REVIEW):
        _refuse(action, f"文件已{doc.get_status_display()}")
    waiting = comment_state(doc)
    if waiting:
        _refuse(action, waiting)
    period = participation.current_period(doc)
    if period is not None:
        _check_date(submitted_on, "submitted_on", "送审日期", not_before=period.closes_on, before_label="征求意见截止日期")
    review = reviews.review_request(
        organisation=doc.organisation, kind=SubjectKind.NORMATIVE, subject=doc, title=doc.title,
        submitted_by_unit=doc.drafting_unit, submitted_on=submitted_on, days_allowed=days_allowed,
        materials=materials or "草案文本、起草说明" + ("、征求意见及采纳情况" if period else ""), user=user,
    )
    _move(doc, DocStatus.IN_REVIEW, user=user, action=action, on=submitted_on, note=f"审查期限{review.days_allowed}个工作日")
    return review


@transaction.atomic
def record_deliberation(doc: NormativeDocument, *, user, deliberated_on: dt.date, meeting: str, note: str = "") -> NormativeDocument:
    """集体审议: only a draft whose legality review passed may be deliberated (国办发〔2018〕37号)."""
    doc = _lock(doc)
    action = "提交集体审议"
    if doc.status not in (DocStatus.DRAFTING, DocStatus.COMMENTING, DocStatus.IN_REVIEW):
        _refuse(action, f"文件已{doc.get_status_display()}")
    review = reviews.require_passing_review(doc, action=action)
    if not meeting.strip():
        raise ValidationError({"meeting": "请填写审议会议，如：镇政府常务会议（2025年第5次）"})
    _check_date(deliberated_on, "deliberated_on", "审议日期", not_before=review.concluded_on, before_label="合法性审核意见日期")
    doc.passing_review, doc.deliberated_on = review, deliberated_on
    doc.deliberation_meeting, doc.deliberation_note = meeting.strip(), note.strip()
    _move(doc, DocStatus.DELIBERATED, user=user, action="集体审议通过", on=deliberated_on, note=doc.deliberation_meeting)
    return doc


def _next_number(series: DocumentSeries, year: int) -> int:
    """Gap-free per series and year (fazhi/core/numbering.py): the counter row stays locked until the document is
    saved and rolls back with it if the save fails."""
    return numbering.next_number(series.organisation_id, numbering.normative_series(series.pk), year, highest_issued=lambda: (
        NormativeDocument.objects.filter(series=series, number_year=year).aggregate(m=Max("number"))["m"]))


@transaction.atomic
def issue_document(doc: NormativeDocument, *, user, series: DocumentSeries, issued_on: dt.date) -> NormativeDocument:
    """统一登记、统一编号、统一印发: a deliberated document gets the next number of its series and year."""
    doc = _lock(doc)
    action = "印发"
    if doc.status != DocStatus.DELIBERATED:
        if doc.status in BEFORE_ISSUE:
            reviews.require_passing_review(doc, action=action)
            _refuse(action, "尚未经集体审议")
        _refuse(action, f"文件已{doc.get_status_display()}")
    if series.organisation_id != doc.organisation_id or not series.is_active:
        raise ValidationError({"series": "请选择本单位在用的发文字号系列"})
    _check_date(issued_on, "issued_on", "印发日期", not_before=doc.deliberated_on, before_label="集体审议日期")
    doc.series, doc.number_year, doc.issued_on = series, issued_on.year, issued_on
    doc.number = _next_number(series, issued_on.year)
    doc.doc_number = rules.format_doc_number(series.prefix, issued_on.year, doc.number)
    _move(doc, DocStatus.ISSUED, user=user, action="印发", on=issued_on, note=f"文号：{doc.doc_number}")
    return doc


@transaction.atomic
def publish_document(
    doc: NormativeDocument, *, user, published_on: dt.date, channel: str, valid_until: dt.date | None = None,
) -> NormativeDocument:
    """未经公布的规范性文件不得作为行政管理依据: publication puts it in force and on the public portal."""
    doc = _lock(doc)
    if doc.status != DocStatus.ISSUED:
        _refuse("公布", "文件尚未印发" if doc.status in BEFORE_ISSUE else f"文件已{doc.get_status_display()}")
    if not channel.strip():
        raise ValidationError({"channel": "请填写公布载体，如：镇人民政府门户网站、政务公开栏"})
    _check_date(published_on, "published_on", "公布日期", not_before=doc.issued_on, before_label="印发日期")
    cfg = rules.settings_for(doc.organisation)
    doc.published_on, doc.publication_channel = published_on, channel.strip()
    doc.valid_until = valid_until or rules.default_valid_until(published_on, trial=doc.trial, settings=cfg)
    if doc.valid_until <= published_on:
        raise ValidationError({"valid_until": "有效期须晚于公布日期"})
    deadline = rules.filing_deadline(published_on, cfg.filing_days)
    _move(doc, DocStatus.PUBLISHED, user=user, action="公布施行", on=published_on,
          note=f"{doc.publication_channel}；有效期至{format_date(doc.valid_until)}；{deadline.explanation}")
    return doc


@transaction.atomic
def file_with_county(
    doc: NormativeDocument, *, user, filed_on: dt.date, filing_body: str = "", reference: str = "",
) -> NormativeDocument:
    """报送备案 within the township's filing period after publication (late filings are kept and flagged)."""
    doc = _lock(doc)
    if doc.status not in (DocStatus.PUBLISHED, DocStatus.REPEALED) or doc.published_on is None:
        _refuse("报送备案", "文件尚未公布" if doc.status != DocStatus.REPEALED else "文件未曾公布")
    if doc.filed_on:
        _refuse("报送备案", f"已于{format_date(doc.filed_on)}报送备案")
    _check_date(filed_on, "filed_on", "报送备案日期", not_before=doc.published_on, before_label="公布日期")
    cfg = rules.settings_for(doc.organisation)
    body = filing_body.strip() or cfg.filing_body or (doc.organisation.parent.name + "人民政府" if doc.organisation.parent else "")
    deadline = rules.filing_deadline(doc.published_on, cfg.filing_days)
    late = filed_on > deadline.due
    doc.filed_on, doc.filing_body, doc.filing_reference = filed_on, body, reference.strip()
    doc._history_user = user
    doc.save()
    record_transition(
        doc, action="报送备案" + ("（逾期）" if late else ""), user=user, on=filed_on,
        note=f"备案机关：{body}；{deadline.explanation}" + (f"；逾期{(filed_on - deadline.due).days}日" if late else ""),
    )
    return doc


def filing_is_late(doc: NormativeDocument, today: dt.date | None = None) -> bool:
    """Filed after the deadline, or not filed and the deadline has passed."""
    if doc.published_on is None:
        return False
    cfg = rules.settings_for(doc.organisation)
    due = rules.filing_deadline(doc.published_on, cfg.filing_days).due
    return (doc.filed_on or today or _today()) > due


@transaction.atomic
def evaluate_document(doc: NormativeDocument, *, user, evaluated_on: dt.date, conclusion: str, note: str = "") -> NormativeDocument:
    """定期评估清理 of a document in force."""
    doc = _lock(doc)
    if doc.status != DocStatus.PUBLISHED:
        _refuse("评估清理", "只有已公布施行的文件需要评估清理")
    if conclusion not in EvaluationConclusion.values:
        raise ValidationError({"conclusion": "请选择评估结论"})
    _check_date(evaluated_on, "evaluated_on", "评估日期", not_before=doc.published_on, before_label="公布日期")
    EvaluationRecord.objects.create(document=doc, evaluated_on=evaluated_on, conclusion=conclusion, note=note.strip(), user=user)
    doc.last_evaluated_on, doc.evaluation_conclusion = evaluated_on, conclusion
    doc._history_user = user
    doc.save()
    record_transition(doc, action=f"评估清理：{EvaluationConclusion(conclusion).label}", user=user, on=evaluated_on, note=note)
    return doc


@transaction.atomic
def repeal_document(doc: NormativeDocument, *, user, repealed_on: dt.date, reason: str) -> NormativeDocument:
    """废止: the document leaves force on the date given; its number and history stay."""
    doc = _lock(doc)
    if doc.status not in (DocStatus.ISSUED, DocStatus.PUBLISHED):
        _refuse("废止", "只有已印发的文件才能废止（草案请作废）" if doc.status in BEFORE_ISSUE else "文件已废止")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "废止必须写明原因"})
    _check_date(repealed_on, "repealed_on", "废止日期", not_before=doc.issued_on, before_label="印发日期")
    doc.repealed_on, doc.repeal_reason = repealed_on, reason[:300]
    _move(doc, DocStatus.REPEALED, user=user, action="废止", on=repealed_on, note=reason)
    return doc


DRAFT_VOIDING = Voiding(
    refuse=lambda doc: None if doc.status in BEFORE_ISSUE else "已印发的文件有文号，不能作废；如不再施行，请办理废止",
    action="作废草案",
    cascade=(participation.withdraw_periods, reviews.withdraw_open_review),
)


def draft_void(doc: NormativeDocument, *, user, reason: str) -> NormativeDocument:
    """A draft is voided before it is issued (an issued document keeps its 文号 and is repealed instead); its comment
    periods leave the portal and its open legality review leaves the queue, in the same transaction."""
    return void_record(doc, voiding=DRAFT_VOIDING, user=user, reason=reason)
