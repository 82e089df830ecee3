"""When a deputy's suggestion must be answered.

《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第四十四条：乡、民族乡、镇的人民代表大会代表
向本级人民代表大会提出的对各方面工作的建议、批评和意见，由本级人民代表大会主席团交有关机关和组织研究处理并负责答复；
建议、批评和意见应当自交办之日起三个月内答复，涉及面广、处理难度大的，应当自交办之日起六个月内答复。

Both terms are settings (``FAZHI_DEPUTY_ANSWER_MONTHS``, ``FAZHI_DEPUTY_ANSWER_MONTHS_COMPLEX``; environment
variables of the same names), for a province whose regulations set a shorter term. The due date is fixed when
the matter is assigned (交办) and stored on the record: a later change of the setting does not move it.
"""
from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings

from fazhi.env import env_int

STATUTORY_MONTHS = 3  # 代表法第四十四条：三个月内答复
STATUTORY_MONTHS_COMPLEX = 6  # 涉及面广、处理难度大的，六个月内答复


def answer_months(*, complex_matter: bool) -> int:
    if complex_matter:
        return getattr(settings, "FAZHI_DEPUTY_ANSWER_MONTHS_COMPLEX", None) or env_int(
            "FAZHI_DEPUTY_ANSWER_MONTHS_COMPLEX", STATUTORY_MONTHS_COMPLEX)
    return getattr(settings, "FAZHI_DEPUTY_ANSWER_MONTHS", None) or env_int("FAZHI_DEPUTY_ANSWER_MONTHS", STATUTORY_MONTHS)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it has no such day (11-30 + 3 → 02-28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answer_due_on(assigned_on: dt.date, *, complex_matter: bool) -> dt.date:
    """The last day to answer: 交办之日起三个月（涉及面广、处理难度大的六个月）."""
    return add_months(assigned_on, answer_months(complex_matter=complex_matter))
