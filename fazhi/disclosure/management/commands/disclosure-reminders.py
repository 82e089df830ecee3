"""`fazhi disclosure-reminders`: create today's deadline reminders and e-mail them when mail is configured.

Run it daily (cron or a systemd timer) in production; the dashboard also refreshes reminders
whenever it is opened, so in-app reminders work without it.
"""
from __future__ import annotations

from django.core.management.base import BaseCommand

from fazhi.disclosure import notify


class Command(BaseCommand):
    help = "生成政府信息公开申请的到期提醒（3个工作日内到期、已超期、补正期限已过），并在配置了邮件服务器时发送邮件。"

    def handle(self, *args, **options):
        created = notify.refresh_reminders()
        sent = notify.send_pending_emails()
        mail = f"发送邮件 {sent} 封" if notify.mail_enabled() else "未配置邮件服务器（FAZHI_EMAIL_HOST），只生成站内提醒"
        self.stdout.write(f"新生成提醒 {created} 条；{mail}。")
