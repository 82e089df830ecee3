"""`fazhi backup` / `fazhi restore`: a round trip gives back every record (same ids, same values) and every
file (same SHA-256), checked; bad archives are refused with a Chinese reason before the database is touched;
a restore that does not check out rolls the database back."""
from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core.attachments import attach_file
from fazhi.core.backup import FORMAT, all_models, dumped_models, media_files, row_counts
from fazhi.core.models import Attachment, User
from fazhi.disclosure import services as disclosure
from fazhi.disclosure.models import DisclosureRequest
from fazhi.publicity.models import PublicityEvent
from fazhi.testing.factories import LEDGER_FACTORIES, PublicityEventFactory, UserFactory
from fazhi.testing.workflows import published_document

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
APPLICATION = {"applicant_type": "natural", "applicant_name": "王五", "contact": "13800000000",
               "description": "本镇低保名单", "delivery": "paper_post"}


def _world(township, clerk) -> PublicityEvent:
    """Every ledger, a workflow with history and transitions, two attachments, a group, a gap in user ids."""
    UserFactory(username="gone", organisation=township).delete()  # restored ids must keep the gap
    UserFactory(username="later", organisation=township)
    group = Group.objects.create(name="审核组")
    group.permissions.add(Permission.objects.get(codename="view_publicityevent"))
    clerk.groups.add(group)
    for factory in LEDGER_FACTORIES.values():
        factory(organisation=township)
    event = PublicityEventFactory(organisation=township, title="宪法宣传周进村", audience=321)
    attach_file(record=event, upload=SimpleUploadedFile("现场.png", PNG), user=clerk)
    attach_file(record=event, upload=SimpleUploadedFile("签到表.pdf", PDF), user=clerk)
    published_document(township, clerk)
    disclosure.request_create(organisation=township, channel="in_person", received_on=event.held_on, user=clerk,
                              fields=APPLICATION)
    return event


def _wipe() -> None:
    call_command("flush", interactive=False, verbosity=0)
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()


def _backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup", output=str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _restore(path: Path, **options) -> str:
    out = io.StringIO()
    call_command("restore", str(path), stdout=out, **options)
    return out.getvalue()


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def _write(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, payload in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return path


def _rewrite(source: Path, target: Path, replace: dict[str, bytes] | None = None, edit_manifest=None) -> Path:
    """A copy of ``source`` with some members replaced and/or its manifest edited in place."""
    members = _members(source)
    if edit_manifest:
        manifest = json.loads(members["manifest.json"])
        edit_manifest(manifest)
        members["manifest.json"] = json.dumps(manifest).encode()
    members.update(replace or {})
    return _write(target, members)


@pytest.mark.django_db(transaction=True)
def test_round_trip_gives_back_every_record_and_file(township, clerk, tmp_path):
    event = _world(township, clerk)
    users = dict(User.objects.values_list("username", "pk"))
    counts, files = row_counts(), media_files()
    assert len(files) == 2 and counts["core.Attachment"] == 2 and counts["core.User_groups"] == 1

    archive = tmp_path / "b.tar.gz"
    out = _backup(archive)
    assert str(archive) in out and f"{sum(counts.values())} 条记录、2 个文件" in out

    manifest = json.loads(_members(archive)["manifest.json"])
    assert manifest["format"] == FORMAT and manifest["database_vendor"] in ("sqlite", "postgresql")
    assert manifest["django_version"] and manifest["app_version"]
    # the migrations the database records as applied (none when the suite builds tables from the models)
    from fazhi.core.backup import _applied_migrations

    assert manifest["migrations"] == _applied_migrations()
    assert manifest["counts"] == counts and manifest["files"] == files
    assert set(manifest["counts"]) | set(manifest["counts_not_restored"]) == {m._meta.label for m in all_models()}

    _wipe()
    assert row_counts()["publicity.PublicityEvent"] == 0 and not media_files()
    out = _restore(archive, yes=True)
    assert f"已恢复 {sum(counts.values())} 条记录、2 个文件，校验一致" in out

    assert row_counts() == counts and media_files() == files
    assert dict(User.objects.values_list("username", "pk")) == users
    restored = PublicityEvent.objects.get(pk=event.pk)
    assert (restored.title, restored.audience, restored.held_on) == ("宪法宣传周进村", 321, event.held_on)
    assert restored.history.count() == event.history.count()
    png = Attachment.objects.get(original_name="现场.png")
    assert png.content_type.model_class() is PublicityEvent and png.object_id == event.pk
    assert png.sha256 == hashlib.sha256(PNG).hexdigest()
    with png.file.open("rb") as fh:
        assert fh.read() == PNG
    assert User.objects.get(username="clerk_a").has_perm("publicity.view_publicityevent")
    # new rows continue after the restored ids (sequences reset) and numbering continues
    new, _ = disclosure.request_create(organisation=township, channel="in_person", received_on=event.held_on,
                                       user=None, fields={**APPLICATION, "applicant_name": "赵六"})
    assert new.sequence == 2 and DisclosureRequest.objects.count() == 2
    PublicityEventFactory(organisation=township)


@pytest.mark.django_db(transaction=True)
def test_yes_replaces_the_data_and_a_restore_that_does_not_check_out_changes_nothing(township, clerk, tmp_path):
    _world(township, clerk)
    archive = tmp_path / "b.tar.gz"
    _backup(archive)
    counts = row_counts()
    PublicityEventFactory(organisation=township, title="备份之后新增")

    out = _restore(archive, yes=True)
    assert "已清空" in out and "校验一致" in out and row_counts() == counts
    assert not PublicityEvent.objects.filter(title="备份之后新增").exists()

    PublicityEventFactory(organisation=township, title="备份之后新增")
    before = row_counts()

    def one_more_event(manifest):
        manifest["counts"]["publicity.PublicityEvent"] += 1

    with pytest.raises(CommandError, match="记录数与备份不一致.*已回滚"):
        _restore(_rewrite(archive, tmp_path / "counts.tar.gz", edit_manifest=one_more_event), yes=True)
    assert row_counts() == before and PublicityEvent.objects.filter(title="备份之后新增").exists()

    with pytest.raises(CommandError, match="无法载入备份中的数据"):
        _restore(_rewrite(archive, tmp_path / "data.tar.gz", {"data.jsonl": b'{"model": "nope.Nope"}\n'}), yes=True)
    assert row_counts() == before


@pytest.mark.django_db
def test_a_database_with_records_is_not_touched_without_yes(township, clerk, tmp_path):
    _world(township, clerk)
    archive = tmp_path / "b.tar.gz"
    _backup(archive)
    PublicityEventFactory(organisation=township)
    before, files = row_counts(), media_files()
    with pytest.raises(CommandError, match="已有记录.*--yes"):
        _restore(archive)
    assert row_counts() == before and media_files() == files


@pytest.mark.django_db
def test_a_file_that_does_not_match_its_checksum_is_refused_before_the_database(township, clerk, tmp_path):
    _world(township, clerk)
    archive = tmp_path / "b.tar.gz"
    _backup(archive)
    name = next(n for n in _members(archive) if n.startswith("uploads/"))
    tampered = _rewrite(archive, tmp_path / "t.tar.gz", {name: b"%PDF- changed"})
    before = row_counts()
    with pytest.raises(CommandError, match="校验值不一致"):
        _restore(tampered, yes=True)
    assert row_counts() == before


@pytest.mark.django_db
def test_backup_default_name_and_refusals(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    out = _backup_default()
    written = list((tmp_path / "data" / "backups").glob("fazhi-backup-*.tar.gz"))
    assert len(written) == 1 and str(written[0]) in out and "0 个文件" in out
    assert len(written[0].name) == len("fazhi-backup-20250101-120000.tar.gz")
    with pytest.raises(CommandError, match="备份失败.*已存在"):
        _backup(written[0])
    with pytest.raises(CommandError, match="备份失败.*附件目录"):
        _backup(Path(settings.MEDIA_ROOT) / "b.tar.gz")


def _backup_default() -> str:
    out = io.StringIO()
    call_command("backup", stdout=out)
    return out.getvalue()


def _manifest(**changes) -> bytes:
    manifest = {"format": FORMAT, "counts": {}, "files": {}, "migrations": []}
    manifest.update(changes)
    return json.dumps(manifest).encode()


# No database mark: an archive that is refused must be refused before the database is touched.
@pytest.mark.parametrize("members, message", [
    ({"data.jsonl": b""}, "缺少清单"),
    ({"manifest.json": b"{not json"}, "已损坏"),
    ({"manifest.json": json.dumps({"format": "other/9"}).encode()}, "不支持的备份格式"),
    ({"manifest.json": b"[]"}, "不支持的备份格式"),
    ({"manifest.json": json.dumps({"format": FORMAT}).encode()}, "内容不完整"),
    ({"manifest.json": _manifest(files={"../x": "0" * 64})}, "内容不完整"),
    ({"manifest.json": _manifest()}, "缺少数据库数据"),
    ({"manifest.json": _manifest(files={"a.png": "0" * 64}), "data.jsonl": b""}, "缺少清单中的 1 个文件"),
    ({"manifest.json": _manifest(), "data.jsonl": b"", "uploads/x.png": b"x"}, "清单之外的文件"),
    ({"manifest.json": _manifest(migrations=["core.9999_from_the_future"]), "data.jsonl": b""}, "更新版本"),
    ({"manifest.json": _manifest(counts={"gone.Model": 1}), "data.jsonl": b""}, "不存在"),
    ({"manifest.json": _manifest(), "etc/passwd": b"x"}, "无法识别"),
    ({"manifest.json": _manifest(), "../evil.txt": b"x"}, "不安全"),
    ({"manifest.json": _manifest(), "/etc/passwd": b"x"}, "不安全"),
    ({"manifest.json": _manifest(), "uploads/../../evil": b"x"}, "不安全"),
])
def test_bad_archives_are_refused(tmp_path, members, message):
    with pytest.raises(CommandError, match=f"恢复失败.*{message}"):
        _restore(_write(tmp_path / "bad.tar.gz", members), yes=True)


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE])
def test_links_are_refused(tmp_path, kind):
    path = tmp_path / "link.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("uploads/link")
        info.type = kind
        info.linkname = "/etc/passwd"
        tar.addfile(info)
    with pytest.raises(CommandError, match="不安全.*链接"):
        _restore(path, yes=True)


def test_not_an_archive_a_truncated_one_and_a_missing_one_are_refused(tmp_path):
    junk = tmp_path / "x.tar.gz"
    junk.write_bytes(b"not a tarball")
    with pytest.raises(CommandError, match="不是有效的备份文件"):
        _restore(junk)
    good = _write(tmp_path / "good.tar.gz", {"manifest.json": _manifest(), "data.jsonl": b"x" * 100_000})
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[:-200])
    with pytest.raises(CommandError, match="不是有效的备份文件"):
        _restore(truncated)
    with pytest.raises(CommandError, match="找不到备份文件"):
        _restore(tmp_path / "none.tar.gz")


def test_every_dumped_model_is_counted():
    labels = {m._meta.label for m in dumped_models()}
    assert "core.Attachment" in labels and "disputes.HistoricalDisputeCase" in labels
    assert not {"contenttypes.ContentType", "auth.Permission", "sessions.Session"} & labels
