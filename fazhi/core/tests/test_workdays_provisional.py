"""Years without the State Council's arrangement (neither in chinesecalendar nor entered by an admin) still skip
the statutory public holidays of 《全国年节及纪念日放假办法》 (国务院令第795号, in force 2025-01-01), marked 暂定;
years the library covers keep the library's days (bridging days and 调休 included)."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from fazhi.core.models import CalendarDay, CalendarDayKind, HolidayArrangement
from fazhi.core.workdays import WorkingCalendar, statutory_holidays

D = dt.date


def _add(date: str, n: str) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("workdays", "add", date, n, stdout=out, stderr=err)
    return out.getvalue().strip().splitlines()


@pytest.mark.django_db
@pytest.mark.parametrize("start, n, due", [
    ("2026-12-06", "20", "2027-01-04"),  # 元旦 (Fri 1 January 2027), then the weekend
    ("2027-09-30", "3", "2027-10-06"),  # 国庆节 1–3 October 2027
])
def test_the_command_skips_statutory_holidays_of_a_year_without_an_arrangement(start, n, due):
    assert _add(start, n)[-1] == due


def test_the_statutory_days_of_a_year_the_library_surely_lacks():
    days = statutory_holidays(2031)
    assert days[D(2031, 1, 1)] == "元旦"
    # 春节 4 days: 农历除夕 (22 January 2031) and 正月初一至初三 (23–25 January)
    assert [d for d, name in sorted(days.items()) if name == "春节"] == [D(2031, 1, 22), D(2031, 1, 23),
                                                                         D(2031, 1, 24), D(2031, 1, 25)]
    assert days[D(2031, 4, 5)] == "清明节"  # the 清明 solar term
    assert days[D(2031, 5, 1)] == days[D(2031, 5, 2)] == "劳动节"
    assert days[D(2031, 6, 24)] == "端午节"  # 农历五月初五
    assert days[D(2031, 10, 1)] == "中秋节"  # 农历八月十五 falls on 1 October that year
    assert days[D(2031, 10, 2)] == days[D(2031, 10, 3)] == "国庆节"
    assert len(days) == 12  # 中秋 on 1 October overlaps 国庆节: no substitute day is guessed


def test_a_provisional_due_date_names_the_skipped_holiday():
    calendar = WorkingCalendar()
    result = calendar.add_working_days(D(2031, 1, 21), 1)  # Tue → 除夕 … 初三 (Wed–Sat), Sun → Mon 27th
    assert result.due == D(2031, 1, 27) and result.provisional
    assert "跳过春节（暂定）、周末：2031年1月22日至2031年1月26日，共5天，不计入" in result.steps
    assert result.steps[-1].startswith("注意：2031年的国务院节假日安排尚未录入")
    assert calendar.day(D(2031, 4, 5)).note == "清明节（暂定）"  # a Saturday: named all the same
    assert calendar.count_working_days(D(2031, 9, 30), D(2031, 10, 6)) == 1  # Mon 6th only


def test_library_years_keep_the_library_days_and_are_not_provisional():
    calendar = WorkingCalendar()
    # 2026 is in chinesecalendar 1.11.0: Spring Festival 15–23 February (9 days), not the 4 statutory ones
    result = calendar.add_working_days(D(2026, 2, 13), 2)
    assert result.due == D(2026, 2, 24) and not result.provisional
    assert "跳过春节：2026年2月15日至2026年2月23日，共9天，不计入" in result.steps
    assert not calendar.day(D(2026, 10, 1)).provisional


@pytest.mark.django_db
def test_an_entered_arrangement_replaces_the_statutory_guess():
    arrangement = HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    for day in range(1, 4):
        CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 1, day), kind=CalendarDayKind.HOLIDAY,
                                   name="元旦")
    CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 1, 4), kind=CalendarDayKind.HOLIDAY, name="元旦")
    result = WorkingCalendar.load().add_working_days(D(2026, 12, 6), 20)
    assert result.due == D(2027, 1, 5) and not result.provisional
    assert "暂定" not in result.explanation()
