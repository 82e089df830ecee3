"""Reading and saving annual reports. Views and the CLI call these; forms only validate."""
from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind, User
from fazhi.reports import narrative
from fazhi.reports.compose import ReportData, default_texts
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport

MIN_YEAR = 2000
HEADER_FIELDS: tuple[str, ...] = ("addressee", "title", "signature", "dated")


class ReportInputError(ValueError):
    """A request for a report that cannot exist (wrong kind of organisation, year out of range)."""


def report_year_range() -> range:
    """Years a report may be written for: from 2000 to the current year (a draft of this year is allowed)."""
    return range(MIN_YEAR, timezone.localdate().year + 1)


def check_report_target(org: Organisation, year: int) -> None:
    if org.kind != OrgKind.TOWNSHIP:
        raise ReportInputError(f"年度报告按乡镇（街道）编制，“{org.name}”不是乡镇（街道）")
    years = report_year_range()
    if year not in years:
        raise ReportInputError(f"报告年度应在{years.start}年至{years.stop - 1}年之间，收到：{year}")


def report_get(org: Organisation, year: int) -> AnnualReport | None:
    """The live (non-void) report row, if staff have saved one."""
    return AnnualReport.objects.active().filter(organisation=org, year=year).first()


def report_new(org: Organisation, year: int) -> AnnualReport:
    """An unsaved report carrying the defaults: what the report is before anyone edits it."""
    return AnnualReport(
        organisation=org, year=year,
        addressee=narrative.default_addressee(org),
        title=narrative.default_title(org, year),
        signature=narrative.default_signature(org),
        dated=narrative.default_dated(org, year),
    )


def report_get_or_new(org: Organisation, year: int) -> AnnualReport:
    return report_get(org, year) or report_new(org, year)


def report_initial(report: AnnualReport, data: ReportData | None = None) -> dict[str, Any]:
    """Form initial values: the saved text of each section, or its current default to start from."""
    defaults = default_texts(report.organisation, report.year, data)
    initial: dict[str, Any] = {f: getattr(report, f) for f in HEADER_FIELDS}
    for f in NARRATIVE_FIELDS:
        initial[f] = getattr(report, f) or defaults[f]
    return initial


def same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return "\n".join(line.strip() for line in s.strip().splitlines() if line.strip())
    return norm(a) == norm(b)


def report_save(*, org: Organisation, year: int, data: dict[str, Any], user: User | None) -> AnnualReport:
    """Create or update the township's report for the year; kept in history.

    A section whose submitted text equals the composed default is stored blank, so it
    keeps following the data (e.g. the suggested shortcomings) instead of freezing.
    """
    check_report_target(org, year)
    defaults = default_texts(org, year)
    values = {f: data[f] for f in HEADER_FIELDS}
    for f in NARRATIVE_FIELDS:
        text = (data.get(f) or "").strip()
        values[f] = "" if same_text(text, defaults[f]) else text
    try:
        return _upsert(org, year, values, user)
    except IntegrityError:  # someone else created it at the same moment: update theirs
        return _upsert(org, year, values, user)


def _upsert(org: Organisation, year: int, values: dict[str, Any], user: User | None) -> AnnualReport:
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().active().filter(organisation=org, year=year).first()
        if report is None:
            report = AnnualReport(organisation=org, year=year, created_by=user)
        for name, value in values.items():
            setattr(report, name, value)
        report._history_user = user
        report.full_clean()
        report.save()
    return report


def decide_suggestion(org: Organisation, year: int, title: str, decision: str, user: User | None) -> str:
    """Adopt or reject one data-drawn shortcoming. Adopting it into a section 二 that staff have rewritten
    appends it there; an unedited section follows the adopted suggestions by itself. Returns a message."""
    from fazhi.reports.models import SuggestionDecision

    check_report_target(org, year)
    if decision not in (SuggestionDecision.ACCEPTED, SuggestionDecision.REJECTED):
        raise ReportInputError("处理方式只能是采纳或不采纳")
    data = ReportData.load(org, year)
    suggestion = next((s for s in data.all_suggestions if s.title == title), None)
    if suggestion is None:
        raise ReportInputError("该提示已不在当前数据提示中，请刷新页面")
    with transaction.atomic():
        row, _ = SuggestionDecision.objects.select_for_update().get_or_create(
            organisation=org, year=year, title=title, defaults={"decision": decision, "decided_by": user})
        row.decision, row.decided_by = decision, user
        row._history_user = user
        row.save()
        if decision == SuggestionDecision.REJECTED:
            return f"已不采纳“{title}”：默认稿不再列入；如已写入正文，请在下方文字中删除"
        report = AnnualReport.objects.select_for_update().active().filter(organisation=org, year=year).first()
        if report is not None and report.shortcomings_text.strip() and title not in report.shortcomings_text:
            lines = report.shortcomings_text.rstrip().splitlines()
            numbered = sum(1 for line in lines if line.strip().startswith("（"))
            numerals = "一二三四五六七八九十"
            mark = numerals[numbered] if numbered < len(numerals) else str(numbered + 1)
            insert_at = next((i for i, line in enumerate(lines) if line.startswith("究其原因")), len(lines))
            lines.insert(insert_at, f"（{mark}）{suggestion.title}。{suggestion.detail}")
            report.shortcomings_text = "\n".join(lines)
            report._history_user = user
            report.save(update_fields=["shortcomings_text", "updated_at"])
            return f"已采纳“{title}”，并写入“二、存在的不足和原因”"
    return f"已采纳“{title}”"
