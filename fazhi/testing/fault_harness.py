"""Fault harness against a real gunicorn: a public application interrupted mid-transaction, by a killed worker
or a killed database connection, leaves no half-saved record and no numbering gap; the user is told clearly;
a retry with the same Idempotency-Key stores the application exactly once.

Used by ``fazhi/core/tests/test_fault_harness.py`` (inside ``make test``, on SQLite and PostgreSQL) and by
``bench/faults.py`` (``make bench-faults``, PostgreSQL with the full demo data).

The server is another process, so it needs its own scratch database with committed data, and this module
reads that database directly (psycopg or sqlite3), never through the caller's Django connection.

How a submission is held mid-transaction:

- PostgreSQL: the harness locks the township's tracking-number counter row (``FOR UPDATE``); the worker's
  transaction waits on that lock. The harness sees it waiting through ``pg_blocking_pids``.
- SQLite (rollback journal): the harness keeps a read transaction open (a SHARED lock). The worker's
  transaction takes its write lock, writes the counter, the application and its event, then waits at
  COMMIT for the readers to finish (within the busy timeout, 20 s in fazhi/settings.py). The harness sees
  it waiting when a fresh reader is refused ("database is locked": the worker holds the PENDING lock).

Scratch schema: ``prepare_database(..., create_schema=True)`` builds the tables straight from the models
(``migrate --run-syncdb`` with migrations turned off), seconds instead of the minute or two the full
migration history takes; the project's only data migration rewrites existing rows, so nothing is lost.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TIME_ZONE = "Asia/Shanghai"  # fazhi/settings.py: the year a tracking number belongs to
SQLITE_FILE = "fazhi.sqlite3"  # fazhi/settings.py: the embedded database under FAZHI_DATA_DIR
LABELS = {"worker": "工作进程被杀", "connection": "数据库连接被断"}
# Settings that choose the database, cache or mail server: a scratch server never inherits the caller's.
_SELECTING = ("DATABASE_URL", "DB_CONN_MAX_AGE", "DJANGO_SETTINGS_MODULE")


def local_year() -> int:
    return dt.datetime.now(ZoneInfo(TIME_ZONE)).year


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------- scratch databases

def scratch_name(prefix: str = "fazhi_faults") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _server_and_name(url: str) -> tuple[str, str]:
    base, name = url.rsplit("/", 1)
    return base + "/postgres", name


def create_postgres_database(url: str, *, replace: bool = False) -> None:
    """Create the database the URL names (on the same server, through its ``postgres`` database)."""
    import psycopg
    from psycopg import sql

    admin_url, name = _server_and_name(url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        if replace:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    admin_url, name = _server_and_name(url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def server_env(*, database_url: str | None, data_dir: Path, base: Mapping[str, str] | None = None,
               **overrides: str) -> dict[str, str]:
    """The environment of a production-mode server on plain HTTP with no rate limit.

    ``database_url=None`` is the embedded SQLite file ``data_dir/fazhi.sqlite3`` (the settings' own SQLite
    options: busy timeout, IMMEDIATE transactions). ``base`` defaults to this process's environment
    without any FAZHI_* setting (so a test run's FAZHI_TEST_POSTGRES, Redis or mail server stays out).
    """
    if base is None:
        base = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    # PYTEST_XDIST_WORKER would move the server's data directory under a worker's (fazhi/settings.py)
    env = {k: v for k, v in base.items()
           if k not in _SELECTING and k != "PYTEST_XDIST_WORKER" and not k.startswith("FAZHI_TEST_POSTGRES")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_ENV": "production",
        "SECRET_KEY": "faults-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1", "FAZHI_HTTPS": "false",
        "FAZHI_PUBLIC_RATE_LIMIT": "0", "FAZHI_DATA_DIR": str(data_dir), "DB_CONN_MAX_AGE": "0",
    })
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(overrides)
    return env


def prepare_database(env: Mapping[str, str], township: str, *, create_schema: bool) -> None:
    """In a child process with ``env``: optionally create the tables, then make sure ``township`` exists
    (with a county above it) and has a tracking-number counter for this year (the row PostgreSQL locks)."""
    args = [sys.executable, "-m", "fazhi.testing.fault_harness", "prepare", township]
    done = subprocess.run(args + (["--create-schema"] if create_schema else []), env=dict(env), cwd=ROOT,
                          capture_output=True, text=True, timeout=900, check=False)
    if done.returncode:
        raise RuntimeError(f"准备数据库失败（{done.returncode}）：\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def _prepare(township: str, create_schema: bool) -> None:
    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command

    if create_schema:
        settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
        call_command("migrate", run_syncdb=True, verbosity=0)
    from django.utils import timezone

    from fazhi.core import numbering
    from fazhi.core.models import NumberCounter, Organisation, OrgKind

    org = Organisation.objects.filter(code=township).first()
    if org is None:
        county = Organisation.objects.create(code=f"{township}-C", name="故障测试县", kind=OrgKind.COUNTY)
        org = Organisation.objects.create(code=township, name="故障测试镇", kind=OrgKind.TOWNSHIP, parent=county)
    NumberCounter.objects.get_or_create(organisation=org, series=numbering.DISCLOSURE_REQUEST,
                                        year=timezone.localdate().year)


# ---------------------------------------------------------------- the server

class Server:
    """``gunicorn fazhi.wsgi:application`` with sync workers on 127.0.0.1; use as a context manager."""

    def __init__(self, env: Mapping[str, str], *, port: int | None = None, workers: int = 1,
                 log_path: Path | None = None):
        self.env, self.port, self.workers, self.log_path = dict(env), port or free_port(), workers, log_path
        self.chosen_port = port is not None
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, *, timeout: float = 90) -> None:
        for attempt in range(3):
            self._spawn()
            try:
                self.wait_until_up(timeout=timeout)
                return
            except RuntimeError:  # exited: another process may have taken the free port meanwhile
                if self.chosen_port or attempt == 2 or "Connection in use" not in self.log_tail():
                    raise
                self.port = free_port()
            except BaseException:
                self.stop()
                raise

    def _spawn(self) -> None:
        gunicorn = BIN / "gunicorn" if (BIN / "gunicorn").exists() else Path(shutil.which("gunicorn") or "gunicorn")
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115 - closed below
        try:
            self.process = subprocess.Popen(
                [str(gunicorn), "fazhi.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers",
                 str(self.workers), "--worker-class", "sync", "--timeout", "120", "--graceful-timeout", "5"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        finally:
            if self.log_path:
                log.close()

    def log_tail(self, chars: int = 3000) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return self.log_path.read_text("utf-8", "replace")[-chars:]

    def wait_until_up(self, *, timeout: float = 90) -> None:
        """Until a worker answers ``GET /ping`` with 200 (after a kill: until gunicorn's new worker does)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn 已退出（{self.process.returncode}）：\n{self.log_tail()}")
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                conn.request("GET", "/ping")
                if conn.getresponse().status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            finally:
                conn.close()
            time.sleep(0.2)
        raise TimeoutError(f"gunicorn 在 {timeout:.0f} 秒内没有应答 /ping：\n{self.log_tail()}")

    def worker_pids(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True,
                               check=False).stdout
        return [int(pid) for pid in found.split()]

    def kill_workers(self, *, timeout: float = 10) -> list[int]:
        """SIGKILL every worker (the master stays and starts new ones); returns once they are gone."""
        killed = self.worker_pids()
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + timeout
        while set(killed) & set(self.worker_pids()):
            if time.monotonic() > deadline:
                raise TimeoutError(f"被杀的工作进程 {killed} 仍在")
            time.sleep(0.05)
        return killed

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # its own session: the master and its workers only
            self.process.wait(timeout=10)


# ---------------------------------------------------------------- the client

@dataclass
class Reply:
    status: int | None  # None: the connection closed without an answer
    text: str

    @property
    def tracking_number(self) -> str | None:
        try:
            return json.loads(self.text).get("tracking_number")
        except (ValueError, AttributeError):
            return None


def submit(port: int, key: str, township: str, *, timeout: float = 60) -> Reply:
    """POST /api/public/disclosure-requests for ``township`` with ``Idempotency-Key: key``."""
    body = {"organisation": township, "applicant_type": "natural", "applicant_name": "故障测试",
            "contact": "13811112222", "description": f"故障测试申请 {key}"}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/api/public/disclosure-requests", body=json.dumps(body, ensure_ascii=False).encode(),
                     headers={"Content-Type": "application/json", "Idempotency-Key": key})
        response = conn.getresponse()
        return Reply(response.status, response.read().decode("utf-8", "replace"))
    except (OSError, http.client.HTTPException) as exc:
        return Reply(None, f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()


# ---------------------------------------------------------------- reading the scratch database

class Store:
    """Direct reads of the scratch database; ``hold`` keeps a submission waiting mid-transaction."""

    placeholder = "%s"

    def _rows(self, query: str, params: tuple = ()) -> list[tuple]:
        raise NotImplementedError

    def hold(self, township: str, year: int) -> contextlib.AbstractContextManager:
        raise NotImplementedError

    def _one(self, query: str, params: tuple = ()):
        rows = self._rows(query.replace("%s", self.placeholder), params)
        return rows[0][0] if rows else None

    def total(self) -> int:
        return self._one("SELECT count(*) FROM disclosure_disclosurerequest")

    def stored(self, key: str) -> int:
        return self._one("SELECT count(*) FROM disclosure_disclosurerequest WHERE idempotency_key = %s", (key,))

    def counter_last(self, township: str, year: int) -> int:
        return self._one("SELECT c.last FROM core_numbercounter c JOIN core_organisation o "
                         "ON o.id = c.organisation_id WHERE o.code = %s AND c.year = %s "
                         "AND c.series = 'disclosure-request'", (township, year)) or 0

    def sequences(self, township: str, year: int) -> list[int]:
        query = ("SELECT r.sequence FROM disclosure_disclosurerequest r JOIN core_organisation o ON o.id = "
                 "r.organisation_id WHERE o.code = %s AND r.year = %s ORDER BY r.sequence")
        return [row[0] for row in self._rows(query.replace("%s", self.placeholder), (township, year))]

    def gap_free(self, township: str, year: int) -> bool:
        sequences = self.sequences(township, year)
        return sequences == list(range(1, len(sequences) + 1))


class PostgresStore(Store):
    def __init__(self, url: str):
        self.url = url

    def _rows(self, query, params=()):
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            return conn.execute(query, params).fetchall()

    @contextlib.contextmanager
    def hold(self, township, year) -> Iterator[_PostgresHold]:
        held = _PostgresHold(self.url, township, year)
        try:
            yield held
        finally:
            held.release()


class _PostgresHold:
    def __init__(self, url: str, township: str, year: int):
        import psycopg

        self.lock = psycopg.connect(url)  # one open transaction until release()
        self.watch = psycopg.connect(url, autocommit=True)  # a fresh snapshot of pg_stat_activity per query
        found = self.lock.execute(
            "SELECT 1 FROM core_numbercounter c JOIN core_organisation o ON o.id = c.organisation_id "
            "WHERE o.code = %s AND c.year = %s AND c.series = 'disclosure-request' FOR UPDATE OF c",
            (township, year)).fetchall()
        if not found:
            self.release()
            raise LookupError(f"{township} 没有 {year} 年的编号计数行（先运行 prepare_database）")

    def waiting(self) -> list[int]:
        rows = self.watch.execute("SELECT pid FROM pg_stat_activity WHERE %s = ANY(pg_blocking_pids(pid))",
                                  (self.lock.info.backend_pid,)).fetchall()
        return [row[0] for row in rows]

    def wait_until_blocked(self, timeout: float = 30) -> None:
        _poll(lambda: bool(self.waiting()), timeout, "提交没有在编号计数行的锁上等待")

    def kill_connections(self) -> None:
        """pg_terminate_backend on the waiting worker's connection, as a crashed or restarted server would."""
        for pid in self.waiting():
            self.watch.execute("SELECT pg_terminate_backend(%s)", (pid,))

    def release(self) -> None:
        for conn in (self.lock, self.watch):
            with contextlib.suppress(Exception):
                conn.rollback()
                conn.close()


class SqliteStore(Store):
    placeholder = "?"

    def __init__(self, path: Path):
        self.path = Path(path)

    def _rows(self, query, params=()):
        conn = sqlite3.connect(self.path, timeout=20)
        try:
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    @contextlib.contextmanager
    def hold(self, township, year) -> Iterator[_SqliteHold]:
        held = _SqliteHold(self.path)
        try:
            yield held
        finally:
            held.release()


class _SqliteHold:
    """The read transaction runs in a child process: SQLite shares one process's locks between its
    connections, so a reader in this process could not see the worker's PENDING lock."""

    READER = ("import sqlite3, sys\n"
              "conn = sqlite3.connect(sys.argv[1], timeout=20, isolation_level=None)\n"
              "conn.execute('BEGIN')\n"
              "conn.execute('SELECT count(*) FROM core_numbercounter').fetchall()  # SHARED from here\n"
              "print('held', flush=True)\n"
              "sys.stdin.readline()\n"
              "conn.execute('ROLLBACK')\n")

    def __init__(self, path: Path):
        self.path = path
        self.reader = subprocess.Popen([sys.executable, "-c", self.READER, str(path)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True)
        if self.reader.stdout.readline().strip() != "held":
            self.release()
            raise RuntimeError(f"无法在 {path} 上保持读事务")

    def _writer_at_commit(self) -> bool:
        probe = sqlite3.connect(self.path, timeout=0)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchall()
            return False
        except sqlite3.OperationalError as exc:  # a writer holds PENDING: it has written and waits to commit
            return "locked" in str(exc)
        finally:
            probe.close()

    def wait_until_blocked(self, timeout: float = 30) -> None:
        _poll(self._writer_at_commit, timeout, "提交没有在 COMMIT 处等待读锁")

    def kill_connections(self) -> None:
        raise NotImplementedError("SQLite 是进程内的数据库文件，没有可以切断的数据库连接")

    def release(self) -> None:
        with contextlib.suppress(Exception):
            self.reader.communicate("\n", timeout=10)
        if self.reader.poll() is None:
            self.reader.kill()
            self.reader.wait()


def store_for(env: Mapping[str, str]) -> Store:
    if env.get("DATABASE_URL"):
        return PostgresStore(env["DATABASE_URL"])
    return SqliteStore(Path(env["FAZHI_DATA_DIR"]) / SQLITE_FILE)


def _poll(condition, timeout: float, failure: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{failure}（{timeout:.0f} 秒）")
        time.sleep(0.05)


# ---------------------------------------------------------------- one interrupted submission

@dataclass
class Scenario:
    interruption: str  # "worker" or "connection"
    key: str
    first: Reply
    stored_after_interruption: int
    retry: Reply
    again: Reply
    stored_after_retry: int
    killed: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.interruption]

    def problems(self) -> list[str]:
        """What went wrong, in words; empty when the user was told clearly and the retry stored it once."""
        found = []
        if self.interruption == "worker" and self.first.status is not None:
            found.append(f"工作进程被杀后客户端仍收到了回答 {self.first.status}（应为连接被关闭）")
        if self.interruption == "connection" and not (self.first.status == 503 and "没有保存" in self.first.text):
            found.append(f"连接被断后应回答 503 并说明“没有保存”，实际：{self.first.status} {self.first.text[:200]}")
        if self.stored_after_interruption != 0:
            found.append(f"中断后库中该申请 {self.stored_after_interruption} 件（应为 0）")
        if self.retry.status != 201:
            found.append(f"同一幂等键重试应为 201，实际：{self.retry.status} {self.retry.text[:200]}")
        if self.again.status != 200 or self.again.tracking_number != self.retry.tracking_number:
            found.append(f"再次重复应为 200 且编号相同（{self.retry.tracking_number}），"
                         f"实际：{self.again.status} {self.again.tracking_number}")
        if self.stored_after_retry != 1:
            found.append(f"重试后库中该申请 {self.stored_after_retry} 件（应为 1）")
        return found


def interrupted_submission(server: Server, store: Store, township: str, interruption: str, *,
                           year: int | None = None, timeout: float = 60) -> Scenario:
    """Submit, hold the submission mid-transaction, interrupt it (``"worker"``: SIGKILL the gunicorn worker;
    ``"connection"``: pg_terminate_backend its database connection), then retry twice with the same key."""
    if interruption not in LABELS:
        raise ValueError(interruption)
    key, replies, killed = uuid.uuid4().hex, {}, []
    client = threading.Thread(target=lambda: replies.update(first=submit(server.port, key, township, timeout=timeout)),
                              daemon=True)
    with store.hold(township, year or local_year()) as held:
        client.start()
        held.wait_until_blocked(timeout=timeout / 2)
        if interruption == "worker":
            killed = server.kill_workers()
        else:
            held.kill_connections()
    client.join(timeout=timeout)
    first = replies.get("first") or Reply(None, f"客户端在 {timeout:.0f} 秒内没有收到回答")
    server.wait_until_up()  # after a kill: gunicorn's new worker
    stored = store.stored(key)
    retry = submit(server.port, key, township, timeout=timeout)
    again = submit(server.port, key, township, timeout=timeout)
    return Scenario(interruption, key, first, stored, retry, again, store.stored(key), killed)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m fazhi.testing.fault_harness")
    commands = parser.add_subparsers(dest="command", required=True)
    prepare = commands.add_parser("prepare", help="建表（可选）并确保有该乡镇和今年的编号计数行")
    prepare.add_argument("township")
    prepare.add_argument("--create-schema", action="store_true")
    args = parser.parse_args(argv)
    _prepare(args.township, args.create_schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
