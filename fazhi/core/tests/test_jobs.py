"""Background jobs through Redis: an upload's batch is read by the worker; without Redis, or with Redis down,
nothing fails (the page advances the batch itself)."""
from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core import jobs
from fazhi.core.tests.redis_fixture import redis_jobs  # noqa: F401 - the fixture
from fazhi.oversight.importing import Upload, start_batch
from fazhi.oversight.models import ImportItemStatus
from fazhi.oversight.tests.test_importing import REPORT


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


def test_redis_down_never_fails_the_caller(settings, monkeypatch):
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    assert jobs.enqueue("oversight.import_batch", batch_id=1) is False
    assert jobs.enqueue_once("disclosure.send_pending_emails") is False


def test_after_one_failure_redis_is_not_tried_again_for_a_while(settings, monkeypatch):
    """A Redis that hangs costs one request one second, not every request a second."""
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"
    tries = []
    real_client = jobs.client
    monkeypatch.setattr(jobs, "client", lambda: tries.append(1) or real_client())
    assert jobs.enqueue("x") is False and jobs.enqueue("x") is False and jobs.enqueue_once("y") is False
    assert len(tries) == 1
    monkeypatch.setattr(jobs.time, "monotonic", lambda: 10**9)  # REDIS_DOWN_SECONDS later
    assert jobs.enqueue("x") is False and len(tries) == 2


def test_enqueue_once_keeps_one_copy_waiting_and_queues_again_once_taken(redis_jobs, db):
    calls = []

    @jobs.handler("test.once")
    def once(**payload):
        calls.append(payload)

    assert jobs.enqueue_once("test.once", n=1) and jobs.enqueue_once("test.once", n=1)
    assert jobs.enqueue_once("test.once", n=2)  # another payload is another job
    assert redis_jobs.llen(jobs.QUEUE) == 2
    assert jobs.run_one(timeout=1) == "test.once"
    assert jobs.enqueue_once("test.once", n=1)  # taken by the worker: new work queues it again
    assert redis_jobs.llen(jobs.QUEUE) == 2
    while jobs.run_one(timeout=1):
        pass
    assert calls == [{"n": 1}, {"n": 2}, {"n": 1}]


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
