"""`fazhi backup [--output PATH]`: the database and the uploaded files in one .tar.gz (see fazhi/core/backup.py)."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.backup import FAILURES, BackupError, create_backup


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BackupError):
        return str(exc)
    first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, OSError):
        return f"无法读写文件（{first_line}）"
    return f"无法读取数据库（{first_line}）"


class Command(BaseCommand):
    help = "备份数据库和上传的附件（同一时点，一致），生成一个 .tar.gz 文件。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="备份文件路径（或目录）；默认 FAZHI_DATA_DIR/backups/fazhi-backup-日期-时间.tar.gz")

    def handle(self, *args, output: str | None = None, **options):
        try:
            result = create_backup(Path(output) if output else None)
        except FAILURES as exc:
            raise CommandError(f"备份失败：{_reason(exc)}")
        self.stdout.write(
            f"已备份到 {result.path}：{result.records} 条记录、{result.files} 个文件，"
            f"共 {_size(result.size)}。")
        if result.missing_files:
            self.stderr.write(
                f"注意：有 {len(result.missing_files)} 个附件记录对应的文件在附件目录中不存在（备份前就已缺失），"
                f"如 {result.missing_files[0]}。")


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
