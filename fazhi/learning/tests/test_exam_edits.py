"""Exam results: an edit keeps the rules, and the pass and excellence rates follow the ledger."""
from __future__ import annotations

import datetime as dt
import re

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, form_data
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import ExamRecordFactory

LEDGER = get_ledger("exam-records")


def rates(township):
    scope = Scope.for_org(township, YEAR)
    return tuple(registry.get(k).compute(scope).display for k in ("exam_participants", "exam_pass_rate", "exam_excellent_rate"))


def edit(client, township, record, **changes):
    data = form_data(LEDGER, township, person_name=record.person_name, **changes)
    return client.post(f"/ledgers/exam-records/{record.pk}/edit/", data)


def test_marking_someone_absent_while_keeping_a_score_is_refused(clerk_client, township):
    record = ExamRecordFactory(organisation=township, exam_on=dt.date(YEAR, 10, 15), score=88, passed=True)
    response = edit(clerk_client, township, record, status="absent", score="88", passed="on")
    assert response.status_code == 200 and "未参考的人员不能有成绩、合格或优秀" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "sat"


def test_the_rates_follow_each_result(clerk_client, township):
    people = [
        ExamRecordFactory(organisation=township, exam_on=dt.date(YEAR, 10, 15), score=s, passed=s >= 60, excellent=s >= 90)
        for s in (95, 75, 40)
    ]
    assert rates(township) == ("3", "66.7", "33.3")
    response = edit(clerk_client, township, people[2], score="65", passed="on")
    assert response.status_code == 302, re.findall(r'class="error">([^<]*)<', response.content.decode())
    assert rates(township) == ("3", "100", "33.3")
    response = edit(clerk_client, township, people[1], status="absent", score="", passed=None)
    assert response.status_code == 302
    assert rates(township) == ("2", "100", "50")


def test_a_half_point_score_is_kept(clerk_client, township):
    response = clerk_client.post("/ledgers/exam-records/new/", form_data(LEDGER, township, score="88.5"))
    assert response.status_code == 302
    page = clerk_client.get(response["Location"]).content.decode()
    assert "<td>88.5</td>" in page
