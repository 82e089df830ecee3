"""The public disclosure-application API and portal: no login, Chinese errors, masked data, idempotent."""
from __future__ import annotations

import json

import pytest
from django.utils import timezone

from fazhi.disclosure.models import DisclosureEvent, DisclosureRequest

URL = "/api/public/disclosure-requests"
VALID = {
    "organisation": "T901", "applicant_type": "natural", "applicant_name": "张小明",
    "contact": "13800138000", "description": "2025年本镇农村低保对象名单及审核程序",
}


def post(client, body, **headers):
    return client.post(URL, data=json.dumps(body), content_type="application/json", **headers)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0


def test_an_application_without_login_gets_a_tracking_number_and_due_date(client, township):
    response = post(client, VALID)
    assert response.status_code == 201, response.content.decode()
    body = response.json()
    year = timezone.localdate().year
    assert body["tracking_number"] == f"T901-{year}-0001"
    assert body["received_on"] == timezone.localdate().isoformat()
    assert body["due_on"] > body["received_on"]
    assert body["applicant"] == "张**" and "13800138000" not in json.dumps(body, ensure_ascii=False)
    stored = DisclosureRequest.objects.get()
    assert stored.organisation == township and stored.channel == "portal" and stored.applicant_name == "张小明"
    assert DisclosureEvent.objects.filter(request=stored, kind="received").exists()


def test_status_needs_the_right_contact(client, township):
    number = post(client, VALID).json()["tracking_number"]
    ok = client.get(f"{URL}/{number}?contact=138-0013-8000")
    assert ok.status_code == 200 and ok.json()["status"] == "received" and ok.json()["due_on"]
    assert client.get(f"{URL}/{number}?contact=13900000000").status_code == 404
    assert client.get(f"{URL}/{number}").status_code == 404
    assert client.get(f"{URL}/NOPE-1?contact=13800138000").json()["detail"].startswith("没有找到")


@pytest.mark.parametrize("change, field", [
    ({"organisation": "NOPE"}, "organisation"),
    ({"organisation": ""}, "organisation"),
    ({"applicant_type": "alien"}, "applicant_type"),
    ({"applicant_name": ""}, "applicant_name"),
    ({"contact": "12"}, "contact"),
    ({"description": ""}, "description"),
    ({"description": ["a"]}, "description"),
    ({"id_number": "110101199003077778"}, "id_number"),  # wrong check digit
])
def test_bad_input_is_a_400_naming_the_field_in_chinese(client, township, change, field):
    response = post(client, {**VALID, **change})
    assert response.status_code == 400
    messages = response.json()[field]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in "".join(messages))
    assert DisclosureRequest.objects.count() == 0


def test_a_chinese_applicant_type_label_is_accepted(client, township):
    response = post(client, {**VALID, "applicant_type": "法律服务机构", "id_number": "91350100M000100Y43"})
    assert response.status_code == 201, response.content
    assert DisclosureRequest.objects.get().applicant_type == "legal_service"


def test_not_json_is_a_chinese_400(client, township):
    response = client.post(URL, data="{oops", content_type="application/json")
    assert response.status_code == 400 and "JSON" in response.json()["detail"]


def test_the_same_idempotency_key_gives_one_application(client, township):
    first = post(client, VALID, HTTP_IDEMPOTENCY_KEY="abc-123")
    second = post(client, VALID, HTTP_IDEMPOTENCY_KEY="abc-123")
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["tracking_number"] == second.json()["tracking_number"]
    assert DisclosureRequest.objects.count() == 1


def test_numbers_are_consecutive_per_township(client, township, other_township):
    numbers = [post(client, VALID).json()["tracking_number"] for _ in range(3)]
    other = post(client, {**VALID, "organisation": "T902"}).json()["tracking_number"]
    year = timezone.localdate().year
    assert numbers == [f"T901-{year}-{n:04d}" for n in (1, 2, 3)]
    assert other == f"T902-{year}-0001"


def test_the_rate_limit_answers_429_in_chinese(client, township, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 2
    from django.core.cache import cache

    cache.clear()
    codes = [post(client, VALID).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    assert "频繁" in post(client, VALID).json()["detail"]
    assert DisclosureRequest.objects.count() == 2


def test_the_schema_documents_the_public_endpoints(client, clerk):
    client.force_login(clerk)
    schema = client.get("/api/openapi.json").json()
    assert "/api/public/disclosure-requests" in schema["paths"]
    assert "/api/public/disclosure-requests/{tracking_number}" in schema["paths"]


def test_the_portal_form_submits_and_shows_the_number(client, township):
    page = client.get("/portal/T901/apply/")
    assert page.status_code == 200 and "idempotency_key" in page.content.decode()
    data = {**VALID, "delivery": "email", "idempotency_key": "k1"}
    data.pop("organisation")
    done = client.post("/portal/T901/apply/", data)
    text = done.content.decode()
    assert done.status_code == 200 and "T901-" in text and "张**" in text and "13800138000" not in text
    again = client.post("/portal/T901/apply/", data)  # a double-clicked submit
    assert again.status_code == 200 and DisclosureRequest.objects.count() == 1


def test_the_portal_form_shows_errors_and_saves_nothing(client, township):
    response = client.post("/portal/T901/apply/", {"applicant_type": "natural"})
    assert response.status_code == 400
    assert "请填写“申请人姓名/名称”" in response.content.decode()
    assert DisclosureRequest.objects.count() == 0


def test_tracking_on_the_portal(client, township):
    number = post(client, VALID).json()["tracking_number"]
    found = client.get("/portal/track/", {"tracking_number": number, "contact": "13800138000"})
    assert found.status_code == 200 and "data-due-on" in found.content.decode()
    missing = client.get("/portal/track/", {"tracking_number": number, "contact": "13900000000"})
    assert missing.status_code == 404 and "没有找到" in missing.content.decode()


def test_township_home_shows_guide_and_catalogue(client, township):
    from fazhi.testing.factories import ProactiveReleaseFactory

    ProactiveReleaseFactory(organisation=township, title="关于低保对象的公示")
    page = client.get("/portal/T901/").content.decode()
    assert "政府信息公开指南" in page and "关于低保对象的公示" in page
    assert client.get("/portal/NOPE/").status_code == 404


def test_a_nul_byte_in_the_query_is_a_json_400_on_the_api(client, township):
    response = client.get(f"{URL}/T901-2025-0001?contact=%00")
    assert response.status_code == 400 and "空字符" in response.json()["detail"]
    assert client.get("/portal/track/?tracking_number=%00&contact=1").status_code == 400
