"""One ``Deadline`` type for every statutory period, in the unit its statute counts in, with the steps that produced
it (in Chinese, so a clerk or the other party can check it by hand).

Three ways of counting (LAW.md, "Units" and "Day-count conventions"):

- **Working days** (工作日): 行政处罚法第八十五条 ("二日""三日""五日""七日"), 行政复议法第八十八条, 政府信息公开条例
  第三十三条 and others; counted on the official calendar (fazhi/core/workdays.py): holidays and rest days skipped,
  调休 working weekends counted.
- **Calendar days** (日): any other "X日" of a statute. As 民事诉讼法第八十五条 provides (applied by 行政复议法第八十八条
  and 行政诉讼法第一百零一条, and where a statute is silent): the day of the event is not counted, and a period whose
  last day is a statutory holiday or rest day ends on the next working day.
- **Months** (个月): 民法典第二百条至第二百零三条 — the period starts the next day and ends on the corresponding day of
  the last month; a month without that day ends on its last day (11月30日 + 3个月 → 2月28日/29日). Whether the end
  moves off a rest day is the rule's choice (``move_off_rest_day``): it does for procedural periods under 民事诉讼法
  第八十五条, not where the period is an administrative target.

Nothing here is stored: every caller computes its deadline when it needs one, so a holiday arrangement entered later
moves every open deadline with it (marked 暂定 until then).
"""
from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from dataclasses import dataclass

from fazhi.core.workdays import WorkingCalendar, format_date, format_date_weekday

WORKING_DAYS = "工作日"
DAYS = "日"
MONTHS = "个月"
REST_DAY_RULE = "民事诉讼法第八十五条"


@dataclass(frozen=True)
class Deadline:
    label: str  # 作出处罚决定期限
    basis: str  # 行政处罚法第六十条
    start: dt.date  # the day of the event (not counted)
    due: dt.date  # the last day of the period
    unit: str  # WORKING_DAYS, DAYS or MONTHS
    amount: int  # how many units, extensions included
    steps: tuple[str, ...] = ()
    provisional: bool = False  # reaches a year whose holiday arrangement is not entered yet
    nominal_due: dt.date | None = None  # the last day before it moved off a rest day (None: it did not move)
    rest_day_note: str = ""  # what the nominal last day was (国庆节, 周末 …) when it moved

    @property
    def days(self) -> int:
        return self.amount

    @property
    def moved(self) -> bool:
        return self.nominal_due is not None

    def explanation(self) -> str:
        return "\n".join(self.steps)

    def overdue_on(self, day: dt.date) -> bool:
        return day > self.due

    def left(self, day: dt.date) -> int:
        """Calendar days from ``day`` to the due date (negative once it has passed)."""
        return (self.due - day).days


def _cal(calendar: WorkingCalendar | None) -> WorkingCalendar:
    return calendar or WorkingCalendar.load()


def working_days(label: str, basis: str, start: dt.date, n: int, calendar: WorkingCalendar | None = None, *,
                 heading: str | None = None) -> Deadline:
    """The ``n``-th working day after ``start``. ``heading`` replaces the first line (``""``: none, for callers that
    write their own lines before the counting)."""
    counted = _cal(calendar).add_working_days(start, n)
    first = f"{label}：{n}个工作日（{basis}）" if heading is None else heading
    return Deadline(label, basis, start, counted.due, WORKING_DAYS, n, (*([first] if first else []), *counted.steps),
                    counted.provisional)


def calendar_days(label: str, basis: str, start: dt.date, n: int, calendar: WorkingCalendar | None = None, *,
                  extensions: tuple[tuple[int, str], ...] | list[tuple[int, str]] = (), heading: str | None = None,
                  move_off_rest_day: bool = True) -> Deadline:
    """``n`` calendar days after ``start`` (start not counted), plus each approved extension (days, why), ending on
    the next working day when the last day is a rest day."""
    total = n
    lines = [f"{label}：{n}日（{basis}），自{format_date_weekday(start)}次日起算，按自然日计算" if heading is None else heading]
    for more, why in extensions:
        total += more
        lines.append(f"延长{more}日：{why}")
    last = start + dt.timedelta(days=total)
    lines.append(f"第{total}日：{format_date_weekday(last)}")
    return _finish(label, basis, start, last, DAYS, total, [x for x in lines if x], calendar, move_off_rest_day)


def months(label: str, basis: str, start: dt.date, n: int, calendar: WorkingCalendar | None = None, *,
           heading: str | None = None, move_off_rest_day: bool = False) -> Deadline:
    """``n`` months after ``start``: the corresponding day, or the month's last day when it has none."""
    last = add_months(start, n)
    lines = [f"{label}：{n}个月（{basis}），自{format_date_weekday(start)}次日起算" if heading is None else heading]
    if last.day != start.day:
        lines.append(f"{last.year}年{last.month}月没有{start.day}日，以该月最后一日为期间的最后一日（民法典第二百零三条）")
    lines.append(f"{n}个月期满：{format_date_weekday(last)}")
    return _finish(label, basis, start, last, MONTHS, n, [x for x in lines if x], calendar, move_off_rest_day)


def _finish(label, basis, start, last, unit, amount, lines, calendar, move_off_rest_day) -> Deadline:
    if not move_off_rest_day:
        lines.append(f"届满日：{format_date_weekday(last)}")
        return Deadline(label, basis, start, last, unit, amount, tuple(lines))
    cal = _cal(calendar)
    info = cal.day(last)
    due, provisional = last, info.provisional
    while not cal.day(due).is_workday:
        due += dt.timedelta(days=1)
        provisional = provisional or cal.day(due).provisional
    if due != last:
        lines.append(f"{format_date(last)}为{info.note}（休息日），期间届满的最后一日是法定休假日的，以休假日后的第一个工作日"
                     f"{format_date_weekday(due)}为届满日（{REST_DAY_RULE}）")
    lines.append(f"届满日：{format_date_weekday(due)}")
    return Deadline(label, basis, start, due, unit, amount, tuple(lines), provisional,
                    nominal_due=last if due != last else None, rest_day_note=info.note if due != last else "")


def add_months(day: dt.date, n: int) -> dt.date:
    """The same day ``n`` months later; the month's last day when it has no such day (11-30 + 3 → 02-28/29)."""
    month_index = day.month - 1 + n
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def latest_start_overdue_by(today: dt.date, n_months: int) -> dt.date:
    """The last start date whose ``n_months`` period (without moving off rest days) has run out before ``today``:
    the cut-off a query needs ("open over a month" ⇔ started on or before this day)."""
    day = today - dt.timedelta(days=28 * n_months)
    while add_months(day, n_months) >= today:
        day -= dt.timedelta(days=1)
    return day
