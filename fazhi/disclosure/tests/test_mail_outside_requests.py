"""Mail is never sent inside a user's request (the issue: "a failing mail server or Redis never fails a user's action").

A new application makes the clerks' in-app reminder and queues one job that e-mails the pending reminders
(`fazhi worker` sends them). With the queue's Redis down or hung, nothing is sent in the request: the worker's
daily job (or `fazhi disclosure-reminders`) sends what is pending.
A mail server that hangs or refuses is written on the reminder and tried again by a later run; an address the
server refuses is given up. The database is really committed (transaction=True), so `on_commit` work runs
inside the request, as in production.
"""
from __future__ import annotations

import json
import smtplib
import socket
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from fazhi.core import jobs
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.disclosure import notify, services
from fazhi.disclosure.models import DisclosureRequest, Reminder
from fazhi.testing.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

API = "/api/public/disclosure-requests"
BODY = {"organisation": "T901", "applicant_type": "natural", "applicant_name": "王五", "contact": "13812345678",
        "description": "本镇2025年低保名单"}
FORM = {"applicant_type": "natural", "applicant_name": "王五", "contact": "13812345678",
        "description": "本镇2025年低保名单", "delivery": "online"}


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never says a word (a hung mail server, a hung Redis)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield server.getsockname()[1]


@pytest.fixture
def mail_on(settings, clerk):
    settings.EMAIL_HOST, settings.FAZHI_EMAIL_ENABLED = "127.0.0.1", True
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    clerk.email = "clerk_a@example.gov.cn"
    clerk.save()
    return settings


@pytest.fixture
def hung_mail_server(mail_on, silent_server):
    mail_on.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    mail_on.EMAIL_PORT, mail_on.EMAIL_TIMEOUT = silent_server, 10  # the production timeout: 10 s a message
    return mail_on


def apply(client, key=""):
    started = time.monotonic()
    response = client.post(API, json.dumps(BODY), content_type="application/json",
                           **({"HTTP_IDEMPOTENCY_KEY": key} if key else {}))
    return response, time.monotonic() - started


def portal_application(township) -> DisclosureRequest:
    """An application from the portal: no handler yet, so every clerk of the township is reminded."""
    request, _ = services.request_create(organisation=township, fields=FORM, channel="portal",
                                         received_on=timezone.localdate())
    return request


def test_a_hung_mail_server_never_slows_an_application(client, township, clerk, hung_mail_server, job_queue):
    response, took = apply(client)
    assert response.status_code == 201, response.content.decode()
    assert took < 2, f"the application took {took:.1f} s"
    reminder = Reminder.objects.get(user=clerk)
    assert reminder.kind == "unassigned" and reminder.emailed_at is None and reminder.email_error == ""  # pending

    # the daily run tries, records the hung server on the reminder, and a later run sends it
    hung_mail_server.EMAIL_TIMEOUT = 1
    call_command("disclosure-reminders")
    reminder.refresh_from_db()
    assert reminder.emailed_at is None and reminder.email_error.startswith(jobs.RETRY_MARK), reminder.email_error
    assert "timed out" in reminder.email_error
    hung_mail_server.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("disclosure-reminders")
    reminder.refresh_from_db()
    assert reminder.emailed_at is not None and reminder.email_error == ""
    assert [m.to for m in mail.outbox] == [["clerk_a@example.gov.cn"]]


def test_redis_refusing_or_hung_costs_an_application_at_most_one_short_wait(client, township, clerk, mail_on,
                                                                            silent_server, monkeypatch):
    monkeypatch.setattr(jobs, "_down_until", {})
    mail_on.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"  # refused
    response, took = apply(client, "a")
    assert response.status_code == 201 and took < 1.5, took
    mail_on.FAZHI_REDIS_URL = f"redis://127.0.0.1:{silent_server}/0"  # accepts, never answers
    response, first = apply(client, "b")
    assert response.status_code == 201 and first < 4, first  # the 2-second Redis timeout, once
    response, then = apply(client, "c")
    assert response.status_code == 201 and then < 1.5, then  # Redis is skipped for a while
    assert DisclosureRequest.objects.count() == 3 and Reminder.objects.filter(user=clerk).count() == 3
    assert not mail.outbox and not Reminder.objects.exclude(email_error="").exists()  # nothing tried in requests


def test_the_portal_form_and_the_counter_register_without_sending_mail(client, clerk_client, township, clerk,
                                                                       mail_on, monkeypatch):
    mail_on.FAZHI_REDIS_URL = ""

    def no_mail_in_a_request(*args, **kwargs):
        raise AssertionError("mail sent inside a request")

    monkeypatch.setattr("django.core.mail.send_mail", no_mail_in_a_request)
    page = client.post(f"/portal/{township.code}/apply/", {**FORM, "idempotency_key": "p1"})
    assert page.status_code == 200 and DisclosureRequest.objects.get().tracking_number in page.content.decode()
    response = clerk_client.post("/disclosure/requests/new/", {
        **FORM, "delivery": "paper_post", "channel": "in_person", "received_on": timezone.localdate().isoformat()})
    assert response.status_code == 302 and DisclosureRequest.objects.count() == 2


def test_the_application_queues_one_job_and_the_worker_sends_the_mail(client, township, clerk, mail_on, job_queue):
    response, took = apply(client, "r1")
    assert response.status_code == 201 and took < 2
    apply(client, "r2")  # a second application while the first job waits: still one job
    assert not mail.outbox  # nothing sent in the requests
    mail_jobs = [name for name, _ in jobs.waiting() if not name.startswith("indicators.")]  # not the figures' recompute
    assert mail_jobs == ["disclosure.send_pending_emails"]
    call_command("worker", "--once")
    assert sorted(m.to[0] for m in mail.outbox) == ["clerk_a@example.gov.cn"] * 2
    assert all("新的政府信息公开申请" in m.body for m in mail.outbox)
    assert not Reminder.objects.filter(emailed_at__isnull=True).exists()
    assert jobs.waiting() == []


def test_without_a_mail_server_nothing_is_queued(client, township, clerk, settings, job_queue):
    settings.EMAIL_HOST, settings.FAZHI_EMAIL_ENABLED, settings.FAZHI_PUBLIC_RATE_LIMIT = "", False, 0
    response, _ = apply(client)
    queued = [name for name, _ in jobs.waiting()]
    assert response.status_code == 201 and not [name for name in queued if not name.startswith("indicators.")]
    assert Reminder.objects.get(user=clerk).emailed_at is None  # the in-app reminder is there


def test_an_address_the_server_refuses_is_given_up_and_the_others_are_sent(township, clerk, mail_on, monkeypatch):
    other = UserFactory(username="clerk_a2", organisation=township, role=clerk.role, email="bad@example.gov.cn")
    portal_application(township)
    sent = []

    def send_mail(subject, message, from_email, recipient_list, fail_silently):
        if recipient_list == [other.email]:
            raise smtplib.SMTPRecipientsRefused({other.email: (550, b"no such user")})
        sent.append(recipient_list)

    monkeypatch.setattr("django.core.mail.send_mail", send_mail)
    assert notify.send_pending_emails() == 1 and sent == [[clerk.email]]
    refused = Reminder.objects.get(user=other)
    assert refused.emailed_at is None and refused.email_error.startswith("发送失败：")
    assert notify.send_pending_emails() == 0 and len(sent) == 1  # given up, not tried every day


def test_a_server_error_stops_the_run_and_the_rest_wait_for_the_next(township, clerk, mail_on, monkeypatch):
    for _ in range(3):
        portal_application(township)
    tries = []

    def refused(*args, **kwargs):
        tries.append(1)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr("django.core.mail.send_mail", refused)
    assert notify.send_pending_emails() == 0 and len(tries) == 1  # not three times the timeout
    assert Reminder.objects.filter(email_error__startswith=jobs.RETRY_MARK).count() == 1
    monkeypatch.setattr("django.core.mail.send_mail", lambda *a, **kw: 1)
    assert notify.send_pending_emails() == 3 and not Reminder.objects.exclude(email_error="").exists()


def test_two_workers_never_send_one_reminder_twice(township, clerk, mail_on, monkeypatch):
    portal_application(township)
    sent = []

    def send_mail(subject, message, from_email, recipient_list, fail_silently):
        sent.append(message)
        if len(sent) == 1:
            assert notify.send_pending_emails() == 0  # a second worker, while the first is sending this one

    monkeypatch.setattr("django.core.mail.send_mail", send_mail)
    assert notify.send_pending_emails() == 1 and len(sent) == 1
