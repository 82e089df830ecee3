"""Submitting the annual report to the county, the county's answer, versions and publication."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
import io

from fazhi.core.models import TransitionEvent
from fazhi.oversight.filing import accept_submission, record_publication, return_submission, submit_report
from fazhi.oversight.models import SubmissionStatus
from fazhi.oversight.tests.factories import saved_report
from fazhi.testing.factories import DisputeCaseFactory

YEAR = 2025
REASON = "自查问题已核实"  # the default report of a township with few records has problems (see test_check_submission)


@pytest.fixture
def report(township, clerk):
    return saved_report(township, YEAR, clerk)


def test_a_leader_submits_the_saved_report_frozen_with_its_figures(report, township, leader):
    DisputeCaseFactory.create_batch(3, organisation=township)
    submission = submit_report(township, YEAR, leader, REASON)
    assert submission.version == 1 and submission.status == SubmissionStatus.SUBMITTED
    assert submission.figures["disputes_handled"]["value"] == 3
    assert "法治政府建设" in submission.text
    doc = Document(io.BytesIO(bytes(submission.docx)))
    assert any("甲镇" in p.text for p in doc.paragraphs)
    # what the county received does not move when the ledgers change afterwards
    DisputeCaseFactory(organisation=township)
    submission.refresh_from_db()
    assert submission.figures["disputes_handled"]["value"] == 3
    assert TransitionEvent.objects.filter(action="审定并报送").count() == 1


def test_only_a_leader_of_the_township_may_submit(report, township, clerk, supervisor):
    for user in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            submit_report(township, YEAR, user)


def test_an_unsaved_report_cannot_be_submitted(township, leader):
    with pytest.raises(ValidationError, match="请先保存年度报告"):
        submit_report(township, YEAR, leader, REASON)


def test_no_second_version_while_the_first_waits_for_the_county(report, township, leader):
    submit_report(township, YEAR, leader, REASON)
    with pytest.raises(ValidationError, match="尚未审核"):
        submit_report(township, YEAR, leader, REASON)
    # after acceptance a correction goes in as a new version: fazhi/oversight/tests/test_submission_documents.py


def test_returned_with_comments_then_resubmitted_as_version_two_keeping_version_one(report, township, leader, supervisor):
    first = submit_report(township, YEAR, leader, REASON)
    with pytest.raises(ValidationError):
        return_submission(first, supervisor, "  ")
    return_submission(first, supervisor, "第三部分缺少述法情况")
    second = submit_report(township, YEAR, leader, REASON)
    first.refresh_from_db()
    assert (first.status, first.comment, second.version) == (SubmissionStatus.RETURNED, "第三部分缺少述法情况", 2)
    assert list(second.filing.submissions.values_list("version", flat=True)) == [1, 2]


def test_only_the_county_of_the_township_reviews(report, township, leader, clerk, other_county_supervisor):
    submission = submit_report(township, YEAR, leader, REASON)
    for user in (clerk, leader, other_county_supervisor):
        with pytest.raises(PermissionDenied):
            accept_submission(submission, user)


def test_a_version_is_answered_once(report, township, leader, supervisor):
    submission = submit_report(township, YEAR, leader, REASON)
    accept_submission(submission, supervisor)
    with pytest.raises(ValidationError, match="不能再审核"):
        return_submission(submission, supervisor, "再看看")


def test_publication_is_recorded_by_the_township_and_checked(township, clerk, other_clerk):
    with pytest.raises(ValidationError):
        record_publication(township, YEAR, clerk, published_on=dt.date(2024, 12, 1), url="")
    with pytest.raises(PermissionDenied):
        record_publication(township, YEAR, other_clerk, published_on=dt.date(2026, 3, 20), url="")
    filing = record_publication(township, YEAR, clerk, published_on=dt.date(2026, 3, 20), url="https://www.example.gov.cn/r.html")
    assert filing.published_on == dt.date(2026, 3, 20)
    assert filing.history.count() >= 1


def test_leader_submits_from_the_report_page_and_the_county_returns_it(client, report, township, leader, supervisor):
    client.force_login(leader)
    page = client.get(reverse("report_view", args=[township.code, YEAR]))
    assert "审定并报送县级" in page.content.decode()
    response = client.post(reverse("oversight_submit", args=[township.code, YEAR]), {"confirm": "1", "reason": REASON},
                           follow=True)
    assert "已审定并报送第1版" in response.content.decode()
    submission = response.context["submission"]
    client.force_login(supervisor)
    page = client.get(reverse("oversight_submission", args=[submission.pk])).content.decode()
    assert "退回修改" in page and "完整性审查" in page
    response = client.post(reverse("oversight_submission_return", args=[submission.pk]), {"comment": ""}, follow=True)
    assert "退回时须写明修改意见" in response.content.decode()
    client.post(reverse("oversight_submission_return", args=[submission.pk]), {"comment": "请补充数据"})
    client.force_login(leader)
    page = client.get(reverse("report_view", args=[township.code, YEAR])).content.decode()
    assert "已退回修改" in page and "请补充数据" in page and "审定并报送县级" in page


def test_a_clerk_does_not_see_the_submit_button_and_is_refused(client, report, township, clerk):
    client.force_login(clerk)
    page = client.get(reverse("report_view", args=[township.code, YEAR])).content.decode()
    assert "审定并报送县级" not in page and "登记公开情况" in page
    assert client.post(reverse("oversight_submit", args=[township.code, YEAR])).status_code == 403


def test_publication_form_rejects_a_bad_url_in_chinese(client, township, clerk):
    client.force_login(clerk)
    url = reverse("oversight_publish", args=[township.code, YEAR])
    response = client.post(url, {"published_on": "2026-03-20", "published_url": "不是网址"})
    assert response.status_code == 200 and "请输入完整网址" in response.content.decode()
    response = client.post(url, {"published_on": "2026-03-20", "published_url": "https://www.example.gov.cn/r.html"})
    assert response.status_code == 302
