"""Attachments (photos, documents) for any record: type checked by content, size-capped, served only in scope."""
from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from fazhi.core.models import Attachment

# Magic numbers of the file types we accept; the declared name/type is never trusted.
_SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument", ".docx"),
]


def sniff(head: bytes) -> tuple[str, str] | None:
    for magic, mime, ext in _SIGNATURES:
        if head.startswith(magic):
            return mime, ext
    return None


def attach_file(*, record, upload, user) -> Attachment:
    limit = settings.FAZHI_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(f"文件“{upload.name}”超过{limit // (1024 * 1024)} MB 上限")
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(f"文件“{upload.name}”不是允许的类型（只接受 JPG、PNG 图片，PDF 和 Word/Excel 文档）")
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        organisation=record.organisation,
        created_by=user,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        original_name=upload.name[:200],
        mime_type=kind[0],
        size=upload.size,
        sha256=digest.hexdigest(),
    )
    attachment.file.save(f"{digest.hexdigest()[:16]}{kind[1]}", upload, save=False)
    attachment.save()
    return attachment


def attachments_for(record):
    return Attachment.objects.active().filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).order_by("created_at")
