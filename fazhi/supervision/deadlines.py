"""When a deputy's suggestion must be answered.

《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第四十四条：乡、民族乡、镇的人民代表大会代表
向本级人民代表大会提出的对各方面工作的建议、批评和意见，由本级人民代表大会主席团交有关机关和组织研究处理并负责答复；
建议、批评和意见应当自交办之日起三个月内答复，涉及面广、处理难度大的，应当自交办之日起六个月内答复。

Both terms are settings (``FAZHI_DEPUTY_ANSWER_MONTHS``, ``FAZHI_DEPUTY_ANSWER_MONTHS_COMPLEX``; environment
variables of the same names), for a province whose regulations set a shorter term. The due date is fixed when
the matter is assigned (交办) and stored on the record: a later change of the setting does not move it.
"""
from __future__ import annotations

import datetime as dt

from django.conf import settings

from fazhi.core import deadlines
from fazhi.core.deadlines import add_months
from fazhi.env import env_int

__all__ = ["add_months", "answer_deadline", "answer_due_on", "answer_months"]

STATUTORY_MONTHS = 3  # 代表法第四十四条：三个月内答复
STATUTORY_MONTHS_COMPLEX = 6  # 涉及面广、处理难度大的，六个月内答复
BASIS = "代表法第四十四条"


def answer_months(*, complex_matter: bool) -> int:
    if complex_matter:
        return getattr(settings, "FAZHI_DEPUTY_ANSWER_MONTHS_COMPLEX", None) or env_int(
            "FAZHI_DEPUTY_ANSWER_MONTHS_COMPLEX", STATUTORY_MONTHS_COMPLEX)
    return getattr(settings, "FAZHI_DEPUTY_ANSWER_MONTHS", None) or env_int("FAZHI_DEPUTY_ANSWER_MONTHS", STATUTORY_MONTHS)


def answer_deadline(assigned_on: dt.date, *, complex_matter: bool) -> deadlines.Deadline:
    """交办之日起三个月（涉及面广、处理难度大的六个月）: months with the month-end rule; the statute's term, not moved off
    a rest day (as before)."""
    return deadlines.months("代表建议答复期限", BASIS, assigned_on, answer_months(complex_matter=complex_matter))


def answer_due_on(assigned_on: dt.date, *, complex_matter: bool) -> dt.date:
    """The last day to answer: 交办之日起三个月（涉及面广、处理难度大的六个月）."""
    return answer_deadline(assigned_on, complex_matter=complex_matter).due
