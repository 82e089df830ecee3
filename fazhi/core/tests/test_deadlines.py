"""The one Deadline type (fazhi/core/deadlines.py): each way of counting once, on real dates across 春节 and 国庆."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core import deadlines
from fazhi.core.workdays import WorkingCalendar

D = dt.date
CAL = WorkingCalendar()  # the library's published arrangements (2025: 春节 1-28…2-4, 1-26 and 2-8 make-up days)


def test_working_days_skip_the_spring_festival_and_count_make_up_days():
    # received Friday 2025-01-24: 1-26 (Sunday, make-up) 1, 1-27 2, 春节 1-28…2-4 skipped, 2-5 3 … 2-8 (Saturday, make-up) 6, 2-10 7
    d = deadlines.working_days("补正通知期限", "政府信息公开条例第三十条", D(2025, 1, 24), 7, CAL)
    assert (d.due, d.unit, d.amount, d.provisional, d.moved) == (D(2025, 2, 10), "工作日", 7, False, False)
    assert d.steps[0] == "补正通知期限：7个工作日（政府信息公开条例第三十条）"
    assert "跳过春节：2025年1月28日至2025年2月4日，共8天，不计入" in d.explanation()
    assert "调休上班（春节）" in d.explanation()


def test_calendar_days_end_on_the_first_working_day_after_national_day():
    # 2025-09-20 + 15 days = Sunday 10-5, inside 国庆 (10-1…10-8): the period ends on Thursday 10-9
    d = deadlines.calendar_days("提交答辩状和证据期限", "行政诉讼法第六十七条", D(2025, 9, 20), 15, CAL)
    assert (d.due, d.nominal_due, d.unit, d.moved) == (D(2025, 10, 9), D(2025, 10, 5), "日", True)
    assert "第15日：2025年10月5日（星期日）" in d.explanation()
    assert "以休假日后的第一个工作日2025年10月9日（星期四）为届满日（民事诉讼法第八十五条）" in d.explanation()
    # a last day that is a make-up working Saturday (2025-10-11) does not move
    assert deadlines.calendar_days("x", "y", D(2025, 9, 26), 15, CAL).due == D(2025, 10, 11)
    # extensions add up before the end is placed; a rule may keep a rest day as the last day
    extended = deadlines.calendar_days("x", "y", D(2025, 9, 5), 15, CAL, extensions=[(15, "经批准")])
    assert extended.due == D(2025, 10, 9) and extended.amount == 30 and "延长15日：经批准" in extended.explanation()
    assert deadlines.calendar_days("x", "y", D(2025, 9, 20), 15, move_off_rest_day=False).due == D(2025, 10, 5)


@pytest.mark.parametrize("start, n, due", [
    (D(2025, 3, 10), 3, D(2025, 6, 10)),   # the corresponding day
    (D(2025, 11, 30), 3, D(2026, 2, 28)),  # no 30 February: the month's last day
    (D(2023, 11, 30), 3, D(2024, 2, 29)),  # leap year
    (D(2025, 8, 1), 2, D(2025, 10, 1)),    # not 60 days (9-30): two months
])
def test_months_use_the_corresponding_day_or_the_months_last_day(start, n, due):
    d = deadlines.months("答复期限", "某条", start, n)
    assert (d.due, d.unit, d.amount) == (due, "个月", n)
    assert ("没有" in d.explanation()) == (due.day != start.day)


def test_months_may_move_off_a_rest_day():
    # 2025-08-01 + 2 months = 10-1 (国庆): moved to 10-9 when the rule says so
    d = deadlines.months("x", "y", D(2025, 8, 1), 2, CAL, move_off_rest_day=True)
    assert (d.due, d.nominal_due, d.rest_day_note) == (D(2025, 10, 9), D(2025, 10, 1), "国庆节")


def test_a_deadline_in_a_year_without_an_arrangement_is_provisional():
    d = deadlines.calendar_days("x", "y", D(2099, 9, 17), 15, WorkingCalendar())  # 10-2: 国庆节 by the statute alone
    assert d.provisional and d.nominal_due == D(2099, 10, 2) and d.due == D(2099, 10, 5) and d.rest_day_note == "国庆节（暂定）"


def test_the_query_cut_off_names_exactly_the_overdue_starts():
    for today in (D(2025, 1, 1) + dt.timedelta(days=i) for i in range(0, 800, 3)):
        cut = deadlines.latest_start_overdue_by(today, 1)
        for start in (cut - dt.timedelta(days=2) + dt.timedelta(days=k) for k in range(5)):
            assert (start <= cut) == deadlines.months("x", "y", start, 1).overdue_on(today), (today, start)
