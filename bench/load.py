"""Load test: the public portal and the public application API under 100 concurrent clients, against gunicorn
on loopback, on PostgreSQL. Prints requests/s beside the floor of an empty view measured in the same run, and
the CPU time spent per request in each phase, from /proc: by the app server (whatever else the machine is doing)
and by PostgreSQL (every postgres process of the machine). Then checks the database: every accepted application
stored once, none lost, none duplicated, tracking numbers gap-free.

    make bench-load                       # or: .venv/bin/python bench/load.py --clients 100 --seconds 60

Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/fazhi_load; the database is
created afresh). Nothing here is a test: it prints figures (see bench/RESULTS.md).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TOWNSHIPS = ("SFX01", "SFX02", "SFX03")
# Every public portal page, with its share of the mix; the rest (30 %) is the public application API.
PAGES = (
    (0.22, "/portal/{code}/"), (0.08, "/portal/"), (0.08, "/portal/{code}/documents/"),
    (0.08, "/portal/{code}/decisions/"), (0.08, "/portal/{code}/consultations/"), (0.08, "/portal/{code}/enforcement/"),
    (0.04, "/portal/{code}/apply/"), (0.04, "/portal/track/"),
)


def sh(*args, env):
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def fresh_database(url: str, env: dict) -> str:
    """A fresh copy of the demo database: cloned from a template kept beside it (a second run takes seconds),
    built once with migrate + demo whenever the migrations or the demo generator change."""
    import hashlib

    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    digest = hashlib.sha1()
    for path in sorted([*ROOT.glob("fazhi/*/migrations/*.py"), *ROOT.glob("fazhi/demo/**/*.py")]):
        digest.update(path.name.encode() + path.read_bytes())
    template = f"{name}_tpl_{digest.hexdigest()[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (template,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            return "（复用演示数据模板）"
        conn.execute(f'CREATE DATABASE "{name}"')
    sh(str(BIN / "fazhi"), "migrate", "--noinput", "-v0", env=env)
    sh(str(BIN / "fazhi"), "demo", env=env)
    with psycopg.connect(admin, autocommit=True) as conn:
        for (old,) in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (f"{name}_tpl_%",)).fetchall():
            conn.execute(f'DROP DATABASE "{old}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    return "（新建演示数据，并存为模板）"


class Client(threading.Thread):
    """One simulated user with its own keep-alive connection, looping over a realistic mix until ``stop``."""

    def __init__(self, port: int, stop: threading.Event, mix: str, results: list, seed: int):
        super().__init__(daemon=True)
        self.port, self.stop, self.mix, self.results, self.rng = port, stop, mix, results, random.Random(seed)
        self.conn = None

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        payload = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        headers = {"Content-Type": "application/json", **(headers or {})} if payload else dict(headers or {})
        started = time.perf_counter()
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.conn.request(method, path, body=payload, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                self.results.append((self.mix, path.split("?")[0][:40], response.status, time.perf_counter() - started))
                return response.status, data
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 2:
                    self.results.append((self.mix, path[:40], 599, time.perf_counter() - started))
                    return 599, b""
        return 599, b""

    def run(self):
        while not self.stop.is_set():
            if self.mix == "floor":
                self.request("GET", "/ping")
                continue
            code = self.rng.choice(TOWNSHIPS)
            if self.mix == "warm":
                self.request("GET", self.rng.choice(PAGES)[1].format(code=code))
                continue
            roll = self.rng.random()
            for share, path in PAGES:
                if roll < share:
                    self.request("GET", path.format(code=code))
                    break
                roll -= share
            else:
                self.apply(code)

    def apply(self, code: str):
        key = uuid.uuid4().hex
        body = {"organisation": code, "applicant_type": "natural", "applicant_name": "压力测试",
                "contact": f"139{self.rng.randrange(10**8):08d}", "description": f"压力测试申请 {key}"}
        status, data = self.request("POST", "/api/public/disclosure-requests", body, {"Idempotency-Key": key})
        if status == 201:
            number = json.loads(data)["tracking_number"]
            APPLIED.append((key, number))
            if self.rng.random() < 0.2:  # a client retrying the same submission must get the same application
                again, data2 = self.request("POST", "/api/public/disclosure-requests", body, {"Idempotency-Key": key})
                RETRIES.append((number, json.loads(data2).get("tracking_number") if again in (200, 201) else None))
            if self.rng.random() < 0.3:  # the applicant looks up the progress with number + phone
                self.request("GET", f"/api/public/disclosure-requests/{number}?contact={body['contact']}")


APPLIED: list[tuple[str, str]] = []
RETRIES: list[tuple[str, str | None]] = []


def wait_until_serving(port: int) -> None:
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/ping")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("服务器未能启动，见 var/bench-load/gunicorn.log")


TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int, children_too: bool = False) -> float:
    """CPU time of a process (user + system) from /proc; with ``children_too`` also that of its reaped children."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children_too else 0)
    return ticks / TICK


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            pass
    return out


def server_cpu(master: int) -> float:
    """CPU seconds used so far by the app server: gunicorn's master, its live workers and the workers it has reaped."""
    return _cpu_seconds(master, children_too=True) + sum(_cpu_seconds(pid) for pid in _children(master))


def database_cpu() -> float:
    """CPU seconds used so far by PostgreSQL's live processes (the postmaster, one backend per connection, helpers)."""
    processes = [int(p.parent.name) for p in Path("/proc").glob("[0-9]*/comm") if _read(p) in ("postgres", "postmaster")]
    return sum(_cpu_seconds(pid) for pid in processes)


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


def run_phase(port: int, clients: int, seconds: float, mix: str) -> list:
    results: list = []
    stop = threading.Event()
    threads = [Client(port, stop, mix, results, seed=i) for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    return results


def summary(results: list, seconds: float) -> dict:
    statuses = Counter(r[2] for r in results)
    latencies = sorted(r[3] for r in results) or [0]
    return {
        "requests": len(results), "rps": len(results) / seconds, "statuses": dict(statuses),
        "p50_ms": 1000 * statistics.median(latencies), "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--floor-seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (1: sync workers)")
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--redis", default="", metavar="URL",
                        help="FAZHI_REDIS_URL for the server (cache shared by the workers), e.g. redis://127.0.0.1:6379/13; "
                             "that Redis database is emptied first")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fazhi_load")
    data_dir = ROOT / "var" / "bench-load"
    env = {**os.environ, "DATABASE_URL": url, "FAZHI_ENV": "production", "SECRET_KEY": "bench-" + "x" * 50,
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "FAZHI_HTTPS": "false", "FAZHI_PUBLIC_RATE_LIMIT": "0",
           "FAZHI_DATA_DIR": str(data_dir), "FAZHI_LOG_LEVEL": "WARNING", "FAZHI_REDIS_URL": args.redis}
    if args.redis:
        import redis

        redis.Redis.from_url(args.redis).flushdb()
    print(f"准备数据库 {url} …", flush=True)
    started = time.perf_counter()
    how = fresh_database(url, env)
    sh(str(BIN / "fazhi"), "collectstatic", "--noinput", "-v0", env=env)
    print(f"数据库就绪{how}：{time.perf_counter() - started:.0f} 秒", flush=True)
    import django

    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings"
    django.setup()
    from fazhi.disclosure.models import DisclosureRequest

    before = set(DisclosureRequest.objects.values_list("tracking_number", flat=True))
    server_log = (data_dir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "fazhi.wsgi:application",
         "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers), "--threads", str(args.threads),
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=server_log,
    )
    try:
        wait_until_serving(args.port)
        run_phase(args.port, args.clients, 3, "warm")  # every worker loads its code and templates before the clock runs
        kind = f"每个 {args.threads} 个线程" if args.threads > 1 else "同步"
        print(f"gunicorn：{args.workers} 个 worker（{kind}）；缓存：{args.redis or '进程内存 + 文件'}；"
              f"{args.clients} 个并发客户端", flush=True)
        pages_seconds = max(5.0, args.seconds / 2)  # the same pages without the applications: what the cache serves
        phases = {}
        for name, mix, seconds in (("floor", "floor", args.floor_seconds), ("pages", "warm", pages_seconds),
                                   ("load", "mix", args.seconds)):
            app0, db0 = server_cpu(server.pid), database_cpu()
            phases[name] = summary(run_phase(args.port, args.clients, seconds, mix), seconds)
            app1, db1 = server_cpu(server.pid), database_cpu()
            requests = max(1, phases[name]["requests"])
            phases[name]["app_cpu_ms"] = 1000 * (app1 - app0) / requests
            phases[name]["db_cpu_ms"] = 1000 * (db1 - db0) / requests
        floor, pages, load = phases["floor"], phases["pages"], phases["load"]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        server_log.close()

    created = DisclosureRequest.objects.exclude(tracking_number__in=before)
    stored = Counter(created.values_list("idempotency_key", flat=True))
    accepted_keys = {k for k, _ in APPLIED}
    lost = accepted_keys - set(stored)
    duplicated = [k for k, n in stored.items() if n > 1]
    unexpected = set(stored) - accepted_keys
    retry_mismatch = [r for r in RETRIES if r[0] != r[1]]
    gaps = []
    for org, year in created.values_list("organisation__code", "year").distinct():
        seqs = sorted(DisclosureRequest.objects.filter(organisation__code=org, year=year).values_list("sequence", flat=True))
        if seqs != list(range(1, len(seqs) + 1)):
            gaps.append((org, year))
    errors = {s: n for s, n in load["statuses"].items() if s >= 400}

    print()
    print(f"空视图（/ping）基线：{floor['rps']:.0f} 次/秒，p50 {floor['p50_ms']:.1f} ms，p95 {floor['p95_ms']:.1f} ms")
    print(f"门户页面（同一组合中的页面，不含申请）：{pages['rps']:.0f} 次/秒（基线的 {pages['rps'] / floor['rps']:.0%}），"
          f"p50 {pages['p50_ms']:.1f} ms，p95 {pages['p95_ms']:.1f} ms")
    print(f"门户页面 + 公开申请接口：{load['rps']:.0f} 次/秒（基线的 {load['rps'] / floor['rps']:.0%}），"
          f"p50 {load['p50_ms']:.1f} ms，p95 {load['p95_ms']:.1f} ms，共 {load['requests']} 次请求")
    print("每次请求的服务器 CPU（取自 /proc；数据库一栏计本机全部 PostgreSQL 进程）：" + "；".join(
        f"{label} 应用 {p['app_cpu_ms']:.2f} ms + 数据库 {p['db_cpu_ms']:.2f} ms"
        for label, p in (("/ping", floor), ("门户页面", pages), ("页面 + 申请", load))))
    print(f"状态码：{dict(sorted(load['statuses'].items()))}")
    print(f"受理申请 {len(APPLIED)} 件，数据库新增 {created.count()} 件；重复提交 {len(RETRIES)} 次，返回同一编号 "
          f"{len(RETRIES) - len(retry_mismatch)} 次")
    print(f"丢失 {len(lost)} 件，重复 {len(duplicated)} 件，未受理却入库 {len(unexpected)} 件，编号不连续的乡镇年度 {len(gaps)} 个，"
          f"错误响应 {sum(errors.values())} 次")
    ok = not (lost or duplicated or unexpected or retry_mismatch or gaps or errors)
    print("结论：" + ("通过" if ok else "未通过"))
    print(f"portal mix: {load['rps']:.0f} req/s = {100 * load['rps'] / floor['rps']:.0f} % of the /ping floor "
          f"({floor['rps']:.0f} req/s); p95 {load['p95_ms']:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
