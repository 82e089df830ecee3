"""Figures of one record rather than of an indicator: a figure from the 其他数据 ledger, an assessee's total
score. Their marker names the record (【数据：其他来源数据·记录12】, 【数据：目标管理考核评分·东村】), so staff
text keeps them live like any other figure."""
from __future__ import annotations

import re
from decimal import Decimal

from django.urls import reverse

from fazhi.indicators.registry import format_value
from fazhi.reports.structure import FigureRun

RECORD = "记录"


def other_figure_ref(run: FigureRun) -> str | None:
    match = re.search(r"/ledgers/other-figures/(\d+)/", run.href)
    return f"{RECORD}{match.group(1)}" if match else None


def other_figure(w, ref: str) -> FigureRun | None:
    from fazhi.otherfigures.models import OtherFigure
    from fazhi.otherfigures.report import sentence_parts

    if not ref.startswith(RECORD) or not ref[len(RECORD):].isdigit():
        return None
    record = OtherFigure.objects.active().filter(
        pk=int(ref[len(RECORD):]), organisation=w.data.org, stated_on__year=w.data.year).first()
    if record is None:
        return None
    run = next(part for part in sentence_parts(record) if isinstance(part, dict))
    return FigureRun(**run)


def assessment_ref(run: FigureRun) -> str | None:
    return run.label.removesuffix(SCORE_LABEL) or None


SCORE_LABEL = "考核得分"


def assessment_score(w, name: str) -> FigureRun | None:
    from fazhi.assessment.report import anchor
    from fazhi.assessment.selectors import assessment_results

    for result in assessment_results(w.data.org, w.data.year):
        if result.name == name and any(line.score for line in result.lines):
            return score_run(w, result, anchor)
    return None


def score_run(w, result, anchor) -> FigureRun:
    page = reverse("assessment_results", args=[w.data.org.code, w.data.year])
    total = Decimal(result.total)
    return FigureRun("assessment_scores", format_value(total), "分", f"{page}#{anchor(result)}",
                     f"{result.name}{SCORE_LABEL}", amount=total)


# key → (the reference a run's marker carries, the live run for a reference)
RECORD_FIGURES = {
    "other_figures": (other_figure_ref, other_figure),
    "assessment_scores": (assessment_ref, assessment_score),
}


# ---------------------------------------------------------------- details: a count of some of an indicator's records

DETAIL = "detail"
DETAIL_SEPARATOR = "："
CASES_HEARD, CASES_ATTENDED = "开庭审理的案件", "负责人出庭的案件"
SERIES = "系列"
REPORTS_HEARD = "听取汇报"
ALL_MEETINGS = "全部会议"  # beside the meetings a principal chaired, all the year's rule-of-law meetings (part 一's count)


def detail_run(w, key: str, name: str, count: int, unit: str) -> FigureRun:
    """A count of some of ``key``'s records ("开庭审理的案件7件", "“茶乡法治讲堂”3期"): a figure of its own, linked to
    the indicator's records, written 【数据：负责人出庭应诉率·开庭审理的案件】 in staff text."""
    return FigureRun(key, format_value(count), unit, w.href(key), name, amount=count, part=DETAIL)


def _cases(w, key: str, arg: str, attended: bool) -> FigureRun | None:
    from fazhi.reports.writing.casefacts import hearing_year

    year = hearing_year(w.scope)
    if year is None:
        return None
    return detail_run(w, key, CASES_ATTENDED if attended else CASES_HEARD,
                      year.cases_attended if attended else year.cases, "件")


def _series(w, key: str, arg: str) -> FigureRun | None:
    from fazhi.reports.writing.series import all_series

    found = next((s for s in all_series(w.scope) if s.name == arg), None)
    return series_run(w, found) if found else None


def series_run(w, series) -> FigureRun:
    unit = "期" if series.key in ("publicity_events", "study_sessions") else "次"
    return detail_run(w, series.key, f"{SERIES}{DETAIL_SEPARATOR}{series.name}", series.count, unit)


# kind of detail → the live run for (writer, indicator key, argument after "：")
DETAILS = {
    CASES_HEARD: lambda w, key, arg: _cases(w, key, arg, False),
    CASES_ATTENDED: lambda w, key, arg: _cases(w, key, arg, True),
    SERIES: _series,
    REPORTS_HEARD: lambda w, key, arg: _heard(w, key),
    ALL_MEETINGS: lambda w, key, arg: _all_meetings(w, key),
}


def _all_meetings(w, key: str) -> FigureRun | None:
    """All the year's rule-of-law meetings, of which ``key``'s (those a principal chaired) are some; linked to them.
    A detail of part 三's figure, so part 一's own figure stays part 一's (compose keeps a theme staff removed)."""
    fig = w.figure("rule_of_law_meetings")
    if fig is None or w.figure(key) is None:
        return None
    return FigureRun(key, format_value(fig.value), "次", w.href("rule_of_law_meetings"), ALL_MEETINGS,
                     amount=fig.value, part=DETAIL)


def _heard(w, key: str) -> FigureRun | None:
    from fazhi.reports.writing.leaders import reports_heard

    if w.figure(key) is None:
        return None
    return detail_run(w, key, REPORTS_HEARD, reports_heard(w.scope), "次")


def detail_kind(name: str) -> str | None:
    kind = name.split(DETAIL_SEPARATOR, 1)[0].strip()
    return kind if kind in DETAILS else None


def detail(w, key: str, name: str) -> FigureRun | None:
    kind = detail_kind(name)
    if kind is None:
        return None
    arg = name.split(DETAIL_SEPARATOR, 1)[1].strip() if DETAIL_SEPARATOR in name else ""
    return DETAILS[kind](w, key, arg)
