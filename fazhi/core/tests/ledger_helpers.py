"""Helpers for tests that run against every registered ledger: a record, a valid form, an Excel row."""
from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django import forms
from django.forms.models import model_to_dict
from django.utils import timezone
from openpyxl import Workbook

from fazhi.core.ledgers import all_ledgers
from fazhi.core.ledgers.excel import display_value
from fazhi.testing.factories import LEDGER_FACTORIES

YEAR = timezone.localdate().year - 1
LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers()]
ATTACHMENT_LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers() if ledger.attachments]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 48


def dates_in_year(ledger, year: int = YEAR) -> dict:
    """Date values for a record of ``year`` that satisfy every ledger's rules (a dispute closes after intake)."""
    values = {ledger.date_field: dt.date(year, 4, 2)}
    if ledger.slug == "disputes":
        values["closed_on"] = dt.date(year, 4, 20)
    return values


def make_record(ledger, organisation, year: int = YEAR, **overrides):
    return LEDGER_FACTORIES[ledger.slug](organisation=organisation, **{**dates_in_year(ledger, year), **overrides})


def post_value(value):
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool):
        return "on" if value else ""
    return str(value)


def form_data(ledger, organisation, **overrides) -> dict:
    """What a clerk would submit on the ledger's web form for a valid record of YEAR."""
    obj = LEDGER_FACTORIES[ledger.slug].build(organisation=organisation, **dates_in_year(ledger))
    data = {}
    for name, value in model_to_dict(obj, fields=ledger.form_class._meta.fields).items():
        if isinstance(value, bool) and not value:
            continue  # an unticked checkbox is simply absent from the POST
        data[name] = post_value(value)
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def form_fields_of(ledger, kind) -> list[str]:
    return [name for name, f in ledger.form_class.base_fields.items() if isinstance(f, kind)]


def integer_fields(ledger) -> list[str]:
    return [
        name for name, f in ledger.form_class.base_fields.items()
        if isinstance(f, forms.IntegerField) and not isinstance(f, (forms.DecimalField, forms.FloatField))
    ]


def excel_row(ledger, obj) -> list:
    """The record as one row of the import template (the same values the export writes)."""
    return [display_value(obj, name) for name in ledger.excel_fields]


def header(ledger) -> list[str]:
    return [ledger.label(name) for name in ledger.excel_fields]


def xlsx(rows, head) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(head)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def errors_on_page(html: str) -> list[str]:
    return re.findall(r'<p class="error">([^<]*)</p>', html)


def data_count(html: str) -> str:
    match = re.search(r'data-count="([^"]*)"', html)
    assert match, "page has no data-count"
    return match.group(1)
