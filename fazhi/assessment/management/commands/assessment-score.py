"""`fazhi assessment-score --org SFX01 --year 2025 [--date 2025-12-28]`: score every village on each of the
year's criteria drawn from the indicators (min(1, value ÷ target) × weight), writing or updating one score each."""
from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.assessment.services import assessment_score_from_data
from fazhi.core.models import Organisation, OrgKind, Role, User


class Command(BaseCommand):
    help = "按台账数据为本乡镇各村（社区）计算目标管理考核得分（只处理选择了数据指标的考核指标）。"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="乡镇编码")
        parser.add_argument("--year", type=int, required=True, help="考核年度")
        parser.add_argument("--date", help="评分日期，默认今天（不晚于次年年底）")

    def handle(self, *args, org: str, year: int, date: str | None = None, **options):
        township = Organisation.objects.filter(code=org, kind=OrgKind.TOWNSHIP).first()
        if township is None:
            raise CommandError(f"没有编码为 {org} 的乡镇")
        try:
            scored_on = dt.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"评分日期 {date} 不是有效日期，格式如 2025-12-28")
        if scored_on > timezone.localdate() or scored_on.year not in (year, year + 1):
            raise CommandError(f"评分日期应在{year}年或{year + 1}年内，且不晚于今天")
        clerk = User.objects.filter(organisation=township, role=Role.CLERK).order_by("pk").first()
        written = assessment_score_from_data(organisation=township, year=year, scored_on=scored_on, user=clerk)
        self.stdout.write(f"{township.name}{year}年：写入或更新得分 {written} 条")
