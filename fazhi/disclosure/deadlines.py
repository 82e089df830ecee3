"""The statutory clock of a disclosure application (政府信息公开条例, 2019).

Pure functions over the application's dates and the working-day calendar; nothing here
is stored. Every due date comes with the steps that produced it, in Chinese, so a clerk
(or the applicant) can check it by hand.

- 第三十三条第二款: answer within 20 working days of receipt; one extension of at most
  20 working days with the approval of the head of the disclosure office.
- 第三十条: a correction notice (补正) within 7 working days of receipt; the answer period
  then runs from the day the corrected application is received; no correction within the
  deadline without good reason means the application is deemed withdrawn.
- 第三十三条第三款: time spent consulting third parties (第三十二条) or other agencies
  (第三十四条) is not counted.
- 第二十六条: proactive releases within 20 working days of the information being formed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from fazhi.core import deadlines
from fazhi.core.workdays import WorkingCalendar, format_date, format_date_weekday

ANSWER_WORKING_DAYS = 20  # 第三十三条第二款
CORRECTION_NOTICE_WORKING_DAYS = 7  # 第三十条
CONSULTATION_WORKING_DAYS = 15  # 第三十二条、第三十四条
PROACTIVE_WORKING_DAYS = 20  # 第二十六条
DUE_SOON_WORKING_DAYS = 3


class ClockState:
    RUNNING = "running"
    AWAITING_CORRECTION = "awaiting_correction"
    PAUSED = "paused"  # a consultation is under way
    CLOSED = "closed"

    LABELS = {
        RUNNING: "计时中",
        AWAITING_CORRECTION: "待补正（暂不计时）",
        PAUSED: "征求意见中（暂停计时）",
        CLOSED: "已办结",
    }


@dataclass(frozen=True)
class Interval:
    """A consultation: the days after ``start`` up to and including ``end`` are not counted."""

    start: dt.date
    end: dt.date | None
    label: str


@dataclass(frozen=True)
class ClockInput:
    received_on: dt.date
    correction_requested_on: dt.date | None = None
    correction_deadline: dt.date | None = None
    correction_received_on: dt.date | None = None
    consultations: tuple[Interval, ...] = ()
    extension_days: int = 0
    extension_approved_by: str = ""
    closed_on: dt.date | None = None
    counts_for_timeliness: bool = True  # False for closures that need no answer (e.g. deemed withdrawn)


@dataclass
class Clock:
    state: str
    due: dt.date | None
    provisional: bool
    steps: list[str] = field(default_factory=list)
    start: dt.date | None = None
    excluded_days: int = 0
    correction_notice_due: dt.date | None = None
    correction_notice_late: bool = False
    correction_lapsed: bool = False
    closed_on: dt.date | None = None
    counts_for_timeliness: bool = True

    @property
    def state_label(self) -> str:
        return ClockState.LABELS[self.state]

    def is_overdue(self, today: dt.date) -> bool:
        """Only a running clock can be overdue: a paused, awaiting or closed application is not."""
        return self.state == ClockState.RUNNING and self.due is not None and today > self.due

    @property
    def answered_on_time(self) -> bool | None:
        """None when there is nothing to judge yet (open, or closed without needing an answer)."""
        if self.state != ClockState.CLOSED or not self.counts_for_timeliness or self.due is None:
            return None
        return self.closed_on <= self.due

    def explanation(self) -> str:
        return "\n".join(self.steps)


def compute_clock(data: ClockInput, calendar: WorkingCalendar, *, today: dt.date) -> Clock:
    steps = [f"收到申请：{format_date_weekday(data.received_on)}"]
    notice_due = correction_notice_deadline(data.received_on, calendar)
    clock = Clock(state=ClockState.RUNNING, due=None, provisional=False, steps=steps,
                  correction_notice_due=notice_due.due, closed_on=data.closed_on,
                  counts_for_timeliness=data.counts_for_timeliness)
    start = data.received_on
    if data.correction_requested_on:
        late = data.correction_requested_on > notice_due.due
        clock.correction_notice_late = late
        steps.append(
            f"补正通知：{format_date(data.correction_requested_on)}发出"
            + (f"（补正期限至{format_date(data.correction_deadline)}）" if data.correction_deadline else "")
            + ("；注意：晚于第三十条规定的收到申请后7个工作日（" + format_date(notice_due.due) + "）" if late else "")
        )
        if data.correction_received_on is None:
            if data.closed_on:
                clock.state = ClockState.CLOSED
                steps.append(f"未收到补正，{format_date(data.closed_on)}办结，不再计算答复期限")
                return clock
            clock.state = ClockState.AWAITING_CORRECTION
            clock.correction_lapsed = bool(data.correction_deadline and today > data.correction_deadline)
            steps.append("等待申请人补正：答复期限自收到补正后的申请之日起重新计算（第三十条），目前不计时")
            if clock.correction_lapsed:
                steps.append(
                    f"补正期限{format_date(data.correction_deadline)}已过，申请人无正当理由逾期不补正的，视为放弃申请（第三十条）"
                )
            return clock
        start = data.correction_received_on
        waited = (start - data.received_on).days
        steps.append(
            f"收到补正：{format_date_weekday(start)}，答复期限自该日起重新计算（第三十条）；"
            f"此前等待补正{waited}天不计入"
        )
    clock.start = start

    excluded, open_interval, exclusion_steps = _excluded_working_days(data.consultations, start, calendar, today)
    clock.excluded_days = excluded
    total = ANSWER_WORKING_DAYS + data.extension_days + excluded
    steps.append(f"答复期限：{ANSWER_WORKING_DAYS}个工作日（第三十三条第二款）")
    steps.extend(exclusion_steps)
    if data.extension_days:
        approver = f"，经{data.extension_approved_by}批准" if data.extension_approved_by else ""
        steps.append(f"延长答复期限：{data.extension_days}个工作日{approver}（第三十三条第二款）")
    if total != ANSWER_WORKING_DAYS:
        steps.append(f"合计：自{format_date(start)}次日起第{total}个工作日")
    due = deadlines.working_days("答复期限", "政府信息公开条例第三十三条", start, total, calendar, heading="")
    steps.extend(due.steps)
    clock.due = due.due
    clock.provisional = due.provisional
    if data.closed_on:
        clock.state = ClockState.CLOSED
        if data.counts_for_timeliness:
            verdict = "在期限内" if data.closed_on <= due.due else f"超过期限{calendar.count_working_days(due.due, data.closed_on)}个工作日"
            steps.append(f"答复日期：{format_date(data.closed_on)}，{verdict}")
        else:
            steps.append(f"{format_date(data.closed_on)}办结（无需答复，不计入按期答复率）")
    elif open_interval:
        clock.state = ClockState.PAUSED
        steps.append("征求意见尚未结束：暂停计时，上述到期日按“今日收到意见”暂算，收到意见后自动更新")
    return clock


def _excluded_working_days(
    intervals: Iterable[Interval], start: dt.date, calendar: WorkingCalendar, today: dt.date
) -> tuple[int, bool, list[str]]:
    """Working days inside any consultation (after the clock start), counted once even where they overlap."""
    days: set[dt.date] = set()
    steps = []
    open_interval = False
    for interval in sorted(intervals, key=lambda i: i.start):
        end = interval.end
        if end is None:
            open_interval = True
            end = max(today, interval.start)
        first = max(interval.start, start) + dt.timedelta(days=1)
        own = set()
        day = first
        while day <= end:
            if calendar.is_workday(day):
                own.add(day)
            day += dt.timedelta(days=1)
        new = own - days
        days |= own
        until = "至今（尚未收到意见）" if interval.end is None else f"至{format_date(interval.end)}收到意见"
        steps.append(
            f"{interval.label}：{format_date(interval.start)}发出{until}，扣除{len(new)}个工作日（第三十三条第三款）"
        )
    return len(days), open_interval, steps


def correction_notice_deadline(received_on: dt.date, calendar: WorkingCalendar) -> deadlines.Deadline:
    """第三十条: 申请内容不明确的，应当自收到申请之日起7个工作日内一次性告知申请人作出补正."""
    return deadlines.working_days("补正通知期限", "政府信息公开条例第三十条", received_on, CORRECTION_NOTICE_WORKING_DAYS,
                                  calendar)


def proactive_deadline(formed_on: dt.date, calendar: WorkingCalendar) -> deadlines.Deadline:
    """第二十六条: publish within 20 working days of the information being formed or changed."""
    return deadlines.working_days("主动公开期限", "政府信息公开条例第二十六条", formed_on, PROACTIVE_WORKING_DAYS, calendar)


def due_within(due: dt.date, today: dt.date, working_days: int, calendar: WorkingCalendar) -> bool:
    """True when ``due`` is today or one of the next ``working_days`` working days."""
    if due < today:
        return False
    if due == today:
        return True
    return calendar.count_working_days(today, due) <= working_days
