"""`fazhi report-reminders [--today YYYY-MM-DD]`: remind township staff of the annual report's deadlines."""
from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.oversight.reminders import email, mail_enabled, refresh_reminders


class Command(BaseCommand):
    help = "生成年度报告报送、公开期限提醒（到期前若干天及逾期后），配置了邮件服务器时同时发送邮件"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天计算（默认今天），格式 2027-02-20")

    def handle(self, *args, today: str | None = None, **options):
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"日期格式应为 年-月-日，如 2027-02-20，收到：{today}")
        created = refresh_reminders(day)
        sent = email(created)
        mail = f"发送邮件{sent}封" if mail_enabled() else "未配置邮件服务器，只生成站内提醒"
        self.stdout.write(f"新生成提醒{len(created)}条；{mail}。")
