"""Which files a clerk may attach to a record, judged by content not by name, and how they come back."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Attachment
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
PDF = b"%PDF-1.7\n" + b"0" * 40


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def event(township):
    return PublicityEventFactory(organisation=township, held_on=dt.date(2025, 5, 1))


def upload(client, record, *files):
    ct = ContentType.objects.get_for_model(record).pk
    return client.post(f"/attachments/{ct}/{record.pk}/upload/", {"files": list(files)}, follow=True)


@pytest.mark.parametrize("name,data,mime,disposition", [
    ("现场.jpg", JPEG, "image/jpeg", "inline"),
    ("签到表.pdf", PDF, "application/pdf", "attachment"),
    ("方案.docx", docx(), "application/vnd.openxmlformats-officedocument", "attachment"),
], ids=["jpeg", "pdf", "docx"])
def test_photos_and_documents_are_accepted_and_served_as_what_they_are(clerk_client, event, name, data, mime, disposition):
    page = upload(clerk_client, event, SimpleUploadedFile(name, data, "application/octet-stream")).content.decode()
    assert f"已上传：{name}" in page and name in page
    attachment = Attachment.objects.get()
    assert attachment.mime_type == mime and attachment.original_name == name
    served = clerk_client.get(f"/attachments/{attachment.pk}/")
    assert served["Content-Type"] == mime and served["Content-Disposition"].startswith(disposition)
    assert b"".join(served.streaming_content) == data


@pytest.mark.parametrize("name,data", [
    ("照片.jpg", b"<html><script>alert(1)</script></html>"),
    ("照片.png", b"MZ\x90\x00" + b"\x00" * 40),
    ("说明.pdf", b"#!/bin/sh\nrm -rf /\n"),
    ("空.png", b""),
], ids=["html-as-jpg", "exe-as-png", "script-as-pdf", "empty"])
def test_anything_else_is_refused_in_chinese_whatever_its_name(clerk_client, event, name, data):
    page = upload(clerk_client, event, SimpleUploadedFile(name, data, "image/png")).content.decode()
    assert f"文件“{name}”不是允许的类型" in page
    assert Attachment.objects.count() == 0


def test_in_a_batch_the_good_files_are_kept_and_the_bad_one_is_named(clerk_client, event):
    page = upload(
        clerk_client, event,
        SimpleUploadedFile("一.png", PNG), SimpleUploadedFile("病毒.jpg", b"MZ" + b"\x00" * 30), SimpleUploadedFile("二.pdf", PDF),
    ).content.decode()
    assert "已上传：一.png" in page and "已上传：二.pdf" in page and "文件“病毒.jpg”不是允许的类型" in page
    assert sorted(Attachment.objects.values_list("original_name", flat=True)) == ["一.png", "二.pdf"]


def test_submitting_without_a_file_says_so(clerk_client, event):
    ct = ContentType.objects.get_for_model(event).pk
    page = clerk_client.post(f"/attachments/{ct}/{event.pk}/upload/", {}, follow=True).content.decode()
    assert "请选择要上传的文件" in page


def test_the_uploaded_name_never_becomes_a_path_on_disk(clerk_client, event, settings):
    upload(clerk_client, event, SimpleUploadedFile("../../../etc/passwd.png", PNG))
    attachment = Attachment.objects.get()
    assert attachment.file.name.startswith("attachments/") and ".." not in attachment.file.name
    assert "passwd" not in attachment.file.name
    assert attachment.file.path.startswith(str(settings.MEDIA_ROOT))


def test_dispute_dossiers_take_attachments_too(clerk_client, township):
    case = DisputeCaseFactory(organisation=township)
    page = upload(clerk_client, case, SimpleUploadedFile("调解协议书.pdf", PDF)).content.decode()
    assert "已上传：调解协议书.pdf" in page
    assert Attachment.objects.get().organisation == township


def test_absurd_ids_in_attachment_addresses_are_404(clerk_client, event):
    ct = ContentType.objects.get_for_model(event).pk
    huge = 10**25
    assert clerk_client.get(f"/attachments/{huge}/").status_code == 404
    for url in (f"/attachments/{ct}/{huge}/upload/", f"/attachments/{huge}/{event.pk}/upload/"):
        assert clerk_client.post(url, {"files": SimpleUploadedFile("a.png", PNG)}).status_code == 404
    assert Attachment.objects.count() == 0


@pytest.mark.parametrize("name,data,fallback", [
    ("签到表.pdf", PDF, ".pdf"),
    ("现场.JPEG", JPEG, ".JPEG"),
    ("汇总表.xlsx", docx(), ".xlsx"),
    ("无扩展名", PNG, ".png"),
], ids=["pdf", "jpeg", "xlsx", "no-extension"])
def test_a_download_keeps_its_name_and_extension(clerk_client, event, name, data, fallback):
    from urllib.parse import quote

    upload(clerk_client, event, SimpleUploadedFile(name, data))
    attachment = Attachment.objects.get()
    disposition = clerk_client.get(f"/attachments/{attachment.pk}/")["Content-Disposition"]
    assert f'filename="attachment-{attachment.pk}{fallback}"' in disposition
    expected = name if "." in name else name + fallback
    assert f"filename*=UTF-8''{quote(expected)}" in disposition
