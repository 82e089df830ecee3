"""The township hears back: when the county returns or accepts a version, the township's leaders and clerks get an
in-app notice with the county's opinion (read once seen on the report page, or dismissed) and an e-mail queued for
the worker (never sent inside the county's request). The returned report shows the opinion at its top."""
from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from fazhi.core import jobs
from fazhi.core.models import Role, User
from fazhi.oversight import reminders
from fazhi.oversight.filing import accept_submission, return_submission, submit_report
from fazhi.oversight.models import NoticeKind, ReviewNotice
from fazhi.oversight.tests.factories import saved_report

YEAR = 2025
OPINION = "第三部分缺少主要负责人述法情况，请补充"


@pytest.fixture
def submitted(township, clerk, leader):
    saved_report(township, YEAR, clerk)
    return submit_report(township, YEAR, leader, "自查问题已核实")


@pytest.fixture
def queued(monkeypatch):
    names = []
    monkeypatch.setattr(jobs, "enqueue_once", lambda name, **payload: names.append(name) or True)
    return names


def _mail_on(settings, *users):
    settings.EMAIL_HOST, settings.FAZHI_EMAIL_ENABLED = "127.0.0.1", True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for user in users:
        user.email = f"{user.username}@example.gov.cn"
        user.save(update_fields=["email"])


def test_return_and_accept_notify_the_townships_leader_and_clerks_only(submitted, township, clerk, leader, supervisor,
                                                                       other_clerk):
    User.objects.create_user("clerk_gone", password="x", organisation=township, role=Role.CLERK, is_active=False)
    return_submission(submitted, supervisor, OPINION)
    notices = ReviewNotice.objects.order_by("user_id")
    assert {n.user for n in notices} == {clerk, leader}  # not the county, another township or a departed clerk
    assert all(n.kind == NoticeKind.RETURNED and OPINION in n.message and "第1版" in n.message for n in notices)

    second = submit_report(township, YEAR, leader, "自查问题已核实")
    accept_submission(second, supervisor, "已收悉")
    accepted = ReviewNotice.objects.filter(submission=second)
    assert {n.user for n in accepted} == {clerk, leader}
    assert all(n.kind == NoticeKind.ACCEPTED and "已接收" in n.message and "已收悉" in n.message for n in accepted)


def test_the_returned_report_shows_the_opinion_at_its_top_and_seeing_it_reads_the_notice(client, submitted, township,
                                                                                         clerk, leader, supervisor):
    client.force_login(supervisor)
    client.post(reverse("oversight_submission_return", args=[submitted.pk]), {"comment": OPINION})
    client.force_login(clerk)
    index = client.get(reverse("report_index"), {"year": YEAR}).content.decode()
    assert "县级审核通知" in index and OPINION in index and "知道了" in index

    page = client.get(reverse("report_view", args=[township.code, YEAR])).content.decode()
    opinion = page.index('data-review="returned"')
    assert opinion < page.index('<article class="report-page">') and OPINION in page[opinion:opinion + 600]
    assert ReviewNotice.objects.get(user=clerk).read_at is not None  # seen
    assert ReviewNotice.objects.get(user=leader).read_at is None  # the leader has not looked yet
    assert "县级审核通知" not in client.get(reverse("report_index"), {"year": YEAR}).content.decode()
    notices = client.get(reverse("oversight_notices")).content.decode()
    assert OPINION in notices and "已读" in notices  # kept, as read


def test_a_notice_is_dismissed_by_its_user_only(client, submitted, leader, clerk, other_clerk, other_township,
                                                supervisor):
    accept_submission(submitted, supervisor, "已收悉")
    notice = ReviewNotice.objects.get(user=leader)
    for outsider in (other_clerk, supervisor, clerk):  # another township, the county, a colleague: not theirs
        client.force_login(outsider)
        assert client.post(reverse("oversight_notice_read", args=[notice.pk])).status_code == 404
    for outsider in (other_clerk, supervisor):
        client.force_login(outsider)
        assert "已收悉" not in client.get(reverse("oversight_notices")).content.decode()
    client.force_login(leader)
    response = client.post(reverse("oversight_notice_read", args=[notice.pk]), {"next": reverse("report_index")})
    assert response.status_code == 302 and response["Location"] == reverse("report_index")
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert ReviewNotice.objects.get(user=clerk).read_at is None
    leader.organisation = other_township  # moved to another township: the old township's notices stay behind
    leader.save(update_fields=["organisation"])
    assert client.post(reverse("oversight_notice_read", args=[notice.pk])).status_code == 404
    assert "已收悉" not in client.get(reverse("oversight_notices")).content.decode()


def test_the_mail_is_queued_for_the_worker_not_sent_in_the_countys_request(
        client, settings, submitted, clerk, leader, supervisor, queued, django_capture_on_commit_callbacks):
    _mail_on(settings, clerk, leader)
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("oversight_submission_return", args=[submitted.pk]), {"comment": OPINION})
    assert queued == ["oversight.send_pending_emails"] and mail.outbox == []

    assert reminders.send_pending_emails() == 2  # what the worker (or the daily run) does
    assert sorted(m.to[0] for m in mail.outbox) == [f"{clerk.username}@example.gov.cn", f"{leader.username}@example.gov.cn"]
    assert all(OPINION in m.body and "退回" in m.subject for m in mail.outbox)
    assert reminders.send_pending_emails() == 0  # once


def test_without_a_mail_server_nothing_is_queued(client, submitted, supervisor, queued,
                                                 django_capture_on_commit_callbacks):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("oversight_submission_accept", args=[submitted.pk]), {"comment": ""})
    assert queued == [] and ReviewNotice.objects.count() == 2 and mail.outbox == []


def test_the_worker_knows_the_notice_mail_job():
    from fazhi.core import jobs
    from fazhi.oversight import jobs as oversight_jobs  # noqa: F401  (registers the handlers)

    assert "oversight.send_pending_emails" in jobs.TASKS
