"""`fazhi disclosure-report --org CODE --year YYYY --format docx|pdf|xlsx|json [--output FILE]`:
the annual disclosure report (政府信息公开工作年度报告) of one township, computed from its register."""
from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind
from fazhi.disclosure import annual_report

FORMATS = ("docx", "pdf", "xlsx", "json")


class Command(BaseCommand):
    help = "生成某乡镇某年度的政府信息公开工作年度报告（2021年格式）：docx、pdf、xlsx 或 json（表格按行、列标签给出数字）。"

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="乡镇（街道）编码，如 SFX01")
        parser.add_argument("--year", required=True, help="报告年度，如 2025")
        parser.add_argument("--format", default="docx", help="docx、pdf、xlsx 或 json（默认 docx）")
        parser.add_argument("--output", help="输出文件；json 省略时打印到屏幕")

    def handle(self, *args, org, year, format, output=None, **options):
        fmt = (format or "").lower().lstrip(".")
        if fmt not in FORMATS:
            raise CommandError(f"不支持的格式：{format}（可选 docx、pdf、xlsx、json）")
        organisation = Organisation.objects.filter(code=org).first()
        if organisation is None:
            raise CommandError(f"没有编码为 {org} 的组织（可用 fazhi orgs 查看编码）")
        if organisation.kind != OrgKind.TOWNSHIP:
            raise CommandError(f"{organisation.name}（{org}）不是乡镇（街道）：政府信息公开年报按乡镇生成")
        this_year = timezone.localdate().year
        try:
            the_year = int(str(year).strip())
        except ValueError:
            raise CommandError(f"年度格式不正确：{year}（应为四位数字，如 {this_year - 1}）")
        if not 2000 <= the_year <= this_year:
            raise CommandError(f"年度必须在 2000 年到 {this_year} 年之间：{year}")
        if fmt != "json" and not output:
            raise CommandError(f"生成 {fmt} 文件需要用 --output 指定输出文件")
        data = annual_report.load(organisation, the_year)
        if fmt == "json":
            text = json.dumps(data.to_json(), ensure_ascii=False, indent=2)
            if not output:
                self.stdout.write(text)
                return
            content = (text + "\n").encode("utf-8")
        elif fmt in ("docx", "pdf"):
            from fazhi.disclosure.render_docx import render_docx

            content = render_docx(data)
            if fmt == "pdf":
                from fazhi.core.pdf import PdfUnavailable, docx_to_pdf

                try:
                    content = docx_to_pdf(content)
                except PdfUnavailable as error:
                    raise CommandError(str(error))
        else:
            from fazhi.disclosure.render_xlsx import render_xlsx

            content = render_xlsx(data)
        path = Path(output)
        try:
            path.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"无法写入 {output}：{exc.strerror or exc}")
        self.stdout.write(f"已生成 {data.title}（{fmt}）：{path}")
