"""`fazhi worker`: run background jobs from Redis (import batches, report bundles, reminder e-mails) and the
daily jobs (reminders, nightly indicator recompute) until stopped. Needs FAZHI_REDIS_URL."""
from __future__ import annotations

import os
import socket
import time

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from fazhi.core import jobs

REDIS_RETRY_SECONDS = 5  # Redis went away: the worker waits and tries again instead of exiting


class Command(BaseCommand):
    help = ("从 Redis 队列中取出后台任务（报告批量导入、年度报告打包、提醒邮件）并执行，"
            "并在设定时间执行每日任务（到期提醒、指标重算）；需要设置 FAZHI_REDIS_URL。")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="处理完队列中现有的任务后退出（不执行每日任务；用于测试和定时任务）")

    def handle(self, *args, once: bool = False, **options):
        from django.conf import settings

        if not settings.FAZHI_REDIS_URL:
            raise CommandError("未设置 FAZHI_REDIS_URL：没有 Redis 时，导入和打包进度由页面推进，"
                               "提醒和邮件由每日定时命令（deploy/fazhi-reminders.timer）处理。")
        jobs.load_handlers()
        scheduler = None
        if not once:
            try:
                scheduler = jobs.Scheduler(jobs.client(), worker_id=f"{socket.gethostname()}:{os.getpid()}")
            except ImproperlyConfigured as exc:
                raise CommandError(str(exc))
            for job in scheduler.jobs:
                at = scheduler.times[job.name]
                self.stdout.write(f"每日任务 {job.name}：{at.strftime('%H:%M') if at else '不由后台执行'}（{job.setting}）")
        done = self.loop(scheduler, once)
        self.stdout.write(f"已处理后台任务{done}个。")

    def loop(self, scheduler: jobs.Scheduler | None, once: bool) -> int:
        import redis

        done = 0
        while True:
            close_old_connections()
            try:
                if scheduler is not None:
                    for name in scheduler.tick():
                        self.stdout.write(f"已执行每日任务 {name}")
                name = jobs.run_one(timeout=1 if once else 5)
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
                if once:
                    raise CommandError(f"无法连接 Redis（{exc}）")
                self.stderr.write(f"无法连接 Redis（{exc}），{REDIS_RETRY_SECONDS} 秒后重试")
                time.sleep(REDIS_RETRY_SECONDS)
                continue
            if name is None:
                if once:
                    return done
                continue
            done += 1
