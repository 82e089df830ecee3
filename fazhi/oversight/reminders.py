"""Reminders to township staff before the report deadlines (LAW.md §1: to the county by 3月1日, public by 4月1日).

``refresh_reminders`` is idempotent (one reminder per user, township, year and deadline); run it daily with
`fazhi report-reminders`, or let `fazhi worker` run it (daily job, when Redis is configured). The reminders are
an outbox: e-mail goes out only when a mail server is configured, never inside a user's request; a failure is
recorded on the reminder and never stops the in-app reminders.
"""
from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings

from fazhi.core import jobs
from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.core.workdays import format_date
from fazhi.oversight.collection import collection
from fazhi.oversight.models import DeadlineReminder, ReminderKind

log = logging.getLogger(__name__)
REMINDED_ROLES = (Role.CLERK, Role.LEADER)


def _due_soon_or_late(due: dt.date, today: dt.date, remind_days: int) -> bool:
    return today >= due - dt.timedelta(days=remind_days)


def refresh_reminders(today: dt.date) -> list[DeadlineReminder]:
    """Create the reminders due today for last year's reports; returns the new ones."""
    year = today.year - 1
    created = []
    for county in Organisation.objects.filter(kind=OrgKind.COUNTY, is_active=True):
        for row in collection(county, year, today):
            todo = []
            if not row.submitted_on and _due_soon_or_late(row.deadlines.submit_by, today, row.deadlines.remind_days):
                state = "已逾期" if today > row.deadlines.submit_by else "即将到期"
                todo.append((ReminderKind.SUBMIT, row.deadlines.submit_by,
                             f"{row.township.name}{year}年度法治政府建设报告应于{format_date(row.deadlines.submit_by)}前报送县委、县政府（{state}）"))
            if not row.is_published and _due_soon_or_late(row.deadlines.publish_by, today, row.deadlines.remind_days):
                state = "已逾期" if today > row.deadlines.publish_by else "即将到期"
                todo.append((ReminderKind.PUBLISH, row.deadlines.publish_by,
                             f"{row.township.name}{year}年度法治政府建设报告应于{format_date(row.deadlines.publish_by)}前向社会公开（{state}）"))
            if not todo:
                continue
            users = User.objects.filter(organisation=row.township, role__in=REMINDED_ROLES, is_active=True)
            for kind, due, message in todo:
                for user in users:
                    reminder, new = DeadlineReminder.objects.get_or_create(
                        user=user, organisation=row.township, year=year, kind=kind,
                        defaults={"due_on": due, "message": message},
                    )
                    if new:
                        created.append(reminder)
    return created


def mail_enabled() -> bool:
    return bool(getattr(settings, "EMAIL_HOST", "")) and getattr(settings, "FAZHI_EMAIL_ENABLED", False)


def _subject(reminder: DeadlineReminder) -> str:
    return f"【法治工作台】{reminder.get_kind_display()}提醒"


def email(reminders: list[DeadlineReminder]) -> int:
    """E-mail these reminders (those not yet e-mailed); failures are recorded on the reminder."""
    if not mail_enabled() or not reminders:
        return 0
    return jobs.send_outbox(DeadlineReminder.objects.filter(pk__in=[r.pk for r in reminders]), subject=_subject)


def send_pending_emails() -> int:
    """E-mail every reminder not yet e-mailed (the worker's daily job; also those made while mail was off)."""
    if not mail_enabled():
        return 0
    return jobs.send_outbox(DeadlineReminder.objects.all(), subject=_subject)


def unread_for(user) -> list[DeadlineReminder]:
    if not user.is_authenticated:
        return []
    return list(DeadlineReminder.objects.filter(user=user, read_at__isnull=True).order_by("due_on"))
