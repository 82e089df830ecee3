"""Office days for demo dates: a document's 成文日期, a meeting, an approval falls on a working day of the official
calendar (fazhi/core/workdays.py) that is also Monday to Friday — a 调休 Saturday is a working day, but a reader
of a report dated on one still sees a Saturday."""
from __future__ import annotations

import datetime as dt

from fazhi.core.workdays import WorkingCalendar


class OfficeDays:
    def __init__(self) -> None:
        self.calendar = WorkingCalendar.load()

    def is_office_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.calendar.is_workday(day)

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_office_day(day):
            day += dt.timedelta(days=1)
        return day

    def on_or_before(self, day: dt.date) -> dt.date:
        while not self.is_office_day(day):
            day -= dt.timedelta(days=1)
        return day
