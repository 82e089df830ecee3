"""`fazhi worker`: huey's consumer for Fazhi's queue (fazhi/core/jobs.py) — import batches, report bundles, reminder
e-mails, figure recomputes, PDFs made before the click — and the daily jobs (reminders, nightly indicator recompute) as
its periodic tasks. It also keeps one LibreOffice running for every PDF converted on this machine (fazhi/core/office.py).

The queue is Redis when FAZHI_REDIS_URL is set, otherwise the SQLite file FAZHI_QUEUE_FILE; run one worker per
server (or several, on any servers, with Redis). `make run` starts one in the background.
"""
from __future__ import annotations

import time

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from huey.consumer import Consumer, Scheduler

from fazhi.core import jobs, office


QUEUE_RETRY_SECONDS = 5  # the queue (Redis) went away: the scheduler waits this long, with one line in the log


class BeatingScheduler(Scheduler):
    """huey's scheduler, which also tells the pages that a consumer is alive (``jobs.consumer_alive``), and which
    waits quietly while the queue cannot be reached instead of logging a traceback every second."""

    _next_beat = 0.0

    def loop(self, now=None):
        if time.monotonic() >= self._next_beat:
            try:
                jobs.beat()
            except Exception as exc:  # noqa: BLE001 - Redis down or restarting
                self._logger.warning("无法连接后台任务队列（%s），%s 秒后重试", exc, QUEUE_RETRY_SECONDS)
                self.stop_flag.wait(QUEUE_RETRY_SECONDS)
                return None
            self._next_beat = time.monotonic() + jobs.HEARTBEAT_SECONDS
        return super().loop(now)


class FazhiConsumer(Consumer):
    scheduler_class = BeatingScheduler


def _close_connections(*args) -> None:
    close_old_connections()  # as Django does around a request: a job never reuses a broken or stale connection


class Command(BaseCommand):
    help = ("运行后台任务（报告批量导入、年度报告打包、提醒邮件、指标重算），并在设定时间执行每日任务"
            "（到期提醒、指标重算）；设置 FAZHI_REDIS_URL 时使用 Redis 队列，否则使用本机 SQLite 队列文件。")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="处理完队列中现有的任务后退出（不执行每日任务；用于测试和排查）")
        parser.add_argument("--threads", type=int, default=2, help="同时执行任务的线程数（默认 2）")
        parser.add_argument("--no-daily", action="store_true",
                            help="不执行每日任务（同一队列上已有其他进程负责时也可不加：每日任务每天只执行一次）")

    def handle(self, *args, once: bool = False, threads: int = 2, no_daily: bool = False, **options):
        jobs.load_tasks()
        self.stdout.write(f"后台任务队列：{jobs.describe()}")
        try:
            if once:
                done = jobs.run_pending(close_connections=True)
                self.stdout.write(f"已处理后台任务{done}个。")
                return
            if threads < 1:
                raise CommandError("--threads 至少为 1")
            jobs.beat()  # the queue answers (else systemd starts the worker again a few seconds later)
            for job in jobs.daily_jobs():
                at = jobs.daily_time(job)  # a bad setting stops the worker here, with its name
                when = at.strftime("%H:%M") if at and not no_daily else "不由后台执行"
                self.stdout.write(f"每日任务 {job.name}：{when}（{job.setting}）")
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc))
        except Exception as exc:  # noqa: BLE001 - the queue cannot be reached at start
            if jobs.redis_url():
                raise CommandError(f"无法连接 Redis 队列（{exc}）：请检查 FAZHI_REDIS_URL 和 Redis 服务")
            raise
        jobs.queue.pre_execute("close-connections")(_close_connections)
        jobs.queue.post_execute("close-connections")(_close_connections)
        consumer = FazhiConsumer(jobs.queue, workers=threads, periodic=not no_daily, worker_type="thread",
                                 scheduler_interval=1)
        listener = office.Listener()
        if listener.start():
            self.stdout.write("PDF 转换：已启动常驻 LibreOffice，本机各进程生成 PDF 时共用")
        try:
            consumer.run()  # until SIGINT (finish running jobs) or SIGTERM (stop now; jobs are idempotent)
        finally:
            listener.stop()
