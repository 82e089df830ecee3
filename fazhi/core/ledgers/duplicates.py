"""Rows of an Excel import that repeat a record: the same as an active record of the township, or as an earlier
row of the same file, on the ledger's natural key (``Ledger.natural_key``).

Values are compared as stored, after the ledger's form has cleaned them: a village by its id, a choice by its code,
text with runs of spaces collapsed, so "宪法进乡村 " and "宪法进乡村" are the same. Voided records never count, and
only the importing township's records do.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models

from fazhi.core.ledgers.registry import Ledger
from fazhi.core.ledgers.values import display_value
from fazhi.core.models import Organisation

DESCRIPTION_TEXT_MAX = 30


@dataclass(frozen=True)
class Duplicate:
    row_number: int
    description: str
    record_pk: int | None = None  # the same as this active record…
    record_url: str = ""
    first_row: int | None = None  # …or as this earlier row of the file

    @property
    def message(self) -> str:
        if self.record_pk is not None:
            return f"第{self.row_number}行与已有记录相同：{self.description}（记录 #{self.record_pk}）"
        return f"第{self.row_number}行与本文件第{self.first_row}行相同：{self.description}"


def _attnames(ledger: Ledger) -> list[str]:
    return [ledger.field(name).attname for name in ledger.natural_key]


def _normalise(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def key_of(ledger: Ledger, obj: models.Model) -> tuple:
    return tuple(_normalise(getattr(obj, attname)) for attname in _attnames(ledger))


def describe(ledger: Ledger, obj: models.Model) -> str:
    """The key's values as a clerk reads them: 2025-03-04 “宪法进乡村” “东村”."""
    parts = []
    for name in ledger.natural_key:
        value = display_value(obj, name)
        if value == "" or value is None:
            continue
        if isinstance(value, dt.date):
            parts.append(f"{value:%Y-%m-%d}")
            continue
        text = " ".join(str(value).split())
        if len(text) > DESCRIPTION_TEXT_MAX:
            text = text[:DESCRIPTION_TEXT_MAX] + "…"
        parts.append(f"“{text}”")
    return " ".join(parts)


def _existing(ledger: Ledger, organisation: Organisation, candidates: list[models.Model]) -> dict[tuple, int]:
    """Key → id of the oldest active record of the township with that key (only keys the rows could match)."""
    records = ledger.model.objects.active().filter(organisation=organisation)
    date_field = ledger.field(ledger.date_field)
    if ledger.date_field in ledger.natural_key:  # narrow to the rows' dates: a ledger of many years stays cheap
        dates = {getattr(obj, date_field.attname) for obj in candidates}
        records = records.filter(**{f"{ledger.date_field}__in": [d for d in dates if d is not None]})
    found: dict[tuple, int] = {}
    for pk, *values in records.order_by("pk").values_list("pk", *_attnames(ledger)).iterator():
        found.setdefault(tuple(_normalise(v) for v in values), pk)
    return found


def find_duplicates(ledger: Ledger, organisation: Organisation, rows) -> list[Duplicate]:
    """Every row (``RowResult`` with a valid form) that repeats an active record or an earlier row, in file order."""
    instances = [(row.row_number, row.form.instance) for row in rows]
    existing = _existing(ledger, organisation, [obj for _, obj in instances])
    first_row_of: dict[tuple, int] = {}
    duplicates = []
    for row_number, obj in instances:
        key = key_of(ledger, obj)
        if key in existing:
            pk = existing[key]
            duplicates.append(Duplicate(row_number, describe(ledger, obj), record_pk=pk,
                                        record_url=_detail_url(ledger, pk)))
        elif key in first_row_of:
            duplicates.append(Duplicate(row_number, describe(ledger, obj), first_row=first_row_of[key]))
        else:
            first_row_of[key] = row_number
    return duplicates


def _detail_url(ledger: Ledger, pk: int) -> str:
    from django.urls import reverse

    return reverse("ledger_detail", args=[ledger.slug, pk])
