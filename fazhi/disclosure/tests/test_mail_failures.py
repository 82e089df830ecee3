"""A failing mail server never fails a user's action.

A new application (public API, portal form, counter registration) reminds the township's clerks; the
reminder is an outbox row that is e-mailed when a mail server is configured — today right after the
application's transaction commits, inside the request (notify.new_request), and by the daily
`fazhi disclosure-reminders` run. Here the real SMTP backend talks to a server that refuses the connection,
or accepts it and never answers: the user still gets the success answer, the application is saved once,
the in-app reminder is there, and once mail has been tried the failure is written on the reminder.

The database is really committed in these tests (transaction=True), so whatever runs after the commit runs
inside the request, as in production, not after the test's own transaction.
"""
from __future__ import annotations

import datetime as dt
import socket

import pytest
from django.core.management import call_command
from django.utils import timezone

from fazhi.disclosure.models import DisclosureRequest, Reminder

pytestmark = pytest.mark.django_db(transaction=True)

BODY = {"organisation": "T901", "applicant_type": "natural", "applicant_name": "王五", "contact": "13812345678",
        "description": "本镇2025年低保名单"}
FORM = {"applicant_type": "natural", "applicant_name": "王五", "contact": "13812345678",
        "description": "本镇2025年低保名单", "delivery": "online"}


@pytest.fixture
def refusing_mail_server(settings, clerk):
    """Mail configured, and nothing listens on 127.0.0.1:1: every connection is refused."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    settings.FAZHI_EMAIL_ENABLED = True
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    clerk.email = "clerk_a@example.gov.cn"
    clerk.save()
    return settings


@pytest.fixture
def silent_mail_server(refusing_mail_server):
    """A server that accepts the connection and never sends its greeting (a hung mail server)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        refusing_mail_server.EMAIL_PORT = server.getsockname()[1]
        refusing_mail_server.EMAIL_TIMEOUT = 1
        yield server


def _failure_recorded(clerk, kind: str = "unassigned") -> Reminder:
    """The daily run (which e-mails whatever is pending) goes through too; the failure is on the reminder."""
    call_command("disclosure-reminders")
    reminder = Reminder.objects.get(user=clerk, kind=kind)
    assert reminder.emailed_at is None and reminder.email_error.startswith("发送失败"), reminder.email_error
    return reminder


def test_a_public_api_application_is_accepted_when_the_mail_server_refuses(client, township, clerk,
                                                                           refusing_mail_server):
    response = client.post("/api/public/disclosure-requests", BODY, content_type="application/json",
                           headers={"Idempotency-Key": "mail-down-1"})
    assert response.status_code == 201, response.content.decode()
    saved = DisclosureRequest.objects.get()
    assert response.json()["tracking_number"] == saved.tracking_number
    again = client.post("/api/public/disclosure-requests", BODY, content_type="application/json",
                        headers={"Idempotency-Key": "mail-down-1"})
    assert again.status_code == 200 and DisclosureRequest.objects.count() == 1
    assert _failure_recorded(clerk).request == saved


def test_a_portal_application_shows_its_tracking_number_when_the_mail_server_refuses(client, township, clerk,
                                                                                    refusing_mail_server):
    page = client.post(f"/portal/{township.code}/apply/", {**FORM, "idempotency_key": "mail-down-2"})
    saved = DisclosureRequest.objects.get()
    assert page.status_code == 200 and saved.tracking_number in page.content.decode()
    assert _failure_recorded(clerk).request == saved


def test_a_counter_registration_succeeds_while_a_reminder_waits_to_be_mailed(clerk_client, client, township, clerk,
                                                                            refusing_mail_server):
    refusing_mail_server.FAZHI_EMAIL_ENABLED = False  # an application arrives while mail is off: a pending reminder
    client.post("/api/public/disclosure-requests", BODY, content_type="application/json")
    assert Reminder.objects.get(user=clerk).email_error == ""
    refusing_mail_server.FAZHI_EMAIL_ENABLED = True
    response = clerk_client.post("/disclosure/requests/new/", {
        **FORM, "delivery": "paper_post", "channel": "in_person", "received_on": timezone.localdate().isoformat()})
    assert response.status_code == 302 and DisclosureRequest.objects.count() == 2
    _failure_recorded(clerk)


def test_a_hung_mail_server_never_fails_an_application(client, township, clerk, silent_mail_server):
    response = client.post("/api/public/disclosure-requests", BODY, content_type="application/json")
    assert response.status_code == 201 and DisclosureRequest.objects.count() == 1
    assert "timed out" in _failure_recorded(clerk).email_error


def test_the_daily_reminders_are_made_when_the_mail_server_refuses(township, clerk, refusing_mail_server):
    from fazhi.disclosure import services

    services.request_create(organisation=township, fields={**FORM, "delivery": "paper_post"}, channel="in_person",
                            received_on=timezone.localdate() - dt.timedelta(days=90), user=clerk)
    assert not Reminder.objects.exists()
    _failure_recorded(clerk, "overdue")  # made in the app although its e-mail failed
