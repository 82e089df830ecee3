"""Working-day arithmetic at its edges: New Year across two years, starting on a holiday, the wording of
every explanation line, and what an admin-entered arrangement changes (and what it must not)."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.models import CalendarDay, CalendarDayKind, HolidayArrangement
from fazhi.core.workdays import WorkingCalendar, format_date, format_date_weekday

D = dt.date


@pytest.fixture
def calendar(db):
    return WorkingCalendar.load()


def test_dates_are_written_without_zero_padding_and_with_the_weekday():
    assert format_date(D(2026, 5, 1)) == "2026年5月1日"
    assert format_date_weekday(D(2026, 2, 14)) == "2026年2月14日（星期六）"
    assert format_date_weekday(D(2026, 2, 15)) == "2026年2月15日（星期日）"


def test_new_year_2026_is_skipped_and_the_sunday_after_is_worked(calendar):
    result = calendar.add_working_days(D(2025, 12, 31), 1)
    assert result.due == D(2026, 1, 4) and not result.provisional
    assert result.steps == [
        "起算：2025年12月31日（星期三），按规定当日不计入，自次日起计算1个工作日",
        "跳过元旦：2026年1月1日至2026年1月3日，共3天，不计入",
        "第1个工作日：2026年1月4日（星期日），调休上班（元旦），计入",
        "第1个工作日：2026年1月4日（星期日），即为期限届满日",
    ]
    assert calendar.count_working_days(D(2025, 12, 30), D(2026, 1, 5)) == 3  # Dec 31, Jan 4, Jan 5


def test_a_period_starting_on_a_holiday_counts_from_the_first_working_day(calendar):
    assert calendar.add_working_days(D(2025, 10, 3), 1).due == D(2025, 10, 9)
    assert calendar.add_working_days(D(2026, 2, 17), 1).due == D(2026, 2, 24)


def test_an_ordinary_week_needs_no_explanation_beyond_start_and_end(calendar):
    result = calendar.add_working_days(D(2025, 6, 9), 3)  # Mon → Thu
    assert result.due == D(2025, 6, 12)
    assert len(result.steps) == 2


def test_a_plain_weekend_is_called_a_weekend(calendar):
    result = calendar.add_working_days(D(2025, 6, 13), 1)  # Fri → Mon
    assert result.due == D(2025, 6, 16)
    assert "跳过周末：2025年6月14日至2025年6月15日，共2天，不计入" in result.steps


@pytest.mark.parametrize("start,end,expected", [
    (D(2025, 10, 9), D(2025, 10, 1), 0),  # end before start
    (D(2025, 10, 1), D(2025, 10, 8), 0),  # the whole National Day holiday
    (D(2025, 9, 26), D(2025, 10, 30), 20),  # agrees with add_working_days
])
def test_counting_working_days(calendar, start, end, expected):
    assert calendar.count_working_days(start, end) == expected


@pytest.mark.parametrize("n", [0, -3])
def test_a_period_must_be_at_least_one_working_day(calendar, n):
    with pytest.raises(ValueError, match="工作日数必须为正整数"):
        calendar.add_working_days(D(2025, 1, 6), n)


def test_only_the_years_without_data_are_named_as_provisional(calendar):
    result = calendar.add_working_days(D(2026, 12, 20), 20)
    assert result.provisional
    warning = result.steps[-1]
    assert warning.startswith("注意：2027年的国务院节假日安排尚未录入") and "2026年" not in warning
    assert result.steps[-2].endswith("即为期限届满日")


def test_an_arrangement_without_days_makes_the_year_final_on_plain_weekdays(db):
    HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    result = WorkingCalendar.load().add_working_days(D(2027, 3, 5), 1)  # Fri → Mon
    assert result.due == D(2027, 3, 8) and not result.provisional
    assert "暂定" not in result.explanation()


def test_a_deadline_computed_again_follows_a_late_arrangement(db):
    """Nothing is frozen: a deadline reaching into 2027 moves when the admin enters that year's holidays."""
    start = D(2027, 4, 30)
    before = WorkingCalendar.load().add_working_days(start, 1)
    assert before.due == D(2027, 5, 3) and before.provisional

    arrangement = HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    for day in range(1, 6):
        CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 5, day), kind=CalendarDayKind.HOLIDAY, name="劳动节")
    after = WorkingCalendar.load().add_working_days(start, 1)
    assert after.due == D(2027, 5, 6) and not after.provisional
    assert "跳过劳动节：2027年5月1日至2027年5月5日，共5天，不计入" in after.steps

    CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 4, 25), kind=CalendarDayKind.WORKDAY, name="劳动节")
    calendar = WorkingCalendar.load()
    assert calendar.day(D(2027, 4, 25)).note == "调休上班（劳动节）"
    assert calendar.add_working_days(D(2027, 4, 24), 1).due == D(2027, 4, 25)


def test_a_calendar_day_must_lie_in_its_arrangements_year(db):
    arrangement = HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    day = CalendarDay(arrangement=arrangement, date=D(2028, 1, 1), kind=CalendarDayKind.HOLIDAY, name="元旦")
    with pytest.raises(ValidationError) as exc:
        day.full_clean()
    assert "日期必须在所属年度内" in str(exc.value)


def test_library_years_are_not_provisional_and_name_their_holidays(calendar):
    info = calendar.day(D(2026, 10, 1))
    assert not info.is_workday and info.note == "国庆节" and not info.provisional
    assert calendar.day(D(2026, 2, 14)).note == "调休上班（春节）"
    assert calendar.day(D(2027, 1, 1)).provisional
