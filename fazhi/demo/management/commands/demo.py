"""`fazhi demo [--year YYYY] [--logins]`: the demo county, townships, villages, users and ledgers."""
from __future__ import annotations


from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.demo.generate import DEMO_PASSWORD, TOWNSHIPS, build_demo, default_year, login_specs

LEDGER_LABELS = (
    ("publicityevent", "普法活动", "场"),
    ("legalliaison", "法律明白人", "人"),
    ("liaisontraining", "明白人培训", "场"),
    ("studysession", "学法", "次"),
    ("examrecord", "考试成绩", "条"),
    ("courtobservation", "旁听庭审", "次"),
    ("meeting", "会议", "次"),
    ("disputecase", "纠纷", "件"),
    ("proactiverelease", "主动公开", "条"),
    ("disclosurerequest", "依申请公开", "件"),
    ("normativedocument", "规范性文件", "件"),
    ("contract", "合同", "件"),
    ("legalityreview", "合法性审查", "件"),
    ("majordecision", "重大行政决策", "项"),
)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(_pad(str(h), w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(_pad(str(c), w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


class Command(BaseCommand):
    help = "幂等地生成演示县（示范县 SFX）、乡镇、村（社区）、各角色用户和一年台账（默认上一年，另含再上一年用于同比）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", help="演示台账年度（默认上一年）；同时生成再上一年度")
        parser.add_argument("--logins", action="store_true", help="只打印演示账号，不生成任何数据")

    def handle(self, *args, year=None, logins=False, **options):
        if logins:
            self.stdout.write(self.logins_table())
            return
        today = timezone.localdate()
        if year in (None, ""):
            the_year = default_year(today)
        else:
            try:
                the_year = int(str(year).strip())
            except ValueError:
                raise CommandError(f"年度格式不正确：{year}（应为四位数字，如 {default_year(today)}）")
            if the_year < 2000 or the_year > today.year:
                raise CommandError(f"年度必须在 2000 年到 {today.year} 年之间：{year}")
        try:
            result = build_demo(the_year, today=today)
        except ValueError as exc:
            raise CommandError(str(exc))
        county = result.county
        villages = sum(t.villages().count() for t in result.townships.values())
        self.stdout.write(
            f"{county.name}（{county.code}）：{len(result.townships)} 个乡镇、{villages} 个村（社区）；"
            f"本次新建组织 {result.orgs_created} 个、用户 {result.users_created} 个。"
        )
        for spec in TOWNSHIPS:
            for y in result.years:
                counts = result.created[(spec.code, y)]
                if counts is None:
                    self.stdout.write(f"  {spec.name}（{spec.code}）{y}年：已有台账，跳过。")
                    continue
                parts = "，".join(f"{label}{counts.get(key, 0)}{unit}" for key, label, unit in LEDGER_LABELS)
                self.stdout.write(f"  {spec.name}（{spec.code}）{y}年：已生成 {parts}。")
        self.stdout.write(f"演示账号密码均为 {DEMO_PASSWORD}，运行 fazhi demo --logins 查看全部账号。")

    @staticmethod
    def logins_table() -> str:
        rows = [[s.username, s.role_display, s.org_name, DEMO_PASSWORD] for s in login_specs()]
        return "演示账号\n" + format_table(["账号", "角色", "所属组织", "密码"], rows)
