"""Photos on a publicity event: a real PNG is stored and served in scope; a disguised program is refused."""
from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Attachment
from fazhi.testing.factories import MeetingFactory, PublicityEventFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


@pytest.fixture
def event(township):
    return PublicityEventFactory(organisation=township, held_on=dt.date(2025, 5, 1))


def upload_url(record):
    return f"/attachments/{ContentType.objects.get_for_model(record).pk}/{record.pk}/upload/"


def test_a_png_photo_is_stored_listed_and_served(clerk_client, clerk, event):
    response = clerk_client.post(upload_url(event), {"files": SimpleUploadedFile("现场照片.png", PNG, "image/png")}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "已上传：现场照片.png" in page
    attachment = Attachment.objects.get()
    assert attachment.mime_type == "image/png" and attachment.size == len(PNG)
    assert attachment.organisation == event.organisation and attachment.created_by == clerk
    assert f'href="/attachments/{attachment.pk}/"' in page
    served = clerk_client.get(f"/attachments/{attachment.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PNG


@pytest.mark.parametrize("name,declared", [("照片.png", "image/png"), ("setup.exe", "application/octet-stream"), ("报告.pdf", "application/pdf")])
def test_a_program_is_refused_whatever_it_is_called(clerk_client, event, name, declared):
    response = clerk_client.post(upload_url(event), {"files": SimpleUploadedFile(name, EXE, declared)}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"文件“{name}”不是允许的类型" in page
    assert Attachment.objects.count() == 0


def test_an_oversized_file_is_refused_in_chinese(clerk_client, event, settings):
    settings.FAZHI_MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("大图.png", PNG + b"\x00" * (1024 * 1024), "image/png")
    page = clerk_client.post(upload_url(event), {"files": big}, follow=True).content.decode()
    assert "超过1 MB 上限" in page and Attachment.objects.count() == 0


def test_download_is_in_scope_only(client, clerk, other_clerk, supervisor, event):
    client.force_login(clerk)
    client.post(upload_url(event), {"files": SimpleUploadedFile("a.png", PNG)})
    pk = Attachment.objects.get().pk
    client.force_login(supervisor)
    assert client.get(f"/attachments/{pk}/").status_code == 200
    assert client.post(upload_url(event), {"files": SimpleUploadedFile("b.png", PNG)}).status_code == 403
    client.force_login(other_clerk)
    assert client.get(f"/attachments/{pk}/").status_code == 404
    assert client.get("/attachments/999999/").status_code == 404
    client.logout()
    assert client.get(f"/attachments/{pk}/").status_code == 302
    assert Attachment.objects.count() == 1


def test_no_uploads_to_a_voided_record_or_a_ledger_without_photos(clerk_client, event, township):
    meeting = MeetingFactory(organisation=township)
    assert clerk_client.post(upload_url(meeting), {"files": SimpleUploadedFile("a.png", PNG)}).status_code == 404
    event.void(reason="录错")
    assert clerk_client.post(upload_url(event), {"files": SimpleUploadedFile("a.png", PNG)}).status_code == 403
    assert clerk_client.post("/attachments/99999/1/upload/", {"files": SimpleUploadedFile("a.png", PNG)}).status_code == 404
    assert Attachment.objects.count() == 0
