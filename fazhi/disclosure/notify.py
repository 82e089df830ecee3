"""Reminders to the clerks who answer applications: in-app always, e-mail when a mail server is configured.

Reminders are rows (an outbox): computing them is idempotent, so the dashboard and the
``fazhi disclosure-reminders`` command (run daily by cron/systemd in production) can both
call ``refresh_reminders``. Mail is never sent inside a user's request (a hung mail server
would hang a citizen's application): a new application queues a background job that sends
the pending e-mails (``fazhi worker``, fazhi/core/jobs.py); when the queue cannot take it they wait for the
daily run. A failing mail server is logged on the reminder and never fails the user's action.
"""
from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi.core import jobs
from fazhi.core.models import Role, User
from fazhi.core.workdays import WorkingCalendar, format_date

logger = logging.getLogger("fazhi.disclosure")

RESPONSIBLE_ROLES = (Role.CLERK, Role.LEADER)


def mail_enabled() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", "")) and getattr(settings, "FAZHI_EMAIL_ENABLED", False)


def _recipients(request) -> list[User]:
    if request.handler_id and request.handler.is_active:
        return [request.handler]
    return list(User.objects.filter(organisation_id=request.organisation_id, role=Role.CLERK, is_active=True))


def _remind(request, kind: str, due_on, message: str) -> int:
    from fazhi.disclosure.models import Reminder

    created = 0
    for user in _recipients(request):
        try:
            with transaction.atomic():
                _, made = Reminder.objects.get_or_create(
                    request=request, user=user, kind=kind, due_on=due_on, defaults={"message": message[:300]}
                )
        except IntegrityError:  # created by a concurrent refresh
            made = False
        created += int(made)
    return created


def clerks_to_remind(request) -> list[int]:
    """Who is reminded of a new application: its handler has it already; else the township's active clerks."""
    if request.handler_id is not None:
        return []
    return list(User.objects.filter(organisation_id=request.organisation_id, role=Role.CLERK, is_active=True)
                .values_list("pk", flat=True))


def new_request(request, clerks: list[int]) -> None:
    """A new application, inside the transaction that saves it: remind ``clerks`` (``clerks_to_remind``, read before
    the application's number was taken) to assign it, in one insert. Sends no mail: the caller queues the pending
    e-mails once the application is committed (``queue_pending_emails``)."""
    from fazhi.disclosure.models import Reminder, ReminderKind

    if request.handler_id is not None or not clerks:
        return
    message = f"新的政府信息公开申请 {request.tracking_number}（{format_date(request.received_on)}收到），请指定承办人"
    Reminder.objects.bulk_create([
        Reminder(request=request, user_id=user_id, kind=ReminderKind.UNASSIGNED, due_on=request.received_on,
                 message=message[:300])
        for user_id in clerks
    ])


def queue_pending_emails() -> bool:
    """Have the worker send the pending e-mails soon (True), or leave them to the daily run: no Redis, Redis down,
    or no mail server (False). Never sends anything itself, so it can be called inside a request."""
    if not mail_enabled():
        return False
    return jobs.enqueue_once("disclosure.send_pending_emails")


def refresh_reminders(*, organisations=None, today: dt.date | None = None) -> int:
    """Create the reminders due today for open applications; returns how many were created."""
    from fazhi.disclosure.deadlines import DUE_SOON_WORKING_DAYS, ClockState, due_within
    from fazhi.disclosure.models import DisclosureRequest, ReminderKind
    from fazhi.disclosure.correction_terms import correction_due
    from fazhi.disclosure.services import clock_for

    today = today or timezone.localdate()
    calendar = WorkingCalendar.load()
    open_requests = DisclosureRequest.objects.active().exclude(status="closed").select_related("handler")
    if organisations is not None:
        open_requests = open_requests.filter(organisation__in=organisations)
    created = 0
    for request in open_requests.prefetch_related("consultations"):
        clock = clock_for(request, calendar=calendar, today=today)
        number = request.tracking_number
        if clock.is_overdue(today):
            created += _remind(request, ReminderKind.OVERDUE, clock.due,
                               f"申请 {number} 已超过答复期限（{format_date(clock.due)}），请尽快答复")
        elif clock.state == ClockState.RUNNING and clock.due and due_within(clock.due, today, DUE_SOON_WORKING_DAYS, calendar):
            created += _remind(request, ReminderKind.DUE_SOON, clock.due,
                               f"申请 {number} 将于{format_date(clock.due)}到期，请按时答复")
        elif clock.correction_lapsed:
            due = correction_due(request, calendar)  # moved off a rest day (民事诉讼法第八十五条第三款)
            created += _remind(request, ReminderKind.CORRECTION_LAPSED, due,
                               f"申请 {number} 的补正期限（{format_date(due)}）已过，请办结或登记补正")
    return created


def send_pending_emails() -> int:
    """E-mail the reminders not yet e-mailed, when mail is configured (worker or daily command, never a request).
    Failures are recorded on the reminder, not raised."""
    from fazhi.disclosure.models import Reminder

    if not mail_enabled():
        return 0
    return jobs.send_outbox(Reminder.objects.all(), subject=lambda r: f"【法治工作台】{r.get_kind_display()}")
