"""Excel (.xlsx) import and export for any ledger.

Import validates every row through the ledger's own form (the same rules as the
web page) and reports problems per row and column in Chinese. A file with any
error imports nothing unless the user asks to import the valid rows only; the
import itself runs in one transaction.

Nothing is doubled silently: a file with the same content imported before into
the same ledger of the township, and rows that repeat an active record or an
earlier row (the ledger's natural key, fazhi/core/ledgers/duplicates.py), are
returned for the user to decide on before anything is saved: only the new
rows, all of them anyway, or nothing. Every import and the choice made is kept
(``ImportedFile``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django import forms
from django.db import transaction

from fazhi.core import spreadsheets
from fazhi.core.ledgers.duplicates import Duplicate, find_duplicates
from fazhi.core.ledgers.registry import Ledger
from fazhi.core.ledgers.values import display_value  # noqa: F401  (re-exported: pages show values the same way)
from fazhi.core.models import ImportDecision, ImportedFile, Organisation
from fazhi.core.spreadsheets import XLSX_MIME  # noqa: F401  (re-exported for the views)

MAX_IMPORT_ROWS = 5000


def export_workbook(ledger: Ledger, rows) -> bytes:
    wb, ws = spreadsheets.new_workbook(ledger.title)
    spreadsheets.append_row(ws, ["所属组织", *[ledger.label(n) for n in ledger.excel_fields], "状态"], bold=True)
    for obj in rows:
        values = [display_value(obj, n) for n in ledger.excel_fields]
        spreadsheets.append_row(ws, [str(obj.organisation), *values, f"已作废：{obj.void_reason}" if obj.voided_at else "有效"])
    spreadsheets.fit_columns(ws)
    return spreadsheets.workbook_bytes(wb)


def template_workbook(ledger: Ledger) -> bytes:
    wb, ws = spreadsheets.new_workbook(ledger.title)
    spreadsheets.append_row(ws, [ledger.label(n) for n in ledger.excel_fields], bold=True)
    notes = spreadsheets.add_sheet(wb, "填写说明")
    spreadsheets.append_row(notes, ["列名", "是否必填", "说明"])
    base_fields = ledger.form_class.base_fields
    for name in ledger.excel_fields:
        f = base_fields[name]
        hint = "日期，如 2025-03-15" if isinstance(f, forms.DateField) else ""
        if isinstance(f, forms.TypedChoiceField) or (isinstance(f, forms.ChoiceField) and not isinstance(f, forms.ModelChoiceField)):
            hint = "可选：" + "、".join(str(label) for value, label in f.choices if value != "")
        elif isinstance(f, forms.ModelChoiceField):
            hint = "填写本乡镇的村（社区）名称"
        elif isinstance(f, forms.DecimalField):  # a subclass of IntegerField: check it first
            hint = "数字，可带小数"
        elif isinstance(f, forms.IntegerField):
            hint = "非负整数"
        elif isinstance(f, forms.BooleanField):
            hint = "是 / 否"
        spreadsheets.append_row(notes, [ledger.label(name), "是" if f.required else "否", hint])
    return spreadsheets.workbook_bytes(wb)


@dataclass
class RowResult:
    row_number: int
    errors: list[str] = field(default_factory=list)
    form: forms.ModelForm | None = None


@dataclass
class ImportResult:
    file_errors: list[str] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    imported: int = 0
    sha256: str = ""
    filename: str = ""
    previous_imports: list[ImportedFile] = field(default_factory=list)  # this file, imported before
    duplicates: list[Duplicate] = field(default_factory=list)
    needs_decision: bool = False  # nothing saved: the user must decide about the two lists above
    duplicates_skipped: int = 0

    @property
    def new_rows(self) -> int:
        """Valid rows that repeat nothing: what "only the new rows" imports."""
        return len(self.valid_rows) - len(self.duplicates)

    @property
    def error_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.errors]

    @property
    def valid_rows(self) -> list[RowResult]:
        return [r for r in self.rows if not r.errors]

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.error_rows


class ImportFileError(Exception):
    pass


def _read_sheet(data: bytes):
    """The filled rows (header included), streamed and bounded (fazhi/core/spreadsheets.py)."""
    try:
        return spreadsheets.read_rows(data, max_rows=MAX_IMPORT_ROWS + 1)
    except spreadsheets.SpreadsheetError as exc:
        raise ImportFileError(str(exc)) from exc


def _cell_to_form_value(value, form_field: forms.Field, organisation: Organisation):
    if value is None:
        return ""
    if isinstance(value, str):
        value = value.strip()
    if isinstance(form_field, forms.DateField):
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value).replace("/", "-").replace(".", "-")
    if isinstance(form_field, forms.ModelChoiceField):
        key = getattr(form_field.queryset.model, "EXCEL_KEY", "name")  # a village by its name, a case by its number
        match = form_field.queryset.filter(**{key: str(value)}).first()
        return str(match.pk) if match else f"__unknown__{value}"
    if isinstance(form_field, forms.BooleanField):
        return str(value).strip() in {"是", "有", "True", "true", "1", "Y", "y"} or value is True
    if isinstance(form_field, forms.ChoiceField):
        for choice_value, label in form_field.choices:
            if str(value) in (str(choice_value), str(label)):
                return choice_value
        return str(value)
    if isinstance(form_field, forms.IntegerField) and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _filled(cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def import_workbook(
    ledger: Ledger,
    data: bytes,
    *,
    organisation: Organisation,
    year: int,
    user,
    import_valid_rows: bool = False,
    filename: str = "",
    decision: str | None = None,
    check_only: bool = False,
) -> ImportResult:
    """Check the file and, unless the user must first decide, save its rows.

    A decision is needed when the same file was imported before (and a record it saved is still active) or some
    rows are duplicates. Without one (``decision`` None) nothing is saved and ``result.needs_decision`` is set;
    ``ImportDecision.NEW_ONLY`` then skips the duplicate rows and ``ImportDecision.ALL`` imports them too. Every
    import is kept as an ``ImportedFile`` with the choice made. ``check_only``: find the duplicates, save nothing.
    """
    result = ImportResult(sha256=hashlib.sha256(data).hexdigest(), filename=filename)
    try:
        rows = _read_sheet(data)
    except ImportFileError as exc:
        result.file_errors.append(str(exc))
        return result
    # Blank rows are skipped, but every row keeps its number as Excel shows it, so errors point at the right line.
    if not rows:
        result.file_errors.append("文件是空的：第一行应为列名，之后每行一条记录")
        return result
    header = [str(c).strip() if c is not None else "" for c in rows[0][1]]
    label_to_field = {ledger.label(n): n for n in ledger.excel_fields}
    base_fields = ledger.form_class.base_fields
    missing = [label for label, name in label_to_field.items() if base_fields[name].required and label not in header]
    if missing:
        result.file_errors.append("缺少必需的列：" + "、".join(f"“{m}”" for m in missing) + "（可下载导入模板对照）")
        return result
    if len(rows) == 1:
        result.file_errors.append("文件只有列名，没有数据行")
        return result
    columns = {i: label_to_field[h] for i, h in enumerate(header) if h in label_to_field}
    for offset, raw in rows[1:]:
        form_data = {name: "" for name in ledger.excel_fields}
        probe = ledger.form_class(organisation=organisation)
        for index, name in columns.items():
            cell = raw[index] if index < len(raw) else None
            form_data[name] = _cell_to_form_value(cell, probe.fields[name], organisation)
        form = ledger.form_class(
            data=form_data, organisation=organisation, report_year=year, report_date_field=ledger.date_field
        )
        row = RowResult(row_number=offset, form=form)
        if not form.is_valid():
            for name, errors in form.errors.items():
                label = ledger.label(name) if name in base_fields else "整行"
                for message in errors:
                    if name in base_fields and str(form_data.get(name, "")).startswith("__unknown__"):
                        what = getattr(base_fields[name].queryset.model, "EXCEL_UNKNOWN", "不是本乡镇的村（社区）")
                        message = f"“{str(form_data[name])[11:]}”{what}"
                    row.errors.append(f"第{offset}行“{label}”：{message}")
        result.rows.append(row)
    if result.error_rows and not import_valid_rows:
        return result
    from fazhi.core.ledgers.services import record_save

    with transaction.atomic():
        # One township's imports one at a time (PostgreSQL; SQLite's write transactions are serial anyway), so two
        # clerks confirming the same file at once cannot both pass the checks below.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        result.previous_imports = previous_imports(ledger, organisation, result.sha256)
        result.duplicates = find_duplicates(ledger, organisation, result.valid_rows)
        if decision not in (ImportDecision.NEW_ONLY, ImportDecision.ALL):
            if check_only or result.previous_imports or result.duplicates:
                result.needs_decision = True
                return result
            decision = ImportDecision.NO_DUPLICATES
        skip = {d.row_number for d in result.duplicates} if decision == ImportDecision.NEW_ONLY else set()
        record_ids = []
        for row in result.valid_rows:
            if row.row_number in skip:
                result.duplicates_skipped += 1
                continue
            record_ids.append(record_save(form=row.form, user=user).pk)
            result.imported += 1
        if result.imported or decision != ImportDecision.NO_DUPLICATES:
            record_import(ledger, organisation, result, user=user, filename=filename, year=year, decision=decision,
                          record_ids=record_ids)
    return result


def previous_imports(ledger: Ledger, organisation: Organisation, sha256: str) -> list[ImportedFile]:
    """Earlier imports of a file with this content into the township's ledger that still count: some record they
    saved is not voided (a file whose records were all voided may be imported again without a question)."""
    found = []
    for earlier in ImportedFile.objects.filter(
        organisation=organisation, ledger=ledger.slug, sha256=sha256, rows_imported__gt=0
    ).select_related("created_by"):
        if ledger.model.objects.active().filter(organisation=organisation, pk__in=earlier.record_ids).exists():
            found.append(earlier)
    return found


def record_import(ledger: Ledger, organisation: Organisation, result: ImportResult, *, user, filename: str,
                  year: int, decision: str, record_ids: list[int] | None = None) -> ImportedFile:
    """Keep the import and the user's choice (a cancelled one too): who, when, which file, what was saved."""
    duplicate_rows = len(result.duplicates)
    return ImportedFile.objects.create(
        organisation=organisation, ledger=ledger.slug, sha256=result.sha256, filename=filename[:255], year=year,
        decision=decision, rows_imported=result.imported, duplicates_skipped=result.duplicates_skipped,
        duplicates_imported=duplicate_rows if decision == ImportDecision.ALL else 0,
        repeated=bool(result.previous_imports), record_ids=record_ids or [], created_by=user,
    )
