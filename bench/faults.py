"""Fault harness against a real gunicorn on PostgreSQL: a submission interrupted by (1) a killed worker and
(2) a killed database connection leaves no half-saved record and no numbering gap, the user gets a clear
answer, and a retry with the same Idempotency-Key stores the application exactly once.

    make bench-faults            # or: .venv/bin/python bench/faults.py

To hold the submission mid-way, the harness locks the township's tracking-number counter row from its own
connection: the worker's transaction (application row not yet committed) waits on that lock.
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
from bench.load import fresh_database, sh  # noqa: E402

PORT = 8792
ORG = "SFX01"


def post(key: str, results: dict, name: str) -> None:
    body = {"organisation": ORG, "applicant_type": "natural", "applicant_name": "故障测试", "contact": "13811112222",
            "description": f"故障测试申请 {key}"}
    try:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        conn.request("POST", "/api/public/disclosure-requests", body=json.dumps(body, ensure_ascii=False).encode(),
                     headers={"Content-Type": "application/json", "Idempotency-Key": key})
        response = conn.getresponse()
        results[name] = (response.status, response.read().decode("utf-8", "replace"))
    except (OSError, http.client.HTTPException) as exc:
        results[name] = (None, f"{type(exc).__name__}: {exc}")


def main() -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fazhi_faults")
    env = {**os.environ, "DATABASE_URL": url, "FAZHI_ENV": "production", "SECRET_KEY": "faults-" + "x" * 50,
           "ALLOWED_HOSTS": "127.0.0.1", "FAZHI_HTTPS": "false", "FAZHI_PUBLIC_RATE_LIMIT": "0",
           "FAZHI_DATA_DIR": str(ROOT / "var" / "bench-faults"), "DB_CONN_MAX_AGE": "0"}
    fresh_database(url)
    for args in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0"), ("demo",)):
        sh(str(BIN / "fazhi"), *args, env=env)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings"
    import django

    django.setup()
    import psycopg
    from django.utils import timezone

    from fazhi.core.models import Organisation
    from fazhi.disclosure.models import DisclosureRequest, TrackingCounter

    year = timezone.localdate().year
    TrackingCounter.objects.get_or_create(organisation=Organisation.objects.get(code=ORG), year=year)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "fazhi.wsgi:application", "--bind", f"127.0.0.1:{PORT}", "--workers", "1",
         "--timeout", "120"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    ok = True
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=2).request("GET", "/ping")
                break
            except OSError:
                time.sleep(0.2)
        before = DisclosureRequest.objects.count()
        last = TrackingCounter.objects.get(organisation__code=ORG, year=year).last

        def blocked_submission(key: str, name: str, results: dict, interrupt) -> None:
            with psycopg.connect(url) as lock:
                lock.execute("SELECT 1 FROM disclosure_trackingcounter c JOIN core_organisation o ON o.id = c.organisation_id "
                             "WHERE o.code = %s AND c.year = %s FOR UPDATE", [ORG, year])
                thread = threading.Thread(target=post, args=(key, results, name))
                thread.start()
                time.sleep(1.5)  # the worker now waits on the counter lock, inside its transaction
                interrupt(lock)
                lock.rollback()
                thread.join(timeout=60)

        def kill_worker(_lock):
            workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
            for pid in workers:
                os.kill(int(pid), signal.SIGKILL)

        def kill_connection(lock):
            lock.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                         "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")

        results: dict = {}
        for name, interrupt in (("worker", kill_worker), ("connection", kill_connection)):
            key = uuid.uuid4().hex
            blocked_submission(key, name, results, interrupt)
            time.sleep(2)  # gunicorn starts a new worker
            status, text = results[name]
            stored = DisclosureRequest.objects.filter(idempotency_key=key).count()
            print(f"[{'工作进程被杀' if name == 'worker' else '数据库连接被断'}] 用户收到：{status} {text[:120]}")
            print(f"  中断后库中该申请 {stored} 件（应为 0）")
            retry: dict = {}
            post(key, retry, "retry")
            again: dict = {}
            post(key, again, "again")
            stored = DisclosureRequest.objects.filter(idempotency_key=key).count()
            print(f"  同一幂等键重试：{retry['retry'][0]}，再次重复：{again['again'][0]}，库中该申请 {stored} 件（应为 1）")
            ok &= stored == 1 and retry["retry"][0] == 201 and again["again"][0] == 200
            if name == "connection":
                ok &= status == 503 and "没有保存" in text
        seqs = sorted(DisclosureRequest.objects.filter(organisation__code=ORG, year=year).values_list("sequence", flat=True))
        gapless = seqs == list(range(1, len(seqs) + 1))
        print(f"新增 {DisclosureRequest.objects.count() - before} 件；编号从 {last + 1} 起连续无空号：{'是' if gapless else '否'}")
        ok &= gapless
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print("结论：" + ("通过" if ok else "未通过"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
