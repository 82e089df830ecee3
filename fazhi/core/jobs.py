"""Background work on one well-kept task queue, huey (https://huey.readthedocs.io): every job has one path.

Where the queue lives (``where()``), so that an intranet single server and a province cluster run the same code:

- ``FAZHI_REDIS_URL`` set: Redis, shared by every app server and every ``fazhi worker`` of a cluster;
- otherwise a SQLite file beside the data (``FAZHI_QUEUE_FILE``, default ``<FAZHI_DATA_DIR>/queue.sqlite3``):
  nothing to install on a single server;
- a database held in memory (the test suite) gets a queue in memory.

The queue is named after the database, so installations (or a test database) sharing a Redis server or a file
never take each other's jobs.

Jobs. An app declares them in its ``jobs.py`` with ``@jobs.task("app.name")`` (the function stays a plain
function: calling it runs it here) and queues them by name with ``enqueue`` / ``enqueue_once`` — after the
transaction commits, so the consumer sees the rows. ``fazhi worker`` is huey's consumer and runs them. Jobs are
idempotent: a job may run twice (a page and a consumer may both advance one batch).

Pages that show a job's progress (an import batch, a report bundle) are clients of the same job:
``run_here_unless_consumed`` leaves the work to a running consumer (and makes sure the job waits in the queue),
and with no consumer it runs the next part of the job itself, within the page's time budget.

Daily jobs (``@jobs.daily``) are the queue's periodic tasks: from their time of day (a setting, "HH:MM") the
consumer's scheduler checks them every ``DAILY_POLL_MINUTES``, and each runs once a day however many consumers
run on however many servers — the first to write the day's mark in the queue's storage runs it (``run_daily``).
A consumer killed mid-job leaves a "running" mark that another takes over after ``DAILY_RUNNING_SECONDS``; a job
that failed is tried again after ``DAILY_RETRY_SECONDS``; a consumer started after the job's time still runs it
that day.

Never failing a user's action: ``enqueue`` returns False when the queue cannot be reached (Redis down or hung:
short timeouts, then Redis is not tried again for ``REDIS_DOWN_SECONDS``); the work is then done by the page
(``run_here_unless_consumed``) or by the next daily run.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import smtplib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils import timezone
from huey import Huey
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage

log = logging.getLogger(__name__)

REDIS_DOWN_SECONDS = 30  # after a failed connection, callers skip Redis for this long (no 1-second wait per request)
REDIS_TIMEOUTS = {"socket_connect_timeout": 1, "socket_timeout": 2}  # Redis down or hung costs a request 1-2 s
ONCE_SECONDS = 3600  # an enqueue_once mark older than this belonged to a job that was lost: queue it again
HEARTBEAT_KEY = "fazhi:consumer:heartbeat"
HEARTBEAT_SECONDS = 20  # a consumer writes its heartbeat this often ...
CONSUMER_GONE_SECONDS = 90  # ... and is taken for gone when it has not for this long
_down_until: dict[str, float] = {}


# ---------------------------------------------------------------- where the queue lives

def redis_url() -> str:
    return getattr(settings, "FAZHI_REDIS_URL", "") or ""


def where() -> tuple[str, str, str]:
    """("redis", url, name), ("sqlite", file, name) or ("memory", "", name), from the settings of now."""
    from django.db import connections

    database = connections["default"]
    name = getattr(settings, "FAZHI_QUEUE_NAME", "") or str(database.settings_dict["NAME"])
    if redis_url():
        return "redis", redis_url(), name
    if database.vendor == "sqlite" and database.is_in_memory_db():
        return "memory", "", name
    return "sqlite", str(getattr(settings, "FAZHI_QUEUE_FILE", "") or Path(settings.DATA_DIR) / "queue.sqlite3"), name


def describe() -> str:
    kind, location, _name = where()
    return {"redis": f"Redis（{location}）", "sqlite": f"SQLite 文件（{location}）", "memory": "内存（测试）"}[kind]


def _make_storage(kind: str, location: str, name: str):
    if kind == "redis":
        import redis

        return RedisStorage(name, connection_pool=redis.ConnectionPool.from_url(location, **REDIS_TIMEOUTS))
    if kind == "sqlite":
        Path(location).parent.mkdir(parents=True, exist_ok=True)
        return SqliteStorage(name, filename=location)
    return MemoryStorage(name)


class Queue(Huey):
    """The process's one huey instance. Its storage follows the settings (``where()``), so a test that changes
    FAZHI_REDIS_URL or FAZHI_QUEUE_FILE talks to that queue; storages are made on first use, after any fork."""

    def __init__(self):
        self._storages: dict[tuple[str, str, str], object] = {}
        self._storages_lock = threading.Lock()
        super().__init__("fazhi", results=False, utc=False)  # utc=False: periodic tasks on Beijing time (TIME_ZONE)

    def create_storage(self):
        return None

    @property
    def storage(self):
        key = where()
        storage = self._storages.get(key)
        if storage is None:
            with self._storages_lock:
                storage = self._storages.get(key) or _make_storage(*key)
                self._storages[key] = storage
        return storage

    @storage.setter
    def storage(self, value):  # huey's __init__ assigns create_storage(); the storage comes from where()
        pass

    def forget_storages(self) -> None:
        with self._storages_lock:
            self._storages.clear()


queue = Queue()


# ---------------------------------------------------------------- declaring and queueing jobs

TASKS: dict[str, object] = {}  # job name -> huey TaskWrapper


def task(name: str):
    """Declare ``func(**payload)`` as the job ``name`` (queued with ``enqueue(name, **payload)``). Returns ``func``."""
    def register(func):
        def run(**payload):
            once_key = payload.pop("_once", None)
            if once_key:
                queue.delete(once_key)  # taken: work arriving from now on queues the job again
            return func(**payload)

        if name in TASKS:
            TASKS[name].unregister()  # declared again (a test): the new one replaces it
        run.__module__, run.__doc__ = func.__module__, func.__doc__
        TASKS[name] = queue.task(name=name)(run)
        return func
    return register


_loaded = False


def load_tasks() -> None:
    """Import every app's ``jobs`` module, so its jobs and daily jobs are declared (web processes and consumers)."""
    global _loaded
    if _loaded:
        return
    import importlib
    import importlib.util

    from django.apps import apps

    for config in apps.get_app_configs():
        module = f"{config.name}.jobs"
        if config.name.startswith("fazhi.") and config.name != "fazhi.core" and importlib.util.find_spec(module):
            importlib.import_module(module)
    _loaded = True


def _queue_reachable() -> bool:
    url = redis_url()
    return not url or time.monotonic() >= _down_until.get(url, 0)


def _unreachable(action: str, exc: Exception) -> None:
    url = redis_url()
    if url:
        _down_until[url] = time.monotonic() + REDIS_DOWN_SECONDS
    log.warning("job queue %s unreachable (%s): %s", describe(), action, exc)


def _once_key(name: str, payload: dict) -> str:
    digest = hashlib.sha1(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]
    return f"fazhi:queued:{name}:{digest}"


def _push(name: str, payload: dict, *, once: bool) -> bool:
    load_tasks()
    wrapper = TASKS[name]  # an unknown name is a programming error: raise
    if not _queue_reachable():
        return False
    try:
        if once:
            key = _once_key(name, payload)
            if not queue.put_if_empty(key, time.time()):
                queued_at = queue.get(key, peek=True)
                if queued_at is not None and time.time() - queued_at < ONCE_SECONDS:
                    return True  # one copy already waits
                queue.put(key, time.time())  # that copy was lost (a flushed queue): queue it again
            payload = {**payload, "_once": key}
        wrapper(**payload)
        return True
    except Exception as exc:  # noqa: BLE001 - the queue down never fails the caller
        _unreachable(f"enqueue {name}", exc)
        return False


def enqueue(name: str, **payload) -> bool:
    """Queue the job ``name``; False when the queue cannot be reached (the caller's work is done another way)."""
    return _push(name, payload, once=False)


def enqueue_once(name: str, **payload) -> bool:
    """Like ``enqueue``, but a job with the same name and payload already waiting is not queued a second time."""
    return _push(name, payload, once=True)


def waiting() -> list[tuple[str, dict]]:
    """The jobs waiting in the queue, oldest first: (name, payload)."""
    return [(type(t).__name__, {k: v for k, v in t.kwargs.items() if k != "_once"}) for t in queue.pending()]


def run_pending(*, close_connections: bool = False) -> int:
    """Run the jobs waiting now, one after another, until none is left (``fazhi worker --once``); returns how many.
    A failing job is logged and does not stop the others. ``close_connections``: as the worker does between jobs."""
    from django.db import close_old_connections

    load_tasks()
    done = 0
    while (job := queue.dequeue()) is not None:
        if close_connections:
            close_old_connections()
        queue.execute(job)  # huey logs a failure; it never raises
        done += 1
    return done


# ---------------------------------------------------------------- pages as clients of the queue

def beat() -> None:
    """A consumer is alive (written by ``fazhi worker``'s scheduler every HEARTBEAT_SECONDS)."""
    queue.put(HEARTBEAT_KEY, time.time())


def consumer_alive() -> bool:
    """Whether a ``fazhi worker`` has been seen lately on this queue. False when the queue cannot be reached."""
    if not _queue_reachable():
        return False
    try:
        seen = queue.get(HEARTBEAT_KEY, peek=True)
    except Exception as exc:  # noqa: BLE001
        _unreachable("heartbeat", exc)
        return False
    return seen is not None and time.time() - seen < CONSUMER_GONE_SECONDS


def run_here_unless_consumed(name: str, *, budget_seconds: float, **payload) -> bool:
    """What a progress page's POST does. With a consumer running: make sure the job waits in the queue and leave
    the work to it (False). Without one (none started, or the queue unreachable): run the job here, for about
    ``budget_seconds`` (True) — the same job, so the page finishes its batch without a worker."""
    load_tasks()
    if consumer_alive() and enqueue_once(name, **payload):
        return False
    TASKS[name].call_local(**payload, budget_seconds=budget_seconds)
    return True


# ---------------------------------------------------------------- daily jobs: the queue's periodic tasks

DAILY_POLL_MINUTES = 10  # from its time of day, a daily job is checked this often (a late consumer catches up)
DAILY_RUNNING_SECONDS = 3600  # a consumer killed during a daily job: after this another consumer runs it
DAILY_RETRY_SECONDS = 1800  # a daily job that raised is tried again after this
DAILY_KEEP_DAYS = 3  # the marks of older days are deleted
DAILY_PREFIX = "fazhi:daily:"


@dataclass(frozen=True)
class DailyJob:
    name: str
    setting: str  # the setting holding the time of day, "HH:MM" (local time); "" = not run by the worker
    func: Callable[[dt.date], object]


_DAILY: dict[str, DailyJob] = {}


def daily(name: str, *, at_setting: str):
    """Declare ``func(today)`` as a daily job run by the consumer at the time held by ``at_setting``. Returns func."""
    def register(func):
        job = DailyJob(name, at_setting, func)
        _DAILY[name] = job

        def validate(timestamp: dt.datetime) -> bool:
            return is_due(job, timestamp)

        def run() -> None:
            run_daily(job, worker_id=worker_id())

        run.__module__, run.__doc__ = func.__module__, func.__doc__
        if name in TASKS:
            TASKS[name].unregister()
        TASKS[name] = queue.periodic_task(validate, name=name)(run)
        return func
    return register


def daily_jobs() -> list[DailyJob]:
    load_tasks()
    return [_DAILY[name] for name in sorted(_DAILY)]


def parse_time_of_day(value: str, setting: str) -> dt.time | None:
    """"07:30" → 07:30; "" → None (the worker does not run the job). Anything else is a configuration error."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        hours, minutes = value.split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise ImproperlyConfigured(f"{setting} 应为“时:分”（如 07:30），或留空表示不由后台任务执行；收到：{value!r}")


def daily_time(job: DailyJob) -> dt.time | None:
    return parse_time_of_day(getattr(settings, job.setting, ""), job.setting)


def is_due(job: DailyJob, timestamp: dt.datetime) -> bool:
    """The scheduler's check, each minute: at the job's time of day and every DAILY_POLL_MINUTES after it."""
    at = daily_time(job)
    if at is None or timestamp.time() < at:
        return False
    minutes = (timestamp.hour - at.hour) * 60 + timestamp.minute - at.minute
    return minutes % DAILY_POLL_MINUTES == 0


def worker_id() -> str:
    return f"{socket.gethostname()}:{threading.get_native_id()}"


def _mark_key(job: DailyJob, day: dt.date, attempt: int) -> str:
    return f"{DAILY_PREFIX}{job.name}:{day.isoformat()}:{attempt}"


def day_marks(job: DailyJob, day: dt.date) -> list[dict]:
    """The day's marks of ``job``, one per attempt: {"state": "running"|"done"|"failed", "by": …, "at": …}."""
    marks = []
    while (mark := queue.get(_mark_key(job, day, len(marks)), peek=True)) is not None:
        marks.append(mark)
    return marks


def run_daily(job: DailyJob, *, worker_id: str, clock: Callable[[], dt.datetime] = timezone.localtime) -> bool:
    """Run ``job`` for today unless another consumer has done so, is doing so, or failed too recently; returns
    whether it ran here. Each attempt of a day has its own mark, written with put-if-empty: exactly one consumer
    takes each attempt. A stale "running" (its consumer died) or an old "failed" mark opens the next attempt."""
    now = clock()
    day, attempt = now.date(), 0
    while True:
        key = _mark_key(job, day, attempt)
        mark = queue.get(key, peek=True)
        if mark is None:
            if queue.put_if_empty(key, {"state": "running", "by": worker_id, "at": now.isoformat()}):
                break
            continue  # another consumer took this attempt just now: read its mark
        age = (now - dt.datetime.fromisoformat(mark["at"])).total_seconds()
        wait = {"done": float("inf"), "running": DAILY_RUNNING_SECONDS, "failed": DAILY_RETRY_SECONDS}[mark["state"]]
        if age < wait:
            return False
        attempt += 1
    try:
        job.func(day)
    except Exception:  # noqa: BLE001 - one failing daily job never stops the consumer or the others
        log.exception("daily job %s failed", job.name)
        state = "failed"
    else:
        state = "done"
    queue.put(key, {"state": state, "by": worker_id, "at": clock().isoformat()})
    _forget_old_marks(job, day - dt.timedelta(days=DAILY_KEEP_DAYS))
    return True


def _forget_old_marks(job: DailyJob, day: dt.date) -> None:
    attempt = 0
    while queue.delete(_mark_key(job, day, attempt)):
        attempt += 1


@daily("indicators.refresh_stale", at_setting="FAZHI_INDICATORS_REFRESH_AT")
def _refresh_stale_indicators(today: dt.date) -> None:
    """The nightly recompute of stale township-year figures (as `fazhi indicators-refresh`)."""
    from django.core.management import call_command

    call_command("indicators-refresh")


# ---------------------------------------------------------------- e-mail from an outbox

# Errors of one message (the address or the text is refused): that e-mail is given up and the error kept. Any
# other error (the server refuses connections, hangs, drops the line) is the server's: it is recorded with
# RETRY_MARK, the run stops, and that reminder and the rest are sent by a later run.
_MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError, ValueError)
RETRY_MARK = "发送失败，将再次发送："


def outbox_pending() -> Q:
    """Reminder rows still to e-mail: never sent, and not given up on."""
    return Q(emailed_at__isnull=True) & (Q(email_error="") | Q(email_error__startswith=RETRY_MARK))


def send_outbox(rows, *, subject: Callable[[object], str], limit: int = 200) -> int:
    """E-mail the pending reminder rows of ``rows`` (a queryset of a model with ``user``, ``message``,
    ``emailed_at`` and ``email_error``). Each row is claimed first (``emailed_at`` set while it is still pending),
    so two workers never send one reminder twice; a failure is written to ``email_error``, never raised."""
    from django.core.mail import send_mail

    model = rows.model
    sent = 0
    for row in rows.filter(outbox_pending()).exclude(user__email="").select_related("user").order_by("pk")[:limit]:
        if not model.objects.filter(outbox_pending(), pk=row.pk).update(emailed_at=timezone.now()):
            continue  # another worker has it
        try:
            send_mail(subject=subject(row), message=row.message, from_email=None, recipient_list=[row.user.email],
                      fail_silently=False)
        except Exception as exc:  # noqa: BLE001 - SMTP errors of every kind
            log.warning("reminder e-mail to %s failed (%s #%s): %s", row.user, model._meta.label, row.pk, exc)
            server_down = not isinstance(exc, _MESSAGE_ERRORS)
            error = f"{RETRY_MARK if server_down else '发送失败：'}{exc or type(exc).__name__}"[:300]
            model.objects.filter(pk=row.pk).update(emailed_at=None, email_error=error)
            if server_down:
                break
            continue
        if row.email_error:  # sent at last after the server was down
            model.objects.filter(pk=row.pk).update(email_error="")
        sent += 1
    return sent
