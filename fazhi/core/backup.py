"""Backup and restore: the database and the uploaded files in one archive, consistent with each other.

Archive layout (a .tar.gz, format ``fazhi-backup/2``)::

    data.jsonl        every domain row, Django's vendor-neutral JSON Lines (``dumpdata``), primary keys kept
    uploads/<path>    every file under MEDIA_ROOT
    manifest.json     format, versions, database vendor, applied migrations, row counts per model,
                      SHA-256 per file (written last: the checksums are those of the bytes archived)

The rows are dumped and counted inside one read-only snapshot transaction (REPEATABLE READ on PostgreSQL, a
deferred read transaction on SQLite), so a SQLite county server can move to PostgreSQL and back. The file list
is taken from disk after that snapshot: files are only ever added through records, so every file a dumped
record points to is already there.

Content types, permissions, sessions and the indicator caches are not dumped: ``migrate`` rebuilds the first
two (rows refer to them by natural key), sessions are not worth keeping and the caches are recomputed on
read. Their counts are still written to the manifest, for information.

A restore checks the whole archive (safe member names, manifest, every file's checksum) before it touches the
database, loads and counts the rows in one transaction (a wrong count rolls everything back, including the
flush of the rows it replaced), then moves the files into MEDIA_ROOT and checks them again on disk.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import IO

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

FORMAT = "fazhi-backup/2"
# Formats this version restores, and the name of the data member in each (version 1: one JSON document).
DATA_MEMBER = {"fazhi-backup/1": "data.json", FORMAT: "data.jsonl"}
MANIFEST = "manifest.json"
UPLOADS = "uploads"
NOT_DUMPED_APPS = frozenset({"contenttypes", "sessions", "indicators"})
NOT_DUMPED_MODELS = frozenset({"auth.Permission"})
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BackupError(Exception):
    """A failure explained to the operator in Chinese."""


# Everything a command turns into a Chinese error instead of a traceback.
FAILURES: tuple[type[BaseException], ...] = (
    BackupError, OSError, DatabaseError, DeserializationError, CommandError, tarfile.TarError, EOFError, zlib.error,
)


# ---------------------------------------------------------------- models, counts, files

def all_models() -> list[type[models.Model]]:
    """Every concrete model with a table, including the automatic many-to-many tables."""
    return [m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy and m._meta.managed]


def _is_dumped(model: type[models.Model]) -> bool:
    return model._meta.app_label not in NOT_DUMPED_APPS and model._meta.label not in NOT_DUMPED_MODELS


def dumped_models() -> list[type[models.Model]]:
    return [m for m in all_models() if _is_dumped(m)]


def row_counts(model_list: Iterable[type[models.Model]] | None = None) -> dict[str, int]:
    """Rows per model (the base manager: a filtering default manager must not hide rows)."""
    model_list = dumped_models() if model_list is None else model_list
    return {m._meta.label: m._base_manager.count() for m in model_list}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def media_paths() -> list[str]:
    root = media_root()
    if not root.exists():
        return []
    return [p.relative_to(root).as_posix() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()]


def media_files() -> dict[str, str]:
    """Relative path -> SHA-256 of every file under MEDIA_ROOT."""
    root = media_root()
    return {rel: sha256_of(root / rel) for rel in media_paths()}


def _referenced_files() -> set[str]:
    """The file names that dumped records point to (FileField/ImageField values)."""
    names: set[str] = set()
    for model in dumped_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField):
                names.update(n for n in model._base_manager.exclude(**{f.attname: ""})
                             .values_list(f.attname, flat=True) if n)
    return names


def _pending_migrations() -> list:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _applied_migrations() -> list[str]:
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _known_migrations() -> set[str]:
    from django.db.migrations.loader import MigrationLoader

    return {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}


def _app_version() -> str:
    try:
        return metadata.version("fazhi")
    except metadata.PackageNotFoundError:
        return "unknown"


# ---------------------------------------------------------------- backup

@dataclass
class BackupResult:
    path: Path
    records: int
    files: int
    size: int
    missing_files: list[str] = field(default_factory=list)


@contextmanager
def _snapshot() -> Iterator[None]:
    """One read-only transaction: every query inside sees the same committed state."""
    if connection.in_atomic_block:  # already inside a transaction (a test): it is the snapshot
        yield
        return
    connection.ensure_connection()
    saved_mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        # A deferred (plain BEGIN) read transaction is a snapshot too, and does not take the write lock that
        # the settings' BEGIN IMMEDIATE would: writers are not queued behind the whole backup.
        connection.transaction_mode = None
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = saved_mode


def default_backup_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"fazhi-backup-{stamp}.tar.gz"


def _check_output(output: Path) -> Path:
    if output.is_dir():
        output = output / default_backup_path().name
    if output.exists():
        raise BackupError(f"{output} 已存在，为免覆盖已有备份，请换一个文件名")
    root = media_root().resolve()
    target = output.parent.resolve()
    if target == root or root in target.parents:
        raise BackupError(f"备份文件不能放在附件目录 {root} 之内，请换一个位置")
    return output


def _dump_database(data_file: Path) -> tuple[dict[str, int], dict[str, int], set[str]]:
    """Dump the domain rows to ``data_file``; return counts (dumped, not dumped) and the files they use."""
    with _snapshot():
        labels = [m._meta.label for m in dumped_models() if not m._meta.auto_created]
        call_command("dumpdata", *labels, format="jsonl", output=str(data_file), natural_foreign=True,
                     use_base_manager=True, verbosity=0)
        counts = row_counts(dumped_models())
        other = row_counts([m for m in all_models() if not _is_dumped(m)])
        referenced = _referenced_files()
    return counts, other, referenced


class _HashingReader:
    """Reads a file for tarfile while computing the SHA-256 of exactly the bytes archived."""

    def __init__(self, fh: IO[bytes]):
        self._fh = fh
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self._fh.read(size)
        self.digest.update(chunk)
        return chunk


def _add_file(tar: tarfile.TarFile, path: Path, arcname: str) -> str:
    with path.open("rb") as fh:
        info = tar.gettarinfo(arcname=arcname, fileobj=fh)
        info.mode, info.uid, info.gid, info.uname, info.gname = 0o644, 0, 0, "", ""
        reader = _HashingReader(fh)
        tar.addfile(info, reader)
    return reader.digest.hexdigest()


def _add_media(tar: tarfile.TarFile, root: Path) -> dict[str, str]:
    files = {}
    for rel in media_paths():
        try:
            files[rel] = _add_file(tar, root / rel, f"{UPLOADS}/{rel}")
        except FileNotFoundError:  # removed since it was listed: it is no longer part of the data
            continue
    return files


def _add_bytes(tar: tarfile.TarFile, name: str, payload: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mode = 0o644
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(payload))


def create_backup(output: Path | None = None) -> BackupResult:
    """Write the archive to ``output`` (a file, or a directory for the default name); return what it holds."""
    output = _check_output(Path(output) if output else default_backup_path())
    if _pending_migrations():
        raise BackupError("数据库结构不是最新版本，请先运行 fazhi migrate 再备份")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".fazhi-backup-") as tmp:
        data_file = Path(tmp) / DATA_MEMBER[FORMAT]
        counts, other_counts, referenced = _dump_database(data_file)
        root = media_root()
        try:
            with tarfile.open(partial, "w:gz") as tar:
                os.chmod(partial, 0o600)  # personal data: readable by the service account only
                tar.add(data_file, arcname=data_file.name, recursive=False)
                files = _add_media(tar, root)
                manifest = _manifest(counts, other_counts, files)
                _add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
            os.replace(partial, output)
        finally:
            partial.unlink(missing_ok=True)
    missing = sorted(referenced - set(files))
    return BackupResult(output, sum(counts.values()), len(files), output.stat().st_size, missing)


def _manifest(counts: dict[str, int], other_counts: dict[str, int], files: dict[str, str]) -> dict:
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "app_version": _app_version(),
        "django_version": django.get_version(),
        "database_vendor": connection.vendor,
        "data": DATA_MEMBER[FORMAT],
        "migrations": _applied_migrations(),
        "counts": counts,  # restored and checked, model by model
        "counts_not_restored": other_counts,  # rebuilt by migrate, or caches: for information only
        "files": files,
    }


# ---------------------------------------------------------------- reading an archive

def _safe_relative(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name)
    if not name or name.startswith("/") or "\\" in name or path.is_absolute() or ".." in path.parts:
        return None
    return path


def open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    tar = None
    try:
        tar = tarfile.open(path, "r:gz")  # noqa: SIM115 - returned open, closed by the caller's `with`
        tar.getmembers()  # reads the whole archive: a truncated or corrupt file fails here, not half-way
        return tar
    except (tarfile.TarError, OSError, EOFError, zlib.error):
        if tar is not None:
            tar.close()
        raise BackupError(f"{path} 不是有效的备份文件（应为 fazhi backup 生成的完整 .tar.gz 文件）")


def check_members(tar: tarfile.TarFile) -> dict[str, tarfile.TarInfo]:
    """Every member must be a plain file or directory with a safe relative name; returns files by name."""
    files: dict[str, tarfile.TarInfo] = {}
    for member in tar.getmembers():
        if _safe_relative(member.name) is None or not (member.isfile() or member.isdir()):
            raise BackupError(f"备份文件中含有不安全的条目：{member.name}（绝对路径、上级目录“..”或链接），已拒绝恢复")
        if member.isdir():
            continue
        name = PurePosixPath(member.name).as_posix()
        if name in files:
            raise BackupError(f"备份文件中有重复的条目：{name}，已拒绝恢复")
        if name not in (MANIFEST, *DATA_MEMBER.values()) and not name.startswith(f"{UPLOADS}/"):
            raise BackupError(f"备份文件中含有无法识别的条目：{name}，已拒绝恢复")
        files[name] = member
    return files


def read_manifest(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo]) -> dict:
    member = members.get(MANIFEST)
    if member is None:
        raise BackupError("备份文件缺少清单 manifest.json，无法确认其完整性，已拒绝恢复")
    if member.size > MAX_MANIFEST_BYTES:
        raise BackupError("备份清单 manifest.json 过大，已拒绝恢复")
    try:
        manifest = json.loads(tar.extractfile(member).read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BackupError("备份清单 manifest.json 已损坏，无法读取")
    if not isinstance(manifest, dict) or manifest.get("format") not in DATA_MEMBER:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise BackupError(f"不支持的备份格式：{found!r}（本版本支持 {'、'.join(DATA_MEMBER)}）")
    _check_manifest_shape(manifest)
    return manifest


def _check_manifest_shape(manifest: dict) -> None:
    counts, files = manifest.get("counts"), manifest.get("files")
    counts_ok = isinstance(counts, dict) and all(
        isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in counts.items())
    files_ok = isinstance(files, dict) and all(
        isinstance(k, str) and _safe_relative(k) is not None and isinstance(v, str) and _SHA256.match(v)
        for k, v in files.items())
    if not (counts_ok and files_ok):
        raise BackupError("备份清单 manifest.json 内容不完整（缺少记录数或文件校验值），已拒绝恢复")


def _check_contents(manifest: dict, members: dict[str, tarfile.TarInfo]) -> str:
    """The archive holds exactly what the manifest lists; returns the data member's name."""
    data = DATA_MEMBER[manifest["format"]]
    if data not in members:
        raise BackupError(f"备份文件缺少数据库数据 {data}，已拒绝恢复")
    listed = {f"{UPLOADS}/{rel}" for rel in manifest["files"]}
    present = {name for name in members if name.startswith(f"{UPLOADS}/")}
    if missing := listed - present:
        raise BackupError(f"备份文件缺少清单中的 {len(missing)} 个文件（如 {min(missing)}），已拒绝恢复")
    if extra := present - listed:
        raise BackupError(f"备份文件中有清单之外的文件（如 {min(extra)}），已拒绝恢复")
    return data


def _check_migrations(manifest: dict) -> None:
    unknown = sorted(set(manifest.get("migrations") or []) - _known_migrations())
    if unknown:
        raise BackupError(
            f"备份来自更新版本的系统（含本版本没有的数据库迁移 {unknown[0]} 等 {len(unknown)} 项），"
            "请先升级本系统再恢复")
    known_labels = {m._meta.label for m in all_models()}
    gone = sorted(set(manifest["counts"]) - known_labels)
    if gone:
        raise BackupError(f"备份中的数据表 {gone[0]} 在本版本中不存在，无法恢复")


# ---------------------------------------------------------------- restore

@dataclass
class RestoreResult:
    records: int
    files: int
    migrated: bool
    flushed: bool
    extra_files: int


def target_has_records() -> bool:
    """Whether any domain table that already exists holds a row (before migrating: this changes nothing)."""
    existing = set(connection.introspection.table_names())
    return any(m._base_manager.exists() for m in dumped_models() if m._meta.db_table in existing)


def _stage_files(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo], manifest: dict, staging: Path) -> None:
    """Extract every file to ``staging`` (never through tar's own extraction) and check its SHA-256."""
    for rel, expected in manifest["files"].items():
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tar.extractfile(members[f"{UPLOADS}/{rel}"]) as src, target.open("wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                dst.write(chunk)
        if digest.hexdigest() != expected:
            raise BackupError(f"备份中的文件 {rel} 与清单中的校验值不一致（备份已损坏或被改动），已拒绝恢复")


def _stage_data(tar: tarfile.TarFile, member: tarfile.TarInfo, staging: Path) -> Path:
    target = staging / member.name
    with tar.extractfile(member) as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), dumped_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _count_differences(manifest: dict) -> list[str]:
    labels = {m._meta.label: m for m in all_models()}
    wrong = []
    for label, expected in sorted(manifest["counts"].items()):
        model = labels.get(label)
        actual = model._base_manager.count() if model else 0
        if actual != expected:
            wrong.append(f"{label}：备份 {expected} 条，恢复后 {actual} 条")
    return wrong


def _load_database(data_file: Path, manifest: dict, *, flush: bool) -> None:
    """Flush (when asked), load and count in one transaction: any difference rolls all of it back."""
    from django.contrib.contenttypes.models import ContentType

    try:
        with transaction.atomic():
            if flush:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(data_file), verbosity=0)
            _reset_sequences()
            wrong = _count_differences(manifest)
            if wrong:
                raise BackupError("恢复后记录数与备份不一致，数据库已回滚到恢复前：\n" + "\n".join(wrong[:30]))
    finally:
        ContentType.objects.clear_cache()  # ids cached during a rolled-back flush would be stale


def _install_files(staging: Path, manifest: dict) -> None:
    root = media_root()
    for rel in manifest["files"]:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(staging / rel, target)  # a rename, or a copy when MEDIA_ROOT is another file system


def _verify_files(manifest: dict) -> None:
    root = media_root()
    bad = [rel for rel, digest in manifest["files"].items()
           if not (root / rel).is_file() or sha256_of(root / rel) != digest]
    if bad:
        raise BackupError("数据库已恢复，但以下文件与备份的校验值不一致：\n" + "\n".join(bad[:30]))


def restore_backup(path: Path, *, replace: bool) -> RestoreResult:
    """Restore ``path`` into the configured database and MEDIA_ROOT, then verify counts and checksums."""
    with open_archive(Path(path)) as tar:
        members = check_members(tar)
        manifest = read_manifest(tar, members)
        data_name = _check_contents(manifest, members)
        _check_migrations(manifest)
        has_records = target_has_records()
        if has_records and not replace:
            raise BackupError("目标数据库中已有记录，未做任何改动；确认要用备份替换全部数据时，加上 --yes")
        root = media_root()
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=root.parent, prefix=".fazhi-restore-") as tmp:
            staging = Path(tmp)
            _stage_files(tar, members, manifest, staging / UPLOADS)
            data_file = _stage_data(tar, members[data_name], staging)
            migrated = bool(_pending_migrations())
            if migrated:
                call_command("migrate", interactive=False, verbosity=0)
            _load_database(data_file, manifest, flush=has_records)
            listed = set(manifest["files"])
            extra = sum(1 for rel in media_paths() if rel not in listed)
            _install_files(staging / UPLOADS, manifest)
    _verify_files(manifest)
    return RestoreResult(sum(manifest["counts"].values()), len(manifest["files"]), migrated, has_records, extra)
