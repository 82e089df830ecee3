"""The day a year's roster figures are read on, shared by every module that counts who or what stood somewhere."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone


def as_of(year: int, today: dt.date | None = None) -> dt.date:
    """The year's last day, or today for the running year (a count "at year end" cannot look ahead)."""
    return min(dt.date(year, 12, 31), today or timezone.localdate())
