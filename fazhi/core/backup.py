"""Backup and restore: the database and the uploaded files in one archive, consistent with each other.

The database is dumped in Django's vendor-neutral JSON (so a SQLite county server can move to PostgreSQL
and back) inside one read-only snapshot transaction; the manifest records every model's row count and
every uploaded file's SHA-256, and a restore is checked against both before it reports success.
"""
from __future__ import annotations

import hashlib
import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "fazhi-backup/1"
EXCLUDED = ("contenttypes", "auth.Permission", "sessions", "indicators")  # rebuilt by migrate / caches recomputed on read


class BackupError(Exception):
    """A Chinese message for the operator."""


def _models():
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.proxy or not model._meta.managed:
            continue
        if model._meta.app_label in ("contenttypes", "sessions", "indicators") or label == "auth.Permission":
            continue
        yield model


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in _models()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): _sha256(p) for p in sorted(root.rglob("*")) if p.is_file()}


@dataclass
class BackupResult:
    path: Path
    records: int
    files: int
    size: int


def _pending_migrations() -> list:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def create_backup(output: Path) -> BackupResult:
    if _pending_migrations():
        raise BackupError("数据库结构不是最新版本，请先运行 fazhi migrate 再备份")
    with transaction.atomic():
        if connection.vendor == "postgresql":  # one snapshot for the dump and the counts
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        data = io.StringIO()
        call_command("dumpdata", *[], exclude=list(EXCLUDED), natural_foreign=True, natural_primary=True,
                     format="json", stdout=data, verbosity=0)
        counts = row_counts()
    files = media_files()
    manifest = {
        "format": FORMAT, "created_at": timezone.now().isoformat(), "database_vendor": connection.vendor,
        "counts": counts, "files": files,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(output, "w:gz") as tar:
        _add_bytes(tar, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        _add_bytes(tar, "data.json", data.getvalue().encode())
        root = Path(settings.MEDIA_ROOT)
        for rel in files:
            tar.add(root / rel, arcname=f"uploads/{rel}", recursive=False)
    return BackupResult(output, sum(counts.values()), len(files), output.stat().st_size)


def _add_bytes(tar: tarfile.TarFile, name: str, payload: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(payload))


# ---------------------------------------------------------------- restore

def _open(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    try:
        return tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError, EOFError):
        raise BackupError(f"{path} 不是有效的备份文件（应为 fazhi backup 生成的 .tar.gz）")


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = tar.getmembers()
    for m in members:
        parts = PurePosixPath(m.name).parts
        if m.name.startswith("/") or ".." in parts or not (m.isfile() or m.isdir()):
            raise BackupError(f"备份文件中含有不安全的条目：{m.name}（绝对路径、上级目录或链接），已拒绝恢复")
        if m.isfile() and m.name not in ("manifest.json", "data.json") and not m.name.startswith("uploads/"):
            raise BackupError(f"备份文件中含有无法识别的条目：{m.name}")
    return members


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        raw = tar.extractfile("manifest.json")
    except KeyError:
        raw = None
    if raw is None:
        raise BackupError("备份文件缺少清单 manifest.json，无法确认其完整性，已拒绝恢复")
    try:
        manifest = json.loads(raw.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BackupError("备份清单 manifest.json 已损坏")
    if manifest.get("format") != FORMAT:
        raise BackupError(f"不支持的备份格式：{manifest.get('format')!r}（本版本支持 {FORMAT}）")
    return manifest


def database_has_records() -> bool:
    return any(m._default_manager.exists() for m in _models())


@dataclass
class RestoreResult:
    records: int
    files: int


def restore_backup(path: Path, *, replace: bool) -> RestoreResult:
    with _open(path) as tar:
        members = _safe_members(tar)
        manifest = read_manifest(tar)
        call_command("migrate", interactive=False, verbosity=0)
        if database_has_records():
            if not replace:
                raise BackupError("目标数据库中已有记录；确认要用备份替换全部数据时，加上 --yes")
            call_command("flush", interactive=False, verbosity=0)
        with tempfile.TemporaryDirectory() as tmp:
            tar.extract("data.json", tmp)
            data_file = Path(tmp) / "data.json"
            with transaction.atomic():
                call_command("loaddata", str(data_file), verbosity=0)
                _reset_sequences()
        root = Path(settings.MEDIA_ROOT)
        for member in members:
            if member.isfile() and member.name.startswith("uploads/"):
                target = root / PurePosixPath(member.name).relative_to("uploads")
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as src, target.open("wb") as dst:
                    dst.write(src.read())
    _verify(manifest)
    return RestoreResult(sum(manifest["counts"].values()), len(manifest["files"]))


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    statements = connection.ops.sequence_reset_sql(no_style(), list(_models()))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _verify(manifest: dict) -> None:
    counts = row_counts()
    wrong = [f"{label}：备份 {n} 条，恢复后 {counts.get(label, 0)} 条"
             for label, n in manifest["counts"].items() if counts.get(label, 0) != n]
    files = media_files()
    bad_files = [rel for rel, digest in manifest["files"].items() if files.get(rel) != digest]
    if wrong or bad_files:
        lines = wrong + [f"文件校验不一致：{rel}" for rel in bad_files]
        raise BackupError("恢复后校验不一致：\n" + "\n".join(lines[:30]))
