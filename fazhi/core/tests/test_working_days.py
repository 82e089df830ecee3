"""The official working-day calendar: holidays skipped, 调休 make-up days counted, unknown years flagged."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.models import CalendarDay, CalendarDayKind, HolidayArrangement
from fazhi.core.workdays import WorkingCalendar

D = dt.date


@pytest.fixture
def calendar(db):
    return WorkingCalendar.load()


def test_spring_festival_2026_is_skipped_and_both_saturdays_are_worked(calendar):
    # Feb 14 (Sat) is a make-up working day; Feb 15–23 are off; Feb 28 (Sat) is worked again.
    assert calendar.add_working_days(D(2026, 2, 13), 1).due == D(2026, 2, 14)
    assert calendar.add_working_days(D(2026, 2, 14), 1).due == D(2026, 2, 24)
    result = calendar.add_working_days(D(2026, 2, 13), 6)
    assert result.due == D(2026, 2, 28)
    assert not result.provisional
    explanation = result.explanation()
    assert "跳过春节：2026年2月15日至2026年2月23日，共9天，不计入" in explanation
    assert "2026年2月28日（星期六），调休上班（春节），计入" in explanation


def test_national_day_2025_twenty_working_days(calendar):
    result = calendar.add_working_days(D(2025, 9, 26), 20)
    assert result.due == D(2025, 10, 30)
    assert result.steps[0].startswith("起算：2025年9月26日（星期五），按规定当日不计入")


def test_counting_working_days_between_dates(calendar):
    assert calendar.count_working_days(D(2025, 9, 30), D(2025, 10, 9)) == 1  # only Thu 9 Oct
    assert calendar.count_working_days(D(2026, 2, 13), D(2026, 2, 28)) == 6
    assert calendar.count_working_days(D(2025, 1, 10), D(2025, 1, 10)) == 0


def test_a_year_without_data_is_provisional_until_the_admin_enters_it(db):
    before = WorkingCalendar.load().add_working_days(D(2027, 9, 30), 3)
    assert before.provisional and "暂定" in before.explanation()
    assert before.due == D(2027, 10, 6)  # statutory 国庆节 1–3 October skipped, no 调休 guessed
    assert "跳过国庆节（暂定）：2027年10月1日至2027年10月3日，共3天，不计入" in before.steps

    arrangement = HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    for day in range(1, 8):
        CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 10, day), kind=CalendarDayKind.HOLIDAY, name="国庆节")
    CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 10, 9), kind=CalendarDayKind.WORKDAY, name="国庆节")

    after = WorkingCalendar.load().add_working_days(D(2027, 9, 30), 3)
    assert not after.provisional
    assert after.due == D(2027, 10, 11)  # Oct 8 (Fri), Oct 9 (Sat, make-up), Oct 11 (Mon)
    assert "调休上班（国庆节）" in after.explanation()


def test_zero_working_days_is_refused(calendar):
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2025, 1, 1), 0)


def test_national_day_2025_explanation_names_each_make_up_day_and_the_skipped_holiday(calendar):
    lines = calendar.add_working_days(D(2025, 9, 26), 20).steps
    assert "第1个工作日：2025年9月28日（星期日），调休上班（国庆节），计入" in lines
    assert "跳过国庆节、中秋：2025年10月1日至2025年10月8日，共8天，不计入" in lines
    assert "第6个工作日：2025年10月11日（星期六），调休上班（国庆节），计入" in lines
    assert lines[-1] == "第20个工作日：2025年10月30日（星期四），即为期限届满日"
    assert calendar.count_working_days(D(2025, 9, 26), D(2025, 10, 12)) == 6  # 9/28, 9/29, 9/30, 10/9, 10/10, 10/11


def test_a_deadline_from_national_day_into_spring_festival(calendar):
    # Days off and make-up days in both holidays; the plain weekday rule would give another date.
    result = calendar.add_working_days(D(2025, 9, 30), 1)
    assert result.due == D(2025, 10, 9)
    assert calendar.count_working_days(D(2026, 2, 13), D(2026, 2, 24)) == 2  # Sat 14th and Tue 24th
    assert calendar.is_workday(D(2026, 2, 14)) and not calendar.is_workday(D(2026, 2, 16))
    assert calendar.day(D(2026, 2, 17)).note == "春节"


def test_an_admin_entered_2027_spring_festival_moves_the_due_date(db):
    start = D(2027, 2, 1)
    guessed = WorkingCalendar.load().add_working_days(start, 15)
    # provisional: only the statutory 春节 (除夕 Fri 5 Feb, 初一–初三 6–8 Feb) is skipped → two days later than Mon–Fri
    assert guessed.provisional and guessed.due == D(2027, 2, 24)
    assert "2027年的国务院节假日安排尚未录入" in guessed.explanation()

    arrangement = HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    for day in range(6, 14):  # Feb 6–13, 2027 off (hypothetical arrangement)
        CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 2, day), kind=CalendarDayKind.HOLIDAY, name="春节")
    CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 2, 20), kind=CalendarDayKind.WORKDAY, name="春节")

    calendar = WorkingCalendar.load()
    result = calendar.add_working_days(start, 15)
    assert not result.provisional and "暂定" not in result.explanation()
    # Feb 2–5 (4), Feb 15–19 (9), Feb 20 Sat make-up (10), Feb 22–26 (15)
    assert result.due == D(2027, 2, 26)
    assert "跳过春节、周末：2027年2月6日至2027年2月14日，共9天，不计入" in result.steps
    assert "第10个工作日：2027年2月20日（星期六），调休上班（春节），计入" in result.steps
    assert calendar.count_working_days(D(2027, 2, 5), D(2027, 2, 21)) == 6


def test_counting_working_days_across_years_matches_counting_day_by_day():
    import datetime as dt
    import random

    from fazhi.core.workdays import WorkingCalendar

    calendar = WorkingCalendar()
    rng = random.Random(3)
    for _ in range(500):
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        end = start + dt.timedelta(days=rng.randint(-30, 1200))
        by_day = sum(1 for n in range(1, (end - start).days + 1) if calendar.is_workday(start + dt.timedelta(days=n)))
        assert calendar.count_working_days(start, end) == by_day, (start, end)


def test_a_counted_period_is_worked_out_once_and_handed_out_as_a_copy(calendar, monkeypatch):
    first = calendar.add_working_days(D(2026, 2, 13), 6)
    monkeypatch.setattr(calendar, "_read_day", lambda day: pytest.fail(f"{day} read again"))
    first.steps.append("（调用方自行添加的说明）")
    again = calendar.add_working_days(D(2026, 2, 13), 6)
    assert again.due == D(2026, 2, 28) and "（调用方自行添加的说明）" not in again.steps
    assert again.steps is not calendar.add_working_days(D(2026, 2, 13), 6).steps
