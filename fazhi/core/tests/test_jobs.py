"""Background jobs on the queue (fazhi/core/jobs.py, huey): queued by name, run by `fazhi worker`; a progress page
runs the same job itself when no worker runs; the queue unreachable never fails the caller."""
from __future__ import annotations

import threading
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core import jobs
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.core.tests.redis_fixture import redis_jobs  # noqa: F401 - the fixture
from fazhi.oversight.importing import Upload, start_batch
from fazhi.oversight.models import ImportItemStatus
from fazhi.oversight.tests.test_importing import REPORT


def _batch(county, supervisor):
    return start_batch(county, [Upload("a.txt", REPORT.encode()), Upload("b.txt", b"")], user=supervisor, year=None)


def _statuses(batch):
    return sorted(batch.items.values_list("status", flat=True))


@pytest.mark.django_db(transaction=True)
def test_the_worker_reads_an_uploaded_batch(job_queue, county, supervisor, capsys):
    batch = _batch(county, supervisor)
    assert jobs.enqueue("oversight.import_batch", batch_id=batch.pk)
    assert jobs.waiting() == [("oversight.import_batch", {"batch_id": batch.pk})]
    assert _statuses(batch) == [ImportItemStatus.PENDING] * 2  # nothing done by queueing
    call_command("worker", "--once")
    assert _statuses(batch) == [ImportItemStatus.DONE, ImportItemStatus.FAILED]
    assert jobs.waiting() == [] and "已处理后台任务1个" in capsys.readouterr().out


def test_without_redis_the_queue_is_a_sqlite_file_beside_the_data(settings, tmp_path, monkeypatch):
    """The embedded default: a second process (the worker) finds the jobs a web process queued in the file."""
    from django.db import connections

    monkeypatch.setattr(connections["default"], "is_in_memory_db", lambda: False, raising=False)  # a real installation
    settings.FAZHI_REDIS_URL, settings.FAZHI_QUEUE_FILE = "", str(tmp_path / "queue.sqlite3")
    calls = []
    jobs.task("test.file")(lambda **payload: calls.append(payload))
    assert jobs.where()[0] == "sqlite" and "SQLite 文件" in jobs.describe()
    assert jobs.enqueue("test.file", n=1)
    assert (tmp_path / "queue.sqlite3").exists()
    jobs.queue.forget_storages()  # as another process: a new connection to the same file
    assert jobs.waiting() == [("test.file", {"n": 1})]
    assert jobs.run_pending() == 1 and calls == [{"n": 1}]


def test_enqueue_once_keeps_one_copy_waiting_and_queues_again_once_taken(job_queue, monkeypatch):
    calls = []
    jobs.task("test.once")(lambda **payload: calls.append(payload))
    assert jobs.enqueue_once("test.once", n=1) and jobs.enqueue_once("test.once", n=1)
    assert jobs.enqueue_once("test.once", n=2)  # another payload is another job
    assert [name for name, _ in jobs.waiting()] == ["test.once"] * 2
    jobs.queue.execute(jobs.queue.dequeue())  # the worker takes the first
    assert jobs.enqueue_once("test.once", n=1)  # new work after it was taken queues it again
    assert len(jobs.waiting()) == 2
    jobs.queue.storage.flush_queue()  # a lost copy: the queue emptied by hand, its mark left behind
    assert jobs.enqueue_once("test.once", n=2) and jobs.waiting() == []  # the mark is fresh: believed waiting
    later = time.time() + jobs.ONCE_SECONDS + 1
    monkeypatch.setattr(jobs.time, "time", lambda: later)
    assert jobs.enqueue_once("test.once", n=2) and jobs.waiting() == [("test.once", {"n": 2})]  # queued again
    assert jobs.run_pending() == 1
    assert calls == [{"n": 1}, {"n": 2}]


def test_a_failing_job_does_not_stop_the_worker(job_queue):
    calls = []

    def boom(**payload):
        calls.append(payload)
        raise RuntimeError("boom")

    jobs.task("test.boom")(boom)
    jobs.task("test.fine")(lambda **payload: calls.append("fine"))
    jobs.enqueue("test.boom", n=1)
    jobs.enqueue("test.fine")
    assert jobs.run_pending() == 2 and calls == [{"n": 1}, "fine"]


def test_an_unknown_job_name_is_a_programming_error(job_queue):
    with pytest.raises(KeyError):
        jobs.enqueue("no.such.job")


def test_redis_down_never_fails_the_caller_and_is_not_tried_again_for_a_while(settings, monkeypatch, db):
    """A Redis that refuses or hangs costs one request a short wait, not every request."""
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    tries = []
    real = jobs.queue.put_if_empty
    monkeypatch.setattr(jobs.queue, "put_if_empty", lambda *a, **kw: tries.append(1) or real(*a, **kw))
    assert jobs.enqueue_once("disclosure.send_pending_emails") is False
    assert jobs.enqueue("oversight.import_batch", batch_id=1) is False
    assert jobs.enqueue_once("disclosure.send_pending_emails") is False and len(tries) == 1
    assert jobs.consumer_alive() is False  # so a page does the work itself
    monkeypatch.setattr(jobs.time, "monotonic", lambda: 10**9)  # REDIS_DOWN_SECONDS later
    assert jobs.enqueue_once("disclosure.send_pending_emails") is False and len(tries) == 2


@pytest.mark.django_db(transaction=True)
def test_a_page_runs_the_job_itself_when_no_worker_runs_and_leaves_it_to_one_that_does(job_queue, county,
                                                                                      supervisor, monkeypatch):
    batch = _batch(county, supervisor)
    assert jobs.run_here_unless_consumed("oversight.import_batch", batch_id=batch.pk, budget_seconds=30) is True
    assert _statuses(batch) == [ImportItemStatus.DONE, ImportItemStatus.FAILED] and jobs.waiting() == []

    second = _batch(county, supervisor)
    jobs.beat()  # a worker is running
    for _ in range(3):  # the page polls
        assert jobs.run_here_unless_consumed("oversight.import_batch", batch_id=second.pk, budget_seconds=30) is False
    assert _statuses(second) == [ImportItemStatus.PENDING] * 2
    assert jobs.waiting() == [("oversight.import_batch", {"batch_id": second.pk})]  # once, for the worker

    gone = time.time() + jobs.CONSUMER_GONE_SECONDS + 1  # the worker stopped
    monkeypatch.setattr(jobs.time, "time", lambda: gone)
    assert jobs.run_here_unless_consumed("oversight.import_batch", batch_id=second.pk, budget_seconds=30) is True
    assert ImportItemStatus.PENDING not in _statuses(second)  # read (the same report again: a duplicate)


@pytest.mark.django_db(transaction=True)
def test_the_worker_is_hueys_consumer_and_tells_the_pages_it_runs(job_queue, county, supervisor):
    from fazhi.core.management.commands.worker import FazhiConsumer

    batch = _batch(county, supervisor)
    consumer = FazhiConsumer(jobs.queue, workers=1, periodic=False, worker_type="thread", initial_delay=0.05)
    consumer.start()
    try:
        deadline = time.monotonic() + 10
        while not jobs.consumer_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert jobs.consumer_alive()
        jobs.enqueue("oversight.import_batch", batch_id=batch.pk)
        while ImportItemStatus.PENDING in _statuses(batch) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        consumer.stop(graceful=True)
        for _worker, thread in consumer.worker_threads:
            thread.join(5)
        consumer.scheduler.join(5)
    assert _statuses(batch) == [ImportItemStatus.DONE, ImportItemStatus.FAILED]
    assert not [t for t in threading.enumerate() if t.name.startswith("Worker-")]


@pytest.mark.django_db(transaction=True)
def test_on_redis_the_worker_runs_what_a_web_process_queued(redis_jobs, county, supervisor):
    batch = _batch(county, supervisor)
    assert jobs.where()[0] == "redis"
    assert jobs.enqueue_once("oversight.import_batch", batch_id=batch.pk)
    assert jobs.enqueue_once("oversight.import_batch", batch_id=batch.pk)
    assert jobs.waiting() == [("oversight.import_batch", {"batch_id": batch.pk})]
    call_command("worker", "--once")
    assert _statuses(batch) == [ImportItemStatus.DONE, ImportItemStatus.FAILED]


def test_the_worker_says_why_it_cannot_reach_redis(settings, monkeypatch, db):
    monkeypatch.setattr(jobs, "_down_until", {})
    settings.FAZHI_REDIS_URL = "redis://127.0.0.1:1/0"
    with pytest.raises(CommandError, match="无法连接 Redis 队列"):
        call_command("worker", "--once")
