"""`fazhi report --org CODE --year YYYY --format docx|pdf|md|html --output FILE`: export a township's annual report."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.models import Organisation
from fazhi.core.pdf import PdfUnavailable, docx_to_pdf
from fazhi.reports.compose import compose_report
from fazhi.reports.render_docx import render_docx
from fazhi.reports.render_html import standalone_html
from fazhi.reports.render_md import render_markdown
from fazhi.reports.services import ReportInputError, check_report_target, report_get_or_new

FORMATS = ("docx", "pdf", "md", "html")


class Command(BaseCommand):
    help = ("导出乡镇（街道）法治政府建设年度报告：docx 为 GB/T 9704 公文格式，pdf 为同一版式的 PDF（需要 LibreOffice），"
            "html 为可发布的网页（数字链接到来源记录）。")

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="乡镇（街道）编码")
        parser.add_argument("--year", required=True, help="报告年度，如 2025")
        parser.add_argument("--format", required=True, dest="fmt", help="docx、pdf、md 或 html")
        parser.add_argument("--output", help="输出文件；md、html 省略时打印到屏幕")

    def handle(self, *args, org: str, year: str, fmt: str, output: str | None, **options):
        if fmt not in FORMATS:
            raise CommandError(f"不支持的格式：{fmt}（可选：{'、'.join(FORMATS)}）")
        try:
            year_number = int(year)
        except ValueError:
            raise CommandError(f"报告年度必须是四位数字年份，如 2025；收到：{year}")
        organisation = Organisation.objects.filter(code=org).first()
        if organisation is None:
            raise CommandError(f"没有编码为“{org}”的组织")
        try:
            check_report_target(organisation, year_number)
        except ReportInputError as error:
            raise CommandError(str(error))
        composed = compose_report(report_get_or_new(organisation, year_number))
        if fmt in ("docx", "pdf"):
            if not output:
                raise CommandError(f"{fmt} 格式必须用 --output 指定输出文件")
            content: bytes = render_docx(composed)
            if fmt == "pdf":
                try:
                    content = docx_to_pdf(content)
                except PdfUnavailable as error:
                    raise CommandError(str(error))
        else:
            text = render_markdown(composed) if fmt == "md" else standalone_html(composed)
            if not output:
                self.stdout.write(text, ending="")
                return
            content = text.encode("utf-8")
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise CommandError(f"无法写入文件 {output}：{error.strerror or error}")
        self.stderr.write(f"已导出：{output}（{composed.title}，{len(composed.figures())} 个数据）")
