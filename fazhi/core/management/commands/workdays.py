"""`fazhi workdays add DATE N` / `fazhi workdays explain DATE N`: the official working-day calendar."""
from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.workdays import WorkingCalendar


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期格式不正确：{text}（应为 YYYY-MM-DD，如 2025-09-26）")


class Command(BaseCommand):
    help = ("工作日计算：add 打印 DATE 之后第 N 个工作日（ISO 日期，最后一行）；explain 逐步说明计算过程（法定节假日与调休）。"
            "国务院节假日安排尚未公布的年份，跳过《全国年节及纪念日放假办法》规定的法定节假日，结果标“暂定”。")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["add", "explain"])
        parser.add_argument("date", help="起算日期 YYYY-MM-DD（当日不计入）")
        parser.add_argument("n", help="工作日数")

    def handle(self, *args, action, date, n, **options):
        start = _date(date)
        try:
            count = int(n)
        except ValueError:
            raise CommandError(f"工作日数必须是正整数：{n}")
        if count < 1 or count > 2000:
            raise CommandError("工作日数必须在 1 到 2000 之间")
        result = WorkingCalendar.load().add_working_days(start, count)
        if action == "add":
            if result.provisional:  # the warning first: the last line printed is always the due date
                self.stderr.write(result.steps[-1])
                self.stderr.flush()
            self.stdout.write(result.due.isoformat())
        else:
            self.stdout.write(result.explanation())
