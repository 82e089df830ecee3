"""Small helpers shared by the API tests."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import factory
from django.forms.models import model_to_dict
from rest_framework.test import APIClient

from fazhi.testing import factories

YEAR = dt.date.today().year - 1


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def chinese(value) -> bool:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def factory_for(model):
    for item in factories.LEDGER_FACTORIES.values():
        if item._meta.model is model:
            return item
    for item in vars(factories).values():
        if isinstance(item, type) and issubclass(item, factory.django.DjangoModelFactory):
            if not item._meta.abstract and item._meta.model is model:
                return item
    return None


def payload_for(ledger, township) -> dict:
    """A valid JSON payload for the ledger, from its test factory (what a client would post)."""
    obj = factory_for(ledger.model).build(organisation=township)
    payload = {}
    for name, value in model_to_dict(obj, fields=ledger.form_class._meta.fields).items():
        if value is None:
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        payload[name] = value
    return payload
