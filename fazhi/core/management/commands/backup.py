"""`fazhi backup [--output FILE]`: the database and the uploaded files in one .tar.gz (see fazhi/core/backup.py)."""
from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from fazhi.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "备份数据库和上传的附件（同一时点，一致），生成一个 .tar.gz 文件。"

    def add_arguments(self, parser):
        parser.add_argument("--output", help="备份文件路径；默认 FAZHI_DATA_DIR/backups/fazhi-backup-日期时间.tar.gz")

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output) if output else Path(settings.DATA_DIR) / "backups" / f"fazhi-backup-{stamp}.tar.gz"
        try:
            result = create_backup(path)
        except (BackupError, OSError) as exc:
            raise CommandError(f"备份失败：{exc}")
        except DatabaseError as exc:
            raise CommandError(f"备份失败：无法读取数据库（{str(exc).strip().splitlines()[0]}）")
        self.stdout.write(f"已备份到 {result.path}：{result.records} 条记录、{result.files} 个附件，"
                          f"共 {result.size / 1024 / 1024:.1f} MB。")
