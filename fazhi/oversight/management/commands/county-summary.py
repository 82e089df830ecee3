"""`fazhi county-summary --county CODE --year YYYY [--json]`: the county's totals over its own townships.

The same computation as the county's compare page and summary report (``fazhi.oversight.compare.compare``): counts
and sums added up over the townships under the county, rates recomputed from the summed numerators and
denominators. ``--json`` prints ``{"county": CODE, "year": Y, "townships": [codes…], "totals": {key: value}}``.
"""
from __future__ import annotations

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind
from fazhi.indicators.registry import format_value, get
from fazhi.oversight.compare import county_summary


class Command(BaseCommand):
    help = "全县汇总：本县所辖乡镇（街道）某一年度各项指标的合计（计数相加，比率按分子分母重算）；--json 输出 JSON。"

    def add_arguments(self, parser):
        parser.add_argument("--county", required=True, help="县的组织编码，如 SFX")
        parser.add_argument("--year", required=True, help="年度，如 2025")
        parser.add_argument("--json", action="store_true", dest="as_json", help="输出 JSON")

    def handle(self, *args, county: str, year: str, as_json: bool = False, **options):
        code = (county or "").strip()
        org = Organisation.objects.filter(code=code).first()
        if org is None:
            raise CommandError(f"找不到县的组织编码“{code}”，可运行 fazhi orgs 查看全部组织")
        if org.kind != OrgKind.COUNTY:
            raise CommandError(f"“{org.name}”（{code}）不是县级组织，请使用县的编码")
        try:
            the_year = int(str(year).strip())
        except ValueError:
            raise CommandError(f"年度格式不正确：{year}（应为四位数字，如 2025）")
        this_year = clock.current_year()
        if not 2000 <= the_year <= this_year:
            raise CommandError(f"年度必须在 2000 年到 {this_year} 年之间：{year}")
        summary = county_summary(org, the_year)
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{org.name}（{org.code}）{the_year}年度全县合计："
                          f"{len(summary['townships'])}个乡镇（街道）{'、'.join(summary['townships'])}")
        for key, value in summary["totals"].items():
            indicator = get(key)
            shown = "—" if value is None else format_value(Decimal(str(value)) if isinstance(value, float) else value)
            self.stdout.write(f"{indicator.label}\t{shown}{indicator.unit if value is not None else ''}\t{key}")
