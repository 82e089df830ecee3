"""Evidence files (全过程记录, 行政处罚法第四十七条): checked by content, size-capped, SHA-256 stored and re-checked
on every download so a file changed on disk is detected and never served as evidence."""
from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError

from fazhi.core.attachments import sniff as sniff_document

AUDIO_VIDEO_LIMIT_DEFAULT = 200 * 1024 * 1024


def sniff(head: bytes) -> tuple[str, str] | None:
    """Documents and photos as the core accepts them, plus the audio and video a body camera records."""
    found = sniff_document(head)
    if found:
        return found
    if head[4:8] == b"ftyp":
        return ("video/quicktime", ".mov") if head[8:10] == b"qt" else ("video/mp4", ".mp4")
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg", ".mp3"
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI "):
        return ("audio/wav", ".wav") if head[8:12] == b"WAVE" else ("video/x-msvideo", ".avi")
    if head.startswith(b"#!AMR"):
        return "audio/amr", ".amr"
    return None


def limit_for(mime: str) -> int:
    if mime.startswith(("audio/", "video/")):
        return int(getattr(settings, "FAZHI_MAX_EVIDENCE_BYTES", AUDIO_VIDEO_LIMIT_DEFAULT))
    return int(settings.FAZHI_MAX_UPLOAD_BYTES)


def check_upload(upload) -> tuple[str, str, str]:
    """(mime, extension, sha256) of an acceptable upload, or a Chinese refusal naming the file."""
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(f"文件“{upload.name}”不是允许的类型（只接受 JPG、PNG 照片，PDF、Word 笔录，MP4、MOV、AVI 录像，MP3、WAV、AMR 录音）")
    limit = limit_for(kind[0])
    if upload.size > limit:
        raise ValidationError(f"文件“{upload.name}”超过{limit // (1024 * 1024)} MB 上限")
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return kind[0], kind[1], digest.hexdigest()


def store(*, step, upload, user):
    from fazhi.enforcement.models import EvidenceFile

    mime, ext, sha = check_upload(upload)
    record = EvidenceFile(organisation_id=step.organisation_id, created_by=user, step=step, original_name=upload.name[:200],
                          mime_type=mime, size=upload.size, sha256=sha)
    record.file.save(f"{sha[:16]}{ext}", upload, save=False)
    record.save()
    return record


def intact(evidence_file) -> bool:
    """True when the stored bytes still have the SHA-256 taken at upload."""
    digest = hashlib.sha256()
    try:
        with evidence_file.file.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1024 * 1024), b""):
                digest.update(chunk)
    except (FileNotFoundError, OSError):
        return False
    return digest.hexdigest() == evidence_file.sha256
