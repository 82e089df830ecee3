"""The job queue of one test: empty when the test starts and when it ends.

On SQLite the test database lives in memory and so does its queue (fazhi/core/jobs.py ``where``); on PostgreSQL
the queue is the SQLite file under FAZHI_DATA_DIR, named after the test database. ``job_queue.waiting()`` lists
the jobs queued, ``call_command("worker", "--once")`` runs them.
"""
from __future__ import annotations

import pytest

from fazhi.core import jobs


@pytest.fixture
def job_queue(settings, monkeypatch):
    settings.FAZHI_REDIS_URL = ""
    monkeypatch.setattr(jobs, "_down_until", {})
    jobs.load_tasks()
    jobs.queue.flush()
    yield jobs
    jobs.queue.flush()
