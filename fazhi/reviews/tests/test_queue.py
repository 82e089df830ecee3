"""The legality-review queue: registering, taking, concluding, the gate other modules rely on, scoping."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fazhi.core.transitions import timeline
from fazhi.reviews import services
from fazhi.reviews.choices import Opinion, ReviewStatus, SubjectKind
from fazhi.reviews.models import LegalityReview
from fazhi.testing.factories import MeetingFactory

PDF = b"%PDF-1.4\n%test\n"


def _other(township, clerk, **kw):
    fields = dict(title="关于村道养护资金使用的答复意见", submitted_by_unit="党政办", submitted_on=dt.date(2025, 3, 3))
    fields.update(kw)
    return services.review_request(organisation=township, kind=SubjectKind.OTHER, user=clerk, **fields)


def test_a_matter_waits_with_its_working_day_due_date(township, clerk):
    review = _other(township, clerk, days_allowed=5)
    assert review.status == ReviewStatus.PENDING
    # 2025-03-03 is a Monday: five working days later is Monday 2025-03-10.
    assert services.due_date(review).due == dt.date(2025, 3, 10)
    assert [e.action for e in timeline(review)] == ["送审"]


def test_a_decision_must_be_given_seven_working_days(township, clerk):
    subject = MeetingFactory(organisation=township)
    with pytest.raises(ValidationError) as exc:
        services.review_request(
            organisation=township, kind=SubjectKind.DECISION, subject=subject, title="x", submitted_by_unit="党政办",
            submitted_on=dt.date(2025, 3, 3), days_allowed=5, user=clerk,
        )
    assert "不得少于7个工作日" in str(exc.value) and "第二十六条第二款" in str(exc.value)


def test_one_open_review_per_matter(township, clerk):
    subject = MeetingFactory(organisation=township)
    kw = dict(organisation=township, kind=SubjectKind.CONTRACT, subject=subject, title="x", submitted_by_unit="党政办",
              submitted_on=dt.date(2025, 3, 3), user=clerk)
    services.review_request(**kw)
    with pytest.raises(ValidationError, match="不能重复送审"):
        services.review_request(**kw)


def test_only_reviewers_take_and_conclude(township, clerk, leader, reviewer):
    review = _other(township, clerk)
    with pytest.raises(PermissionDenied):
        services.review_take(review, user=leader)
    services.review_take(review, user=reviewer, on=dt.date(2025, 3, 4))
    review.refresh_from_db()
    assert review.status == ReviewStatus.IN_REVIEW and review.reviewer == reviewer


def test_opinions_need_their_reasons(township, clerk, reviewer):
    review = _other(township, clerk)
    with pytest.raises(ValidationError, match="必须写明理由"):
        services.review_conclude(review, user=reviewer, opinion=Opinion.REJECTED, reasons="", concluded_on=dt.date(2025, 3, 5))
    with pytest.raises(ValidationError, match="修改建议"):
        services.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED_WITH_CHANGES, reasons="第三条表述不当",
                                 concluded_on=dt.date(2025, 3, 5))
    with pytest.raises(ValidationError, match="不能早于送审日期"):
        services.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=dt.date(2025, 3, 1))
    future = timezone.localdate() + dt.timedelta(days=2)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=future)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING  # nothing half-saved


def test_the_gate_names_what_is_missing(township, clerk, reviewer):
    subject = MeetingFactory(organisation=township)
    with pytest.raises(ValidationError, match="尚未送请合法性审查"):
        services.require_passing_review(subject, action="印发")
    review = services.review_request(organisation=township, kind=SubjectKind.NORMATIVE, subject=subject, title="x",
                                     submitted_by_unit="司法所", submitted_on=dt.date(2025, 3, 3), user=clerk)
    with pytest.raises(ValidationError, match="审查尚未完成（待审查）"):
        services.require_passing_review(subject, action="印发")
    services.review_conclude(review, user=reviewer, opinion=Opinion.REJECTED, reasons="与上位法抵触",
                             concluded_on=dt.date(2025, 3, 6))
    with pytest.raises(ValidationError, match="不予通过"):
        services.require_passing_review(subject, action="印发")
    again = services.review_request(organisation=township, kind=SubjectKind.NORMATIVE, subject=subject, title="x（修改稿）",
                                    submitted_by_unit="司法所", submitted_on=dt.date(2025, 3, 7), user=clerk)
    services.review_conclude(again, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=dt.date(2025, 3, 10))
    assert services.require_passing_review(subject, action="印发") == again


def test_queue_page_shows_due_date_and_scope(client, township, clerk, other_clerk, other_township, reviewer):
    from fazhi.core.models import Role
    from fazhi.testing.factories import UserFactory

    review = _other(township, clerk, days_allowed=5)
    client.force_login(clerk)
    body = client.get("/reviews/").content.decode()
    assert review.title in body and 'data-due-on="2025-03-10"' in body
    client.force_login(other_clerk)
    assert review.title not in client.get("/reviews/").content.decode()
    assert client.get(f"/reviews/{review.pk}/").status_code == 404
    client.force_login(UserFactory(organisation=other_township, role=Role.LEGAL_REVIEWER))
    assert client.post(f"/reviews/{review.pk}/conclude/", {"opinion": "approved", "concluded_on": "2025-03-04"}).status_code == 404
    assert LegalityReview.objects.get(pk=review.pk).status == ReviewStatus.PENDING


def test_supervisor_reads_but_cannot_conclude(client, township, clerk, supervisor):
    review = _other(township, clerk)
    client.force_login(supervisor)
    assert client.get(f"/reviews/{review.pk}/").status_code == 200
    assert client.post(f"/reviews/{review.pk}/take/", {"taken_on": "2025-03-04"}).status_code == 403


def test_reviewer_concludes_through_the_page_with_a_file(client, township, clerk, reviewer):
    review = _other(township, clerk)
    client.force_login(reviewer)
    response = client.post(f"/reviews/{review.pk}/conclude/", {
        "opinion": "approved_with_changes", "reasons": "部分条款需完善", "suggestions": "删除第五条",
        "concluded_on": "2025-03-06", "files": SimpleUploadedFile("意见书.pdf", PDF, "application/pdf"),
    })
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.opinion == Opinion.APPROVED_WITH_CHANGES and review.passed
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "意见书.pdf" in page and "出具审查意见：修改后通过" in page


def test_a_refused_opinion_is_shown_on_the_form(client, township, clerk, reviewer):
    review = _other(township, clerk)
    client.force_login(reviewer)
    response = client.post(f"/reviews/{review.pk}/conclude/", {"opinion": "rejected", "reasons": "", "concluded_on": "2025-03-06"})
    assert response.status_code == 400
    assert "必须写明理由" in response.content.decode()


def test_register_other_matter_form(client, township, clerk):
    client.force_login(clerk)
    response = client.post("/reviews/new/", {"title": "关于某事项的请示", "submitted_by_unit": "党政办",
                                             "submitted_on": "2025-03-03", "days_allowed": "5", "materials": ""})
    assert response.status_code == 302
    assert LegalityReview.objects.get().kind == SubjectKind.OTHER
    bad = client.post("/reviews/new/", {"title": "", "submitted_by_unit": "", "submitted_on": "2025-13-40", "days_allowed": "x"})
    assert bad.status_code == 200 and "格式应为" in bad.content.decode()


def test_review_queue_command_prints_open_items_as_json(township, clerk, reviewer, county):
    import json

    from django.core.management import call_command
    from io import StringIO

    waiting = _other(township, clerk, days_allowed=5)
    done = _other(township, clerk, title="已审结的事项")
    services.review_conclude(done, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=dt.date(2025, 3, 4))
    out = StringIO()
    call_command("review-queue", org=township.code, json=True, stdout=out)
    items = json.loads(out.getvalue())
    assert [i["id"] for i in items] == [waiting.pk]
    assert items[0]["due_on"] == "2025-03-10" and items[0]["status"] == "pending" and items[0]["overdue"] is True
    county_out = StringIO()
    call_command("review-queue", org=county.code, json=True, stdout=county_out)
    assert len(json.loads(county_out.getvalue())) == 1
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有编码"):
        call_command("review-queue", org="NOPE", json=True, stdout=StringIO())
