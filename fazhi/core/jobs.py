"""Background jobs through Redis, when Redis is configured; never required, never failing a user's action.

``enqueue("name", **payload)`` pushes a job on a Redis list and returns True, or returns False when no Redis is
configured or Redis cannot be reached — the caller then relies on the work being done another way (an import
batch or a report bundle is also advanced by the page that shows its progress, reminders and e-mails by the
daily command). ``enqueue_once`` does the same but keeps at most one copy of the job waiting in the queue.
``fazhi worker`` pops jobs and runs the handler registered under their name. Jobs must be idempotent: a job
may run twice (a page and a worker may both advance one batch) and work lost with a killed worker is picked
up again.

Daily jobs (``@daily``): the worker also runs them, each once a day across every worker on every server —
the first worker to take the Redis lock ``fazhi:daily:<job>:<date>`` (SET NX with an expiry) runs it. A worker
killed while running a daily job leaves the lock to expire, so another worker runs the job later that day;
a job that fails is tried again after ``DAILY_RETRY_SECONDS``. Without Redis the systemd timer
(deploy/fazhi-reminders.timer) runs the same work through the management commands.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import smtplib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils import timezone

log = logging.getLogger(__name__)
QUEUE = "fazhi:jobs"
QUEUED_PREFIX = "fazhi:jobs:queued:"  # enqueue_once: a job of this name and payload waits in the queue
DAILY_PREFIX = "fazhi:daily:"
_HANDLERS: dict[str, Callable[..., object]] = {}
REDIS_DOWN_SECONDS = 30  # after a failed connection, callers skip Redis for this long (no 1-second wait per request)
_down_until: dict[str, float] = {}


def handler(name: str):
    def register(func):
        _HANDLERS[name] = func
        return func
    return register


def redis_url() -> str:
    return getattr(settings, "FAZHI_REDIS_URL", "") or ""


def client():
    """A Redis client for FAZHI_REDIS_URL, or None when it is not set. Short timeouts: Redis down costs a second."""
    url = redis_url()
    if not url:
        return None
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)


_client = client  # the name earlier code and tests used


def _queued_key(name: str, payload: dict) -> str:
    digest = hashlib.sha1(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]
    return f"{QUEUED_PREFIX}{name}:{digest}"


def _push(name: str, payload: dict, *, once: bool) -> bool:
    url = redis_url()
    if not url or time.monotonic() < _down_until.get(url, 0):
        return False
    try:
        redis_client = client()
        job = {"name": name, "payload": payload}
        if once:
            key = _queued_key(name, payload)
            # the worker deletes the key when it takes the job, so work arriving after that queues it again
            if not redis_client.set(key, 1, nx=True, ex=3600):
                return True
            job["once"] = key
        redis_client.lpush(QUEUE, json.dumps(job))
        return True
    except Exception as exc:  # noqa: BLE001 - Redis down: the job is done another way
        _down_until[url] = time.monotonic() + REDIS_DOWN_SECONDS
        log.warning("job %s not queued: %s", name, exc)
        return False


def enqueue(name: str, **payload) -> bool:
    return _push(name, payload, once=False)


def enqueue_once(name: str, **payload) -> bool:
    """Like ``enqueue``, but a job with the same name and payload already waiting is not queued a second time."""
    return _push(name, payload, once=True)


def run_one(timeout: int = 5) -> str | None:
    """Pop one job (waiting up to ``timeout`` seconds) and run it; returns its name, or None when idle."""
    redis_client = client()
    if redis_client is None:
        raise RuntimeError("FAZHI_REDIS_URL is not set")
    item = redis_client.brpop([QUEUE], timeout=timeout)
    if item is None:
        return None
    try:
        job = json.loads(item[1])
        func = _HANDLERS[job["name"]]
    except (ValueError, KeyError, TypeError):
        log.error("unknown job %r dropped", item[1][:200])
        return "?"
    if job.get("once"):
        redis_client.delete(job["once"])
    try:
        func(**job.get("payload", {}))
    except Exception:  # noqa: BLE001 - one failing job never stops the worker
        log.exception("job %s failed", job["name"])
    return job["name"]


def load_handlers() -> None:
    """Import every app's ``jobs`` module so its handlers and daily jobs are registered."""
    import importlib
    import importlib.util

    from django.apps import apps

    for config in apps.get_app_configs():
        module = f"{config.name}.jobs"
        if config.name.startswith("fazhi.") and config.name != "fazhi.core" and importlib.util.find_spec(module):
            importlib.import_module(module)


# ---------------------------------------------------------------- daily jobs

DAILY_RUNNING_SECONDS = 3600  # a worker killed during a daily job: after this another worker may run it
DAILY_RETRY_SECONDS = 1800  # a daily job that raised is tried again after this
DAILY_DONE_SECONDS = 3 * 86400  # how long the "done" mark of a day is kept (for `redis-cli get`, then it goes)


@dataclass(frozen=True)
class DailyJob:
    name: str
    setting: str  # the setting holding the time of day, "HH:MM" (local time); "" = not run by the worker
    func: Callable[[dt.date], object]


_DAILY: dict[str, DailyJob] = {}


def daily(name: str, *, at_setting: str):
    """Register ``func(today)`` to be run by the worker once a day, at the time held by ``at_setting``."""
    def register(func):
        _DAILY[name] = DailyJob(name, at_setting, func)
        return func
    return register


def daily_jobs() -> list[DailyJob]:
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


class Scheduler:
    """Runs the daily jobs that are due, each once a day however many workers call ``tick``.

    ``clock`` gives the local time (injected in tests); ``worker_id`` only goes into the lock's value, so that
    `redis-cli get fazhi:daily:<job>:<date>` tells which worker ran it and when.
    """

    def __init__(self, redis_client, *, worker_id: str, clock: Callable[[], dt.datetime] = timezone.localtime,
                 jobs: Iterable[DailyJob] | None = None):
        self.redis = redis_client
        self.worker_id = worker_id
        self.clock = clock
        self.jobs = list(jobs) if jobs is not None else daily_jobs()
        self.times = {job.name: daily_time(job) for job in self.jobs}  # a bad setting fails here, at start

    def lock_key(self, job: DailyJob, day: dt.date) -> str:
        return f"{DAILY_PREFIX}{job.name}:{day.isoformat()}"

    def tick(self) -> list[str]:
        """Run every job whose time of day has come and that no worker has run today; returns their names."""
        ran = []
        for job in self.jobs:
            now = self.clock()
            at = self.times[job.name]
            if at is None or now.time() < at:
                continue
            key = self.lock_key(job, now.date())
            if not self.redis.set(key, f"running {self.worker_id} {now.isoformat()}", nx=True, ex=DAILY_RUNNING_SECONDS):
                continue  # another worker runs it, or has run it today
            try:
                job.func(now.date())
            except Exception:  # noqa: BLE001 - one failing daily job never stops the worker or the others
                log.exception("daily job %s failed", job.name)
                self.redis.set(key, f"failed {self.worker_id} {self.clock().isoformat()}", ex=DAILY_RETRY_SECONDS)
            else:
                self.redis.set(key, f"done {self.worker_id} {self.clock().isoformat()}", ex=DAILY_DONE_SECONDS)
            ran.append(job.name)
        return ran


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
