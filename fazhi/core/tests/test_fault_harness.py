"""A real gunicorn (one sync worker) on a scratch database: a public application interrupted mid-transaction
leaves nothing half-saved, the user is told clearly, and a retry with the same Idempotency-Key stores it once.

- Worker killed (SIGKILL) while its transaction waits: the client sees the connection close, 0 rows.
- Database connection killed (pg_terminate_backend, PostgreSQL only): 503 "……没有保存……", 0 rows.
- Then: retry → 201 and exactly one row; repeat → 200 with the same tracking number; numbering gap-free.

The scratch database is not pytest-django's test database (the server is another process and must see
committed data): a uniquely named PostgreSQL database, or a SQLite file in a temporary folder. The harness
is fazhi/testing/fault_harness.py (bench/faults.py runs it on the full demo data).
"""
from __future__ import annotations

import pytest
from django.conf import settings

from fazhi.testing import fault_harness as harness

TOWNSHIP = "FLT01"
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _scratch_postgres_url() -> str:
    db = settings.DATABASES["default"]
    login = db.get("USER") or "postgres"
    if db.get("PASSWORD"):
        login += f":{db['PASSWORD']}"
    return f"postgres://{login}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{harness.scratch_name()}"


@pytest.fixture(scope="module")
def fault_server(tmp_path_factory):
    """gunicorn on a free port against a freshly prepared scratch database; always stopped and dropped."""
    data_dir = tmp_path_factory.mktemp("fault-harness")
    url = _scratch_postgres_url() if ON_POSTGRES else None
    if url:
        harness.create_postgres_database(url)
    try:
        env = harness.server_env(database_url=url, data_dir=data_dir)
        harness.prepare_database(env, TOWNSHIP, create_schema=True)
        with harness.Server(env, log_path=data_dir / "gunicorn.log") as server:
            yield server, harness.store_for(env)
    finally:
        if url:
            harness.drop_postgres_database(url)


def _check(fault_server, interruption: str) -> harness.Scenario:
    server, store = fault_server
    run = harness.interrupted_submission(server, store, TOWNSHIP, interruption)
    assert run.problems() == [], f"{run}\n--- gunicorn log ---\n{server.log_tail()}"
    assert run.stored_after_interruption == 0 and run.stored_after_retry == 1
    assert (run.retry.status, run.again.status) == (201, 200)
    assert run.retry.tracking_number and run.again.tracking_number == run.retry.tracking_number
    year = harness.local_year()
    assert store.gap_free(TOWNSHIP, year), store.sequences(TOWNSHIP, year)
    return run


def test_a_worker_killed_mid_submission_saves_nothing_and_the_retry_saves_once(fault_server):
    run = _check(fault_server, "worker")
    assert run.first.status is None and run.killed  # the connection closed: no answer at all


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite 是进程内的数据库文件，没有可切断的数据库连接（此项只在 PostgreSQL 上运行）")
def test_a_database_connection_killed_mid_submission_answers_503_and_saves_nothing(fault_server):
    run = _check(fault_server, "connection")
    assert run.first.status == 503 and "没有保存" in run.first.text
