"""`fazhi backup` / `fazhi restore`: a round trip gives back every record and every file, checked; bad
archives are refused with a Chinese reason and change nothing."""
from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core.attachments import attach_file
from fazhi.core.backup import media_files, row_counts
from fazhi.disclosure.models import DisclosureRequest
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory
from fazhi.testing.workflows import published_document

pytestmark = pytest.mark.django_db(transaction=True)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _world(township, clerk):
    event = PublicityEventFactory(organisation=township, title="宪法宣传周进村")
    DisputeCaseFactory(organisation=township)
    attach_file(record=event, upload=SimpleUploadedFile("现场.png", PNG), user=clerk)
    published_document(township, clerk)
    from fazhi.disclosure import services

    services.request_create(organisation=township, channel="in_person", received_on=event.held_on, user=clerk, fields={
        "applicant_type": "natural", "applicant_name": "王五", "contact": "13800000000",
        "description": "本镇低保名单", "delivery": "paper_post"})
    return event


def test_round_trip_gives_back_every_record_and_file(township, clerk, tmp_path):
    event = _world(township, clerk)
    counts, files = row_counts(), media_files()
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()
    out = io.StringIO()
    call_command("restore", str(archive), yes=True, stdout=out)
    assert "校验一致" in out.getvalue()
    assert row_counts() == counts and media_files() == files and files
    assert counts["publicity.PublicityEvent"] == 1 and counts["core.TransitionEvent"] > 0
    from fazhi.publicity.models import PublicityEvent

    restored = PublicityEvent.objects.get(pk=event.pk)
    assert restored.title == "宪法宣传周进村" and restored.history.count() == event.history.count()
    # new records continue the restored ids (sequences reset) and numbering continues without gaps
    from fazhi.disclosure import services

    new, _ = services.request_create(organisation=township, channel="in_person", received_on=event.held_on, user=None, fields={
        "applicant_type": "natural", "applicant_name": "赵六", "contact": "13900000000",
        "description": "本镇低保名单二", "delivery": "paper_post"})
    assert new.sequence == 2 and DisclosureRequest.objects.count() == 2


def test_restore_refuses_a_database_with_records_without_yes(township, clerk, tmp_path):
    _world(township, clerk)
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive), stdout=io.StringIO())


def _archive(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "bad.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, payload in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return path


@pytest.mark.parametrize("members, message", [
    ({"data.json": b"[]"}, "缺少清单"),
    ({"manifest.json": b"{not json"}, "已损坏"),
    ({"manifest.json": json.dumps({"format": "other/9"}).encode()}, "不支持的备份格式"),
    ({"manifest.json": b"{}", "../evil.txt": b"x"}, "不安全"),
    ({"manifest.json": b"{}", "/etc/passwd": b"x"}, "不安全"),
])
def test_bad_archives_are_refused(tmp_path, members, message, db):
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(_archive(tmp_path, members)), yes=True, stdout=io.StringIO())


def test_not_an_archive_and_missing_file(tmp_path, db):
    junk = tmp_path / "x.tar.gz"
    junk.write_bytes(b"not a tarball")
    with pytest.raises(CommandError, match="不是有效的备份文件"):
        call_command("restore", str(junk), stdout=io.StringIO())
    with pytest.raises(CommandError, match="找不到备份文件"):
        call_command("restore", str(tmp_path / "none.tar.gz"), stdout=io.StringIO())


def test_a_symlink_member_is_refused(tmp_path, db):
    path = tmp_path / "link.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("uploads/link")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tar.addfile(info)
    with pytest.raises(CommandError, match="不安全"):
        call_command("restore", str(path), yes=True, stdout=io.StringIO())
