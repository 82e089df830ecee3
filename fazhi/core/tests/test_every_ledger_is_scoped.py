"""Three personas against every ledger view: the owner, another township's clerk, the county supervisor.

An outsider gets 404 on another township's record ids and cannot change them; the
county supervisor reads every township of the county and writes nothing.
"""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.ledgers import all_ledgers
from fazhi.testing import factories

FACTORY_FOR = factories.LEDGER_FACTORIES
LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers()]


def test_every_registered_ledger_has_a_factory_here():
    assert {ledger.slug for ledger in all_ledgers()} == set(FACTORY_FOR)


@pytest.fixture
def record_of(township):
    def make(ledger, organisation=township):
        return FACTORY_FOR[ledger.slug](organisation=organisation)
    return make


def as_user(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_clerk_sees_only_her_township(client, clerk, other_township, record_of, ledger):
    mine = record_of(ledger)
    theirs = record_of(ledger, other_township)
    page = as_user(client, clerk).get(f"/ledgers/{ledger.slug}/").content.decode()
    assert 'data-count="1"' in page
    assert f"/ledgers/{ledger.slug}/{mine.pk}/" in page
    assert f"/ledgers/{ledger.slug}/{theirs.pk}/" not in page
    assert client.get(f"/ledgers/{ledger.slug}/{mine.pk}/").status_code == 200


@pytest.mark.parametrize("ledger", LEDGERS)
def test_another_townships_clerk_gets_404_and_changes_nothing(client, other_clerk, record_of, ledger):
    record = record_of(ledger)
    before = {f.name: getattr(record, f.attname) for f in record._meta.concrete_fields}
    client = as_user(client, other_clerk)
    base = f"/ledgers/{ledger.slug}/{record.pk}"
    assert client.get(f"{base}/").status_code == 404
    assert client.get(f"{base}/edit/").status_code == 404
    assert client.post(f"{base}/edit/", {}).status_code == 404
    assert client.post(f"{base}/void/", {"reason": "越权"}).status_code == 404
    assert client.get(f"/ledgers/{ledger.slug}/export.xlsx").status_code == 200  # exports only their own rows
    record.refresh_from_db()
    assert {f.name: getattr(record, f.attname) for f in record._meta.concrete_fields} == before


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_county_supervisor_reads_all_and_writes_nothing(client, supervisor, other_township, record_of, ledger):
    record = record_of(ledger)
    record_of(ledger, other_township)
    client = as_user(client, supervisor)
    assert 'data-count="2"' in client.get(f"/ledgers/{ledger.slug}/").content.decode()
    base = f"/ledgers/{ledger.slug}"
    assert client.get(f"{base}/{record.pk}/").status_code == 200
    for response in (
        client.get(f"{base}/new/"),
        client.post(f"{base}/new/", {}),
        client.get(f"{base}/{record.pk}/edit/"),
        client.post(f"{base}/{record.pk}/void/", {"reason": "县级不能作废"}),
        client.get(f"{base}/import/"),
    ):
        assert response.status_code == 403
        assert "只能查看" in response.content.decode() or "不能" in response.content.decode()
    record.refresh_from_db()
    assert not record.is_void


@pytest.mark.parametrize("ledger", LEDGERS)
def test_anonymous_visitors_are_sent_to_login(client, record_of, ledger):
    record = record_of(ledger)
    for url in (f"/ledgers/{ledger.slug}/", f"/ledgers/{ledger.slug}/{record.pk}/", f"/ledgers/{ledger.slug}/export.xlsx"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_outsiders_cannot_read_attachments(client, clerk, other_clerk, township):
    from django.core.files.uploadedfile import SimpleUploadedFile

    event = factories.PublicityEventFactory(organisation=township, held_on=dt.date(2025, 5, 1))
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    client = as_user(client, clerk)
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(event).pk
    client.post(f"/attachments/{ct}/{event.pk}/upload/", {"files": SimpleUploadedFile("现场.png", png)})
    from fazhi.core.models import Attachment

    attachment = Attachment.objects.get()
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 200
    outsider = as_user(client, other_clerk)
    assert outsider.get(f"/attachments/{attachment.pk}/").status_code == 404
    upload = outsider.post(f"/attachments/{ct}/{event.pk}/upload/", {"files": SimpleUploadedFile("x.png", png)})
    assert upload.status_code == 404
    assert Attachment.objects.count() == 1
