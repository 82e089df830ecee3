"""Reminders to township staff before the report deadlines (LAW.md §1: to the county by 3月1日, public by 4月1日),
and the notices they get when the county returns or accepts a submitted report (``ReviewNotice``).

``refresh_reminders`` is idempotent (one reminder per user, township, year and deadline); run it daily with
`fazhi report-reminders`, or let `fazhi worker` run it (a daily job of the task queue). The reminders are
an outbox: e-mail goes out only when a mail server is configured, never inside a user's request; a failure is
recorded on the reminder and never stops the in-app reminders. Review notices use the same outbox: the county's
answer queues the ``oversight.send_pending_emails`` job (when mail and Redis are configured) after its commit, and
the daily run sends whatever is still pending.
"""
from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fazhi.core import jobs
from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.core.scoping import readable_orgs
from fazhi.core.workdays import format_date
from fazhi.oversight.collection import collection
from fazhi.oversight.models import DeadlineReminder, NoticeKind, ReminderKind, ReviewNotice, Submission, SubmissionStatus

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
    """E-mail every reminder and review notice not yet e-mailed (the worker: daily, and when the county answers a
    report; also those made while mail was off)."""
    if not mail_enabled():
        return 0
    sent = jobs.send_outbox(DeadlineReminder.objects.all(), subject=_subject)
    return sent + jobs.send_outbox(ReviewNotice.objects.all(), subject=_notice_subject)


def queue_pending_emails() -> bool:
    """Have the worker send the pending e-mails soon (True), or leave them to the daily run (False: no mail server,
    no Redis or Redis down). Never sends anything itself, so it may be called from a request."""
    if not mail_enabled():
        return False
    return jobs.enqueue_once("oversight.send_pending_emails")


def unread_for(user) -> list[DeadlineReminder]:
    if not user.is_authenticated:
        return []
    return list(DeadlineReminder.objects.filter(user=user, read_at__isnull=True).order_by("due_on"))


# ---------------------------------------------------------------- the county's answer, heard by the township

NOTICE_KINDS = {SubmissionStatus.RETURNED: NoticeKind.RETURNED, SubmissionStatus.ACCEPTED: NoticeKind.ACCEPTED}


def _notice_subject(notice: ReviewNotice) -> str:
    return f"【法治工作台】{notice.get_kind_display()}"


def notice_message(submission: Submission) -> str:
    filing = submission.filing
    what = f"{filing.organisation.name}{filing.year}年度法治政府建设报告（第{submission.version}版）"
    if submission.status == SubmissionStatus.RETURNED:
        return f"县依法治县办退回了{what}，修改意见：{submission.comment}。请修改后重新审定报送。"
    opinion = f"，意见：{submission.comment}" if submission.comment else ""
    return f"县依法治县办已接收{what}{opinion}。"


def notify_review(submission: Submission) -> list[ReviewNotice]:
    """Tell the township's leaders and clerks that the county returned or accepted this version, with its opinion.

    Called inside the transaction that records the answer (so the notices exist exactly when the answer does);
    the e-mails are queued for after the commit, never sent here.
    """
    township = submission.filing.organisation
    message = notice_message(submission)
    users = User.objects.filter(organisation=township, role__in=REMINDED_ROLES, is_active=True).order_by("pk")
    notices = [
        ReviewNotice.objects.get_or_create(
            user=user, submission=submission,
            defaults={"organisation": township, "year": submission.filing.year,
                      "kind": NOTICE_KINDS[submission.status], "message": message},
        )[0]
        for user in users
    ]
    transaction.on_commit(queue_pending_emails)
    return notices


def notices_for(user, *, unread_only: bool = True, org=None, year: int | None = None):
    """The user's own review notices, of townships the user may still read (a user moved elsewhere sees none)."""
    if not user.is_authenticated:
        return ReviewNotice.objects.none()
    notices = ReviewNotice.objects.filter(user=user, organisation__in=readable_orgs(user))
    if unread_only:
        notices = notices.filter(read_at__isnull=True)
    if org is not None:
        notices = notices.filter(organisation=org)
    if year is not None:
        notices = notices.filter(year=year)
    return notices.select_related("submission", "organisation").order_by("-created_at", "-pk")


def mark_read(notices) -> int:
    return ReviewNotice.objects.filter(pk__in=[n.pk for n in notices], read_at__isnull=True).update(read_at=timezone.now())
