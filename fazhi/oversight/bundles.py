"""The county's bundle of a year's annual reports: one .zip for the archive (打包下载全县年度报告), made in steps.

A bundle (``ReportBundle``) fixes the county's townships when it is asked for, then takes one step per township,
one for the county's own files (the summary report, the comparison, imported reports of no registered township)
and a last one that packs the .zip with its 清单 (目录.txt and 目录.xlsx). What a township contributes:

- the latest version it submitted, exactly as frozen then (``Submission.docx``): 已接收, 已报送待审核 or
  已退回修改, with its version number;
- otherwise, when it has saved a report in Fazhi, that report rendered now: 草稿（未报送）;
- the original file of every report of it that the county imported (导入), or its text when the file is gone;
- when none of these exists, no file: the 清单 lists the township as 未编写. No default draft is made up for a
  township that wrote nothing — the archive holds only what townships wrote, and the office sees whom to chase.

Each step writes its files under ``bundles/work/<id>/`` (a repeated step overwrites them) and adds its rows to
``entries``. Steps are taken by whoever holds the bundle's lease — the worker (``fazhi worker``) or the page's
POSTs when no worker consumes the queue — so two processes never work on one bundle at once; a lease left behind by a
killed process expires after LEASE_SECONDS. The finished .zip is stored with the other uploads, outside the
web root, and only the county's pages serve it.
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import re
import secrets
import shutil
import tempfile
import time
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind, User
from fazhi.oversight.models import (
    BundleStatus, ImportedReport, ImportItem, ImportItemStatus, ReportBundle, SubmissionStatus,
)

log = logging.getLogger(__name__)

LEASE_SECONDS = 120  # longer than any one step; a lease older than this belonged to a process that died
ABANDONED_SECONDS = 86400  # a bundle unfinished for this long is stopped when the county asks again
COUNTY_STEPS = 2  # after the townships: the county's own files, then packing
COUNTY = "全县"
OTHERS = "其他导入报告"


class State:
    """The states of the 清单."""

    ACCEPTED = "已接收"
    SUBMITTED = "已报送待审核"
    RETURNED = "已退回修改"
    DRAFT = "草稿（未报送）"
    IMPORTED = "导入"
    MISSING = "未编写"
    COUNTY = "县级汇总"
    FAILED = "生成失败"


SUBMISSION_STATES = {
    SubmissionStatus.ACCEPTED: State.ACCEPTED,
    SubmissionStatus.SUBMITTED: State.SUBMITTED,
    SubmissionStatus.RETURNED: State.RETURNED,
}


# ---------------------------------------------------------------- asking for a bundle

def bundle_years() -> range:
    from fazhi.reports.services import report_year_range

    return report_year_range()


def pending_bundle(county: Organisation, year: int) -> ReportBundle | None:
    return ReportBundle.objects.filter(county=county, year=year, status=BundleStatus.PENDING).first()


def start_bundle(county: Organisation, year: int, user: User | None) -> tuple[ReportBundle, bool]:
    """A new bundle of the county's reports of ``year`` → (bundle, True); or the one already being made for
    that county and year → (it, False): a double click or a second office worker never makes two."""
    if county.kind != OrgKind.COUNTY:
        raise ValidationError("只能为县打包乡镇（街道）年度报告")
    years = bundle_years()
    if year not in years:
        raise ValidationError(f"报告年度应在{years.start}年至{years.stop - 1}年之间，收到：{year}")
    existing = pending_bundle(county, year)
    if existing is not None and not _abandon_if_stale(existing):
        return existing, False
    townships = list(Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP, is_active=True)
                     .order_by("code").values_list("pk", flat=True))
    try:
        with transaction.atomic():
            bundle = ReportBundle.objects.create(county=county, year=year, requested_by=user, townships=townships,
                                                 total=len(townships) + COUNTY_STEPS)
    except IntegrityError:  # asked for twice at the same moment: the other request made it
        existing = pending_bundle(county, year)
        if existing is None:
            raise
        return existing, False
    return bundle, True


def _abandon_if_stale(bundle: ReportBundle) -> bool:
    """A bundle left unfinished for a day (its page closed, no worker) is stopped rather than reused: its
    first townships were rendered from the data of then. True when it was stopped."""
    if timezone.now() - bundle.created_at < dt.timedelta(seconds=ABANDONED_SECONDS) or _lease_is_fresh(bundle):
        return False
    return bool(ReportBundle.objects.filter(pk=bundle.pk, status=BundleStatus.PENDING).update(
        status=BundleStatus.FAILED, error="超过一天未完成，已停止；请重新打包", finished_at=timezone.now()))


def _lease_is_fresh(bundle: ReportBundle) -> bool:
    return bool(bundle.claim_token) and bundle.claimed_at is not None and (
        timezone.now() - bundle.claimed_at).total_seconds() < LEASE_SECONDS


def step_label(bundle: ReportBundle) -> str:
    if bundle.status != BundleStatus.PENDING:
        return bundle.get_status_display()
    n = len(bundle.townships)
    if bundle.done < n:
        township = Organisation.objects.filter(pk=bundle.townships[bundle.done]).first()
        return f"正在处理：{township.name if township else '乡镇（街道）'}"
    return "正在生成全县汇总报告和指标比较" if bundle.done == n else "正在打包"


def bundle_progress(bundle: ReportBundle) -> dict:
    return {
        "total": bundle.total, "done": bundle.done, "finished": bundle.status != BundleStatus.PENDING,
        "status": bundle.status, "status_display": bundle.get_status_display(), "step": step_label(bundle),
        "error": bundle.error, "busy": bundle.status == BundleStatus.PENDING and _lease_is_fresh(bundle),
    }


# ---------------------------------------------------------------- doing the steps

def _claim(bundle: ReportBundle) -> str | None:
    token = secrets.token_hex(16)
    now = timezone.now()
    free = Q(claim_token="") | Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - dt.timedelta(seconds=LEASE_SECONDS))
    taken = ReportBundle.objects.filter(free, pk=bundle.pk, status=BundleStatus.PENDING).update(
        claim_token=token, claimed_at=now)
    return token if taken else None


def _release(bundle: ReportBundle, token: str) -> None:
    ReportBundle.objects.filter(pk=bundle.pk, claim_token=token).update(claim_token="", claimed_at=None)


def advance(bundle: ReportBundle, *, budget_seconds: float | None = None) -> int:
    """Take the bundle's next steps — at least one, then more while ``budget_seconds`` lasts (all of them without a
    budget); returns how many. Returns 0 at once when another process is working on it."""
    token = _claim(bundle)
    if token is None:
        return 0
    started = time.monotonic()
    steps = 0
    try:
        while steps == 0 or budget_seconds is None or time.monotonic() - started < budget_seconds:
            bundle.refresh_from_db()
            if bundle.status != BundleStatus.PENDING or bundle.claim_token != token:
                break
            _step(bundle, token)
            steps += 1
    finally:
        _release(bundle, token)
    bundle.refresh_from_db()
    return steps


def _step(bundle: ReportBundle, token: str) -> None:
    step = bundle.done
    n = len(bundle.townships)
    if step > n:
        _pack(bundle, token)
        return
    try:
        rows = _township_step(bundle, step) if step < n else _county_step(bundle, step)
    except DatabaseError:
        raise
    except Exception as exc:  # a renderer's bug must not stop the bundle: the 清单 says what is missing and why
        log.exception("bundle %s step %s failed", bundle.pk, step)
        who = COUNTY if step == n else _township_name(bundle.townships[step])
        rows = [_row(who, "", State.FAILED, note=f"生成时出错（{type(exc).__name__}），请稍后重新打包", township=step < n)]
    ReportBundle.objects.filter(pk=bundle.pk, claim_token=token, done=step).update(
        done=step + 1, entries=bundle.entries + rows, claimed_at=timezone.now())


def _township_name(pk: int) -> str:
    township = Organisation.objects.filter(pk=pk).first()
    return township.name if township else "（组织已不存在）"


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_name(name: str, limit: int = 120) -> str:
    """A file name that every archive tool and file system takes (no path separators, no reserved characters)."""
    cleaned = _UNSAFE.sub("_", name or "").strip(" .") or "未命名"
    if len(cleaned) <= limit:
        return cleaned
    stem, dot, ext = cleaned.rpartition(".")
    return (stem[: limit - len(ext) - 1] + "." + ext) if dot and len(ext) <= 8 else cleaned[:limit]


def _row(who: str, path: str, state: str, *, version: str = "", note: str = "", data: bytes | None = None,
         township: bool = True) -> dict:
    """One line of the 清单 (``township``: about one of the bundle's townships, not a county file)."""
    return {"township": who, "path": path, "state": state, "version": version, "note": note, "of_township": township,
            "data": data}  # "data" is replaced by the stored work file before the row is saved


def _save_rows(bundle: ReportBundle, step: int, rows: list[dict]) -> list[dict]:
    """Write the rows' files under bundles/work/<id>/ and keep only where they are."""
    saved = []
    for k, row in enumerate(rows, start=1):
        data = row.pop("data")
        if data is not None:
            name = f"bundles/work/{bundle.pk}/{step:03d}-{k}.bin"
            if default_storage.exists(name):  # the step is done again (its process died before recording it)
                default_storage.delete(name)
            row["work"] = default_storage.save(name, ContentFile(data))
            row["size"] = len(data)
        saved.append(row)
    return saved


def _township_step(bundle: ReportBundle, step: int) -> list[dict]:
    township = Organisation.objects.filter(pk=bundle.townships[step]).first()
    if township is None:
        return [_row("（组织已不存在）", "", State.MISSING)]
    rows = _own_report(township, bundle.year)
    imported = ImportedReport.objects.active().filter(organisation=bundle.county, year=bundle.year, township=township)
    rows += [_imported_row(report, township.name, township.name) for report in imported.order_by("received_on", "pk")]
    if not rows:
        rows = [_row(township.name, "", State.MISSING,
                     note="系统中没有保存的年度报告，也没有导入系统外编写的报告；未生成文件")]
    return _save_rows(bundle, step, rows)


def _own_report(township: Organisation, year: int) -> list[dict]:
    """The township's report in Fazhi: the latest submitted version as frozen, else the saved report rendered now."""
    from fazhi.oversight.filing import filing_get
    from fazhi.reports.compose import compose_report
    from fazhi.reports.render_docx import render_docx
    from fazhi.reports.services import report_get

    filing = filing_get(township, year)
    latest = filing.latest if filing is not None else None
    if latest is not None:
        state = SUBMISSION_STATES[latest.status]
        when = timezone.localtime(latest.submitted_at)
        note = f"{when:%Y-%m-%d %H:%M}报送时冻结的文件"
        if latest.status == SubmissionStatus.RETURNED and latest.comment:
            note += f"；退回意见：{latest.comment[:80]}"
        return [_row(township.name, f"{township.name}/{safe_name(f'{latest.title}（第{latest.version}版，{state}）.docx')}",
                     state, version=f"第{latest.version}版", note=note, data=bytes(latest.docx))]
    report = report_get(township, year)
    if report is None:
        return []
    composed = compose_report(report)
    return [_row(township.name, f"{township.name}/{safe_name(f'{composed.title}（草稿，未报送）.docx')}", State.DRAFT,
                 version="未报送", note=f"系统中保存的报告，按{timezone.localtime():%Y-%m-%d %H:%M}的台账数据生成，未经审定报送",
                 data=render_docx(composed))]


def _imported_row(report: ImportedReport, who: str, folder: str, *, township: bool = True) -> dict:
    received = f"{report.received_on:%Y-%m-%d}收到" if report.received_on else ""
    item = (ImportItem.objects.filter(report=report, status=ImportItemStatus.DONE).exclude(file="")
            .order_by("pk").first())
    data = None
    if item is not None:
        try:
            with item.file.open("rb") as fh:
                data = fh.read()
        except OSError:
            data = None
    if data is not None:
        return _row(who, f"{folder}/{safe_name('导入-' + report.filename)}", State.IMPORTED, version=received,
                    note="系统外编写，县级导入的原文件", data=data, township=township)
    stem = report.filename.rsplit(".", 1)[0]
    return _row(who, f"{folder}/{safe_name(f'导入-{stem}（提取的文本）.txt')}", State.IMPORTED, version=received,
                note="原文件未保存，附导入时提取的文本", data=report.text.encode("utf-8-sig"), township=township)


def _county_step(bundle: ReportBundle, step: int) -> list[dict]:
    from fazhi.oversight.compare import compare
    from fazhi.oversight.county_files import comparison_file, summary_file

    figures = compare(bundle.county, bundle.year)
    summary_name, summary = summary_file(bundle.county, bundle.year, timezone.localdate(), figures)
    comparison_name, comparison = comparison_file(bundle.county, bundle.year, figures)
    made = f"按{timezone.localtime():%Y-%m-%d %H:%M}的数据生成"
    rows = [
        _row(COUNTY, safe_name(summary_name), State.COUNTY, note=f"全县汇总报告（起草稿），{made}", data=summary,
             township=False),
        _row(COUNTY, safe_name(comparison_name), State.COUNTY, note=f"各乡镇（街道）指标比较，{made}", data=comparison,
             township=False),
    ]
    loose = (ImportedReport.objects.active().filter(organisation=bundle.county, year=bundle.year)
             .exclude(township_id__in=bundle.townships).order_by("township_name", "pk"))
    rows += [_imported_row(r, r.township.name if r.township_id else (r.township_name or "未识别乡镇"), OTHERS,
                           township=False) for r in loose.select_related("township")]
    return _save_rows(bundle, step, rows)


# ---------------------------------------------------------------- packing

def _unique(path: str, used: set[str]) -> str:
    """Two files of one name in a folder (two imports of 报告.docx): the second becomes 报告（2）.docx."""
    stem, dot, ext = path.rpartition(".")
    candidate, n = path, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}（{n}）.{ext}" if dot else f"{path}（{n}）"
    used.add(candidate)
    return candidate


def root_folder(bundle: ReportBundle) -> str:
    return safe_name(f"{bundle.county.name}{bundle.year}年度乡镇（街道）法治政府建设报告")


def download_name(bundle: ReportBundle) -> str:
    return f"{root_folder(bundle)}.zip"


MANIFEST_COLUMNS = ("序号", "乡镇（街道）", "状态", "版本", "文件", "说明")


def _manifest_lines(bundle: ReportBundle, rows: list[dict]) -> list[tuple]:
    return [(i, r["township"], r["state"], r["version"], r["path"] or "（无文件）", r["note"])
            for i, r in enumerate(rows, start=1)]


def _summary_line(bundle: ReportBundle, rows: list[dict]) -> str:
    states: dict[str, list[str]] = {}
    for r in rows:
        if r["of_township"]:
            states.setdefault(r["township"], []).append(r["state"])
    counts: dict[str, int] = {}
    for found in states.values():
        main = next((s for s in found if s != State.IMPORTED), State.IMPORTED)
        counts[main] = counts.get(main, 0) + 1
    parts = "，".join(f"{state}{n}个" for state, n in counts.items())
    return f"乡镇（街道）{len(bundle.townships)}个：{parts or '无'}"


def manifest_text(bundle: ReportBundle, rows: list[dict], made_at: dt.datetime) -> str:
    who = str(bundle.requested_by) if bundle.requested_by else "命令行"
    lines = [
        f"{bundle.county.name}{bundle.year}年度乡镇（街道）法治政府建设报告 打包清单",
        f"生成时间：{timezone.localtime(made_at):%Y-%m-%d %H:%M}　申请人：{who}",
        _summary_line(bundle, rows),
        "状态说明：已接收、已报送待审核、已退回修改为乡镇报送时冻结的版本；草稿（未报送）为系统中保存、尚未报送的报告，"
        "按生成时的台账数据生成；导入为系统外编写、县级导入的报告原文件；未编写为没有报告，未生成文件。",
        "",
        "\t".join(MANIFEST_COLUMNS),
    ]
    lines += ["\t".join(str(v) for v in line) for line in _manifest_lines(bundle, rows)]
    return "\r\n".join(lines) + "\r\n"  # CRLF: read in Windows Notepad as well


def manifest_xlsx(bundle: ReportBundle, rows: list[dict]) -> bytes:
    from openpyxl.styles import Font

    from fazhi.core import spreadsheets

    wb, sheet = spreadsheets.new_workbook("清单")  # imported reports' names and titles stay text, never formulas
    spreadsheets.append_row(sheet, [f"{bundle.county.name}{bundle.year}年度乡镇（街道）法治政府建设报告 打包清单"])
    sheet["A1"].font = Font(bold=True, size=14)
    spreadsheets.append_row(sheet, [_summary_line(bundle, rows)])
    spreadsheets.append_row(sheet, list(MANIFEST_COLUMNS))
    for line in _manifest_lines(bundle, rows):
        spreadsheets.append_row(sheet, list(line))
    for column, width in zip("ABCDEF", (6, 16, 14, 12, 60, 60)):
        sheet.column_dimensions[column].width = width
    return spreadsheets.workbook_bytes(wb)


def _pack(bundle: ReportBundle, token: str) -> None:
    root = root_folder(bundle)
    used: set[str] = set()
    rows = [dict(r) for r in bundle.entries]
    made_at = timezone.now()
    for row in rows:
        if row.get("work"):
            row["path"] = _unique(row["path"], used)
    try:
        with tempfile.NamedTemporaryFile(suffix=".zip") as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(f"{root}/目录.txt", manifest_text(bundle, rows, made_at).encode("utf-8-sig"))
                archive.writestr(f"{root}/目录.xlsx", manifest_xlsx(bundle, rows))
                for row in rows:
                    if row.get("work"):
                        with default_storage.open(row["work"], "rb") as src, archive.open(f"{root}/{row['path']}", "w") as dst:
                            shutil.copyfileobj(src, dst)
            size = tmp.tell()
            tmp.seek(0)
            name = default_storage.save(f"bundles/{clock.local(made_at):%Y}/{bundle.county.code}-{bundle.year}-{bundle.pk}.zip", File(tmp))
    except (OSError, zipfile.BadZipFile) as exc:
        log.exception("bundle %s could not be packed", bundle.pk)
        ReportBundle.objects.filter(pk=bundle.pk, claim_token=token, status=BundleStatus.PENDING).update(
            status=BundleStatus.FAILED, error=f"打包失败（{exc.__class__.__name__}：{exc}），请重新打包"[:300],
            finished_at=timezone.now())
        return
    finished = ReportBundle.objects.filter(pk=bundle.pk, claim_token=token, status=BundleStatus.PENDING).update(
        status=BundleStatus.DONE, file=name, size=size, entries=rows, done=bundle.total, finished_at=timezone.now())
    if not finished:  # the lease was lost meanwhile: the other process packs its own
        default_storage.delete(name)
        return
    _remove_work_files(bundle, rows)


def _remove_work_files(bundle: ReportBundle, rows: list[dict]) -> None:
    import os

    for row in rows:
        if row.get("work"):
            default_storage.delete(row["work"])
    try:
        os.rmdir(default_storage.path(f"bundles/work/{bundle.pk}"))
    except (NotImplementedError, OSError):
        pass  # not a local file system, or not empty: harmless
