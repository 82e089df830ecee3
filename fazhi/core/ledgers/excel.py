"""Excel (.xlsx) import and export for any ledger.

Import validates every row through the ledger's own form (the same rules as the
web page) and reports problems per row and column in Chinese. A file with any
error imports nothing unless the user asks to import the valid rows only; the
import itself runs in one transaction.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db import models, transaction
from django.utils import timezone

from fazhi.core import spreadsheets
from fazhi.core.ledgers.registry import Ledger
from fazhi.core.models import Organisation
from fazhi.core.spreadsheets import XLSX_MIME  # noqa: F401  (re-exported for the views)

MAX_IMPORT_ROWS = 5000


def display_value(obj: models.Model, name: str):
    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if value is None or value == "":
        return ""
    if field.choices:
        return getattr(obj, f"get_{name}_display")()
    if isinstance(field, models.BooleanField):
        return "是" if value else "否"
    if isinstance(field, models.ForeignKey):
        return str(value)
    if isinstance(value, dt.datetime):  # e.g. 作废时间 in a record's history: local time, to the minute
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else f"{value:%Y-%m-%d %H:%M}"
    return value


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
) -> ImportResult:
    result = ImportResult()
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
        for row in result.valid_rows:
            record_save(form=row.form, user=user)
            result.imported += 1
    return result
