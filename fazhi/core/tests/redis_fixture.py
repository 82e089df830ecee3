"""The real Redis on 127.0.0.1:6379 as the job queue, with a queue name of the test's own.

Tests of other engineers may use Redis at the same time: this test's queue is named ``fazhi-test-<random>`` in a
database of its own, and everything in it is deleted afterwards. Without Redis the test is skipped loudly.
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
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = REDIS_URL
    settings.FAZHI_QUEUE_NAME = f"fazhi-test-{uuid.uuid4().hex[:12]}"
    jobs.load_tasks()
    yield client
    jobs.queue.flush()
