"""Who may do what, for every registered ledger and every view: owner, another township, the county, outsiders.

An outsider gets 404 on another township's record ids (reading, editing with a valid form, voiding) and changes
nothing; the county supervisor reads every township of the county and writes nothing; another county's supervisor
sees nothing; anonymous visitors are sent to log in from every URL; attachments follow the record's scope.
"""
from __future__ import annotations

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from fazhi.core.ledgers import all_ledgers
from fazhi.core.models import Attachment
from fazhi.core.tests.ledger_helpers import (
    ATTACHMENT_LEDGERS, LEDGERS, PNG, YEAR, data_count, excel_row, form_data, header, make_record, xlsx,
)
from fazhi.testing.factories import LEDGER_FACTORIES


def test_every_registered_ledger_has_a_factory():
    assert {ledger.slug for ledger in all_ledgers()} == set(LEDGER_FACTORIES)


def as_user(client, user):
    client.force_login(user)
    return client


def snapshot(record):
    record.refresh_from_db()
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}


def exported_rows(client, ledger, query=""):
    response = client.get(f"/ledgers/{ledger.slug}/export.xlsx{query}")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row for row in sheet.iter_rows(min_row=2, values_only=True)]


def attach_png(record, user):
    from fazhi.core.attachments import attach_file

    return attach_file(record=record, upload=SimpleUploadedFile("现场.png", PNG), user=user)


@pytest.mark.parametrize("ledger", LEDGERS)
def test_another_township_cannot_change_a_record_even_with_a_valid_form(client, other_clerk, township, ledger):
    record = make_record(ledger, township)
    before = snapshot(record)
    client = as_user(client, other_clerk)
    base = f"/ledgers/{ledger.slug}/{record.pk}"
    response = client.post(f"{base}/edit/", form_data(ledger, township))
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
    for refused in (client.get(f"{base}/"), client.get(f"{base}/edit/"), client.post(f"{base}/void/", {"reason": "越权"})):
        assert refused.status_code == 404
    # the void URL tells an existing record of another township from a missing id in no way (GET, or POST without reason)
    missing = f"/ledgers/{ledger.slug}/{10**9}/void/"
    for method in (client.get, client.post):
        existing, absent = method(f"{base}/void/"), method(missing)
        assert existing.status_code == absent.status_code and existing.status_code in (404, 405)
    assert snapshot(record) == before
    assert not before["voided_at"]
    assert record.history.count() == 1


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_county_supervisor_reads_all_and_writes_nothing(client, supervisor, township, other_township, ledger):
    record = make_record(ledger, township)
    theirs = make_record(ledger, other_township)
    before = snapshot(record)
    client = as_user(client, supervisor)
    base = f"/ledgers/{ledger.slug}"
    listing = client.get(f"{base}/").content.decode()
    assert data_count(listing) == "2" and f"{base}/new/" not in listing
    assert client.get(f"{base}/{theirs.pk}/").status_code == 200
    page = client.get(f"{base}/{record.pk}/")
    assert page.status_code == 200 and 'name="reason"' not in page.content.decode()
    one = client.get(f"{base}/?org={township.code}").content.decode()
    assert data_count(one) == "1" and f"{base}/{record.pk}/" in one and f"{base}/{theirs.pk}/" not in one
    # even a valid form is refused
    assert client.post(f"{base}/new/", form_data(ledger, township)).status_code == 403
    assert client.post(f"{base}/{record.pk}/edit/", form_data(ledger, township)).status_code == 403
    assert client.post(f"{base}/import/", {"year": YEAR}).status_code == 403
    assert ledger.model.objects.count() == 2 and snapshot(record) == before
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
def test_another_township_sees_none_of_the_rows_in_list_export_or_filters(client, other_clerk, township, ledger):
    record = make_record(ledger, township)
    client = as_user(client, other_clerk)
    for query in ("", f"?org={township.code}", f"?year={YEAR}", "?voided=1"):
        page = client.get(f"/ledgers/{ledger.slug}/{query}").content.decode()
        assert data_count(page) == "0"
        assert f"/ledgers/{ledger.slug}/{record.pk}/" not in page
    assert exported_rows(client, ledger) == []
    assert exported_rows(client, ledger, f"?org={township.code}") == []


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_clerk_creating_a_record_always_files_it_under_her_own_township(client, clerk, township, other_township, ledger):
    data = form_data(ledger, township) | {"organisation": str(other_township.pk), "created_by": "1"}  # forged: ignored
    response = as_user(client, clerk).post(f"/ledgers/{ledger.slug}/new/", data)
    assert response.status_code == 302, response.content.decode()
    obj = ledger.model.objects.get()
    assert obj.organisation == township


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_supervisor_exports_both_townships_and_can_narrow_to_one(client, supervisor, township, other_township, ledger):
    make_record(ledger, township)
    make_record(ledger, other_township)
    client = as_user(client, supervisor)
    assert sorted(row[0] for row in exported_rows(client, ledger)) == sorted([township.name, other_township.name])
    assert [row[0] for row in exported_rows(client, ledger, f"?org={township.code}")] == [township.name]
    assert data_count(client.get(f"/ledgers/{ledger.slug}/?org={other_township.code}").content.decode()) == "1"


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_supervisor_cannot_import_even_a_valid_file(client, supervisor, township, ledger):
    sample = make_record(ledger, township)
    data = xlsx([excel_row(ledger, sample)], header(ledger))
    client = as_user(client, supervisor)
    response = client.post(
        f"/ledgers/{ledger.slug}/import/", {"file": SimpleUploadedFile("台账.xlsx", data), "year": YEAR}
    )
    assert response.status_code == 403
    assert "只能查看" in response.content.decode()
    assert ledger.model.objects.count() == 1
    # reading is allowed: the template and the record page
    assert client.get(f"/ledgers/{ledger.slug}/template.xlsx").status_code == 200
    page = client.get(f"/ledgers/{ledger.slug}/{sample.pk}/").content.decode()
    assert f"/ledgers/{ledger.slug}/{sample.pk}/edit/" not in page and "作废本记录" not in page


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_supervisor_of_another_county_sees_nothing(client, other_county_supervisor, township, ledger):
    record = make_record(ledger, township)
    client = as_user(client, other_county_supervisor)
    assert data_count(client.get(f"/ledgers/{ledger.slug}/").content.decode()) == "0"
    assert client.get(f"/ledgers/{ledger.slug}/{record.pk}/").status_code == 404
    assert exported_rows(client, ledger) == []


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_township_leader_may_write_like_the_clerk(client, leader, township, ledger):
    client = as_user(client, leader)
    assert client.post(f"/ledgers/{ledger.slug}/new/", form_data(ledger, township)).status_code == 302
    record = ledger.model.objects.get()
    assert record.created_by == leader
    response = client.post(f"/ledgers/{ledger.slug}/{record.pk}/void/", {"reason": "录入错误"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.is_void


@pytest.mark.parametrize("ledger", LEDGERS)
def test_anonymous_visitors_are_sent_to_login_from_every_url(client, township, ledger):
    record = make_record(ledger, township)
    base = f"/ledgers/{ledger.slug}"
    gets = [f"{base}/new/", f"{base}/{record.pk}/edit/", f"{base}/import/", f"{base}/template.xlsx"]
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url
    for url in (f"{base}/new/", f"{base}/{record.pk}/edit/", f"{base}/{record.pk}/void/", f"{base}/import/"):
        response = client.post(url, form_data(ledger, township) | {"reason": "x"})
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url
    before = snapshot(record)
    assert ledger.model.objects.count() == 1 and snapshot(record) == before


@pytest.mark.parametrize("ledger", LEDGERS)
def test_ids_that_do_not_exist_or_are_absurd_are_404(client, clerk, ledger):
    client = as_user(client, clerk)
    for pk in (999999, 10**25):
        for suffix in ("", "edit/"):
            assert client.get(f"/ledgers/{ledger.slug}/{pk}/{suffix}").status_code == 404
        assert client.post(f"/ledgers/{ledger.slug}/{pk}/void/", {"reason": "x"}).status_code == 404


@pytest.mark.parametrize("ledger", ATTACHMENT_LEDGERS)
def test_attachments_follow_the_record_scope(client, clerk, other_clerk, supervisor, other_county_supervisor, township, ledger):
    record = make_record(ledger, township)
    attachment = attach_png(record, clerk)
    ct = ContentType.objects.get_for_model(record).pk
    upload_url = f"/attachments/{ct}/{record.pk}/upload/"
    download_url = f"/attachments/{attachment.pk}/"

    owner = as_user(client, clerk)
    assert owner.get(download_url).status_code == 200
    assert "现场.png" in owner.get(f"/ledgers/{ledger.slug}/{record.pk}/").content.decode()

    outsider = as_user(client, other_clerk)
    assert outsider.get(download_url).status_code == 404
    assert outsider.post(upload_url, {"files": SimpleUploadedFile("x.png", PNG)}).status_code == 404

    county = as_user(client, supervisor)
    assert county.get(download_url).status_code == 200  # reads
    assert county.post(upload_url, {"files": SimpleUploadedFile("x.png", PNG)}).status_code == 403  # never writes

    stranger = as_user(client, other_county_supervisor)
    assert stranger.get(download_url).status_code == 404

    client.logout()
    assert client.get(download_url)["Location"].startswith("/login/")
    assert client.post(upload_url, {"files": SimpleUploadedFile("x.png", PNG)})["Location"].startswith("/login/")
    assert Attachment.objects.count() == 1
