"""Every deadline rule of the disclosure clock, on the real 2025–2026 calendar (dates worked out by hand).

国庆 2025: Oct 1–8 off, make-up working days Sun 9-28 and Sat 10-11.
春节 2026: Feb 15–23 off, make-up working days Sat 2-14 and Sat 2-28.
元旦 2026: Jan 1–3 off, make-up working day Sun 1-4.
The day of receipt is not counted.
"""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.models import CalendarDay, HolidayArrangement
from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure.deadlines import (
    ClockInput, ClockState, Interval, compute_clock, due_within, proactive_deadline,
)

D = dt.date
CAL = WorkingCalendar()  # library data only: enough for 2025–2026
LATER = D(2026, 11, 1)


def clock(today=LATER, **kwargs):
    return compute_clock(ClockInput(**kwargs), CAL, today=today)


def test_twenty_working_days_across_national_day_2025():
    # 9-28 (调休) is day 1, 9-29/30 days 2–3, Oct 1–8 skipped, 10-9/10 days 4–5, 10-11 (调休) day 6 … 10-30 day 20
    c = clock(received_on=D(2025, 9, 26))
    assert c.due == D(2025, 10, 30) and not c.provisional
    text = c.explanation()
    assert "跳过国庆节、中秋：2025年10月1日至2025年10月8日，共8天，不计入" in text
    assert "2025年9月28日（星期日），调休上班（国庆节），计入" in text
    assert "2025年10月11日（星期六），调休上班（国庆节），计入" in text
    assert "第三十三条第二款" in text


def test_twenty_working_days_across_spring_festival_2026():
    # 2-11..13 days 1–3, 2-14 (调休) day 4, 2-15..23 off, 2-24..27 days 5–8, 2-28 (调休) day 9, 3-2..13 days 10–19, 3-16 day 20
    c = clock(received_on=D(2026, 2, 10))
    assert c.due == D(2026, 3, 16)
    assert "春节" in c.explanation()


def test_twenty_working_days_across_new_year_2026():
    # 12-31 day 1, 1-1..3 off, 1-4 (调休, a Sunday) day 2, then 1-5 … 1-28 day 20
    c = clock(received_on=D(2025, 12, 30))
    assert c.due == D(2026, 1, 28)
    assert "2026年1月4日（星期日），调休上班（元旦），计入" in c.explanation()


def test_correction_notice_is_due_within_seven_working_days_and_a_late_one_is_flagged():
    on_time = clock(received_on=D(2025, 9, 26), correction_requested_on=D(2025, 10, 13), correction_deadline=D(2025, 10, 31))
    assert on_time.correction_notice_due == D(2025, 10, 13) and not on_time.correction_notice_late
    late = clock(received_on=D(2025, 9, 26), correction_requested_on=D(2025, 10, 14), correction_deadline=D(2025, 10, 31))
    assert late.correction_notice_late and "晚于第三十条" in late.explanation()


def test_awaiting_correction_stops_the_clock_and_is_never_overdue():
    c = clock(received_on=D(2025, 9, 26), correction_requested_on=D(2025, 9, 29), correction_deadline=D(2025, 10, 20),
              today=D(2025, 12, 31))
    assert c.state == ClockState.AWAITING_CORRECTION and c.due is None
    assert not c.is_overdue(D(2025, 12, 31))
    assert c.correction_lapsed and "视为放弃申请" in c.explanation()
    before = clock(received_on=D(2025, 9, 26), correction_requested_on=D(2025, 9, 29), correction_deadline=D(2025, 10, 20),
                   today=D(2025, 10, 20))
    assert not before.correction_lapsed


def test_the_clock_restarts_from_the_corrected_application():
    c = clock(received_on=D(2025, 9, 26), correction_requested_on=D(2025, 9, 29), correction_deadline=D(2025, 10, 31),
              correction_received_on=D(2025, 10, 20))
    assert c.start == D(2025, 10, 20) and c.due == D(2025, 11, 17)
    assert "重新计算" in c.explanation() and "等待补正24天不计入" in c.explanation()


def test_consultation_time_is_not_counted():
    base = clock(received_on=D(2025, 11, 3))
    assert base.due == D(2025, 12, 1)
    one = clock(received_on=D(2025, 11, 3), consultations=(Interval(D(2025, 11, 10), D(2025, 11, 14), "征求第三方意见"),))
    assert one.excluded_days == 4 and one.due == D(2025, 12, 5)  # 11-11..14 excluded
    assert "扣除4个工作日" in one.explanation() and "第三十三条第三款" in one.explanation()


def test_overlapping_consultations_count_each_day_once():
    c = clock(received_on=D(2025, 11, 3), consultations=(
        Interval(D(2025, 11, 10), D(2025, 11, 14), "征求第三方意见"),
        Interval(D(2025, 11, 12), D(2025, 11, 18), "征求其他机关意见"),
    ))
    assert c.excluded_days == 6 and c.due == D(2025, 12, 9)  # 11-11..14, 17, 18


def test_an_open_consultation_pauses_the_clock_so_it_is_not_overdue():
    c = clock(received_on=D(2025, 11, 3), consultations=(Interval(D(2025, 11, 10), None, "征求第三方意见"),),
              today=D(2025, 12, 20))
    assert c.state == ClockState.PAUSED and not c.is_overdue(D(2025, 12, 20))
    assert "暂停计时" in c.explanation()


def test_one_extension_adds_its_working_days_and_names_the_approver():
    c = clock(received_on=D(2025, 11, 3), extension_days=20, extension_approved_by="王主任")
    assert c.due == D(2025, 12, 29)
    assert "延长答复期限：20个工作日，经王主任批准" in c.explanation()
    assert not c.is_overdue(D(2025, 12, 10))  # past the original date, within the extension


def test_overdue_only_when_running_and_past_the_due_date():
    c = clock(received_on=D(2025, 11, 3))
    assert not c.is_overdue(D(2025, 12, 1)) and c.is_overdue(D(2025, 12, 2))


def test_answered_on_time_or_late():
    on_time = clock(received_on=D(2025, 11, 3), closed_on=D(2025, 12, 1))
    late = clock(received_on=D(2025, 11, 3), closed_on=D(2025, 12, 3))
    assert on_time.answered_on_time is True and late.answered_on_time is False
    assert "超过期限2个工作日" in late.explanation()
    assert not late.is_overdue(D(2026, 1, 1))  # closed: never "overdue" again
    withdrawn = clock(received_on=D(2025, 11, 3), closed_on=D(2025, 12, 20), counts_for_timeliness=False)
    assert withdrawn.answered_on_time is None


def test_proactive_release_deadline_is_twenty_working_days():
    assert proactive_deadline(D(2025, 9, 26), CAL).due == D(2025, 10, 30)


def test_due_within_counts_working_days():
    assert due_within(D(2025, 10, 30), D(2025, 10, 27), 3, CAL)
    assert not due_within(D(2025, 10, 31), D(2025, 10, 27), 3, CAL)
    assert due_within(D(2025, 10, 27), D(2025, 10, 27), 3, CAL)
    assert not due_within(D(2025, 10, 24), D(2025, 10, 27), 3, CAL)
    assert due_within(D(2025, 10, 9), D(2025, 9, 30), 1, CAL)  # across the whole 国庆 break: the next working day


@pytest.mark.django_db
def test_a_holiday_arrangement_entered_later_moves_open_due_dates():
    """2027 is not in the library: the due date is provisional until the admin enters the State Council notice."""
    received = D(2026, 12, 24)
    before = compute_clock(ClockInput(received_on=received), WorkingCalendar.load(), today=received)
    # provisional: 元旦 (1 January 2027) is skipped by the statutory rule, no 调休 guessed
    assert before.due == D(2027, 1, 22) and before.provisional and "元旦（暂定）" in before.explanation()
    arrangement = HolidayArrangement.objects.create(year=2027, source="国办发明电〔2026〕X号")
    CalendarDay.objects.create(arrangement=arrangement, date=D(2027, 1, 1), kind="holiday", name="元旦")
    after = compute_clock(ClockInput(received_on=received), WorkingCalendar.load(), today=received)
    assert after.due == D(2027, 1, 22) and not after.provisional
    assert "元旦" in after.explanation()
