"""JSON form of ledger records, and validation through the ledger's own form.

The API has no validation rules of its own: a payload is turned into the same
string data a browser would post and fed to the ledger's RecordForm, so the API
and the web pages can never disagree.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.db import models
from django.forms.models import model_to_dict
from django.utils import timezone
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from fazhi.core.ledgers import Ledger

FIELD_TYPES = {
    forms.DateField: "date",
    forms.BooleanField: "boolean",
    forms.DecimalField: "decimal",  # before IntegerField, its base class
    forms.FloatField: "number",
    forms.IntegerField: "integer",
    forms.ModelMultipleChoiceField: "ids",
    forms.ModelChoiceField: "id",
    forms.ChoiceField: "choice",
}


def _json_value(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
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
        "created_at": _json_value(obj.created_at),
        "updated_at": _json_value(obj.updated_at),
    }
    for name in ledger.form_class._meta.fields:
        field = ledger.field(name)
        if isinstance(field, models.ManyToManyField):
            related = list(getattr(obj, name).all())
            data[name] = [item.pk for item in related]
            data[f"{name}_names"] = [str(item) for item in related]
        elif isinstance(field, models.ForeignKey):
            related = getattr(obj, name)
            data[name] = related.pk if related else None
            data[f"{name}_name"] = str(related) if related else ""
        else:
            data[name] = _json_value(getattr(obj, name))
            if field.choices:
                data[f"{name}_display"] = getattr(obj, f"get_{name}_display")()
    return data


def _as_posted(value, *, many: bool):
    """A JSON value as a browser would have posted it (text), or None when it cannot be one."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if many and isinstance(value, list):
        items = [_as_posted(item, many=False) for item in value]
        return None if None in items else items
    return None


def form_for(ledger: Ledger, *, payload, organisation, instance=None, partial: bool = False):
    """The ledger's form bound to an API payload, as if a browser had posted it.

    A new record starts from the model's defaults (which the web form shows pre-filled),
    PATCH from the record's current values, PUT from nothing. Keys that are not fields of
    the form (id, organisation, *_display …) are ignored, so a record read from the API
    can be sent back as it is; the organisation is never taken from the payload.
    """
    if not isinstance(payload, dict):
        raise ValidationError({"detail": "请求内容必须是 JSON 对象，如 {\"字段\": 值}"})
    if hasattr(payload, "lists"):  # form-encoded body: a QueryDict
        payload = {k: v[0] if len(v) == 1 else v for k, v in payload.lists()}
    base_fields = ledger.form_class.base_fields
    start = instance if partial else (ledger.model() if instance is None else None)
    data, wrong = {}, {}
    if start is not None:
        for name, value in model_to_dict(start, fields=list(base_fields)).items():
            if isinstance(value, list):  # many-to-many: model instances
                value = [item.pk for item in value]
            data[name] = "" if value is None else value
    for name, value in payload.items():
        if name not in base_fields:
            continue
        many = isinstance(base_fields[name], forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
        posted = _as_posted(value, many=many)
        if posted is None:
            wrong[name] = ["应为一个列表" if many else "格式不正确：应为文字、数字或 true/false"]
        else:
            data[name] = posted
    if wrong:
        raise ValidationError(wrong)
    return ledger.form_class(data=data, instance=instance, organisation=organisation)


def form_errors(form) -> dict:
    errors = {}
    for name, messages in form.errors.items():
        errors["non_field_errors" if name == "__all__" else name] = list(messages)
    return errors


def _field_type(field: forms.Field) -> str:
    for kind, name in FIELD_TYPES.items():
        if isinstance(field, kind):
            return name
    return "text"


def field_descriptions(ledger: Ledger) -> list[dict]:
    described = []
    for name, form_field in ledger.form_class.base_fields.items():
        entry = {
            "name": name,
            "label": ledger.label(name),
            "type": _field_type(form_field),
            "required": form_field.required,
        }
        max_length = getattr(form_field, "max_length", None)
        if max_length:
            entry["max_length"] = max_length
        if form_field.help_text:
            entry["help_text"] = str(form_field.help_text)
        choices = ledger.field(name).choices
        if choices:
            entry["choices"] = [{"value": value, "label": str(label)} for value, label in choices]
        described.append(entry)
    return described


# The request body of …/void/, for the OpenAPI schema (validation is the web's VoidForm).


class VoidRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(label="作废原因", max_length=200)

