"""fazhi import-reports --county CODE --year YYYY PATH...: store reports written elsewhere for comparison."""
from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind
from fazhi.oversight.importing import Upload, batch_progress, process_batch, start_batch
from fazhi.oversight.reading import MAX_FILE_BYTES

READABLE_SUFFIXES = {".docx", ".pdf", ".html", ".htm", ".txt"}


def collect_paths(paths: list[str]) -> list[Path]:
    """Files as given; directories walked (sorted), keeping the types a report can be read from."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
        else:
            found.append(path)
    return found


def read_upload(path: Path) -> Upload:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # one byte more is enough to know it is too large
    except OSError:
        data = b""
    return Upload(path.name, data)


class Command(BaseCommand):
    help = "导入系统外编写的乡镇年度报告（.docx/.pdf/.html/.txt，可给目录），提取指标数字，供县级比较"

    def add_arguments(self, parser):
        parser.add_argument("--county", required=True, help="县的组织代码")
        parser.add_argument("--year", required=True, type=int, help="报告年度（四位数字）")
        parser.add_argument("paths", nargs="+", metavar="PATH", help="报告文件或目录")

    def handle(self, *args, county: str, year: int, paths: list[str], **options):
        org = Organisation.objects.filter(code=county, kind=OrgKind.COUNTY).first()
        if org is None:
            raise CommandError(f"没有代码为“{county}”的县")
        if not 2000 <= year <= 2100:
            raise CommandError(f"报告年度应为四位数字，收到：{year}")
        if year > clock.current_year():
            raise CommandError(f"报告年度{year}年晚于今年（{clock.current_year()}年），未导入")
        files = collect_paths(paths)
        missing = [p for p in files if not p.is_file()]
        for path in missing:
            self.stderr.write(f"找不到文件：{path}")
        files = [p for p in files if p.is_file()]
        if not files:
            raise CommandError("没有可导入的文件")
        batch = start_batch(org, [read_upload(p) for p in files], user=None, year=year, source="cli")
        total = len(files)
        done = [0]

        def show(_item):
            done[0] += 1
            width = 30
            filled = width * done[0] // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done[0]}/{total}")
            sys.stderr.flush()

        process_batch(batch, on_item=show)
        sys.stderr.write("\n")
        progress = batch_progress(batch)
        ok = 0
        for item in progress["items"]:
            if item["report"] and item["status"] == "done":
                ok += 1
                self.stdout.write(f"已导入  {item['file']} → {item['report_title']}")
            else:
                self.stdout.write(f"{item['status_display']}  {item['file']}：{item['error']}")
        self.stdout.write(f"共{total}个文件，导入{ok}个，其余{total - ok}个见上。")
