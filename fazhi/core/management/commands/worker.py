"""`fazhi worker`: run background jobs from Redis (import batches, …) until stopped. Needs FAZHI_REDIS_URL."""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from fazhi.core import jobs


class Command(BaseCommand):
    help = "从 Redis 队列中取出后台任务（如报告批量导入）并执行；需要设置 FAZHI_REDIS_URL。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="处理完队列中现有的任务后退出（用于测试和定时任务）")

    def handle(self, *args, once: bool = False, **options):
        from django.conf import settings

        if not settings.FAZHI_REDIS_URL:
            raise CommandError("未设置 FAZHI_REDIS_URL：没有 Redis 时，导入进度由页面推进，提醒由每日定时命令生成。")
        jobs.load_handlers()
        done = 0
        while True:
            close_old_connections()
            name = jobs.run_one(timeout=1 if once else 5)
            if name is None:
                if once:
                    break
                continue
            done += 1
        self.stdout.write(f"已处理后台任务{done}个。")
