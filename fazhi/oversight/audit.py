"""The county's completeness score of an annual report: the report check (fazhi/reports/check/).

A report the county imported is checked from its text and the figures extracted from it; a report a township
submitted from Fazhi carries the check's result as it was at submission (stored on the Submission, with the
leader's reason when there were problems). The score is 100 minus the weights of the problems found (the
statutory parts of LAW.md §1, key areas, contradictions between figures and between text and figures,
boilerplate); the reasons are the check's Chinese messages.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fazhi.reports.check import CheckResult, Problem, check_text

log = logging.getLogger(__name__)


@dataclass
class Audit:
    problems: list[Problem] = field(default_factory=list)
    reason_given: str = ""  # a submission's 说明理由 for going ahead with problems

    @property
    def score(self) -> int:
        return CheckResult(self.problems).score

    @property
    def reasons(self) -> list[str]:
        return [p.message for p in self.problems]

    @classmethod
    def of(cls, result: CheckResult, reason: str = "") -> Audit:
        return cls(list(result.problems), reason)


def audit_report(text: str, sections, figures) -> Audit:
    """``figures``: dicts or objects with ``indicator``, ``value``, ``approx``, ``unit`` and ``evidence`` (the
    sentence or clause the figure was read from); ``sections``: the statutory items found at import."""
    return Audit.of(check_text(text, figures, sections))


def audit_imported(report) -> Audit:
    return audit_report(report.text, report.sections, list(report.figures.all()))


def audit_submission(submission) -> Audit:
    """What the check found when the leader submitted (stored then); a version submitted before the check was
    stored is checked from its frozen text as if it were imported."""
    if submission.check_score is not None:
        problems = [Problem.from_dict(p) for p in (submission.check_problems or []) if isinstance(p, dict)]
        return Audit(problems, submission.check_reason or "")
    from fazhi.ingest import analyse_text

    try:
        result = analyse_text(submission.text or "")
        figures = result.figures
    except Exception:  # the frozen text is ours, but a reader must never break the county's pages
        log.exception("submission %s could not be read for its check", submission.pk)
        figures = []
    return Audit.of(check_text(submission.text or "", figures))
