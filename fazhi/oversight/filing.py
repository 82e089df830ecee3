"""Submitting a township's annual report to the county, the county's answer, and publication.

The report of year Y goes to the county (县委、县政府, copy to 依法治县办) by the county's deadline
and is made public by 4月1日 of Y+1 (LAW.md §1; 《法治政府建设与责任落实督察工作规定》 Art. 24 for
publication). Each submission freezes the report as sent — its text, its figures and the .docx —
so the county reviews exactly what it received and earlier versions are never lost. When the records move on
after a submission, ``figure_changes`` lists the figures that now differ (报送后数据已变化) on the live report page
and on the version's page; the county's answer is heard by the township (reminders.py ``notify_review``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.core.scoping import writable_org
from fazhi.core.transitions import record_transition
from fazhi.indicators.registry import Figure, Scope, compute_all, format_value
from fazhi.oversight.deadlines import county_of
from fazhi.oversight.models import Filing, Submission, SubmissionStatus
from fazhi.oversight.reminders import notify_review

SUBMITTING_ROLES = frozenset({Role.LEADER})


def filing_get(org: Organisation, year: int) -> Filing | None:
    return Filing.objects.active().filter(organisation=org, year=year).first()


def _filing_get_or_create(org: Organisation, year: int, user: User) -> Filing:
    filing = Filing.objects.active().select_for_update().filter(organisation=org, year=year).first()
    return filing or Filing.objects.create(organisation=org, year=year, created_by=user)


def may_submit(user: User, org: Organisation) -> bool:
    return user.is_authenticated and user.role in SUBMITTING_ROLES and writable_org(user) == org


def submit_report(org: Organisation, year: int, user: User, reason: str = "", dated: dt.date | None = None) -> Submission:
    """The township leader approves the saved report as it stands and sends it to the county (审定并报送).

    The 成文日期 becomes the day the leader approves it (``dated``, today in Beijing unless the leader gives
    another day of the report's year or after, not in the future), never the day a file happens to be generated.

    The report check runs first (fazhi/reports/check/): when it finds problems the leader must give a reason
    (说明理由) to send the report as it is; the score, the problems and the reason are stored with the version
    and are what the county sees. Refused while an earlier version waits for the county; after the county
    has returned or accepted one, the next goes in as a new version (a correction of an accepted report is
    reviewed again), the earlier versions kept as they were.
    """
    from fazhi.reports.check import check_composed
    from fazhi.reports.check.frozen import composed_to_dict
    from fazhi.reports.compose import compose_report
    from fazhi.reports.render_docx import render_docx
    from fazhi.reports.render_md import render_markdown
    from fazhi.reports.services import report_get

    if not may_submit(user, org):
        raise PermissionDenied("年度报告须由本乡镇（街道）党政主要负责人或分管领导审定后报送")
    report = report_get(org, year)
    if report is None:
        raise ValidationError("请先保存年度报告，再审定报送")
    reason = (reason or "").strip()
    today = clock.today()
    dated = dated or today
    if dated > today or dated.year < year:
        raise ValidationError({"dated": f"成文日期应在{year}年1月1日至今天（{today:%Y-%m-%d}）之间"})
    with transaction.atomic():
        filing = _filing_get_or_create(org, year, user)
        latest = filing.latest
        if latest and latest.status == SubmissionStatus.SUBMITTED:
            raise ValidationError(f"第{latest.version}版已报送、县级尚未审核，不能重复报送")
        if report.dated != dated:
            report.dated = dated
            report._history_user = user
            report.save(update_fields=["dated", "updated_at"])
        composed = compose_report(report)
        check = check_composed(composed, org)
        if check.problems and not reason:
            raise ValidationError({"reason": f"报告自查发现{len(check.problems)}个问题，请修改报告，或说明理由后再报送"})
        figures = {key: {"value": fig.json_value(), "unit": fig.indicator.unit, "label": fig.indicator.label}
                   for key, fig in compute_all(Scope((org,), year)).items() if fig.indicator.connected}
        submission = Submission.objects.create(
            filing=filing, version=(latest.version + 1) if latest else 1, submitted_at=timezone.now(),
            submitted_by=user, title=composed.title, text=render_markdown(composed), figures=figures,
            docx=render_docx(composed), check_score=check.score,
            check_problems=[p.as_dict() for p in check.problems], check_reason=reason if check.problems else "",
            structure=composed_to_dict(composed),
        )
        note = f"审定并报送第{submission.version}版（自查{check.score}分"
        note += f"，{len(check.problems)}个问题，理由：{reason}）" if check.problems else "）"
        record_transition(filing, action="审定并报送", from_status=latest.get_status_display() if latest else "",
                          to_status=SubmissionStatus.SUBMITTED.label, user=user, note=note[:500])
    return submission


def supervising_county(user: User) -> Organisation | None:
    """The county whose townships' reports this user reviews (the county's 依法治县办 supervisor)."""
    if not user.is_authenticated or user.role != Role.COUNTY_SUPERVISOR or user.organisation is None:
        return None
    return user.organisation if user.organisation.kind == OrgKind.COUNTY else None


def _require_reviewer(user: User, submission: Submission) -> None:
    county = supervising_county(user)
    if county is None or county_of(submission.filing.organisation) != county:
        raise PermissionDenied("只有本县依法治县办可以审核乡镇年度报告")


def _review(submission: Submission, user: User, status: str, comment: str, action: str) -> Submission:
    _require_reviewer(user, submission)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.status != SubmissionStatus.SUBMITTED:
            raise ValidationError(f"第{submission.version}版{submission.get_status_display()}，不能再审核")
        submission.status = status
        submission.comment = comment
        submission.reviewed_at = timezone.now()
        submission.reviewed_by = user
        submission.save(update_fields=["status", "comment", "reviewed_at", "reviewed_by"])
        record_transition(submission.filing, action=action, from_status=SubmissionStatus.SUBMITTED.label,
                          to_status=SubmissionStatus(status).label,
                          user=user, note=f"第{submission.version}版：{comment}" if comment else f"第{submission.version}版")
        notify_review(submission)
    return submission


def return_submission(submission: Submission, user: User, comment: str) -> Submission:
    """The county sends a version back with its comments; the township revises and submits again.

    The township's leaders and clerks get a notice with the comments (and an e-mail where mail is configured)."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "退回时须写明修改意见"})
    return _review(submission, user, SubmissionStatus.RETURNED, comment, "县级退回")


def accept_submission(submission: Submission, user: User, comment: str = "") -> Submission:
    """The county accepts a version; the township's leaders and clerks are told, with the opinion if any."""
    return _review(submission, user, SubmissionStatus.ACCEPTED, (comment or "").strip(), "县级接收")


def record_publication(org: Organisation, year: int, user: User, *, published_on: dt.date, url: str) -> Filing:
    """The township records where and when the report was made public (by 4月1日, Art. 24)."""
    if writable_org(user) != org:
        raise PermissionDenied("您只能登记本乡镇（街道）的公开情况")
    if published_on > timezone.localdate():
        raise ValidationError({"published_on": "公开日期不能晚于今天"})
    if published_on.year < year:
        raise ValidationError({"published_on": "公开日期不能早于报告年度"})
    with transaction.atomic():
        filing = _filing_get_or_create(org, year, user)
        before = "已公开" if filing.published_on else "未公开"
        filing.published_on = published_on
        filing.published_url = url
        filing._history_user = user
        filing.save(update_fields=["published_on", "published_url", "updated_at"])
        record_transition(filing, action="登记公开", from_status=before, to_status="已公开", user=user,
                          note=f"{published_on:%Y年%m月%d日} {url}".strip())
    return filing


@dataclass(frozen=True)
class FigureChange:
    """A figure of a submitted version that the records now give differently (报送后数据已变化)."""

    key: str
    label: str
    unit: str
    old: str
    new: str
    href: str  # the records behind the new value


def _shown(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        value = Decimal(str(value))
    return format_value(value)


def figure_changes(submission: Submission, live: dict[str, Figure]) -> list[FigureChange]:
    """The connected figures whose live value (``live``: ``compute_all`` of the township and year, computed once by
    the page) differs from the value the version was submitted with, in the registry's order. Figures the version
    did not carry (an indicator connected later) are not changes of the records and are left out."""
    filing = submission.filing
    query = urlencode({"year": filing.year, "org": filing.organisation.code})
    changes = []
    for key, figure in live.items():
        sent = submission.figures.get(key)
        if not figure.indicator.connected or not isinstance(sent, dict) or "value" not in sent:
            continue
        if sent["value"] == figure.json_value():
            continue
        changes.append(FigureChange(
            key=key, label=figure.indicator.label, unit=figure.indicator.unit, old=_shown(sent["value"]),
            new=_shown(figure.json_value()), href=f"{reverse('indicator_records', args=[key])}?{query}",
        ))
    return changes


def live_figures(org: Organisation, year: int) -> dict[str, Figure]:
    return compute_all(Scope((org,), year))


def latest_submissions(orgs, year: int) -> dict[int, Submission]:
    """The latest version of each township's live filing of ``year``, by organisation id (one query)."""
    latest: dict[int, Submission] = {}
    rows = (Submission.objects.filter(filing__organisation__in=orgs, filing__year=year, filing__voided_at__isnull=True)
            .select_related("filing").order_by("filing__organisation_id", "-version"))
    for submission in rows:
        latest.setdefault(submission.filing.organisation_id, submission)
    return latest
