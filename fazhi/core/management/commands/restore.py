"""`fazhi restore ARCHIVE [--yes]`: restore a `fazhi backup` archive and verify counts and file checksums."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from fazhi.core.backup import FAILURES, BackupError, restore_backup


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BackupError):
        return str(exc)
    first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, OSError):
        return f"无法读写文件（{first_line}）"
    if isinstance(exc, DatabaseError):
        return f"写入数据库出错（{first_line}），数据库中的改动已回滚"
    return f"无法载入备份中的数据（{first_line}），数据库中的改动已回滚"


class Command(BaseCommand):
    help = "从 fazhi backup 生成的备份文件恢复数据库和附件，并逐表核对记录数、逐个核对文件校验值。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="备份文件（fazhi backup 生成的 .tar.gz）")
        parser.add_argument("--yes", action="store_true", help="目标数据库已有记录时，确认清空并用备份替换全部数据")

    def handle(self, *args, archive: str, yes: bool = False, **options):
        try:
            result = restore_backup(Path(archive), replace=yes)
        except FAILURES as exc:
            raise CommandError(f"恢复失败：{_reason(exc)}")
        if result.migrated:
            self.stdout.write("已先执行数据库迁移（migrate）。")
        if result.flushed:
            self.stdout.write("已清空目标数据库中原有的记录。")
        if result.extra_files:
            self.stdout.write(f"注意：附件目录中另有 {result.extra_files} 个备份中没有的文件，未作改动。")
        self.stdout.write(f"已恢复 {result.records} 条记录、{result.files} 个文件，校验一致。")
