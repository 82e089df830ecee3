"""JSON form of ledger records, and validation through the ledger's own form.

The API never has validation rules of its own: it feeds the same RecordForm
the web page uses, so the two can never disagree.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.forms.models import model_to_dict

from fazhi.core.ledgers import Ledger


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def record_to_json(ledger: Ledger, obj: models.Model) -> dict:
    data = {
        "id": obj.pk,
        "organisation": obj.organisation.code,
        "organisation_name": obj.organisation.name,
        "voided": obj.is_void,
        "void_reason": obj.void_reason,
    }
    for name in ledger.form_class._meta.fields:
        field = ledger.field(name)
        if isinstance(field, models.ForeignKey):
            related = getattr(obj, name)
            data[name] = related.pk if related else None
            data[f"{name}_name"] = str(related) if related else ""
            continue
        data[name] = _json_value(getattr(obj, name))
        if field.choices:
            data[f"{name}_display"] = getattr(obj, f"get_{name}_display")()
    return data


def form_for(ledger: Ledger, *, payload: dict, organisation, instance=None, partial: bool = False):
    """The ledger's form bound to an API payload; PATCH starts from the record's current values."""
    fields = ledger.form_class._meta.fields
    data = {}
    if partial and instance is not None:
        data = {k: v for k, v in model_to_dict(instance, fields=fields).items() if v is not None}
    data.update({k: v for k, v in payload.items() if k in fields})
    data = {k: ("" if v is None else v) for k, v in data.items()}
    return ledger.form_class(data=data, instance=instance, organisation=organisation)


def field_descriptions(ledger: Ledger) -> list[dict]:
    form = ledger.form_class.base_fields
    described = []
    for name in ledger.form_class._meta.fields:
        entry = {"name": name, "label": ledger.label(name), "required": form[name].required}
        choices = ledger.field(name).choices
        if choices:
            entry["choices"] = [{"value": value, "label": str(label)} for value, label in choices]
        described.append(entry)
    return described
