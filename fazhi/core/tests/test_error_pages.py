"""Error pages speak Chinese and never show a Django debug page or a stack trace."""
from __future__ import annotations

import pytest


def chinese_page(response, code, title):
    page = response.content.decode()
    assert response.status_code == code
    assert '<html lang="zh-CN">' in page and f"<h1>{title}</h1>" in page
    assert "Traceback" not in page and "Django" not in page
    return page


@pytest.mark.parametrize("url", ["/no/such/page/", "/ledgers/no-such-ledger/", "/ledgers/disputes/999999/", "/indicators/nope/records/"])
def test_404_is_chinese_for_signed_in_users(clerk_client, url):
    chinese_page(clerk_client.get(url), 404, "页面不存在")


def test_404_is_chinese_for_visitors_too(client, db):
    page = chinese_page(client.get("/no/such/page/"), 404, "页面不存在")
    assert "返回首页" in page


def test_403_explains_in_chinese_why(client, supervisor):
    client.force_login(supervisor)
    page = chinese_page(client.get("/ledgers/disputes/new/"), 403, "无权操作")
    assert "您的角色只能查看，不能录入或修改记录" in page


def test_500_is_a_chinese_apology(client, clerk, monkeypatch):
    from fazhi.core.views import ledgers

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ledgers, "filtered_rows", broken)
    client.raise_request_exception = False
    client.force_login(clerk)
    page = chinese_page(client.get("/ledgers/disputes/"), 500, "系统出错")
    assert "boom" not in page


def test_a_get_on_a_post_only_url_is_not_a_crash(clerk_client, township):
    from fazhi.testing.factories import PublicityEventFactory

    event = PublicityEventFactory(organisation=township)
    response = clerk_client.get(f"/ledgers/publicity-events/{event.pk}/void/")
    assert response.status_code == 405
    event.refresh_from_db()
    assert not event.is_void


def test_a_wrong_password_is_told_in_chinese(client, clerk):
    response = client.post("/login/", {"username": clerk.username, "password": "wrong"})
    assert response.status_code == 200 and "用户名或密码不正确" in response.content.decode()
    response = client.post("/login/", {"username": clerk.username, "password": "pass-word-123"})
    assert response.status_code == 302


def test_home_is_the_clerks_todo_page_and_visitors_go_to_login(client, clerk):
    assert client.get("/")["Location"].startswith("/login/")
    client.force_login(clerk)
    assert client.get("/").status_code == 200
