"""Logins and exports are audited; repeated failures lock the login name for a while."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone

from fazhi.core.models import AuditEvent, AuditKind


def _login(client, password, username="clerk_a"):
    return client.post("/login/", {"username": username, "password": password})


def test_logins_and_failures_are_logged(client, clerk):
    _login(client, "wrong")
    assert _login(client, "pass-word-123").status_code == 302
    kinds = list(AuditEvent.objects.order_by("at", "id").values_list("kind", "username"))
    assert kinds == [(AuditKind.LOGIN_FAILED, "clerk_a"), (AuditKind.LOGIN, "clerk_a")]
    client.post("/logout/")
    assert AuditEvent.objects.filter(kind=AuditKind.LOGOUT, user=clerk).exists()


def test_five_failures_lock_the_name_even_with_the_right_password(client, clerk, settings):
    settings.FAZHI_LOGIN_MAX_FAILURES = 5
    for _ in range(5):
        assert "用户名或密码不正确" in _login(client, "wrong").content.decode()
    locked = _login(client, "pass-word-123")
    assert locked.status_code == 200 and "已暂时锁定" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKED_OUT, username="clerk_a").count() == 1


def test_the_lock_ends_after_the_window(client, clerk, settings):
    settings.FAZHI_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        _login(client, "wrong")
    old = timezone.now() - dt.timedelta(minutes=settings.FAZHI_LOGIN_LOCKOUT_MINUTES + 1)
    AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED).update(at=old)
    assert _login(client, "pass-word-123").status_code == 302


def test_a_success_resets_the_count(client, clerk, settings):
    settings.FAZHI_LOGIN_MAX_FAILURES = 3
    _login(client, "wrong")
    _login(client, "wrong")
    assert _login(client, "pass-word-123").status_code == 302
    client.post("/logout/")
    _login(client, "wrong")
    _login(client, "wrong")
    assert _login(client, "pass-word-123").status_code == 302


def test_an_unknown_name_is_locked_too(client, settings, db):
    settings.FAZHI_LOGIN_MAX_FAILURES = 2
    _login(client, "x", username="nobody")
    _login(client, "x", username="nobody")
    assert "已暂时锁定" in _login(client, "x", username="nobody").content.decode()


def test_ledger_exports_are_logged(client, clerk):
    client.force_login(clerk)
    assert client.get("/ledgers/disputes/export.xlsx").status_code == 200
    event = AuditEvent.objects.get(kind=AuditKind.EXPORT)
    assert event.user == clerk and "矛盾纠纷" in event.detail


def test_the_log_cannot_be_edited_or_deleted(client, clerk):
    _login(client, "wrong")
    event = AuditEvent.objects.get()
    import pytest

    from fazhi.core.models import HardDeleteForbidden

    with pytest.raises(HardDeleteForbidden):
        event.save()
    with pytest.raises(HardDeleteForbidden):
        event.delete()


def test_attachment_downloads_are_logged(client, clerk, township):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.attachments import attach_file
    from fazhi.testing.factories import PublicityEventFactory

    event = PublicityEventFactory(organisation=township)
    attachment = attach_file(record=event, upload=SimpleUploadedFile("现场.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20), user=clerk)
    client.force_login(clerk)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 200
    assert "现场.png" in AuditEvent.objects.get(kind=AuditKind.EXPORT).detail


def test_one_address_trying_many_names_is_stopped_and_logged(client, clerk, settings):
    settings.FAZHI_LOGIN_MAX_FAILURES = 5
    settings.FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    for n in range(4):  # a different name each time: no single name reaches its own limit
        _login(client, "wrong", username=f"guess{n}")
    refused = _login(client, "pass-word-123")  # even the right password, from this address
    assert refused.status_code == 200 and "禁止从本机登录" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(kind=AuditKind.LOCKED_OUT)
    assert event.ip == "127.0.0.1" and "同一地址" in event.detail
    other = client.__class__(REMOTE_ADDR="10.0.0.9")  # another machine logs in as usual
    assert other.post("/login/", {"username": "clerk_a", "password": "pass-word-123"}).status_code == 302
