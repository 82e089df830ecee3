"""One clock: at 17:52 UTC on 5 December it is already 01:52 on 6 December in Beijing, and every date a user sees
is the Beijing one — the county's collection table and a disclosure application's received date alike. The
application's due date then skips 元旦 2027 (provisional: no State Council arrangement for 2027 yet)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse

from fazhi.core import clock
from fazhi.oversight.models import Filing, Submission

LATE_EVENING_UTC = dt.datetime(2026, 12, 5, 17, 52, tzinfo=dt.timezone.utc)  # 2026-12-06 01:52 in Beijing


@pytest.fixture
def beijing_small_hours():
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        yield


def test_the_clock_gives_the_beijing_date(beijing_small_hours):
    assert clock.today() == dt.date(2026, 12, 6) and clock.current_year() == 2026
    assert clock.local_date(clock.now()) == dt.date(2026, 12, 6)
    assert clock.now().date() == dt.date(2026, 12, 5)  # what .date() on a stored (UTC) moment would have shown


def test_the_collection_table_dates_a_submission_by_beijing_time(beijing_small_hours, client, supervisor, township,
                                                                  leader):
    filing = Filing.objects.create(organisation=township, year=2025)
    Submission.objects.create(filing=filing, version=1, submitted_by=leader, submitted_at=clock.now(), title="报告",
                              text="正文", docx=b"")
    client.force_login(supervisor)
    page = client.get(reverse("oversight_index") + "?year=2025").content.decode()
    row = page[page.index("<td>甲镇</td>"):page.index("</tr>", page.index("<td>甲镇</td>"))]
    assert "<td>2026-12-06</td>" in row and "2026-12-05" not in row


def test_a_disclosure_application_is_received_on_the_beijing_date(beijing_small_hours, client, settings, township):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    body = {"organisation": township.code, "applicant_type": "natural", "applicant_name": "张小明",
            "contact": "13800138000", "description": "本镇2026年农村低保对象名单"}
    response = client.post("/api/public/disclosure-requests", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content.decode()
    answer = response.json()
    assert answer["received_on"] == "2026-12-06"
    # 20 working days (条例第三十三条) skip 元旦, 1 January 2027, by the statutory rule: not 2027-01-01 itself
    assert answer["due_on"] == "2027-01-04" and answer["due_on_provisional"] is True
