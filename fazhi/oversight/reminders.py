"""Reminders to township staff before the report deadlines (LAW.md §1: to the county by 3月1日, public by 4月1日).

``refresh_reminders`` is idempotent (one reminder per user, township, year and deadline); run it daily with
`fazhi report-reminders`. E-mail goes out only when a mail server is configured; a failing mail server
never stops the in-app reminders.
"""
from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail

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


def email(reminders: list[DeadlineReminder]) -> int:
    if not mail_enabled():
        return 0
    sent = 0
    for reminder in reminders:
        if not reminder.user.email:
            continue
        try:
            send_mail(f"【法治工作台】{reminder.get_kind_display()}提醒", reminder.message, None, [reminder.user.email])
        except Exception as exc:  # noqa: BLE001 - a failing mail server never fails the reminders
            log.warning("report reminder mail to %s failed: %s", reminder.user, exc)
            continue
        sent += 1
    return sent


def unread_for(user) -> list[DeadlineReminder]:
    if not user.is_authenticated:
        return []
    return list(DeadlineReminder.objects.filter(user=user, read_at__isnull=True).order_by("due_on"))
