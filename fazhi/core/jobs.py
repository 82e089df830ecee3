"""Background jobs through Redis, when Redis is configured; never required, never failing a user's action.

``enqueue("name", **payload)`` pushes a job on a Redis list and returns True, or returns False when no Redis is
configured or Redis cannot be reached — the caller then relies on the work being done another way (an import
batch is also advanced by the page that shows its progress, reminders by the daily command). ``fazhi worker``
pops jobs and runs the handler registered under their name. Jobs must be idempotent: a job may run twice
(a page and a worker may both advance one batch) and work lost with a killed worker is picked up again.
"""
from __future__ import annotations

import json
import logging
from typing import Callable

from django.conf import settings

log = logging.getLogger(__name__)
QUEUE = "fazhi:jobs"
_HANDLERS: dict[str, Callable[..., object]] = {}


def handler(name: str):
    def register(func):
        _HANDLERS[name] = func
        return func
    return register


def _client():
    url = getattr(settings, "FAZHI_REDIS_URL", "")
    if not url:
        return None
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)


def enqueue(name: str, **payload) -> bool:
    try:
        client = _client()
        if client is None:
            return False
        client.lpush(QUEUE, json.dumps({"name": name, "payload": payload}))
        return True
    except Exception as exc:  # noqa: BLE001 - Redis down: the job is done another way
        log.warning("job %s not queued: %s", name, exc)
        return False


def run_one(timeout: int = 5) -> str | None:
    """Pop one job (waiting up to ``timeout`` seconds) and run it; returns its name, or None when idle."""
    client = _client()
    if client is None:
        raise RuntimeError("FAZHI_REDIS_URL is not set")
    item = client.brpop([QUEUE], timeout=timeout)
    if item is None:
        return None
    try:
        job = json.loads(item[1])
        func = _HANDLERS[job["name"]]
    except (ValueError, KeyError, TypeError):
        log.error("unknown job %r dropped", item[1][:200])
        return "?"
    try:
        func(**job.get("payload", {}))
    except Exception:  # noqa: BLE001 - one failing job never stops the worker
        log.exception("job %s failed", job["name"])
    return job["name"]


def load_handlers() -> None:
    """Import every app's ``jobs`` module so its handlers are registered."""
    import importlib
    import importlib.util

    from django.apps import apps

    for config in apps.get_app_configs():
        module = f"{config.name}.jobs"
        if config.name.startswith("fazhi.") and config.name != "fazhi.core" and importlib.util.find_spec(module):
            importlib.import_module(module)
