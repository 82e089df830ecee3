"""Worst-case Excel import: files that claim far more than they hold (issue 20 #3). Prints, for each, the file's
size and how long reading it takes — the whole import's reading step (fazhi/core/spreadsheets.read_rows, as the
ledger import calls it), plus the full ledger import of the probe's file through the form validation.

    .venv/bin/python bench/import_worst_case.py

Cases: the probe's 6 KB file (`<dimension ref="A1:XFD40000"/>`, one data row at row 40 000); the same at the last
row Excel allows (1 048 576); 5 001 filled rows (one past the limit: refused as soon as it is seen); a row of
16 384 filled columns. Before the fix the probe's file took 22 s and grew linearly with the last row (≈10 min at
1 048 576). Nothing here is a test: it prints figures (see bench/RESULTS.md). No database needed except for the
last line (a temporary SQLite database in /tmp).
"""
from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FAZHI_DATA_DIR", tempfile.mkdtemp(prefix="fazhi-bench-import-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook  # noqa: E402

from fazhi.core import spreadsheets  # noqa: E402
from fazhi.core.ledgers.excel import MAX_IMPORT_ROWS  # noqa: E402


def claiming(dimension: str, last_row: int, header: list[str]) -> bytes:
    wb = Workbook()
    wb.active.append(header)
    wb.active.cell(row=last_row, column=1, value="2025-03-01")
    raw = io.BytesIO()
    wb.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<dimension")
                data = (text[:start] + f'<dimension ref="{dimension}"/>' + text[text.index("/>", start) + 2:]).encode()
            target.writestr(item, data)
    return out.getvalue()


def filled(rows: int, columns: int) -> bytes:
    wb = Workbook()
    for i in range(rows):
        wb.active.append([f"{i}-{j}" for j in range(columns)])
    raw = io.BytesIO()
    wb.save(raw)
    return raw.getvalue()


def timed(label: str, data: bytes) -> None:
    started = time.perf_counter()
    try:
        rows = spreadsheets.read_rows(data, max_rows=MAX_IMPORT_ROWS + 1)
        outcome = f"{len(rows)} filled rows read"
    except spreadsheets.SpreadsheetError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - started
    print(f"{label:<46} {len(data) / 1024:8.1f} KB  {seconds:7.3f} s  {outcome}")


def full_import(data: bytes) -> None:
    from django.core.management import call_command

    from fazhi.core.ledgers import get_ledger
    from fazhi.core.ledgers.excel import import_workbook
    from fazhi.core.models import Organisation, OrgKind, Role, User

    call_command("migrate", verbosity=0)
    county, _ = Organisation.objects.get_or_create(code="B", defaults={"name": "县", "kind": OrgKind.COUNTY})
    town, _ = Organisation.objects.get_or_create(code="B01", defaults={"name": "镇", "kind": OrgKind.TOWNSHIP, "parent": county})
    user, _ = User.objects.get_or_create(username="bench", defaults={"organisation": town, "role": Role.CLERK})
    started = time.perf_counter()
    result = import_workbook(get_ledger("publicity-events"), data, organisation=town, year=2025, user=user)
    seconds = time.perf_counter() - started
    print(f"{'full import of the probe file (form checks)':<46} {len(data) / 1024:8.1f} KB  {seconds:7.3f} s  "
          f"{len(result.error_rows)} row(s) with errors, {result.imported} imported")


def main() -> None:
    from fazhi.core.ledgers import get_ledger

    ledger = get_ledger("publicity-events")
    header = [ledger.label(n) for n in ledger.excel_fields]
    probe = claiming("A1:XFD40000", 40_000, header)
    timed("probe: A1:XFD40000, one row at 40 000", probe)
    timed("A1:XFD1048576, one row at 1 048 576", claiming("A1:XFD1048576", 1_048_576, header))
    timed(f"{MAX_IMPORT_ROWS + 1} filled rows (limit {MAX_IMPORT_ROWS})", filled(MAX_IMPORT_ROWS + 2, 3))
    timed("one row of 16 384 filled columns", filled(1, 16_384))
    full_import(probe)


if __name__ == "__main__":
    main()
