"""Scope edges the per-ledger persona tests leave open: GET on the void URL, the supervisor's POSTs,
anonymous writes, and the supervisor reading one township at a time."""
from __future__ import annotations

import pytest

from fazhi.core.ledgers import all_ledgers
from fazhi.testing.ledger_data import FACTORY_FOR, valid_post

LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers()]


def snapshot(record):
    record.refresh_from_db()
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}


@pytest.mark.parametrize("ledger", LEDGERS)
def test_an_outsider_learns_nothing_from_the_void_url(client, other_clerk, township, ledger):
    record = FACTORY_FOR[ledger.slug](organisation=township)
    client.force_login(other_clerk)
    missing = 10**9
    for method in (client.get, client.post):
        existing = method(f"/ledgers/{ledger.slug}/{record.pk}/void/")
        absent = method(f"/ledgers/{ledger.slug}/{missing}/void/")
        assert existing.status_code == absent.status_code and existing.status_code in (404, 405)
    assert client.post(f"/ledgers/{ledger.slug}/{record.pk}/void/", {"reason": "x"}).status_code == 404
    assert not snapshot(record)["voided_at"]


@pytest.mark.parametrize("ledger", LEDGERS)
def test_an_outsiders_valid_edit_changes_nothing(client, other_clerk, township, village, ledger):
    record = FACTORY_FOR[ledger.slug](organisation=township)
    before = snapshot(record)
    client.force_login(other_clerk)
    response = client.post(f"/ledgers/{ledger.slug}/{record.pk}/edit/", valid_post(ledger.slug, village))
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
    assert snapshot(record) == before and record.history.count() == 1


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_supervisors_posts_are_refused(client, supervisor, township, other_township, village, ledger):
    record = FACTORY_FOR[ledger.slug](organisation=township)
    theirs = FACTORY_FOR[ledger.slug](organisation=other_township)
    before = snapshot(record)
    client.force_login(supervisor)
    assert client.get(f"/ledgers/{ledger.slug}/{theirs.pk}/").status_code == 200
    base = f"/ledgers/{ledger.slug}"
    assert client.post(f"{base}/new/", valid_post(ledger.slug, village)).status_code == 403
    assert client.post(f"{base}/{record.pk}/edit/", valid_post(ledger.slug, village)).status_code == 403
    assert client.post(f"{base}/import/", {"year": 2025}).status_code == 403
    assert ledger.model.objects.count() == 2 and snapshot(record) == before
    one = client.get(f"{base}/?org={township.code}").content.decode()
    assert 'data-count="1"' in one and f"{base}/{record.pk}/" in one and f"{base}/{theirs.pk}/" not in one
    page = client.get(f"{base}/{record.pk}/").content.decode()
    assert 'name="reason"' not in page and f"{base}/new/" not in client.get(f"{base}/").content.decode()


@pytest.mark.parametrize("ledger", LEDGERS)
def test_anonymous_writes_go_to_login_and_change_nothing(client, township, village, ledger):
    record = FACTORY_FOR[ledger.slug](organisation=township)
    before = snapshot(record)
    base = f"/ledgers/{ledger.slug}"
    for url, data in (
        (f"{base}/new/", valid_post(ledger.slug, village)),
        (f"{base}/{record.pk}/edit/", valid_post(ledger.slug, village)),
        (f"{base}/{record.pk}/void/", {"reason": "匿名"}),
        (f"{base}/import/", {}),
    ):
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert ledger.model.objects.count() == 1 and snapshot(record) == before


def test_an_unknown_ledger_is_a_chinese_404(clerk_client):
    response = clerk_client.get("/ledgers/no-such-ledger/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()
