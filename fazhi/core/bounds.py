"""Realistic bounds for every number, year and date a township records — the one place they are declared.

Read by every input path: ``RecordForm`` (web forms, the REST API and Excel import all validate through it) sets
them on its fields, and ``Record.clean_fields`` (any ModelForm or ``full_clean`` of a government record) checks
them again on the model. The bounds do not depend on the database: SQLite would otherwise store any 64-bit
integer (and then overflow in ``SUM``) where PostgreSQL refuses anything past 2³¹ − 1, so the two disagreed.

- A year is 2000–2100; a date is no later than 2100-12-31 (deadlines included); the earliest date a ledger
  takes (2000) is RecordForm's own rule.
- A count in one record (persons, copies, items) is at most ``COUNT_MAX`` unless ``OVERRIDES`` names a
  tighter realistic bound; a small count (days, years of validity) at most 32767.
- An amount (DecimalField) at most what its digits allow (e.g. 9 999 999 999.99 for 12 digits, 2 places).

With these, no sum over a province's records can come near 2⁶³ on either database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

YEAR_MIN, YEAR_MAX = 2000, 2100
DATE_MAX = dt.date(YEAR_MAX, 12, 31)
COUNT_MAX = 1_000_000
SMALL_MAX = 32_767
SYSTEM_NUMBERS = frozenset({"size", "object_id", "subject_id", "sequence", "position", "version"})

# "app_label.ModelName.field" → the realistic largest value in one record (amounts in 元).
OVERRIDES: dict[str, int] = {
    "governance.RuleOfLawBudget.amount": 100_000_000,
    "disclosure.ProactiveRelease.fee_amount": 10_000,  # 万元
    "disputes.DisputeCase.parties_count": 1_000,
    "governance.Meeting.attendees": 10_000,
    "learning.StudySession.attendees": 10_000,
    "learning.CourtObservation.attendees": 10_000,
    "publicity.LiaisonTraining.participants": 100_000,
    "schools.School.pupils": 50_000,
    "supervision.PresidiumInspection.deputies": 10_000,
    "supervision.PresidiumInspection.issues": 10_000,
    "supervision.PresidiumInspection.rectified": 10_000,
}


@dataclass(frozen=True)
class Bound:
    low: int | Decimal | None
    high: int | Decimal
    year: bool = False

    def message(self, label: str) -> str:
        if self.year:
            return f"“{label}”应为{YEAR_MIN}至{YEAR_MAX}之间的年份"
        return f"“{label}”不能超过{self.high}（超出合理范围，请核实）"


def _declared(field: models.Field, kind) -> int | None:
    values = [v.limit_value for v in field.validators if type(v) is kind and not callable(v.limit_value)]
    return (max if kind is MinValueValidator else min)(values) if values else None


def is_year(field: models.Field) -> bool:
    return field.name == "year" or field.name.endswith("_year")


def bound_for(field: models.Field) -> Bound | None:
    """The bound of one model field, or None for fields that are not numbers a person enters."""
    if isinstance(field, (models.AutoField, models.ForeignKey)) or not isinstance(
        field, (models.IntegerField, models.DecimalField, models.FloatField)
    ):
        return None
    if not field.editable or field.name in SYSTEM_NUMBERS:
        return None  # numbers the system computes (byte sizes, generic ids, sequences), not entered
    low = _declared(field, MinValueValidator)
    key = f"{field.model._meta.app_label}.{field.model.__name__}.{field.name}"
    if isinstance(field, models.DecimalField):
        high = Decimal(10) ** (field.max_digits - field.decimal_places) - Decimal(1).scaleb(-field.decimal_places)
        return Bound(low, min(high, OVERRIDES.get(key, high)))
    if is_year(field):
        return Bound(YEAR_MIN, YEAR_MAX, year=True)
    high = OVERRIDES.get(key)
    if high is None:
        high = SMALL_MAX if isinstance(field, (models.SmallIntegerField, models.PositiveSmallIntegerField)) else COUNT_MAX
    declared = _declared(field, MaxValueValidator)
    if declared is not None:
        high = min(high, declared)
    return Bound(low, high)


def check_value(field: models.Field, value) -> str | None:
    """The Chinese refusal for a value outside its field's bound (None when it is inside)."""
    label = str(field.verbose_name)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"“{label}”晚于{YEAR_MAX}年，请检查" if value > DATE_MAX else None
    bound = bound_for(field)
    if bound is None or value is None or isinstance(value, bool):
        return None
    try:
        if value > bound.high or (bound.year and value < bound.low):
            return bound.message(label)
    except TypeError:
        return None
    return None


def check_instance(instance: models.Model, exclude=None) -> None:
    """Raise one ValidationError naming every field of ``instance`` outside its bound."""
    exclude = set(exclude or ())
    errors = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.attname in exclude:
            continue
        if not isinstance(field, (models.DateField, models.IntegerField, models.DecimalField, models.FloatField)):
            continue
        if isinstance(field, models.DateTimeField) or field.auto_created:
            continue
        message = check_value(field, getattr(instance, field.attname))
        if message:
            errors[field.name] = [message]
    if errors:
        raise ValidationError(errors)
