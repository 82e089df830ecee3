"""`fazhi report-check --org CODE --year YYYY [--json]`: check a township's annual report for contradictions.

Checks the report as it stands (saved text or the defaults, live figures). With --json prints
{"score": 0-100, "problems": [{"rule", "message", "indicators"}]}; without, a readable Chinese list.
Exits 0 whatever it finds; a bad organisation or year is a CommandError.
"""
from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.models import Organisation
from fazhi.reports.check import check_township
from fazhi.reports.services import ReportInputError, check_report_target


class Command(BaseCommand):
    help = "检查乡镇（街道）法治政府建设年度报告是否自相矛盾（比率与分子分母、部分与整体、不足与数字、前后数字、政务公开年报），给出评分和问题清单。"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="乡镇（街道）编码")
        parser.add_argument("--year", required=True, help="报告年度，如 2025")
        parser.add_argument("--json", action="store_true", dest="as_json", help="以 JSON 输出：{score, problems}")

    def handle(self, *args, org: str, year: str, as_json: bool = False, **options):
        try:
            year_number = int(str(year).strip())
        except ValueError:
            raise CommandError(f"报告年度必须是四位数字年份，如 2025；收到：{year}")
        organisation = Organisation.objects.filter(code=(org or "").strip()).first()
        if organisation is None:
            raise CommandError(f"没有编码为“{org}”的组织")
        try:
            check_report_target(organisation, year_number)
        except ReportInputError as error:
            raise CommandError(str(error))
        composed, result = check_township(organisation, year_number)
        if as_json:
            self.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{composed.title}：自查评分{result.score}分")
        if not result.problems:
            self.stdout.write("未发现问题。")
            return
        self.stdout.write(f"发现{len(result.problems)}个问题：")
        for number, problem in enumerate(result.problems, start=1):
            cost = f"（扣{problem.weight}分）" if problem.weight else ""
            self.stdout.write(f"{number}. {problem.message}{cost}")
