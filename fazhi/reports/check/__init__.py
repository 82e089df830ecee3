"""The report check: no annual report contradicts itself (`fazhi report-check`).

    check_composed(composed, org)          a report Fazhi composed (ComposedReport)
    check_text(text, figures, sections)    a report imported from a file, with its extracted figures
    check_township(org, year)              the township's report as it stands (saved text or defaults, live figures)

Each returns a CheckResult: ``score`` (0–100) and ``problems`` (rule id, Chinese message naming the figures
by their labels, indicator keys, weight). The same check scores the county's collection of reports
(fazhi/oversight/audit.py), so a township sees while editing what the county will see.
"""
from __future__ import annotations

from fazhi.reports.check.adapters import from_composed, from_text
from fazhi.reports.check.model import CheckResult, Problem
from fazhi.reports.check.scoring import run

__all__ = ["CheckResult", "Problem", "check_composed", "check_text", "check_township"]


def check_composed(composed, org=None) -> CheckResult:
    return run(from_composed(composed, org))


def check_text(text: str, figures=(), sections=()) -> CheckResult:
    return run(from_text(text, figures, sections))


def check_township(org, year: int):
    """(composed report, result) for the township's report of the year as it stands."""
    from fazhi.reports.compose import compose_report
    from fazhi.reports.services import report_get_or_new

    composed = compose_report(report_get_or_new(org, year))
    return composed, check_composed(composed, org)
