"""`disclosure_report_agrees`: the township's disclosure annual report (政府信息公开工作年度报告) and its
rule-of-law report state the same count the same way, where both state it.

The cells compared are mapped to registry keys in tables.DISCLOSURE_CELLS. Only for reports of a township in
the system (the disclosure report is computed from its register). When the disclosure side cannot be computed,
that is said as a problem (weight 0: the report itself is not wrong). A mismatch weighs 10.
"""
from __future__ import annotations

import logging

from fazhi.reports.check import text as t
from fazhi.reports.check.model import CheckInput, Problem
from fazhi.reports.check.tables import DISCLOSURE_CELLS

log = logging.getLogger(__name__)
WEIGHT = 10


def disclosure_report_agrees(report: CheckInput) -> list[Problem]:
    if report.org is None or report.year is None:
        return []
    stated = {key: report.own(key) for _, key, _ in DISCLOSURE_CELLS}
    if not any(stated.values()):
        return []
    try:
        tables = report.disclosure_report().to_json()
    except Exception:  # the disclosure report is another module's: its failure must not stop this check
        log.exception("disclosure annual report of %s %s could not be computed", report.org, report.year)
        return [Problem("disclosure_report_agrees",
                        f"未能计算{report.year}年政府信息公开工作年度报告，无法核对两份报告中的相同数字",
                        tuple(k for k, v in stated.items() if v), 0)]
    problems = []
    for (table, row, column), key, cell_name in DISCLOSURE_CELLS:
        figures = [f for f in stated[key] if f.value is not None]
        if not figures:
            continue
        cell = t.decimal(((tables.get(table) or {}).get(row) or {}).get(column))
        if cell is None:
            problems.append(Problem("disclosure_report_agrees",
                                    f"政府信息公开工作年度报告中找不到{cell_name}，无法与{t.named(figures[0])}核对",
                                    (key,), 0))
            continue
        figure = figures[0]
        if not t.same_figure(figure.value, figure.approx, cell, False):
            problems.append(Problem(
                "disclosure_report_agrees",
                f"{t.named(figure)}与{report.year}年政府信息公开工作年度报告{cell_name}{t.number_text(cell)}"
                f"{t.unit_of(key)}不一致；两份报告应采用同一口径",
                (key,), WEIGHT))
    return problems
