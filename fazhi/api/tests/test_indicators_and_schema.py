from __future__ import annotations

import datetime as dt
import json

from django.core.management import call_command

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
    assert {k: v["value"] for k, v in body.items()} == expected
    assert body["publicity_events"]["value"] == 1
    assert body["publicity_events"]["records_url"] == f"/indicators/publicity_events/records/?year={YEAR}&org={township.code}"
    assert body["penalty_cases"] == {
        "label": "行政处罚案件（普通程序）", "unit": "件", "value": 0, "connected": True,
        "records_url": f"/indicators/penalty_cases/records/?year={YEAR}&org={township.code}",
    }


def test_another_township_is_404(clerk, other_township, county):
    for code in (other_township.code, county.code, "NO-SUCH"):
        response = client_for(clerk).get("/api/indicators/", {"org": code, "year": YEAR})
        assert response.status_code == 404 and response.json()["detail"] == "组织不存在或您无权查看"


def test_the_supervisor_reads_each_township(supervisor, township, other_township):
    PublicityEventFactory(organisation=other_township, held_on=dt.date(YEAR, 5, 1))
    client = client_for(supervisor)
    for org, count in ((township, 0), (other_township, 1)):
        body = client.get("/api/indicators/", {"org": org.code, "year": YEAR}).json()
        assert body["publicity_events"]["value"] == count
    response = client.get("/api/indicators/", {"year": YEAR})
    assert response.status_code == 400 and "org" in response.json()


def test_a_clerk_may_leave_out_org(clerk, township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1))
    assert client_for(clerk).get("/api/indicators/", {"year": YEAR}).json()["publicity_events"]["value"] == 1


def test_a_bad_year_is_a_chinese_400(clerk, township):
    response = client_for(clerk).get("/api/indicators/", {"org": township.code, "year": "abc"})
    assert response.status_code == 400 and "年度" in response.json()["year"][0]


DECISION_PATHS = {"/api/decisions/", "/api/decisions/{id}/"}
ENFORCEMENT_PATHS = {"/api/enforcement/cases/", "/api/enforcement/cases/{id}/", "/api/enforcement/officers/"}


def test_the_openapi_schema_is_served(clerk):
    response = client_for(clerk).get("/api/openapi.json")
    assert response.status_code == 200
    assert set(response.json()["paths"]) == {
        "/api/ledgers/", "/api/ledgers/{slug}/", "/api/ledgers/{slug}/{id}/", "/api/ledgers/{slug}/{id}/void/",
        "/api/indicators/", "/api/public/disclosure-requests", "/api/public/disclosure-requests/{tracking_number}",
        "/api/disclosure-requests/", "/api/disclosure-requests/{id}/",
        "/api/reviews/", "/api/reviews/{id}/", "/api/reviews/{id}/take/", "/api/reviews/{id}/conclude/",
        "/api/normative-documents/", "/api/normative-documents/{id}/",
    } | DECISION_PATHS | ENFORCEMENT_PATHS


def test_the_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", str(tmp_path / "schema.json"))
    assert json.loads((tmp_path / "schema.json").read_text())["info"]["title"] == "法治工作台 API"


def test_an_api_path_with_an_encoded_newline_is_a_json_404(client, db):
    response = client.get("/api/public/disclosure-requests/a%0Ab")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
