"""Importing reports written outside Fazhi: a batch of files, each read, attributed and stored.

A batch is created with every file stored first; items are then processed one at a time, each in
its own transaction, so one bad file never stops the batch and never leaves a half-saved report.
Processing is driven by whoever asks — the CLI in a loop, or the browser polling the batch page —
so progress lives in the database and survives a page reload or a restarted app server.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind, User
from fazhi.oversight.models import (
    ImportBatch, ImportedFigure, ImportedReport, ImportItem, ImportItemStatus,
)
from fazhi.oversight.reading import MAX_FILE_BYTES, read_report

log = logging.getLogger(__name__)

MAX_FILES_PER_BATCH = 100  # Django's DATA_UPLOAD_MAX_NUMBER_FILES
TOO_LARGE = f"文件过大（超过{MAX_FILE_BYTES // (1024 * 1024)}MB），未导入"


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def start_batch(county: Organisation, uploads: list[Upload], *, user: User | None, year: int | None,
                source: str = "web") -> ImportBatch:
    """Store the files of one upload; nothing is read yet. Oversized files are refused at once."""
    if county.kind != OrgKind.COUNTY:
        raise ValueError("county must be a county")
    with transaction.atomic():
        batch = ImportBatch.objects.create(county=county, year=year, created_by=user, source=source)
        for position, upload in enumerate(uploads, start=1):
            name = (upload.name or "未命名文件").replace("\\", "/").rsplit("/", 1)[-1][:255] or "未命名文件"
            item = ImportItem(batch=batch, position=position, filename=name, size=len(upload.data),
                              sha256=hashlib.sha256(upload.data).hexdigest())
            if len(upload.data) > MAX_FILE_BYTES:
                item.status, item.error, item.finished_at = ImportItemStatus.FAILED, TOO_LARGE, clock.now()
            else:
                item.file.save(f"{batch.pk}-{position}.bin", ContentFile(upload.data), save=False)
            item.save()
    return batch


def batch_progress(batch: ImportBatch) -> dict:
    items = list(batch.items.order_by("position").select_related("report", "report__township"))
    done = sum(1 for i in items if i.status != ImportItemStatus.PENDING)
    return {
        "total": len(items),
        "done": done,
        "finished": done == len(items),
        "items": [
            {
                "position": i.position, "file": i.filename, "status": i.status, "status_display": i.get_status_display(),
                "error": i.error, "report": i.report_id, "report_title": str(i.report) if i.report_id else "",
            }
            for i in items
        ],
    }


def _claim(batch: ImportBatch) -> ImportItem | None:
    """Take the next pending item; another request or process working on the batch takes a different one."""
    with transaction.atomic():
        pending = ImportItem.objects.filter(batch=batch, status=ImportItemStatus.PENDING, claimed_at__isnull=True)
        item = pending.select_for_update(skip_locked=True).order_by("position").first()
        if item is None:
            return None
        item.claimed_at = clock.now()
        item.save(update_fields=["claimed_at"])
        return item


STALE_CLAIM_SECONDS = 300


def _release_stale_claims(batch: ImportBatch) -> None:
    """An item claimed by a worker that died (killed app server) goes back to the queue."""
    cutoff = clock.now() - dt.timedelta(seconds=STALE_CLAIM_SECONDS)
    ImportItem.objects.filter(batch=batch, status=ImportItemStatus.PENDING, claimed_at__lt=cutoff).update(claimed_at=None)


def process_batch(batch: ImportBatch, *, budget_seconds: float | None = None, on_item=None) -> int:
    """Process pending items until none is left or the time budget is spent. Returns how many were processed."""
    _release_stale_claims(batch)
    started = time.monotonic()
    processed = 0
    while budget_seconds is None or time.monotonic() - started < budget_seconds:
        item = _claim(batch)
        if item is None:
            break
        process_item(item)
        processed += 1
        if on_item is not None:
            on_item(item)
    return processed


def process_item(item: ImportItem) -> ImportItem:
    try:
        data = item.file.open("rb").read()
        item.file.close()
    except OSError:
        return _finish(item, ImportItemStatus.FAILED, "上传的文件已丢失，请重新上传")
    result = read_report(data, item.filename)
    if result.error:
        return _finish(item, ImportItemStatus.FAILED, result.error)
    refused = future_year_reason(item.batch.year, result.year)
    if refused:
        return _finish(item, ImportItemStatus.FAILED, refused)
    county = item.batch.county
    duplicate = ImportedReport.objects.active().filter(organisation=county, sha256=item.sha256).first()
    if duplicate is not None:
        return _finish(item, ImportItemStatus.DUPLICATE, f"与已导入的《{duplicate}》内容相同", report=duplicate)
    try:
        with transaction.atomic():
            report = store_report(county, result, filename=item.filename, sha256=item.sha256, year=item.batch.year,
                                  user=item.batch.created_by)
            return _finish(item, ImportItemStatus.DONE, "", report=report)
    except DatabaseError:
        raise
    except Exception:  # a reader/extractor bug must not stop the batch: the item fails with a reason
        log.exception("import of %s failed", item.filename)
        return _finish(item, ImportItemStatus.FAILED, "文件内容无法解析，未导入")


def future_year_reason(chosen: int | None, found: int | None) -> str:
    """Why a report of a year that has not ended — has not even begun — is not imported ("" when it may be): such
    a report cannot exist, and its figures must never reach a county total."""
    this_year = clock.current_year()
    if chosen is not None:
        return f"报告年度{chosen}年晚于今年（{this_year}年），未导入" if chosen > this_year else ""
    if found is not None and found > this_year:
        return (f"文中识别的报告年度为{found}年，晚于今年（{this_year}年），未导入；"
                "如识别有误，请在导入时指定报告年度后重新上传")
    return ""


def _finish(item: ImportItem, status: str, error: str, report: ImportedReport | None = None) -> ImportItem:
    item.status, item.error, item.report, item.finished_at = status, error[:300], report, clock.now()
    item.save(update_fields=["status", "error", "report", "finished_at"])
    return item


def match_township(county: Organisation, name: str | None, text: str = "") -> Organisation | None:
    """The county's township the report is by: the name the reader found ("岔河镇人民政府" → 岔河镇), else
    the one township of the county named in the title (first lines) or the signature (last lines)."""
    townships = [t for t in Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP) if t.name]
    if name:
        exact = [t for t in townships if t.name == name]
        if exact:
            return exact[0]
        found = [t for t in townships if t.name in name or name in t.name]
        if len(found) == 1:
            return found[0]
    lines = [line for line in text.splitlines() if line.strip()]
    for part in (lines[:3], lines[-5:]):
        found = [t for t in townships if any(t.name in line for line in part)]
        if len(found) == 1:
            return found[0]
    return None


def _decimal(value) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() and abs(number) < Decimal("1e12") else None


def store_report(county: Organisation, result, *, filename: str, sha256: str, year: int | None,
                 user: User | None) -> ImportedReport:
    """Save one read report with its figures. ``year`` (the user's choice) wins over the year found in the text."""
    township = match_township(county, result.organisation, result.text)
    report = ImportedReport(
        organisation=county, created_by=user, township=township, township_name=(result.organisation or "")[:120],
        year=year or result.year, year_found=result.year, filename=filename, sha256=sha256, script=result.script,
        text=result.text, sections=list(result.sections), received_on=clock.today(),
    )
    report.save()
    figures = []
    for position, fig in enumerate(result.figures, start=1):
        value = _decimal(fig.get("value"))
        if value is None or not fig.get("indicator"):
            continue
        figures.append(ImportedFigure(
            report=report, position=position, indicator=str(fig["indicator"])[:64], value=value,
            unit=str(fig.get("unit") or "")[:16], approx=bool(fig.get("approx")),
            evidence=str(fig.get("evidence") or "")[:500],
        ))
    ImportedFigure.objects.bulk_create(figures)
    return report
