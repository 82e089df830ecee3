"""`fazhi orgs [--json]`: every organisation with its code, name, kind and parent code."""
from __future__ import annotations


from django.core.management.base import BaseCommand

from fazhi.core.models import Organisation, OrgKind
from fazhi.demo.management.commands.demo import format_table


class Command(BaseCommand):
    help = "列出组织（县—乡镇—村（社区））：编码、名称、类别、上级编码。--json 输出 JSON。"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="输出 JSON 列表（code、name、kind、parent）")

    def handle(self, *args, json: bool = False, **options):
        as_json = json
        orgs = list(Organisation.objects.select_related("parent").order_by("code"))
        if as_json:
            import json as jsonlib

            data = [
                {"code": o.code, "name": o.name, "kind": o.kind, "parent": o.parent.code if o.parent else None}
                for o in orgs
            ]
            self.stdout.write(jsonlib.dumps(data, ensure_ascii=False, indent=2))
            return
        if not orgs:
            self.stdout.write("尚无组织。可运行 fazhi demo 生成演示县，或在“组织与用户管理”中添加。")
            return
        rows = [
            [o.code, o.name, OrgKind(o.kind).label, f"{o.parent.name}（{o.parent.code}）" if o.parent else "—",
             "在用" if o.is_active else "停用"]
            for o in orgs
        ]
        self.stdout.write(format_table(["编码", "名称", "类别", "上级组织", "状态"], rows))
        self.stdout.write(f"共 {len(orgs)} 个组织。")
