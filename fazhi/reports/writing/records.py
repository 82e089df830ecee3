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
