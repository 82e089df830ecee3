"""Study sessions, exam results and court observations: each ledger's own rules on the form."""
from __future__ import annotations

import pytest

from fazhi.learning.models import CourtObservation, ExamRecord
from fazhi.testing.factories import ExamRecordFactory, StudySessionFactory
from fazhi.testing.ledger_data import valid_post


def post(client, slug, **overrides):
    data = {k: v for k, v in {**valid_post(slug), **overrides}.items() if v is not None}
    return client.post(f"/ledgers/{slug}/new/", data)


@pytest.mark.parametrize("overrides", [
    {"status": "absent", "score": "", "passed": None},
    {"status": "exempt", "score": "", "passed": None},
    {"score": "95", "excellent": "on"},
    {"score": "", "passed": None},
])
def test_consistent_exam_results_are_saved(clerk_client, overrides):
    assert post(clerk_client, "exam-records", **overrides).status_code == 302
    assert ExamRecord.objects.count() == 1


@pytest.mark.parametrize("overrides,message", [
    ({"status": "exempt", "score": ""}, "参考情况：未参考的人员不能有成绩、合格或优秀"),
    ({"status": "absent", "score": "", "passed": None, "excellent": "on"}, "参考情况：未参考的人员不能有成绩、合格或优秀"),
    ({"passed": None, "excellent": "on"}, "优秀：优秀的前提是合格"),
    ({"score": "-1"}, "成绩："),
    ({"score": "100.5"}, "成绩："),
    ({"person_name": ""}, "姓名：该字段是必填项"),
])
def test_inconsistent_exam_results_are_refused(clerk_client, overrides, message):
    response = post(clerk_client, "exam-records", **overrides)
    assert response.status_code == 200 and message in response.content.decode()
    assert ExamRecord.objects.count() == 0


def test_a_court_observation_needs_at_least_one_attendee(clerk_client):
    response = post(clerk_client, "court-observations", attendees="0")
    assert response.status_code == 200 and "旁听人数：" in response.content.decode()
    assert CourtObservation.objects.count() == 0


def test_study_sessions_filter_by_principal_led(clerk_client, township):
    StudySessionFactory(organisation=township, led_by_principal=True)
    StudySessionFactory(organisation=township, led_by_principal=False)
    assert 'data-count="1"' in clerk_client.get("/ledgers/study-sessions/?led_by_principal=1").content.decode()
    assert 'data-count="1"' in clerk_client.get("/ledgers/study-sessions/?led_by_principal=0").content.decode()


def test_exam_list_shows_yes_no_in_chinese(clerk_client, township):
    ExamRecordFactory(organisation=township, person_name="赵六", passed=True, excellent=False)
    page = clerk_client.get("/ledgers/exam-records/").content.decode()
    assert "赵六" in page and "<td>是</td>" in page and "<td>否</td>" in page
    assert 'data-count="0"' in clerk_client.get("/ledgers/exam-records/?passed=0").content.decode()
