"""`figure_stated_twice`: one figure, two different values in the same report (Fazhi's own reports).

Statements compare by their exact amounts; a rounded statement ("1.6万余" for 16260) agrees with the exact one
it rounds. Imported reports are not held to this: real reports state one indicator for different scopes
(the township's events and the legal advisers'), which the reader keeps apart (INDICATORS.md). Weight 10.
"""
from __future__ import annotations

from fazhi.reports.check import text as t
from fazhi.reports.check.model import SYSTEM, CheckInput, Problem

WEIGHT = 10


def figure_stated_twice(report: CheckInput) -> list[Problem]:
    if report.source != SYSTEM:
        return []
    by_key: dict[str, list] = {}
    for fig in report.own():
        if fig.value is not None:
            by_key.setdefault(fig.key, []).append(fig)
    problems = []
    for key, figures in by_key.items():
        first = figures[0]
        for other in figures[1:]:
            if not t.same_figure(first.value, first.approx, other.value, other.approx):
                problems.append(Problem("figure_stated_twice",
                                        f"{t.label(key)}前后不一致：先写{t.named(first)}，后写{t.named(other)}",
                                        (key,), WEIGHT))
                break
    return problems
