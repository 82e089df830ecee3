"""A record's field as a clerk reads it: choice labels, 是/否, local time; the same on pages, in exports and in history."""
from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone


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
