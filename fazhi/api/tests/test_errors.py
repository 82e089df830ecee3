"""Every API error is JSON with a Chinese ``detail``; nothing a caller sends produces a 500."""
from __future__ import annotations

import json

import pytest
from django.test import Client
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory

from fazhi.api.errors import SERVER_ERROR, exception_handler
from fazhi.api.tests.helpers import api, chinese
from fazhi.core.models import HardDeleteForbidden
from fazhi.publicity.models import PublicityEvent

EVENTS = "/api/ledgers/publicity-events/"


def test_anonymous_callers_are_refused_in_chinese(db):
    for url in ("/api/ledgers/", EVENTS, f"{EVENTS}1/", "/api/indicators/"):
        response = api().get(url)
        assert response.status_code in (401, 403)
        assert response.json()["detail"] == "尚未登录或登录已过期，请先登录"
    assert api().post(EVENTS, {}, format="json").status_code == 403
    assert PublicityEvent.objects.count() == 0


def test_a_session_post_without_csrf_token_is_refused_in_chinese(clerk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    response = client.post(EVENTS, json.dumps({"title": "x"}), content_type="application/json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"] and chinese(response.json()["detail"])


@pytest.mark.parametrize("body", [b"{not json", b'{"title": "x",}', b"\xff\xfe", b'{"audience": NaN}'])
def test_malformed_json_is_a_chinese_400(clerk, body):
    response = api(clerk).post(EVENTS, data=body, content_type="application/json")
    assert response.status_code == 400 and response.json() == {"detail": "请求内容不是有效的 JSON"}
    assert PublicityEvent.objects.count() == 0


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "42", "null"])
def test_json_that_is_not_an_object_is_a_chinese_400(clerk, body):
    response = api(clerk).post(EVENTS, data=body, content_type="application/json")
    assert response.status_code == 400 and chinese(response.json()["detail"])


def test_unknown_addresses_are_json_404s(clerk):
    client = api(clerk)
    for url in ("/api/nothing/", f"{EVENTS}abc/", "/api/ledgers/no-such-ledger/", f"{EVENTS}99999/"):
        response = client.get(url)
        assert response.status_code == 404 and chinese(response.json()["detail"]), url
    response = client.get("/api/ledgers")
    assert response.status_code == 404 and "/api/ledgers/" in response.json()["detail"]


def test_a_bad_page_number_is_a_chinese_404(clerk):
    response = api(clerk).get(EVENTS, {"page": "abc"})
    assert response.status_code == 404 and response.json()["detail"] == "页码无效：没有第 abc 页"


def test_other_protocol_errors_are_chinese(clerk):
    client = api(clerk)
    for response, code in (
        (client.put("/api/ledgers/", {}, format="json"), 405),
        (client.post(EVENTS, data="a=b", content_type="text/plain"), 415),
        (client.get("/api/ledgers/", HTTP_ACCEPT="application/xml"), 406),
    ):
        assert response.status_code == code and chinese(response.json()["detail"])


def _context():
    return {"request": APIRequestFactory().delete("/api/x/"), "view": None}


def test_the_handler_replaces_drfs_english_defaults():
    assert exception_handler(exceptions.NotFound(), _context()).data == {"detail": "记录不存在或您无权查看"}
    assert exception_handler(exceptions.NotFound("Not found."), _context()).data["detail"] == "记录不存在或您无权查看"
    assert exception_handler(exceptions.NotAuthenticated(), _context()).data["detail"] == "尚未登录或登录已过期，请先登录"
    assert exception_handler(exceptions.PermissionDenied("nope"), _context()).data["detail"] == "您没有执行此操作的权限"
    assert exception_handler(exceptions.PermissionDenied("只能查看"), _context()).data["detail"] == "只能查看"


def test_the_handler_maps_model_level_refusals():
    response = exception_handler(HardDeleteForbidden("政府记录不得删除，请作废并填写原因"), _context())
    assert response.status_code == 405 and "作废" in response.data["detail"]


def test_an_unexpected_error_is_a_chinese_json_500(settings, db):
    settings.DEBUG = False
    response = exception_handler(RuntimeError("boom"), _context())
    assert response.status_code == 500 and response.data == {"detail": SERVER_ERROR}
