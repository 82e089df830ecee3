"""Fault harness against a real gunicorn on PostgreSQL: a submission interrupted by (1) a killed worker and
(2) a killed database connection leaves no half-saved record and no numbering gap, the user gets a clear
answer, and a retry with the same Idempotency-Key stores the application exactly once.

    make bench-faults            # or: .venv/bin/python bench/faults.py

The harness itself is fazhi/testing/fault_harness.py (also run by `make test`, on a minimal scratch
database); here it runs against the full demo data. To hold the submission mid-way, the harness locks
the township's tracking-number counter row from its own connection: the worker's transaction
(application row not yet committed) waits on that lock.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
from bench.load import fresh_database, sh  # noqa: E402
from fazhi.testing import fault_harness as harness  # noqa: E402

PORT = 8792
ORG = "SFX01"


def main() -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fazhi_faults")
    env = harness.server_env(database_url=url, data_dir=ROOT / "var" / "bench-faults", base=os.environ)
    fresh_database(url)
    for args in (("migrate", "--noinput", "-v0"), ("collectstatic", "--noinput", "-v0"), ("demo",)):
        sh(str(BIN / "fazhi"), *args, env=env)
    harness.prepare_database(env, ORG, create_schema=False)  # this year's counter row, the one locked
    store, year = harness.store_for(env), harness.local_year()
    ok = True
    with harness.Server(env, port=PORT) as server:
        before, last = store.total(), store.counter_last(ORG, year)
        for interruption in ("worker", "connection"):
            run = harness.interrupted_submission(server, store, ORG, interruption, year=year)
            print(f"[{run.label}] 用户收到：{run.first.status} {run.first.text[:120]}")
            print(f"  中断后库中该申请 {run.stored_after_interruption} 件（应为 0）")
            print(f"  同一幂等键重试：{run.retry.status}，再次重复：{run.again.status}，"
                  f"库中该申请 {run.stored_after_retry} 件（应为 1）")
            for problem in run.problems():
                print(f"  问题：{problem}")
            ok &= not run.problems()
        gapless = store.gap_free(ORG, year)
        print(f"新增 {store.total() - before} 件；编号从 {last + 1} 起连续无空号：{'是' if gapless else '否'}")
        ok &= gapless
    print("结论：" + ("通过" if ok else "未通过"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
