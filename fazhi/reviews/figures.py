"""The records behind the review figures (the registry filters by organisation and voids)."""
from __future__ import annotations

import datetime as dt

from fazhi.core.workdays import WorkingCalendar
from fazhi.reviews.choices import ReviewStatus
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import due_date


def due_in_year(scope):
    return LegalityReview.objects.filter(submitted_on__year=scope.year).exclude(status=ReviewStatus.WITHDRAWN)


def judge_on_time(scope, qs, today: dt.date | None = None) -> dict[int, bool]:
    """Concluded by the due date → on time; still open past it (at year end, or today in a running year) → late;
    still open and not yet due → not counted."""
    from django.utils import timezone

    calendar = WorkingCalendar.load()
    cutoff = min(dt.date(scope.year, 12, 31), today or timezone.localdate())
    verdicts = {}
    for review in qs:
        due = due_date(review, calendar).due
        if review.concluded_on is not None:
            verdicts[review.pk] = review.concluded_on <= due
        elif cutoff > due:
            verdicts[review.pk] = False
    return verdicts
