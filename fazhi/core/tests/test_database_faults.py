"""When the database refuses writes or drops the connection: pages stay readable with a banner, a refused
submission answers 503 in Chinese saying nothing was saved, and nothing half-saved remains."""
from __future__ import annotations

import pytest
from django.db import OperationalError, connection, transaction

from fazhi.core import dbstate
from fazhi.disclosure.models import DisclosureRequest

BODY = {"organisation": "T901", "applicant_type": "natural", "applicant_name": "王五", "contact": "13812345678",
        "description": "本镇2025年低保名单"}


@pytest.fixture
def read_only_database(township):
    dbstate.reset()
    savepoint = transaction.savepoint()  # PostgreSQL: rolling back to it makes the transaction writable again
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET LOCAL transaction_read_only = on")
    yield
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    transaction.savepoint_rollback(savepoint)
    dbstate.reset()


def test_pages_are_served_with_a_banner_and_writes_refused(client, township, read_only_database, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    page = client.get(f"/portal/{township.code}/")
    assert page.status_code == 200 and "系统只读维护中" in page.content.decode()
    response = client.post("/api/public/disclosure-requests", BODY, content_type="application/json")
    assert response.status_code == 503
    assert "只读" in response.json()["detail"] and "没有保存" in response.json()["detail"]


def test_a_dropped_connection_mid_submission_saves_nothing(client, township, monkeypatch, settings):
    """The application row is written, then the connection fails before the timeline event: all rolled back."""
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    from fazhi.disclosure import services

    def lose_connection(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services.DisclosureEvent.objects, "create", lose_connection)
    response = client.post("/api/public/disclosure-requests", BODY, content_type="application/json")
    assert response.status_code == 503
    assert "没有保存" in response.json()["detail"] and "重复提交不会产生重复记录" in response.json()["detail"]
    assert not DisclosureRequest.objects.exists()
    page = client.post(f"/portal/{township.code}/apply/", {
        "applicant_type": "natural", "applicant_name": "王五", "contact": "13812345678", "description": "本镇2025年低保名单",
        "delivery": "online", "idempotency_key": "k1"})
    assert page.status_code == 503 and "没有保存" in page.content.decode()
    assert not DisclosureRequest.objects.exists()
    monkeypatch.undo()
    retried = client.post("/api/public/disclosure-requests", BODY, content_type="application/json")
    assert retried.status_code == 201 and DisclosureRequest.objects.count() == 1
    assert DisclosureRequest.objects.get().sequence == 1  # the failed attempt left no gap in the numbering


def test_a_failing_cache_never_fails_a_submission(client, township, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}  # nothing listens there
    response = client.post("/api/public/disclosure-requests", BODY, content_type="application/json")
    assert response.status_code == 201
