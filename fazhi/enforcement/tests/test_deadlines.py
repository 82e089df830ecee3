"""Every time limit of a penalty case with real dates across 国庆 2025 and 春节 2026 (chinesecalendar data)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from fazhi.core.workdays import WorkingCalendar
from fazhi.enforcement import deadlines

CAL = WorkingCalendar()
D = dt.date


def test_decision_limit_is_90_calendar_days_rolled_past_national_day():
    """GIVEN 立案 on 3 July 2025 THEN day 90 is 1 October (国庆节) and the limit ends on the first working day after."""
    limit = deadlines.decision_deadline(D(2025, 7, 3), calendar=CAL)
    assert limit.unit == "日" and limit.days == 90
    assert limit.due == D(2025, 10, 9)
    text = limit.explanation()
    assert "第90日：2025年10月1日" in text and "民事诉讼法第八十五条" in text and "行政处罚法第六十条" in text


def test_decision_limit_with_an_extension():
    ext = SimpleNamespace(days=30, approved_by="吴镇长", approved_on=D(2025, 5, 20), reason="案情复杂")
    limit = deadlines.decision_deadline(D(2025, 3, 3), [ext], calendar=CAL)
    assert limit.days == 120 and limit.due == D(2025, 7, 1)
    assert "延长30日：吴镇长于2025年5月20日批准" in limit.explanation()


def test_hearing_request_is_5_working_days_across_national_day_and_its_makeup_saturday():
    """告知 on Monday 29 September 2025: 30 Sep, 9 Oct, 10 Oct, Saturday 11 Oct (调休上班), 13 Oct."""
    limit = deadlines.hearing_request_deadline(D(2025, 9, 29), calendar=CAL)
    assert limit.unit == "工作日" and limit.due == D(2025, 10, 13)
    assert "国庆" in limit.explanation() and "调休上班" in limit.explanation()


def test_hearing_notice_7_working_days_before():
    limit = deadlines.hearing_earliest(D(2025, 9, 26), calendar=CAL)
    # Sunday 28 Sep (调休上班), 29, 30 Sep; 9, 10, Saturday 11 (调休上班), 13 Oct
    assert limit.due == D(2025, 10, 13)


def test_service_within_7_working_days_across_spring_festival_2026():
    limit = deadlines.service_deadline(D(2026, 2, 12), calendar=CAL)
    assert limit.unit == "工作日"
    assert "春节" in limit.explanation()
    assert CAL.count_working_days(D(2026, 2, 12), limit.due) == 7
    assert limit.due > D(2026, 2, 23)


def test_payment_15_days_rolled_past_spring_festival_2026():
    limit = deadlines.payment_deadline(D(2026, 2, 1), calendar=CAL)
    assert limit.unit == "日"
    # day 15 is 16 February 2026, inside the Spring Festival holiday
    assert "第15日：2026年2月16日" in limit.explanation()
    assert not CAL.is_workday(D(2026, 2, 16)) and CAL.is_workday(limit.due) and limit.due > D(2026, 2, 16)
    assert all(not CAL.is_workday(D(2026, 2, 16) + dt.timedelta(days=i)) for i in range((limit.due - D(2026, 2, 16)).days))


def test_late_fee_3_percent_a_day_capped_at_the_fine():
    fee = deadlines.late_fee(Decimal("1000"), D(2026, 2, 24), D(2026, 2, 27))
    assert fee.days_late == 3 and fee.amount == Decimal("90.00") and not fee.capped
    assert "1000元 × 3% × 3日 = 90.00元" in fee.explanation
    capped = deadlines.late_fee(Decimal("1000"), D(2026, 2, 24), D(2026, 4, 30))
    assert capped.amount == Decimal("1000") and capped.capped and "不得" not in capped.explanation
    assert deadlines.late_fee(Decimal("1000"), D(2026, 2, 24), D(2026, 2, 24)).amount == 0


def test_publicity_7_and_withdrawal_3_working_days():
    pub = deadlines.publicity_deadline(D(2025, 9, 30), calendar=CAL)
    assert pub.due == D(2025, 10, 16)  # 9, 10, 11 (Sat, 调休上班), 13, 14, 15, 16 Oct
    assert CAL.count_working_days(D(2025, 9, 30), pub.due) == 7
    wd = deadlines.withdrawal_deadline(D(2025, 9, 30), calendar=CAL)
    assert wd.due == D(2025, 10, 11) and wd.unit == "工作日"


def test_publicity_days_are_configurable(settings):
    settings.FAZHI_ENFORCEMENT_PUBLICITY_DAYS = 20
    assert deadlines.publicity_deadline(D(2025, 3, 3), calendar=CAL).days == 20
