"""Time limits of the township as respondent or defendant (LAW.md §9, §7), each in its own unit.

- 行政复议法 (2023) Art. 48: the respondent answers and submits its evidence within 10 days of receiving
  the copy of the application — working days, by Art. 88.
- 行政诉讼法 Art. 67: the defendant submits its evidence and defence within 15 days of receiving the
  complaint — calendar days, and a last day on a rest day moves to the next working day (Art. 101 → 民事诉讼法
  第八十五条).
- 司法建议 / 检察建议: answered within two months by default (《人民检察院检察建议工作规定》 Art. 19) — months with the
  month-end rule, not 60 days; courts set their own period in the suggestion, so the due date is kept on the record
  and can be changed.

Every period is a fazhi/core/deadlines.py ``Deadline``.
"""
from __future__ import annotations

import datetime as dt

from django.conf import settings

from fazhi.core import deadlines
from fazhi.core.workdays import WorkingCalendar

RECONSIDERATION_ANSWER_WORKING_DAYS = 10
LITIGATION_ANSWER_DAYS = 15
SUGGESTION_REPLY_MONTHS = 2


def answer_deadline(kind: str, received_on: dt.date, calendar: WorkingCalendar | None = None) -> deadlines.Deadline:
    """When the answer and evidence are due, as a ``Deadline`` with its steps."""
    if kind == "reconsideration":
        return deadlines.working_days("提出书面答复并提交证据期限", "行政复议法第四十八条", received_on,
                                      RECONSIDERATION_ANSWER_WORKING_DAYS, calendar)
    return deadlines.calendar_days("提交答辩状和证据期限", "行政诉讼法第六十七条", received_on, LITIGATION_ANSWER_DAYS, calendar)


def answer_due(kind: str, received_on: dt.date, calendar: WorkingCalendar | None = None) -> tuple[dt.date, str]:
    """(due date, how it was counted) for the answer and evidence."""
    deadline = answer_deadline(kind, received_on, calendar)
    if kind == "reconsideration":
        return deadline.due, (f"收到申请书副本之日起{RECONSIDERATION_ANSWER_WORKING_DAYS}个工作日内提出书面答复并提交证据"
                              "（行政复议法第四十八条；工作日按第八十八条，扣除节假日）")
    why = f"收到起诉状副本之日起{LITIGATION_ANSWER_DAYS}日内提交答辩状和证据（行政诉讼法第六十七条）"
    if deadline.moved:
        why += (f"；第{LITIGATION_ANSWER_DAYS}日{deadline.nominal_due:%Y-%m-%d}为{deadline.rest_day_note}，"
                f"顺延至其后第一个工作日（行政诉讼法第一百零一条、民事诉讼法第八十五条）")
    return deadline.due, why


def suggestion_deadline(received_on: dt.date) -> deadlines.Deadline:
    """司法建议、检察建议: 收到之日起两个月内书面答复 (《人民检察院检察建议工作规定》第十九条), unless the issuer set
    another period."""
    return deadlines.months("书面答复期限", "《人民检察院检察建议工作规定》第十九条", received_on, SUGGESTION_REPLY_MONTHS)


def suggestion_due(received_on: dt.date) -> dt.date:
    return suggestion_deadline(received_on).due


def appearance_basis() -> str:
    """How 出庭应诉率 is counted (LAW.md §7: the local convention varies; UNCONFIRMED, so configurable):
    "hearing" — hearings a qualifying head attended ÷ hearings held in open court (default);
    "case" — cases with at least one such hearing ÷ cases heard in open court."""
    return getattr(settings, "FAZHI_COURT_APPEARANCE_BASIS", "hearing")
