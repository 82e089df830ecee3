"""`fazhi indicators --org CODE --year YYYY [--json]`: every indicator of the registry for one scope."""
from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind
from fazhi.demo.management.commands.demo import format_table
from fazhi.indicators.registry import Scope, compute_all


class Command(BaseCommand):
    help = "计算一个乡镇（或县：所辖乡镇合计）某一年度的全部指标；--json 输出 {指标键: 值}，未接入的为 null。"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="组织编码，如 SFX01；县编码（如 SFX）给出全县合计")
        parser.add_argument("--year", required=True, help="年度，如 2025")
        parser.add_argument("--json", action="store_true", dest="as_json", help="输出 JSON")

    def handle(self, *args, org: str, year: str, as_json: bool = False, **options):
        code = (org or "").strip()
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is None:
            raise CommandError(f"找不到组织编码“{code}”，可运行 fazhi orgs 查看全部组织")
        if organisation.kind == OrgKind.VILLAGE:
            parent = organisation.parent.code if organisation.parent else ""
            raise CommandError(f"“{organisation.name}”是村（社区），台账归属乡镇，请使用所属乡镇编码 {parent}")
        try:
            the_year = int(str(year).strip())
        except ValueError:
            raise CommandError(f"年度格式不正确：{year}（应为四位数字，如 2025）")
        this_year = timezone.localdate().year
        if the_year < 2000 or the_year > this_year:
            raise CommandError(f"年度必须在 2000 年到 {this_year} 年之间：{year}")
        figures = compute_all(Scope.for_org(organisation, the_year))
        if as_json:
            data = {key: fig.json_value() for key, fig in figures.items()}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        scope_text = "（所辖乡镇合计）" if organisation.kind == OrgKind.COUNTY else ""
        self.stdout.write(f"{organisation.name}（{organisation.code}）{the_year}年度指标{scope_text}")
        rows = []
        for key, fig in figures.items():
            ind = fig.indicator
            connected = ind.connected
            rows.append([ind.label, fig.display if connected else "—", ind.unit, "" if connected else "未接入", key])
        self.stdout.write(format_table(["指标", "数值", "单位", "状态", "键"], rows))
