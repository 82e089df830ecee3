"""Every number the product issues, from one locked, gap-free counter per (organisation, series, year).

The counter row (``NumberCounter``) is created on first use and locked with ``SELECT … FOR UPDATE`` until the
caller's transaction ends: two documents numbered at the same moment queue on the lock and get consecutive
numbers, and a save that fails rolls the number back with it, so no number is skipped. SQLite has no row locks
but lets one writer at a time in, and the first statement here is a write, so the same holds there.

Numbers are taken only in services, inside ``transaction.atomic()``, never in a model's ``save()``. Each numbered
model also stores (organisation, year, sequence) under a unique constraint, so even a number written past this
module cannot be issued twice.

Series (the format belongs to the app that prints the number):

| series | what | format |
|---|---|---|
| ``disclosure-request`` | 政府信息公开申请受理编号 | ``SFX01-2026-0007`` (internal code: see disclosure/services.py) |
| ``penalty-case`` | 行政处罚案号 | ``青山罚〔2026〕8号`` |
| ``mediation-dossier`` | 人民调解卷宗号 (人民调解法第二十七条) | ``青山调字〔2026〕第001号`` |
| ``normative-<系列 id>`` | 行政规范性文件文号 (GB/T 9704-2012 7.2.4) | ``青府规〔2026〕3号`` |
| ``disclosure-notice-<kind>`` | 依申请公开告知书发文字号 (disclosure/notices/issue.py) | ``青山政信补〔2026〕3号`` |
"""
from __future__ import annotations

from typing import Callable

from django.db import transaction

from fazhi.core.models import NumberCounter, Organisation

DISCLOSURE_REQUEST = "disclosure-request"
PENALTY_CASE = "penalty-case"
MEDIATION_DOSSIER = "mediation-dossier"


def normative_series(series_id: int) -> str:
    """Each 发文字号系列 (e.g. 青府规, 青依治委) numbers on its own."""
    return f"normative-{series_id}"


def disclosure_notice_series(kind: str) -> str:
    """Each kind of disclosure notice (补正、延期、征求第三方意见、答复) numbers on its own."""
    return f"disclosure-notice-{kind}"


def next_number(organisation: Organisation | int, series: str, year: int, *,
                highest_issued: Callable[[], int | None] | None = None, floor_on_first_use_only: bool = False) -> int:
    """The next number of ``series`` for ``organisation`` in ``year``; call inside the transaction that saves it.

    One statement takes it: an upsert on the counter row that creates it at 1 or adds 1, locks the row until the
    caller's transaction ends and returns the new value (``INSERT … ON CONFLICT … DO UPDATE … RETURNING``, on
    PostgreSQL and SQLite alike).

    ``highest_issued`` (read after the lock is held) guards against numbers written outside this module — rows
    created in bulk, or a number typed by hand where a form allows it: the next number is never at or below it.
    With ``floor_on_first_use_only`` it is read only when the counter issues its first number of the year (a counter
    that starts behind rows written before it existed, e.g. by a data migration): a series whose rows are only ever
    numbered here skips the scan on every later number, and its unique constraint refuses a clash outright.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("next_number must run inside transaction.atomic(): the number is given back on rollback")
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    last = _take(connection, org_id, series, year)
    if highest_issued is not None and (not floor_on_first_use_only or last == 1):
        floor = highest_issued() or 0
        if floor >= last:
            last = floor + 1
            NumberCounter.objects.filter(organisation_id=org_id, series=series, year=year).update(last=last)
    return last


def _take(connection, org_id: int, series: str, year: int) -> int:
    meta = NumberCounter._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    org, ser, yr, last = (quote(meta.get_field(name).column) for name in ("organisation", "series", "year", "last"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({org}, {ser}, {yr}, {last}) VALUES (%s, %s, %s, 1) "
            f"ON CONFLICT ({org}, {ser}, {yr}) DO UPDATE SET {last} = {table}.{last} + 1 RETURNING {last}",
            [org_id, series, year],
        )
        return cursor.fetchone()[0]


def continue_after(apps, organisation_id: int, series: str, year: int, highest: int) -> None:
    """For data migrations: make the counter continue after ``highest`` (never moves a counter back)."""
    counter_model = apps.get_model("core", "NumberCounter")
    counter, _ = counter_model.objects.get_or_create(organisation_id=organisation_id, series=series, year=year)
    if highest > counter.last:
        counter.last = highest
        counter.save(update_fields=["last"])


def chinese_document_number(prefix: str, kind: str, year: int, number: int) -> str:
    """GB/T 9704-2012 7.2.4: 机关代字 + 年份（六角括号〔〕）+ 发文顺序号（不编虚位，不加“第”）: 青山罚〔2026〕8号."""
    return f"{prefix}{kind}〔{year}〕{number}号"
