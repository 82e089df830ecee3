"""Proactive releases and the 20-working-day rule of 条例第二十六条 (derived, never stored)."""
from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.disclosure.deadlines import proactive_deadline


@dataclass
class Timeliness:
    deadline: object
    late_by: int  # working days after the deadline; 0 when on time
    provisional: bool

    @property
    def late(self) -> bool:
        return self.late_by > 0

    def text(self) -> str:
        if self.late:
            return f"逾期{self.late_by}个工作日（应于{format_date(self.deadline)}前公开）"
        return "按时" + ("（暂定）" if self.provisional else "")


def release_timeliness(release, calendar: WorkingCalendar) -> Timeliness:
    due = proactive_deadline(release.formed_on, calendar)
    late_by = calendar.count_working_days(due.due, release.published_on) if release.published_on > due.due else 0
    return Timeliness(due.due, late_by, due.provisional)


def timeliness_column(releases: list) -> list[str]:
    if not releases:
        return []
    calendar = WorkingCalendar.load()
    return [release_timeliness(r, calendar).text() for r in releases]
