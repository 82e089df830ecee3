"""The 补正期限 as the applicant may use it: the day the clerk set, moved off a statutory rest day.

《中华人民共和国政府信息公开条例》第三十条 lets the township set a reasonable 补正期限 but says nothing of a last day
that falls on a rest day. Where a statute is silent the computation follows 民事诉讼法 (LAW.md, "Day-count
conventions"), whose 第八十五条第三款 (also for a period a court sets, as the township sets this one) reads:
期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期. So a period set to end on 2025年10月4日
(国庆节) ends on 2025年10月9日, the first working day after the holiday; the notice prints that day, and the request
page and the correction step say why. The stored date is what the clerk entered; nothing here is saved.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.core.workdays import WorkingCalendar, format_date, format_date_weekday


@dataclass(frozen=True)
class CorrectionTerm:
    stated: dt.date  # the last day the clerk set
    due: dt.date  # the last day the applicant has: ``stated`` or the first working day after it
    rest_day: str = ""  # what ``stated`` is (国庆节, 周末 …) when it moved
    provisional: bool = False  # the holiday arrangement of that year is not entered yet

    @property
    def moved(self) -> bool:
        return self.due != self.stated

    @property
    def warning(self) -> str:
        if not self.moved:
            return ""
        return (f"补正期限届满日{format_date(self.stated)}为{self.rest_day}（法定休假日），期间届满的最后一日是法定休假日的，"
                f"以法定休假日后的第一日为期间届满的日期（参照《中华人民共和国民事诉讼法》第八十五条第三款；《中华人民共和国政府信息公开条例》第三十条"
                f"对此未作规定），补正期限顺延至{format_date_weekday(self.due)}，补正告知书按该日期告知申请人。"
                + ("该年度节假日安排尚未录入，顺延日期为暂定。" if self.provisional else ""))


def correction_term(stated: dt.date | None, calendar: WorkingCalendar | None = None) -> CorrectionTerm | None:
    """The 补正期限 ending on ``stated``, moved to the next working day when ``stated`` is a rest day."""
    if stated is None:
        return None
    calendar = calendar or WorkingCalendar.load()
    info = calendar.day(stated)
    due, provisional = stated, info.provisional
    while not calendar.day(due).is_workday:
        due += dt.timedelta(days=1)
        provisional = provisional or calendar.day(due).provisional
    if due == stated:
        return CorrectionTerm(stated, stated, provisional=provisional)
    return CorrectionTerm(stated, due, info.note, provisional)


def correction_due(request, calendar: WorkingCalendar | None = None) -> dt.date | None:
    """The 补正期限 a notice prints for ``request`` (None when it has none)."""
    term = correction_term(request.correction_deadline, calendar)
    return term.due if term is not None else None
