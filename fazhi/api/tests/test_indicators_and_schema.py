from __future__ import annotations

import datetime as dt

from rest_framework.test import APIClient

from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory

YEAR = dt.date.today().year - 1


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_indicator_values_equal_the_registry(clerk, township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1))
    DisputeCaseFactory(organisation=township, received_on=dt.date(YEAR, 4, 2), closed_on=dt.date(YEAR, 4, 20))
    body = client_for(clerk).get("/api/indicators/", {"org": township.code, "year": YEAR}).json()
    expected = {k: f.json_value() for k, f in registry.compute_all(Scope.for_org(township, YEAR)).items()}
    assert {k: v["value"] for k, v in body["indicators"].items()} == expected
    assert body["indicators"]["publicity_events"]["value"] == 1
    assert body["indicators"]["publicity_events"]["records_url"] == f"/indicators/publicity_events/records/?year={YEAR}&org={township.code}"
    assert body["indicators"]["legality_reviews"] == {
        "label": "合法性审查/法制审核", "unit": "件", "value": None, "connected": False, "records_url": None,
    }


def test_another_township_is_404(clerk, other_township):
    assert client_for(clerk).get("/api/indicators/", {"org": other_township.code, "year": YEAR}).status_code == 404


def test_a_bad_year_is_a_chinese_400(clerk, township):
    response = client_for(clerk).get("/api/indicators/", {"org": township.code, "year": "abc"})
    assert response.status_code == 400 and "年度" in response.json()["year"][0]


def test_the_openapi_schema_is_served(clerk):
    response = client_for(clerk).get("/api/openapi.json")
    assert response.status_code == 200
    assert "/api/ledgers/{slug}/" in response.json()["paths"]
