"""The county's collection table: state, submission and publication dates, late flags, reminders."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from fazhi.oversight.collection import collection
from fazhi.oversight.deadlines import deadlines_for
from fazhi.oversight.filing import record_publication, submit_report
from fazhi.oversight.models import CountyDeadlines, DeadlineReminder, Submission
from fazhi.oversight.reminders import refresh_reminders
from fazhi.oversight.tests.factories import imported_report, saved_report

YEAR = 2025


def _row(rows, township):
    return next(r for r in rows if r.township == township)


def test_default_deadlines_are_1_march_and_1_april_of_the_next_year(township):
    d = deadlines_for(township, YEAR)
    assert (d.submit_by, d.publish_by) == (dt.date(2026, 3, 1), dt.date(2026, 4, 1))


def test_a_county_sets_its_own_deadlines(county, township):
    CountyDeadlines.objects.create(county=county, submit_month=2, submit_day=29, publish_month=3, publish_day=31)
    d = deadlines_for(township, 2026)
    assert (d.submit_by, d.publish_by) == (dt.date(2027, 2, 28), dt.date(2027, 3, 31))  # 2027 has no 29 February


def test_states_and_late_flags(county, township, other_township, clerk, leader):
    saved_report(township, YEAR, clerk)
    submission = submit_report(township, YEAR, leader, "自查问题已核实")
    Submission.objects.filter(pk=submission.pk).update(
        submitted_at=timezone.make_aware(dt.datetime(2026, 3, 5, 10, 0)))  # four days late
    record_publication(township, YEAR, clerk, published_on=dt.date(2026, 3, 30), url="")
    rows = collection(county, YEAR, today=dt.date(2026, 4, 10))
    a, b = _row(rows, township), _row(rows, other_township)
    assert a.state == "已报送，待县级审核" and a.submitted_on == dt.date(2026, 3, 5)
    assert a.flags == ["逾期报送"] and a.published_on == dt.date(2026, 3, 30)
    assert b.state == "未开始" and b.flags == ["逾期未报送", "逾期未公开"]
    before = collection(county, YEAR, today=dt.date(2026, 2, 20))
    assert _row(before, other_township).flags == []


def test_an_imported_report_counts_as_received_on_its_date(county, township):
    imported_report(county, year=YEAR, township=township, received_on=dt.date(2026, 2, 27))
    row = _row(collection(county, YEAR, today=dt.date(2026, 3, 10)), township)
    assert row.state.startswith("已收到") and row.submitted_on == dt.date(2026, 2, 27) and "逾期报送" not in row.flags


def test_reminders_before_the_deadline_once_per_user_and_not_after_submission(county, township, clerk, leader):
    assert refresh_reminders(dt.date(2026, 2, 1)) == []  # more than 14 days ahead
    created = refresh_reminders(dt.date(2026, 2, 20))
    assert {(r.user, r.kind) for r in created} == {(clerk, "submit"), (leader, "submit")}
    assert "2026年3月1日前报送" in created[0].message
    assert refresh_reminders(dt.date(2026, 2, 21)) == []  # not twice
    saved_report(township, YEAR, clerk)
    submit_report(township, YEAR, leader, "自查问题已核实")
    created = refresh_reminders(dt.date(2026, 3, 25))
    assert {r.kind for r in created} == {"publish"}


def test_the_reminder_command_prints_what_it_did(county, township, clerk, capsys):
    call_command("report-reminders", "--today", "2026-02-20")
    assert "新生成提醒1条" in capsys.readouterr().out
    assert DeadlineReminder.objects.count() == 1


def test_the_collection_page_lists_every_township_for_the_county_only(client, supervisor, township, other_township,
                                                                      other_county_supervisor, clerk):
    client.force_login(supervisor)
    page = client.get(reverse("oversight_index") + f"?year={YEAR}").content.decode()
    assert "甲镇" in page and "乙镇" in page and "2026年3月1日" in page
    client.force_login(other_county_supervisor)
    page = client.get(reverse("oversight_index") + f"?year={YEAR}").content.decode()
    assert "甲镇" not in page and "丙镇" in page
    client.force_login(clerk)
    assert client.get(reverse("oversight_index")).status_code == 403


@pytest.mark.parametrize("year", ["abc", "1999", "99999999999999999999"])
def test_a_bad_year_falls_back_to_last_year(client, supervisor, year):
    client.force_login(supervisor)
    assert client.get(reverse("oversight_index") + f"?year={year}").status_code == 200


def test_an_impossible_county_date_is_refused_in_chinese(county):
    from django.core.exceptions import ValidationError

    rule = CountyDeadlines(county=county, submit_month=2, submit_day=31)
    with pytest.raises(ValidationError, match="不是有效的日期"):
        rule.full_clean()
