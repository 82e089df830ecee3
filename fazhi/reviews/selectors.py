"""Reading the queue: due dates and time taken are computed on the working-day calendar, never stored."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from fazhi.core.workdays import DueDate, WorkingCalendar
from fazhi.reviews.choices import OPEN_STATUSES
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.services import due_date, working_days_taken


@dataclass
class QueueRow:
    review: LegalityReview
    due: DueDate
    days_taken: int
    overdue: bool

    @property
    def days_left(self) -> int | None:
        return None if not self.review.is_open else self.review.days_allowed - self.days_taken


def with_clock(reviews, *, calendar: WorkingCalendar | None = None, today: dt.date | None = None) -> list[QueueRow]:
    calendar = calendar or WorkingCalendar.load()
    today = today or timezone.localdate()
    rows = []
    for review in reviews:
        due = due_date(review, calendar)
        taken = working_days_taken(review, calendar, today)
        rows.append(QueueRow(review, due, taken, overdue=review.is_open and today > due.due))
    return rows


def open_queue(organisations) -> QuerySet[LegalityReview]:
    return LegalityReview.objects.active().filter(
        organisation__in=organisations, status__in=OPEN_STATUSES
    ).select_related("organisation", "reviewer").order_by("submitted_on", "id")
