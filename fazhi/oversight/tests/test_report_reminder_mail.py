"""The annual-report deadline reminders are an outbox: a mail failure is written on the reminder, and the
worker's daily job (or the next `fazhi report-reminders`) sends what is still pending."""
from __future__ import annotations

import datetime as dt

from django.core import mail
from django.core.management import call_command

from fazhi.core import jobs
from fazhi.oversight import jobs as oversight_jobs
from fazhi.oversight.models import DeadlineReminder


def _mail_on(settings, clerk):
    settings.EMAIL_HOST, settings.FAZHI_EMAIL_ENABLED = "127.0.0.1", True
    clerk.email = "clerk_a@example.gov.cn"
    clerk.save()


def test_a_refused_mail_is_recorded_on_the_reminder_and_sent_by_the_next_daily_job(settings, county, township, clerk,
                                                                                   capsys):
    _mail_on(settings, clerk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = 1, 2  # nothing listens on 127.0.0.1:1
    call_command("report-reminders", "--today", "2026-02-20")
    assert "新生成提醒1条；发送邮件0封" in capsys.readouterr().out
    reminder = DeadlineReminder.objects.get(user=clerk)
    assert reminder.emailed_at is None and reminder.email_error.startswith(jobs.RETRY_MARK), reminder.email_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    oversight_jobs.report_reminders(dt.date(2026, 2, 21))
    reminder.refresh_from_db()
    assert reminder.emailed_at is not None and reminder.email_error == ""
    assert len(mail.outbox) == 1 and "2026年3月1日前报送" in mail.outbox[0].body
    oversight_jobs.report_reminders(dt.date(2026, 2, 22))
    assert len(mail.outbox) == 1  # once


def test_reminders_made_while_mail_was_off_are_sent_once_it_is_on(settings, county, township, clerk, leader):
    call_command("report-reminders", "--today", "2026-02-20")
    assert DeadlineReminder.objects.count() == 2 and not mail.outbox
    _mail_on(settings, clerk)
    oversight_jobs.report_reminders(dt.date(2026, 2, 21))
    assert [m.to for m in mail.outbox] == [["clerk_a@example.gov.cn"]]  # the leader has no address
    assert DeadlineReminder.objects.get(user=clerk).emailed_at is not None
