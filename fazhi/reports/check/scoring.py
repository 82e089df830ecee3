"""Run every rule on a report and score it: 100 minus the weights of the problems, never below 0.

Weights are documented with each rule (rules/*.py): a missing statutory part 10–20, a contradiction between
figures or between text and a figure 10, a rate without its parts 5, a key area not mentioned 5, no figure at
all 30, mostly figure-less measures 10.
"""
from __future__ import annotations

import logging

from fazhi.reports.check.model import CheckInput, CheckResult, Problem
from fazhi.reports.check.rules import RULES

log = logging.getLogger(__name__)


def run(report: CheckInput) -> CheckResult:
    problems: list[Problem] = []
    for rule in RULES:
        try:
            problems.extend(rule(report))
        except Exception:  # one faulty rule must not hide the others' findings or break a page
            log.exception("report check rule %s failed", rule.__name__)
            problems.append(Problem(rule.__name__, "自动检查的一项未能完成，请人工核对", (), 0))
    return CheckResult(problems)
