"""What a public application costs (bench/load.py's mix is 30 % of them): one transaction and a handful of queries,
with every guarantee kept — the gap-free number, the history row, the timeline event, the clerks' reminder and the
statutory deadline (条例第三十三条第一款: 20 working days)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fazhi.core import numbering, workdays
from fazhi.core.models import CalendarDay, CalendarDayKind, HolidayArrangement
from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure.models import DisclosureEvent, DisclosureRequest, Reminder

URL = "/api/public/disclosure-requests"
BODY = {"organisation": "T901", "applicant_type": "natural", "applicant_name": "张小明",
        "contact": "13800138000", "description": "2025年本镇农村低保对象名单及审核程序"}


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    workdays._state["pending"] = False  # a calendar change another test rolled back
    workdays._forget()


def post(client, body, key):
    return client.post(URL, data=json.dumps(body), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)


def test_a_public_application_takes_one_transaction_and_few_queries(client, township, clerk,
                                                                    django_assert_max_num_queries):
    assert post(client, {**BODY, "contact": "13900139000"}, "warm").status_code == 201  # the calendar is read once
    with CaptureQueriesContext(connection) as seen, django_assert_max_num_queries(11):
        response = post(client, BODY, "key-2")
    assert response.status_code == 201, response.content.decode()
    sql = [q["sql"] for q in seen.captured_queries]
    assert not any("MAX(" in q for q in sql), "no scan of the highest number once the year's counter exists"
    assert not any("core_calendarday" in q or "core_holidayarrangement" in q for q in sql), "calendar read per request"
    assert sum("core_numbercounter" in q for q in sql) == 1, "the number is taken in one statement"
    assert sum(q.startswith("SAVEPOINT") for q in sql) <= 1, "one transaction (a savepoint inside the test's own)"
    body = response.json()
    year = timezone.localdate().year
    assert body["tracking_number"] == f"T901-{year}-0002"
    stored = DisclosureRequest.objects.get(tracking_number=body["tracking_number"])
    assert stored.history.count() == 1
    assert DisclosureEvent.objects.filter(request=stored, kind="received").count() == 1
    assert list(Reminder.objects.filter(request=stored).values_list("user", "kind")) == [(clerk.pk, "unassigned")]
    due = WorkingCalendar.read().add_working_days(stored.received_on, 20).due  # 条例第三十三条第一款
    assert body["due_on"] == due.isoformat()


def test_a_retried_application_costs_three_queries_and_takes_no_number(client, township, clerk,
                                                                      django_assert_max_num_queries):
    first = post(client, BODY, "same").json()["tracking_number"]
    with CaptureQueriesContext(connection) as seen, django_assert_max_num_queries(3):
        again = post(client, BODY, "same")
    assert again.status_code == 200 and again.json()["tracking_number"] == first
    assert not any("core_numbercounter" in q["sql"] for q in seen.captured_queries)
    assert DisclosureRequest.objects.count() == 1 and Reminder.objects.count() == 1


def test_the_reminder_is_saved_with_the_application_and_rolls_back_with_it(township, clerk):
    from fazhi.disclosure import services

    fields = {k: v for k, v in BODY.items() if k != "organisation"} | {"delivery": "online"}
    with pytest.raises(RuntimeError), transaction.atomic():
        services.request_create(organisation=township, fields=fields, channel="portal", received_on=timezone.localdate())
        assert Reminder.objects.count() == 1  # already there, inside the application's transaction
        raise RuntimeError("the request fails after the application")
    assert Reminder.objects.count() == 0 and DisclosureRequest.objects.count() == 0
    application, _ = services.request_create(organisation=township, fields=fields, channel="portal",
                                             received_on=timezone.localdate())
    assert application.sequence == 1  # the rolled-back number was given back


def test_the_counter_scans_the_highest_number_only_for_the_years_first(township):
    scans = []

    def highest():
        scans.append(1)
        return 6  # rows written before the counter existed

    with transaction.atomic():
        first = numbering.next_number(township, "t", 2031, highest_issued=highest, floor_on_first_use_only=True)
        second = numbering.next_number(township, "t", 2031, highest_issued=highest, floor_on_first_use_only=True)
        always = numbering.next_number(township, "t", 2031, highest_issued=lambda: 20)
    assert (first, second, always, len(scans)) == (7, 8, 21, 1)


def test_the_calendar_is_read_once_and_again_after_any_change(db, django_assert_num_queries):
    workdays._state["pending"] = False
    workdays._forget()
    WorkingCalendar.load()
    with django_assert_num_queries(0):
        calendar = WorkingCalendar.load()
    assert calendar.is_workday(dt.date(2031, 1, 2))  # a Thursday, before any arrangement for 2031
    arrangement = HolidayArrangement.objects.create(year=2031, source="国办发明电〔2030〕1号")
    CalendarDay.objects.create(arrangement=arrangement, date=dt.date(2031, 1, 2), kind=CalendarDayKind.HOLIDAY,
                               name="元旦")
    changed = WorkingCalendar.load()  # this transaction changed it: read as it now stands, never kept
    assert not changed.is_workday(dt.date(2031, 1, 2)) and 2031 in changed._arranged_years
    assert workdays._state["calendar"] is None


def test_a_change_made_in_another_process_is_seen_through_the_shared_stamp(db, django_assert_num_queries):
    workdays._state["pending"] = False
    workdays._forget()
    WorkingCalendar.load()
    workdays._stamps().set(workdays._STAMP_KEY, "another-process-changed-it", None)  # what _bump does elsewhere
    with django_assert_num_queries(2):
        WorkingCalendar.load()
    with django_assert_num_queries(0):
        WorkingCalendar.load()
