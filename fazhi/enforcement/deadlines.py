"""The time limits of a penalty case (行政处罚法), each in its own unit and explained step by step.

Working days (工作日) come from the official calendar (fazhi.core.workdays): 行政处罚法第八十五条 says the Act's
"二日""三日""五日""七日" are working days. Other periods are calendar days; as in 民事诉讼法第八十五条, the day of the
triggering event is not counted, and a period whose last day is a statutory holiday or rest day ends on the next
working day.

| 期限 | 天数 | 单位 | 条款 |
|---|---|---|---|
| 作出处罚决定 | 90（+批准延长） | 日 | 第六十条 |
| 申请听证 | 5 | 工作日 | 第六十四条第（一）项 |
| 听证通知 | 听证7日前 | 工作日 | 第六十四条第（二）项 |
| 当事人不在场时送达决定书 | 7 | 工作日 | 第六十一条 |
| 缴纳罚款 | 15 | 日 | 第六十七条 |
| 加处罚款 | 每日3%，不超过罚款数额 | — | 第七十二条 |
| 行政处罚决定公示 | 7（可设置） | 工作日 | 国办发〔2018〕118号 |
| 决定变更、撤销后撤下公示 | 3 | 工作日 | 第四十八条第二款 |
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from fazhi.core import deadlines
from fazhi.core.deadlines import Deadline
from fazhi.core.workdays import WorkingCalendar, format_date

__all__ = ["Deadline"]

DECISION_DAYS = 90
HEARING_REQUEST_WD = 5
HEARING_NOTICE_WD = 7
SERVICE_WD = 7
PAYMENT_DAYS = 15
LATE_RATE = Decimal("0.03")
WITHDRAW_WD = 3


def publicity_working_days() -> int:
    """公示时限: 7 working days for penalty decisions by default (国办发〔2018〕118号), settable per installation."""
    return int(getattr(settings, "FAZHI_ENFORCEMENT_PUBLICITY_DAYS", 7))


def working(label: str, basis: str, start: dt.date, days: int, calendar: WorkingCalendar | None = None) -> Deadline:
    return deadlines.working_days(label, basis, start, days, calendar,
                                  heading=f"{label}：{days}个工作日（{basis}，第八十五条：“二日”“三日”“五日”“七日”指工作日）")


def calendar_days(label: str, basis: str, start: dt.date, days: int, calendar: WorkingCalendar | None = None,
                  extra: list[tuple[int, str]] = ()) -> Deadline:
    """``days`` calendar days after ``start`` (start not counted), plus any extensions, rolled past rest days."""
    return deadlines.calendar_days(label, basis, start, days, calendar, extensions=extra)


def decision_deadline(filed_on: dt.date, extensions=(), calendar: WorkingCalendar | None = None) -> Deadline:
    """第六十条: 自行政处罚案件立案之日起九十日内作出行政处罚决定; extensions as law and rules allow, approved."""
    extra = [(e.days, f"{e.approved_by}于{format_date(e.approved_on)}批准，理由：{e.reason}") for e in extensions]
    return calendar_days("作出处罚决定期限", "行政处罚法第六十条", filed_on, DECISION_DAYS, calendar, extra)


def hearing_request_deadline(notice_on: dt.date, calendar: WorkingCalendar | None = None) -> Deadline:
    """第六十四条第（一）项: 当事人要求听证的，应当在行政机关告知后五日内提出."""
    return working("申请听证期限", "行政处罚法第六十四条第（一）项", notice_on, HEARING_REQUEST_WD, calendar)


def hearing_earliest(notice_sent_on: dt.date, calendar: WorkingCalendar | None = None) -> Deadline:
    """第六十四条第（二）项: 行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点."""
    return working("听证通知提前期", "行政处罚法第六十四条第（二）项", notice_sent_on, HEARING_NOTICE_WD, calendar)


def service_deadline(decided_on: dt.date, calendar: WorkingCalendar | None = None) -> Deadline:
    """第六十一条: 当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达决定书."""
    return working("送达决定书期限（当事人不在场）", "行政处罚法第六十一条", decided_on, SERVICE_WD, calendar)


def payment_deadline(served_on: dt.date, calendar: WorkingCalendar | None = None) -> Deadline:
    """第六十七条第三款: 当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款."""
    return calendar_days("缴纳罚款期限", "行政处罚法第六十七条第三款", served_on, PAYMENT_DAYS, calendar)


def publicity_deadline(decided_on: dt.date, calendar: WorkingCalendar | None = None) -> Deadline:
    days = publicity_working_days()
    return working("行政处罚决定公示期限", "国办发〔2018〕118号：行政处罚决定自作出之日起7个工作日内公开", decided_on, days, calendar)


def withdrawal_deadline(changed_on: dt.date, calendar: WorkingCalendar | None = None) -> Deadline:
    """第四十八条第二款: 公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回."""
    return working("撤回已公开的处罚决定期限", "行政处罚法第四十八条第二款", changed_on, WITHDRAW_WD, calendar)


@dataclass
class LateFee:
    days_late: int
    amount: Decimal
    capped: bool
    explanation: str


def late_fee(fine: Decimal, due: dt.date, paid_on: dt.date) -> LateFee:
    """第七十二条第一款第（一）项: 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额."""
    fine = Decimal(fine or 0)
    days = max((paid_on - due).days, 0)
    raw = (fine * LATE_RATE * days).quantize(Decimal("0.01"), ROUND_HALF_UP)
    capped = raw > fine
    amount = min(raw, fine)
    if not days:
        text = f"于{format_date(paid_on)}缴纳，未超过缴款期限（{format_date(due)}），不加处罚款"
    else:
        text = (f"缴款期限{format_date(due)}届满，{format_date(paid_on)}缴纳，逾期{days}日；"
                f"加处罚款 = {fine}元 × 3% × {days}日 = {raw}元" + (f"，超过罚款数额，按罚款数额{fine}元计（第七十二条）" if capped else "（第七十二条）"))
    return LateFee(days, amount, capped, text)
