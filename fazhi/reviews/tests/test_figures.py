"""Review timeliness as a figure, and the shortcomings the report suggests from review figures."""
from __future__ import annotations

import datetime as dt

from fazhi.indicators.registry import Figure, Scope, get
from fazhi.reports.suggestions import MAX_FROM_DATA, suggest
from fazhi.reviews import services
from fazhi.reviews.choices import Opinion, SubjectKind
from fazhi.reviews.figures import judge_on_time
from fazhi.reviews.models import LegalityReview


def _matter(township, clerk, submitted_on, days=5):
    return services.review_request(organisation=township, kind=SubjectKind.OTHER, title=f"事项{submitted_on}",
                                   submitted_by_unit="党政办", submitted_on=submitted_on, days_allowed=days, user=clerk)


def test_on_time_rate_counts_late_and_lapsed_reviews(township, clerk, reviewer):
    on_time = _matter(township, clerk, dt.date(2025, 3, 3))  # due 2025-03-10
    services.review_conclude(on_time, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=dt.date(2025, 3, 10))
    late = _matter(township, clerk, dt.date(2025, 4, 1))  # due 2025-04-09 (清明 4-4)
    services.review_conclude(late, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=dt.date(2025, 4, 11))
    lapsed = _matter(township, clerk, dt.date(2025, 6, 3))  # never concluded
    waiting = _matter(township, clerk, dt.date(2025, 12, 29))  # due in 2026: not yet counted
    verdicts = judge_on_time(Scope((township,), 2025), LegalityReview.objects.all(), today=dt.date(2026, 1, 5))
    assert verdicts == {on_time.pk: True, late.pk: False, lapsed.pk: False}
    assert waiting.pk not in verdicts
    figure = get("legality_review_on_time_rate").compute(Scope((township,), 2025))
    assert (figure.numerator, figure.denominator) == (1, 3)


def _figure(key, value):
    return Figure(get(key), Scope((), 2025), value, has_data=True, row_count=value)


def test_a_decision_without_review_is_always_suggested():
    """Even when four other shortcomings compete for the places, the unreviewed decision comes first."""
    from fazhi.reports import suggestions

    many = {k: _figure(k, 50) for k in ("exam_pass_rate", "dispute_success_rate", "disclosure_response_rate",
                                         "court_appearance_rate", "normative_filing_on_time_rate")}
    problem = _figure("legality_reviews", 2)  # any count figure will do for the rule
    found = suggest({**many, "decisions_without_review": problem}, {})
    titles = [s.title for s in found]
    assert titles[0] == suggestions.PROBLEM_COUNTS["decisions_without_review"][1]
    assert len([s for s in found if s.basis != "常见不足（非数据提示）"]) == MAX_FROM_DATA
