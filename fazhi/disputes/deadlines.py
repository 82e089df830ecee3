"""The time limits of a mediation, each defined once (fazhi/core/deadlines.py).

- Settling: 《人民调解工作若干规定》 — 一般在一个月内调结 (LAW.md §8; article UNCONFIRMED). A month with the month-end rule,
  not moved off a rest day (an administrative target, not a procedural period). A case still open after it is "调解已
  超过一个月" in the ledger and on the attention list.
- 司法确认: 人民调解法第三十三条 — 自调解协议生效之日起三十日内共同向人民法院申请 (calendar days).
"""
from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from fazhi.core import deadlines

SETTLE_WITHIN_MONTHS = 1
SETTLE_BASIS = "《人民调解工作若干规定》：一般在一个月内调结"
CONFIRMATION_WITHIN_DAYS = 30
CONFIRMATION_BASIS = "人民调解法第三十三条"


def settle_deadline(received_on: dt.date) -> deadlines.Deadline:
    return deadlines.months("调结期限", SETTLE_BASIS, received_on, SETTLE_WITHIN_MONTHS)


def open_too_long(received_on: dt.date, today: dt.date) -> bool:
    """调解已超过一个月: the month from receipt has run out before today."""
    return settle_deadline(received_on).overdue_on(today)


def open_too_long_filter(cases: QuerySet, today: dt.date) -> QuerySet:
    """The open cases of ``cases`` that ``open_too_long`` names, as one query (the attention list counts them)."""
    from fazhi.disputes.models import DisputeOutcome

    return cases.filter(outcome=DisputeOutcome.OPEN,
                        received_on__lte=deadlines.latest_start_overdue_by(today, SETTLE_WITHIN_MONTHS))


def confirmation_deadline(agreement_on: dt.date) -> deadlines.Deadline:
    """司法确认申请期限: 30 calendar days from the agreement taking effect, as the ledger has always counted them (the
    court's own rules decide whether a last day on a rest day moves)."""
    return deadlines.calendar_days("申请司法确认期限", CONFIRMATION_BASIS, agreement_on, CONFIRMATION_WITHIN_DAYS,
                                   move_off_rest_day=False)
