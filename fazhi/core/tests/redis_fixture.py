"""The real Redis on 127.0.0.1:6379 for job tests, with a queue and key prefix of the test's own.

Tests of other engineers may use Redis at the same time: every key this fixture's test makes starts with
``fazhi:test:<random>:``, and all of them are deleted afterwards. Without Redis the test is skipped loudly.
"""
from __future__ import annotations

import uuid
import warnings

import pytest

from fazhi.core import jobs

REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own


@pytest.fixture
def redis_jobs(settings, monkeypatch):
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        warnings.warn("Redis 不可用（127.0.0.1:6379）：跳过后台任务测试")
        pytest.skip("Redis not running on 127.0.0.1:6379")
    prefix = f"fazhi:test:{uuid.uuid4().hex[:12]}:"
    monkeypatch.setattr(jobs, "QUEUE", f"{prefix}jobs")
    monkeypatch.setattr(jobs, "QUEUED_PREFIX", f"{prefix}queued:")
    monkeypatch.setattr(jobs, "DAILY_PREFIX", f"{prefix}daily:")
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = REDIS_URL
    yield client
    keys = list(client.scan_iter(f"{prefix}*"))
    if keys:
        client.delete(*keys)
