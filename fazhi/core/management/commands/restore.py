"""`fazhi restore FILE [--yes]`: restore a `fazhi backup` archive and verify counts and file checksums."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from fazhi.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "从 fazhi backup 生成的备份文件恢复数据库和附件，并逐表核对记录数、逐个核对文件校验值。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="备份文件（.tar.gz）")
        parser.add_argument("--yes", action="store_true", help="目标数据库已有记录时，确认用备份替换全部数据")

    def handle(self, *args, archive, yes=False, **options):
        try:
            result = restore_backup(Path(archive), replace=yes)
        except BackupError as exc:
            raise CommandError(str(exc))
        except DatabaseError as exc:
            raise CommandError(f"恢复失败：无法写入数据库（{str(exc).strip().splitlines()[0]}），数据库中的事务已回滚")
        self.stdout.write(f"已恢复 {result.records} 条记录、{result.files} 个附件，校验一致。")
