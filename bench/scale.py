"""Scale benchmark: a province on PostgreSQL — 1,000 townships × 5 years of records — then the pages and
computations a province-wide deployment leans on, each beside a floor measured in the same run.

    make bench-scale                       # or: .venv/bin/python bench/scale.py [--townships 1000] [--years 5]

Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/fazhi_scale; rebuilt unless
--reuse). Rows are generated in the database with INSERT … SELECT over generate_series, from each model's
own field list, so the volumes are real rows in the real schema (history tables included). Figures are
printed, not asserted; record them in bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Records per township per year: the demo's volumes, with a township's ~150 staff each sitting the law exam.
VOLUMES = {
    "publicity.PublicityEvent": 60, "learning.ExamRecord": 150, "learning.StudySession": 20,
    "learning.CourtObservation": 2, "publicity.LegalLiaison": 15, "publicity.LiaisonTraining": 3,
    "governance.Meeting": 10, "disputes.DisputeCase": 40, "disclosure.ProactiveRelease": 25,
    "disclosure.DisclosureRequest": 8, "reviews.LegalityReview": 12, "normative.NormativeDocument": 4,
    "contracts.Contract": 4, "decisions.MajorDecision": 3, "core.TransitionEvent": 60,
    "core.AuditEvent": 600,  # three staff logging in on most working days
}
EDITS = 2  # each record is changed twice after it is entered: two more history rows
COUNTIES_OF = 30  # townships per county


def setup_django(url: str) -> None:
    os.environ.update({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "fazhi.settings", "FAZHI_LOG_LEVEL": "WARNING"})
    import django

    django.setup()


def fresh_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


# ---------------------------------------------------------------- generation

def _expr(field, year: int, model_label: str) -> str | None:
    """An SQL expression for one column of a synthetic row (t = township row, g = row number)."""
    from django.db import models

    name = field.column
    day = f"make_date({year}, (1 + (g * 7 + t.id) % 12)::int, (1 + (g * 13 + t.id) % 28)::int)"
    if field.primary_key:
        return None
    if name == "organisation_id":
        return "t.id"
    if name == "username":
        return "t.code || '_clerk'"
    if name == "village_id":
        return "t.village_id" if not field.null else "NULL"
    if name == "content_type_id":
        return "(SELECT id FROM django_content_type WHERE app_label = 'reviews' AND model = 'legalityreview')"
    if field.is_relation:
        return "NULL" if field.null else None
    if field.choices:
        values = [str(v) for v, _ in field.flatchoices if v not in ("", None)]
        array = "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]"
        return f"({array})[1 + (g + t.id) % {len(values)}]"
    if isinstance(field, models.DateTimeField):
        return f"({day})::timestamptz"
    if isinstance(field, models.DateField):
        if name in ("voided_at",):
            return "NULL"
        return day
    if isinstance(field, models.BooleanField):
        return "(g + t.id) % 5 <> 0"
    if isinstance(field, models.DecimalField):
        return "((g * 37) % 1000)::numeric"
    if isinstance(field, (models.IntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
                          models.BigIntegerField)):
        if name == "year":
            return str(year)
        if name in ("sequence", "number", "object_id", "subject_id"):
            return "g"
        if name == "days_allowed":
            return "7"
        return "1 + (g * 11 + t.id) % 200"
    if isinstance(field, (models.CharField, models.TextField)):
        if field.unique or name in ("idempotency_key", "tracking_number"):
            return f"t.code || '-{year}-' || g"
        if name == "void_reason":
            return "''"
        return f"'{field.verbose_name}' || g" if isinstance(field, models.CharField) and field.max_length >= 40 else "'x'"
    return "NULL" if field.null else None


def insert_rows(model, per_township: int, years: range, township_table: str = "bench_townships") -> int:
    from django.db import connection

    label = model._meta.label
    total = 0
    with connection.cursor() as cursor:
        for year in years:
            columns, exprs = [], []
            for field in model._meta.concrete_fields:
                if field.column == "voided_at":
                    columns.append(field.column)
                    exprs.append("NULL")
                    continue
                expr = _expr(field, year, label)
                if expr is None:
                    if field.primary_key:
                        continue
                    raise SystemExit(f"{label}.{field.name}: no generator for a required field")
                columns.append(connection.ops.quote_name(field.column))
                exprs.append(expr)
            sql = (f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "
                   f"SELECT {', '.join(exprs)} FROM {township_table} t CROSS JOIN generate_series(1, {per_township}) g")
            cursor.execute(sql)
            total += cursor.rowcount
    history = getattr(model, "history", None)
    if history is not None:  # one 'created' history row per record, as simple_history writes
        hmodel = history.model
        base = {f.column for f in model._meta.concrete_fields}
        cols, exprs = [], []
        for f in hmodel._meta.concrete_fields:
            if f.column == "history_id":
                continue
            cols.append(connection.ops.quote_name(f.column))
            if f.column in base:
                exprs.append(connection.ops.quote_name(f.column))
            elif f.column == "history_date":
                exprs.append("now()")
            elif f.column == "history_type":
                exprs.append("'+'")
            elif f.column == "history_change_reason":
                exprs.append("'演示数据'")
            else:
                exprs.append("NULL")
        with connection.cursor() as cursor:
            select = f"SELECT {', '.join(exprs)} FROM {model._meta.db_table}"
            cursor.execute(f"INSERT INTO {hmodel._meta.db_table} ({', '.join(cols)}) {select}")
            total += cursor.rowcount
            for _ in range(EDITS):
                cursor.execute(f"INSERT INTO {hmodel._meta.db_table} ({', '.join(cols)}) {select.replace(chr(39) + '+' + chr(39), chr(39) + '~' + chr(39))}")
                total += cursor.rowcount
    return total


def generate(townships: int, years: range) -> dict[str, int]:
    from django.db import connection

    from fazhi.core.models import Organisation, OrgKind, Role, User

    counties = [Organisation(code=f"P{c:03d}", name=f"第{c}县", kind=OrgKind.COUNTY) for c in range((townships + COUNTIES_OF - 1) // COUNTIES_OF)]
    Organisation.objects.bulk_create(counties)
    towns = [Organisation(code=f"P{i // COUNTIES_OF:03d}T{i:04d}", name=f"第{i}镇", kind=OrgKind.TOWNSHIP,
                          parent=counties[i // COUNTIES_OF], superior_body="县委、县政府") for i in range(townships)]
    Organisation.objects.bulk_create(towns)
    villages = [Organisation(code=f"{t.code}V{v:02d}", name=f"{t.name}第{v}村", kind=OrgKind.VILLAGE, parent=t)
                for t in towns for v in range(10)]
    Organisation.objects.bulk_create(villages, batch_size=5000)
    users = [User(username=f"{t.code.lower()}_{r}", organisation=t, role=r, password="!") for t in towns
             for r in (Role.CLERK, Role.LEADER, Role.LEGAL_REVIEWER)]
    users += [User(username=f"{c.code.lower()}_sup", organisation=c, role=Role.COUNTY_SUPERVISOR, password="!") for c in counties]
    User.objects.bulk_create(users, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_townships")
        cursor.execute(
            "CREATE TABLE bench_townships AS SELECT o.id, o.code, min(v.id) AS village_id FROM core_organisation o "
            "JOIN core_organisation v ON v.parent_id = o.id WHERE o.kind = 'township' GROUP BY o.id, o.code"
        )
    from django.apps import apps

    counts = {"core.Organisation": len(counties) + len(towns) + len(villages), "core.User": len(users)}
    for label, per in VOLUMES.items():
        started = time.perf_counter()
        counts[label] = insert_rows(apps.get_model(label), per, years)
        print(f"  {label}: {counts[label]:,} 行（含修改历史）{time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts


# ---------------------------------------------------------------- measurement

def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def fmt(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return f"中位 {1000 * statistics.median(ordered):.0f} ms，p95 {1000 * p95:.0f} ms"


def measure(year: int, repeat: int) -> None:
    from django.db import connection
    from django.test import Client

    from fazhi.core.models import Organisation, OrgKind, User
    from fazhi.indicators.registry import Scope, compute_all, get
    from fazhi.reports.render_docx import render_docx  # noqa: F401 (import cost outside the timings)

    township = Organisation.objects.filter(kind=OrgKind.TOWNSHIP).order_by("code").first()
    county = township.parent
    admin = User.objects.filter(username="bench_admin").first() or User.objects.create_superuser("bench_admin", password="x")
    admin.role = "admin"
    admin.save()
    sup = User.objects.get(username=f"{county.code.lower()}_sup")
    clerk = User.objects.filter(organisation=township, role="clerk").first()

    def client_for(user):
        c = Client()
        c.force_login(user)
        return c

    empty = Client()
    empty.get("/ping")  # warm-up: the first request loads the URL conf
    floor = timed(lambda: empty.get("/ping"), repeat)
    print(f"\n空视图基线（/ping，同一进程内）：{fmt(floor)}")

    # one township's indicators vs the raw SQL aggregate of the same figures
    scope = Scope((township,), year)
    live = timed(lambda: compute_all(scope), repeat)
    keys = [i.key for i in [get(k) for k in ("publicity_events", "disputes_handled", "exam_participants", "legality_reviews")]]

    raw_sql = [
        ("SELECT count(*) FROM publicity_publicityevent WHERE organisation_id=%s AND voided_at IS NULL "
         "AND held_on BETWEEN %s AND %s AND channel='offline'"),
        "SELECT count(*) FROM disputes_disputecase WHERE organisation_id=%s AND voided_at IS NULL AND received_on BETWEEN %s AND %s",
        ("SELECT count(*) FROM learning_examrecord WHERE organisation_id=%s AND voided_at IS NULL "
         "AND exam_on BETWEEN %s AND %s AND status='sat'"),
        ("SELECT count(*) FROM reviews_legalityreview WHERE organisation_id=%s AND voided_at IS NULL "
         "AND status='concluded' AND concluded_on BETWEEN %s AND %s"),
    ]

    def raw():  # the floor: each figure's own aggregate query, as hand-written SQL through the same connection
        with connection.cursor() as cursor:
            for sql in raw_sql:
                cursor.execute(sql, [township.pk, f"{year}-01-01", f"{year}-12-31"])
                cursor.fetchone()
    raw_four = timed(raw, repeat)
    four = timed(lambda: [get(k).compute(scope) for k in keys], repeat)
    print(f"一个乡镇的全部 {len(compute_all(scope))} 项指标：{fmt(live)}")
    print(f"  其中4项计数指标经登记表计算：{fmt(four)}；同样4个数的原始 SQL：{fmt(raw_four)}；"
          f"倍数 {statistics.median(four) / statistics.median(raw_four):.1f}×（目标 ≤ 3×）")

    # the township's annual report as .docx
    c = client_for(clerk)
    report = timed(lambda: c.get(f"/reports/view/{township.code}/{year}/report.docx"), max(3, repeat // 3))
    status = c.get(f"/reports/view/{township.code}/{year}/report.docx").status_code
    print(f"一个乡镇一年的年度报告 .docx（HTTP {status}）：{fmt(report)}（目标 ≤ 1 s）")

    # a county of 30 townships, side by side (the county supervisor's dashboard over its townships)
    s = client_for(sup)
    county_page = timed(lambda: s.get(f"/indicators/?year={year}"), max(3, repeat // 3))
    print(f"县级（{county.children.count()} 个乡镇）指标汇总页：{fmt(county_page)}")
    compare = timed(lambda: s.get(f"/indicators/compare/?year={year}&county={county.code}"), max(3, repeat // 3))
    print(f"县级 {county.children.count()} 个乡镇逐项比较页：{fmt(compare)}（目标 ≤ 2 s）")

    # the province: every township
    a = client_for(admin)
    province = timed(lambda: a.get(f"/indicators/?year={year}"), max(3, repeat // 3))
    print(f"全省（{Organisation.objects.filter(kind=OrgKind.TOWNSHIP).count()} 个乡镇）指标汇总页：{fmt(province)}（目标 p95 ≤ 300 ms）")

    # incremental: one record changes in one township, the province page recomputes only that township-year
    from fazhi.publicity.models import PublicityEvent

    def change_and_load():
        event = PublicityEvent.objects.filter(organisation=township, held_on__year=year).first()
        event.audience += 1
        event.save()
        a.get(f"/indicators/?year={year}")
    after_change = timed(change_and_load, max(3, repeat // 3))
    print(f"  一条记录修改后再打开全省汇总页（只重算该乡镇年度）：{fmt(after_change)}")
    # the stored figures agree with the live computation
    from fazhi.indicators import aggregates

    county_scope = Scope.for_org(county, year)
    stored = {k: f.value for k, f in aggregates.figures(county_scope).items()}
    live_values = {k: f.value for k, f in compute_all(county_scope).items()}
    print(f"  预计算与实时计算逐项一致：{'是' if stored == live_values else '否'}（{county.name}，{len(live_values)} 项）")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--townships", type=int, default=1000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="measure an already generated database")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fazhi_scale")
    last = time.localtime().tm_year - 1
    years = range(last - args.years + 1, last + 1)
    if not args.reuse:
        print(f"生成 {args.townships} 个乡镇 × {args.years} 年（{years.start}—{years.stop - 1}）到 {url} …", flush=True)
        fresh_database(url)
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    if not args.reuse:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        counts = generate(args.townships, years)
        print(f"共 {sum(counts.values()):,} 行，用时 {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"数据库大小：{cursor.fetchone()[0]}")
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from fazhi.core.models import Organisation, OrgKind
    from fazhi.indicators import aggregates

    townships = list(Organisation.objects.filter(kind=OrgKind.TOWNSHIP))
    for y in (years.stop - 1, years.stop - 2):
        started = time.perf_counter()
        done = aggregates.refresh(townships, y)
        spent = time.perf_counter() - started
        print(f"预计算 {y} 年各乡镇指标：{done} 个乡镇，{spent:.0f} s（每个乡镇年度 {1000 * spent / max(done, 1):.0f} ms）", flush=True)
    measure(years.stop - 1, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
