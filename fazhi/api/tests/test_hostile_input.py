"""No input makes the site answer 5xx (issue 20 #7, #9, #10): each attack of the outside probe gets a clear Chinese
4xx, in debug and in production mode alike, and nothing is saved. Beside the schemathesis walk of the schema, a
hypothesis fuzz sends text no form expects (surrogates, control characters, invisibles) to the public and staff API.
"""
from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from fazhi.api.tests.helpers import factory_for
from fazhi.core.ledgers import get_ledger
from fazhi.disclosure.models import DisclosureRequest

PUBLIC = "/api/public/disclosure-requests"
VALID = {
    "organisation": "T901", "applicant_type": "natural", "applicant_name": "张小明",
    "contact": "13800138000", "description": "2025年本镇农村低保对象名单及审核程序",
}
HAN = "\u4e00-\u9fff"


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def mode(request, settings):
    settings.DEBUG = request.param
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    return request.param


@pytest.fixture
def staff(clerk):
    client = Client()
    client.force_login(clerk)
    return client


def post_json(client, path, raw: str | bytes, **extra):
    return client.generic("POST", path, raw, content_type="application/json", **extra)


def test_a_lone_surrogate_is_refused_on_the_public_and_the_staff_api(mode, client, staff, township):
    body = json.dumps(VALID | {"applicant_name": "\ud800张三"})  # json.dumps writes the escape "\\ud800"
    response = post_json(client, PUBLIC, body)
    assert response.status_code == 400 and "代理字符" in response.json()["detail"]
    record = factory_for(get_ledger("meetings").model)(organisation=township)
    response = staff.generic("PATCH", f"/api/ledgers/meetings/{record.pk}/", json.dumps({"topic": "\udfff"}),
                             content_type="application/json")
    assert response.status_code == 400 and "代理字符" in response.json()["detail"]
    assert DisclosureRequest.objects.count() == 0


def test_json_nested_100000_levels_is_a_400(mode, client, staff, township):
    deep = "[" * 100_000 + "]" * 100_000
    for c, path in ((client, PUBLIC), (staff, "/api/ledgers/meetings/")):
        response = post_json(c, path, deep)
        assert response.status_code == 400, (path, response.status_code)
        assert "嵌套" in response.json()["detail"]


def test_a_body_over_the_limit_is_a_413_with_a_chinese_message(mode, client, staff):
    big = json.dumps(VALID | {"description": "甲" * (2 * 1024 * 1024)})
    response = post_json(client, PUBLIC, big)
    assert response.status_code == 413 and "过大" in response.json()["detail"]
    page = staff.post("/ledgers/meetings/new/", {"topic": "x" * (13 * 1024 * 1024)})
    assert page.status_code == 413 and "提交的内容过大" in page.content.decode()


def test_a_body_over_djangos_own_limit_without_a_declared_size_is_refused_too(mode, client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post_json(client, PUBLIC, json.dumps(VALID | {"description": "甲" * 2000}))
    assert response.status_code == 413 and chinese(response.json()["detail"])


def test_more_than_1000_form_fields_is_a_400(mode, client, staff):
    fields = "&".join(f"f{i}=1" for i in range(1100))
    api = staff.generic("POST", "/api/ledgers/meetings/", fields, content_type="application/x-www-form-urlencoded")
    assert api.status_code == 400 and "字段" in api.json()["detail"]
    page = client.generic("POST", "/login/", fields, content_type="application/x-www-form-urlencoded")
    assert page.status_code in (400, 403) and chinese(page.content.decode())


@pytest.mark.parametrize("path", ["/portal/T901%00/", "/api/ledgers/meetings%00/", "/reports/view/T901%00/2025/"])
def test_a_nul_in_the_address_is_a_404_not_a_database_outage(mode, client, staff, township, path):
    for c in (client, staff):
        response = c.get(path)
        assert response.status_code == 404, (path, response.status_code)
        assert "数据库" not in response.content.decode()


def test_the_public_api_refuses_a_form_encoded_body(mode, client, township):
    """Another site's <form> can post form-encoded or text/plain bodies without CORS; the API takes JSON only."""
    form = client.post(PUBLIC, VALID)  # multipart, as a browser form would send
    assert form.status_code == 415 and "application/json" in form.json()["detail"]
    plain = client.generic("POST", PUBLIC, json.dumps(VALID), content_type="text/plain")
    assert plain.status_code == 415
    assert DisclosureRequest.objects.count() == 0


def test_an_idempotency_key_is_bound_to_its_application(mode, client, township):
    first = post_json(client, PUBLIC, json.dumps(VALID), HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201
    again = post_json(client, PUBLIC, json.dumps(VALID), HTTP_IDEMPOTENCY_KEY="k-1")
    assert again.status_code == 200 and again.json()["tracking_number"] == first.json()["tracking_number"]
    other = VALID | {"applicant_name": "李四", "contact": "13900139000", "description": "另一件申请"}
    conflict = post_json(client, PUBLIC, json.dumps(other), HTTP_IDEMPOTENCY_KEY="k-1")
    assert conflict.status_code == 409
    text = conflict.content.decode()
    assert "幂等键" in conflict.json()["detail"]
    for secret in (first.json()["tracking_number"], "张", "138", "received"):
        assert secret not in text
    assert DisclosureRequest.objects.count() == 1


def test_tracking_lookups_share_one_budget_between_portal_and_api(client, township, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 4
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        assert client.get("/portal/track/", {"tracking_number": "T901-2025-0001", "contact": "13800138000"}).status_code == 404
    for _ in range(2):
        assert client.get(f"{PUBLIC}/T901-2025-0001", {"contact": "13800138000"}).status_code == 404
    assert client.get(f"{PUBLIC}/T901-2025-0001", {"contact": "13800138000"}).status_code == 429
    page = client.get("/portal/track/", {"tracking_number": "T901-2025-0001", "contact": "13800138000"})
    assert "查询过于频繁" in page.content.decode()
    cache.clear()


def test_void_reasons_of_invisible_characters_or_not_text_are_refused(mode, staff, township):
    record = factory_for(get_ledger("meetings").model)(organisation=township)
    url = f"/api/ledgers/meetings/{record.pk}/void/"
    for reason in ("\u200b", " \u200b\ufeff ", ["重复录入"], {"a": 1}, 5):
        response = staff.post(url, json.dumps({"reason": reason}), content_type="application/json")
        assert response.status_code == 400, reason
        assert chinese(json.dumps(response.json(), ensure_ascii=False))
    page = staff.post(f"/ledgers/meetings/{record.pk}/void/", {"reason": "\u200b"})
    record.refresh_from_db()
    assert record.voided_at is None and page.status_code in (200, 302)


def test_a_manual_line_break_becomes_a_newline_and_other_control_characters_are_refused(mode, staff, township):
    record = factory_for(get_ledger("meetings").model)(organisation=township)
    url = f"/api/ledgers/meetings/{record.pk}/"
    ok = staff.generic("PATCH", url, json.dumps({"topic": "第一行\x0b第二行\u2028第三行"}), content_type="application/json")
    assert ok.status_code == 200 and ok.json()["topic"] == "第一行\n第二行\n第三行"
    bad = staff.generic("PATCH", url, json.dumps({"topic": "响铃\x07"}), content_type="application/json")
    assert bad.status_code == 400 and "控制字符" in bad.json()["topic"][0]
    form = staff.post(f"/ledgers/meetings/{record.pk}/edit/", {"topic": "换行\x0b"})
    record.refresh_from_db()
    assert "\x0b" not in record.topic and form.status_code in (200, 302)


def test_the_csrf_cookie_is_http_only(db, client):
    response = client.get("/login/")
    assert response.cookies["csrftoken"]["httponly"] is True


ODD_TEXT = st.text(alphabet=st.characters(codec=None, categories=("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Lo")), max_size=40)


@pytest.mark.django_db
@hypothesis_settings(max_examples=60, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(VALID) + ["id_number", "email", "address", "delivery", "idempotency_key"]),
       value=st.one_of(ODD_TEXT, st.integers(), st.lists(ODD_TEXT, max_size=3), st.none()))
def test_fuzz_the_public_api_with_text_no_form_expects(client, township, settings, field, value):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    raw = json.dumps(VALID | {field: value})
    response = post_json(client, PUBLIC, raw)
    assert response.status_code < 500, (field, value, response.content[:200])
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
@hypothesis_settings(max_examples=40, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(value=st.one_of(ODD_TEXT, st.integers(min_value=-2**70, max_value=2**70), st.floats(allow_nan=False)))
def test_fuzz_a_staff_ledger_with_odd_values(clerk, township, value):
    client = Client()
    client.force_login(clerk)
    for slug, field in (("meetings", "topic"), ("publicity-events", "audience"), ("work-plans", "year")):
        response = client.post(f"/api/ledgers/{slug}/", json.dumps({field: value}), content_type="application/json")
        assert response.status_code < 500, (slug, field, value, response.content[:200])
