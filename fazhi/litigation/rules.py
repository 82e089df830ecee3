"""Time limits of the township as respondent or defendant (LAW.md §9, §7), each in its own unit.

- 行政复议法 (2023) Art. 48: the respondent answers and submits its evidence within 10 days of receiving
  the copy of the application — working days, by Art. 88.
- 行政诉讼法 Art. 67: the defendant submits its evidence and defence within 15 days of receiving the
  complaint — calendar days (Art. 101 → 民事诉讼法).
- 司法建议 / 检察建议: answered within two months by default (《人民检察院检察建议工作规定》 Art. 19);
  courts set their own period in the suggestion, so the due date is kept on the record and can be changed.
"""
from __future__ import annotations

import datetime as dt

from django.conf import settings

from fazhi.core.workdays import WorkingCalendar

RECONSIDERATION_ANSWER_WORKING_DAYS = 10
LITIGATION_ANSWER_DAYS = 15
SUGGESTION_REPLY_DAYS = 60


def answer_due(kind: str, received_on: dt.date, calendar: WorkingCalendar | None = None) -> tuple[dt.date, str]:
    """(due date, how it was counted) for the answer and evidence."""
    if kind == "reconsideration":
        due = (calendar or WorkingCalendar.load()).add_working_days(received_on, RECONSIDERATION_ANSWER_WORKING_DAYS)
        return due.due, (f"收到申请书副本之日起{RECONSIDERATION_ANSWER_WORKING_DAYS}个工作日内提出书面答复并提交证据"
                         "（行政复议法第四十八条；工作日按第八十八条，扣除节假日）")
    due = received_on + dt.timedelta(days=LITIGATION_ANSWER_DAYS)
    return due, f"收到起诉状副本之日起{LITIGATION_ANSWER_DAYS}日内提交答辩状和证据（行政诉讼法第六十七条）"


def suggestion_due(received_on: dt.date) -> dt.date:
    return received_on + dt.timedelta(days=SUGGESTION_REPLY_DAYS)


def appearance_basis() -> str:
    """How 出庭应诉率 is counted (LAW.md §7: the local convention varies; UNCONFIRMED, so configurable):
    "hearing" — hearings a qualifying head attended ÷ hearings held in open court (default);
    "case" — cases with at least one such hearing ÷ cases heard in open court."""
    return getattr(settings, "FAZHI_COURT_APPEARANCE_BASIS", "hearing")
