"""The annual-report deadline reminders are made in the app even when the mail server refuses the e-mail."""
from __future__ import annotations

import logging

from django.core.management import call_command

from fazhi.oversight.models import DeadlineReminder


def test_a_refusing_mail_server_never_stops_the_report_reminders(settings, county, township, clerk, capsys, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens there
    settings.FAZHI_EMAIL_ENABLED = True
    clerk.email = "clerk_a@example.gov.cn"
    clerk.save()
    with caplog.at_level(logging.WARNING):
        call_command("report-reminders", "--today", "2026-02-20")
    assert "新生成提醒1条；发送邮件0封" in capsys.readouterr().out
    assert DeadlineReminder.objects.get().user == clerk  # the in-app reminder is there
    failures = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and "failed" in r.getMessage()]
    assert any(str(clerk) in message for message in failures), caplog.text  # the failure is logged
