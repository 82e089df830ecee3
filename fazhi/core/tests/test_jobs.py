"""Background jobs through Redis: an upload's batch is read by the worker; without Redis, or with Redis down,
nothing fails (the page advances the batch itself)."""
from __future__ import annotations

import warnings

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core import jobs
from fazhi.oversight.importing import Upload, start_batch
from fazhi.oversight.models import ImportItemStatus
from fazhi.oversight.tests.test_importing import REPORT

REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own


@pytest.fixture
def redis_jobs(settings):
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.delete(jobs.QUEUE)
    except redis.exceptions.ConnectionError:
        warnings.warn("Redis 不可用（127.0.0.1:6379）：跳过后台任务测试")
        pytest.skip("Redis not running")
    settings.FAZHI_REDIS_URL = REDIS_URL
    yield client
    client.delete(jobs.QUEUE)


@pytest.mark.django_db(transaction=True)
def test_the_worker_reads_an_uploaded_batch(redis_jobs, county, supervisor):
    batch = start_batch(county, [Upload("a.txt", REPORT.encode()), Upload("b.txt", b"")], user=supervisor, year=None)
    assert jobs.enqueue("oversight.import_batch", batch_id=batch.pk)
    call_command("worker", "--once")
    statuses = sorted(batch.items.values_list("status", flat=True))
    assert statuses == [ImportItemStatus.DONE, ImportItemStatus.FAILED]


def test_without_redis_nothing_is_queued_and_the_worker_says_why(settings):
    settings.FAZHI_REDIS_URL = ""
    assert jobs.enqueue("oversight.import_batch", batch_id=1) is False
    with pytest.raises(CommandError, match="未设置 FAZHI_REDIS_URL"):
        call_command("worker", "--once")


def test_redis_down_never_fails_the_caller(settings):
    settings.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    assert jobs.enqueue("oversight.import_batch", batch_id=1) is False


def test_an_unknown_or_failing_job_does_not_stop_the_worker(redis_jobs, db):
    calls = []

    @jobs.handler("test.boom")
    def boom(**payload):
        calls.append(payload)
        raise RuntimeError("boom")

    redis_jobs.lpush(jobs.QUEUE, "not json")
    jobs.enqueue("test.boom", n=1)
    assert jobs.run_one(timeout=1) == "?"
    assert jobs.run_one(timeout=1) == "test.boom" and calls == [{"n": 1}]
    assert jobs.run_one(timeout=1) is None
