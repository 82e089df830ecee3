"""Each demo township's own publicity series of the latest year (issue 18): a quoted series name the report can
write about — "“茶乡法治讲堂”第3期：土地流转纠纷化解" — launched by a meeting early in the year whose 议定事项 names it
with its issues and budget, and carried by a line of the year's 法治建设经费. The series are in fazhi/demo/pools.py
("initiative"), each in the township's character: the tea town's lecture hall, the riverside town's ferry-landing
talks by its grid workers, the mountain township's folk-song evenings in the forest villages."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.demo.days import OfficeDays
from fazhi.demo.pools import pool


@dataclass(frozen=True)
class Initiative:
    series: str  # “茶乡法治讲堂”, with its quotation marks
    organiser: str
    budget: int  # 元
    issues: int  # how many issues (期) in the year
    places: tuple[str, ...]
    topics: tuple[str, ...]

    @property
    def budget_text(self) -> str:
        return f"{self.budget / 10000:g}万元"

    def title(self, number: int) -> str:
        return f"{self.series}第{number}期：{self.topics[(number - 1) % len(self.topics)]}"


def initiative(code: str) -> Initiative:
    return Initiative(*pool(code, "initiative"))


def launch_day(code: str, year: int) -> dt.date:
    """The day the meeting launches the series: an office day in late February, a different one per township."""
    series = initiative(code)
    return OfficeDays().on_or_after(dt.date(year, 2, 24) + dt.timedelta(days=len(series.series) + series.issues))


def issue_days(code: str, year: int, last: dt.date) -> list[dt.date]:
    """The days of the year's issues: from a month after the launch to the end of November, evenly spread, on
    office days; those after ``last`` (a running year) left out."""
    days = OfficeDays()
    series = initiative(code)
    first = launch_day(code, year) + dt.timedelta(days=30)
    span = (dt.date(year, 11, 25) - first).days
    out = [days.on_or_after(first + dt.timedelta(days=span * n // max(1, series.issues - 1))) for n in range(series.issues)]
    return [d for d in out if d <= last]


def meeting_text(code: str) -> tuple[str, str]:
    """(议题, 议定事项) of the launching meeting."""
    s = initiative(code)
    return (f"研究{s.series}普法品牌建设方案",
            f"同意开办{s.series}，全年举办{s.issues}期，由{s.organiser}组织实施，安排专项经费{s.budget_text}")
