"""A .docx turned into PDF by LibreOffice, headless, for downloads that must print the same everywhere.

The LibreOffice ``fazhi worker`` keeps running on this machine converts it when there is one (fazhi/core/office.py:
a quarter of a second instead of one or two). Otherwise, or if it fails, the call runs its own ``soffice`` with its
own throw-away profile (so calls can run side by side: a shared profile is locked by the first instance), in its
own process group (so a timeout kills LibreOffice and its children, not just the wrapper script). Both run with
``FONTCONFIG_FILE`` pointing at
fazhi/core/fonts/fonts.conf: the system fonts first, then open CJK stand-ins for the official
typefaces (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) when those are not installed.

LibreOffice gets the copy ``gbt9704.prepare_for_libreoffice`` makes (numbers kept with their measure
words by its own means, the downloadable .docx stays plain text). Its PDF is then put right where
LibreOffice cannot be told: it is dated as the document is (core.xml's created/modified, for our documents
the 成文日期, not the moment of conversion), and the Noto CJK fonts carry the name of the face that drew
them, the SC one (fonts.conf hides the others; the collection's shared CFF table calls every face "jp").

Whatever goes wrong (LibreOffice missing, too slow, no usable output) is one ``PdfUnavailable`` whose
message is the Chinese sentence to show; the Word file is always the fallback.

A PDF once made is kept on disk under ``settings.FAZHI_PDF_DIR`` (FAZHI_DATA_DIR/pdf), named by the content of its
.docx, for every process of the server (web workers and ``fazhi worker``) to serve: LibreOffice takes a second or
more, a download should not. Pages that offer a PDF have it made beforehand by the worker (``prerender``), so the
first click is served from the store too (bench/scale.py measures both).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from fazhi.core import office
from fazhi.core.gbt9704 import prepare_for_libreoffice

log = logging.getLogger("fazhi.core.pdf")
FONTS_CONF = office.FONTS_CONF
# Advance widths (em) of the digits and "." in the open stand-ins fonts.conf gives for 仿宋_GB2312, whose
# own are half an em: the signature block is placed by them (gbt9704.prepare_for_libreoffice).
STAND_IN_ASCII_EM = {
    "Noto Serif CJK SC": {"0": 0.557, "1": 0.471, "2": 0.558, "3": 0.557, "4": 0.555, "5": 0.558, "6": 0.558,
                          "7": 0.549, "8": 0.558, "9": 0.562, ".": 0.327},
}
TIMEOUT_SECONDS = 120
MAX_INPUT_BYTES = 50 * 1024 * 1024
MAX_OUTPUT_BYTES = 200 * 1024 * 1024
MIN_OUTPUT_BYTES = 1024  # a PDF with one page of text is several kilobytes
# LibreOffice takes a core for a second or more per document: at most this many at once per process,
# the rest wait their turn (within the same timeout).
_SLOTS = threading.BoundedSemaphore(2)

NOT_INSTALLED = "服务器未安装 LibreOffice，暂时无法生成 PDF，请下载 Word 版"
TOO_SLOW = "生成 PDF 超时（服务器繁忙），请稍后重试，或下载 Word 版"
FAILED = "LibreOffice 未能把文件转换为 PDF，请下载 Word 版"
TOO_LARGE = "文件过大，无法转换为 PDF，请下载 Word 版"


class PdfUnavailable(Exception):
    """The PDF cannot be made; ``str(error)`` says why, in Chinese, for the user."""


def soffice_path() -> str | None:
    return office.soffice_path()


CACHE_SECONDS = 7 * 24 * 3600
# Raised whenever the copy LibreOffice lays out changes (gbt9704.prepare_for_libreoffice), so no PDF made the old
# way is served from the cache: 2 = every run in the language "und" (no "。" lost at a line's end).
LAYOUT_VERSION = 2


@functools.cache
def _converter() -> bytes:
    """The installed LibreOffice and the font configuration, read once per process (office.signature)."""
    return office.signature()


def content_key(data: bytes) -> str:
    """The .docx's content, not its packaging: every part of the package (the zip's entry times change with each
    rendering, the text does not). Two renderings of the same report share one key and so one PDF."""
    digest = hashlib.sha256(_converter())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in sorted(package.namelist()):
                digest.update(name.encode() + b"\0" + package.read(name) + b"\0")
    except (zipfile.BadZipFile, OSError, ValueError):
        digest.update(data)
    return f"pdf:{LAYOUT_VERSION}:" + digest.hexdigest()


def docx_to_pdf(data: bytes, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The PDF LibreOffice makes of the .docx ``data``; ``PdfUnavailable`` when it cannot. A document already
    converted, by this process or another, is served from the store (LibreOffice takes a second or more)."""
    return _made(data, timeout)


def prerender(data: bytes) -> bool:
    """Make and store the PDF of ``data`` now, unless it is stored already (the worker, before anyone clicks), with
    LibreOffice at a lower priority than the web workers. False when it cannot be made (the click will say why)."""
    try:
        _made(data, TIMEOUT_SECONDS, niceness=10)
    except PdfUnavailable:
        return False
    return True


def _made(data: bytes, timeout: float, niceness: int = 0) -> bytes:
    """The stored PDF, or the one another process is making right now (a click during the worker's conversion waits
    for it rather than running a second LibreOffice), or one made here."""
    key = content_key(data)
    pdf = stored(key)
    if pdf is not None:
        return pdf
    with _converting(key, timeout) as others_made_it:
        pdf = stored(key) if others_made_it else None
        if pdf is None:
            pdf = _convert_now(data, timeout, niceness=niceness)
            _store(key, pdf)
    return pdf


LOCK_POLL_SECONDS = 0.1


@contextlib.contextmanager
def _converting(key: str, timeout: float):
    """Holds the lock file of ``key`` (created exclusively beside the store) while this process converts. If another
    process holds it, waits until it is gone (or older than a conversion may take) and yields True: look in the
    store first. Without a writable store there is no lock: yields False and the caller converts."""
    lock = _lock_path(key)
    waited = False
    deadline = time.monotonic() + timeout
    while True:
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            break
        except FileExistsError:
            try:
                stale = time.time() - lock.stat().st_mtime > TIMEOUT_SECONDS
            except OSError:
                continue  # released just now: try again
            if stale or time.monotonic() > deadline:
                with contextlib.suppress(OSError):
                    os.unlink(lock)  # left by a process killed while converting
                continue
            waited = True
            if stored(key) is not None:
                yield True
                return
            time.sleep(LOCK_POLL_SECONDS)
        except OSError:
            yield waited
            return
    try:
        yield waited
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)


def is_stored(data: bytes) -> bool:
    """Whether ``stored`` would serve the PDF of ``data`` (without reading it)."""
    return _fresh(_store_path(content_key(data)))


STORED_NAME = re.compile(r"^(?:pdf-\d+-[0-9a-f]{64}\.pdf|\.new-.*|\.lock-pdf-.*)$")  # the store's own files only


def _store_path(key: str) -> Path:
    from django.conf import settings

    return Path(settings.FAZHI_PDF_DIR) / (key.replace(":", "-") + ".pdf")


def _lock_path(key: str) -> Path:
    path = _store_path(key)
    return path.with_name(".lock-" + path.name)


def _fresh(path: Path) -> bool:
    """The file exists and was made within CACHE_SECONDS."""
    try:
        return time.time() - path.stat().st_mtime <= CACHE_SECONDS
    except OSError:
        return False


def stored(key: str) -> bytes | None:
    """The stored PDF of the content ``key``, if there is one made within CACHE_SECONDS."""
    path = _store_path(key)
    if not _fresh(path):
        return None
    try:
        pdf = path.read_bytes()
    except OSError:
        return None
    return pdf if pdf.startswith(b"%PDF-") else None


def _store(key: str, pdf: bytes) -> None:
    """Written whole or not at all (another process may be reading): a temporary file renamed into place. Files
    older than CACHE_SECONDS are removed on the way (each change of a report's text makes a new one)."""
    path = _store_path(key)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".new-", delete=False) as handle:
            temporary = handle.name
            handle.write(pdf)
        os.chmod(temporary, 0o644)  # the web and worker services may run as different users on shared storage
        os.replace(temporary, path)
        temporary = None
        cutoff = time.time() - CACHE_SECONDS
        with os.scandir(path.parent) as entries:
            for old in entries:
                if STORED_NAME.match(old.name) and old.is_file() and old.stat().st_mtime < cutoff:
                    os.unlink(old.path)
    except OSError as error:  # a full or read-only disk only costs a conversion next time; say so once
        if not _store_failed:
            log.warning("could not keep the PDF in %s (%s): each download converts again", path.parent, error)
            _store_failed.append(error)
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


_store_failed: list[OSError] = []


def _convert_now(data: bytes, timeout: float, *, niceness: int = 0) -> bytes:
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(NOT_INSTALLED)
    if len(data) > MAX_INPUT_BYTES:
        raise PdfUnavailable(TOO_LARGE)
    if not _SLOTS.acquire(timeout=timeout):
        raise PdfUnavailable(TOO_SLOW)
    try:
        with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
            copy = prepare_for_libreoffice(data, ascii_em=_body_ascii_em())
            converted = _convert(soffice, copy, Path(work), timeout, niceness)
    finally:
        _SLOTS.release()
    return _finish(converted, _document_dates(data))


def _convert(soffice: str, data: bytes, work: Path, timeout: float, niceness: int = 0) -> bytes:
    deadline = time.monotonic() + timeout
    source, out = work / "document.docx", work / "out"
    source.write_bytes(data)
    out.mkdir()
    result = out / "document.pdf"
    if not office.convert(source, result):  # the worker's LibreOffice, already running, when there is one
        _convert_alone(soffice, source, out, work, max(1.0, deadline - time.monotonic()), niceness)
    if not result.is_file():
        raise PdfUnavailable(FAILED)
    size = result.stat().st_size
    if size > MAX_OUTPUT_BYTES:
        raise PdfUnavailable(TOO_LARGE)
    pdf = result.read_bytes()
    if size < MIN_OUTPUT_BYTES or not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
        raise PdfUnavailable(FAILED)
    return pdf


def _convert_alone(soffice: str, source: Path, out: Path, work: Path, timeout: float, niceness: int) -> None:
    """A LibreOffice of our own for this one document (a second or more, most of it LibreOffice starting)."""
    nice = ["nice", "-n", str(niceness)] if niceness and shutil.which("nice") else []
    command = [*nice, *office.headless(soffice, work / "profile", "--convert-to", "pdf:writer_pdf_Export",
                                       "--outdir", str(out), str(source))]
    env = {**office.environment(work), "TMPDIR": str(work)}
    process = subprocess.Popen(command, env=env, cwd=work, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PdfUnavailable(TOO_SLOW) from None
    finally:
        office.kill_group(process)
    if process.returncode != 0:
        raise PdfUnavailable(FAILED)


@functools.cache
def _body_ascii_em() -> dict[str, float] | None:
    """The widths of digits in the face LibreOffice will draw 仿宋_GB2312 in, when it is a stand-in."""
    try:
        family = subprocess.run(["fc-match", "-f", "%{family[0]}", "仿宋_GB2312"], capture_output=True, text=True,
                                timeout=10, env={**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return STAND_IN_ASCII_EM.get(family.strip())


# ---------------------------------------------------------------- after LibreOffice

# "BAAAAA+NotoSerifCJKjp-Regular-VKana": subset tag, family, the collection's shared CFF name, weight, the
# CID font dictionary LibreOffice took the name from.
_NOTO_CJK_NAME = re.compile(r"^(?P<tag>[A-Z]{6}\+)?(?P<family>Noto(?:Sans|Serif|SansMono)CJK)jp-(?P<weight>[A-Za-z]+)(?:-\w+)?$")


def _document_dates(data: bytes) -> dict[str, dt.datetime]:
    """The created/modified times in the .docx's core.xml (W3CDTF), those that parse."""
    from docx import Document

    try:
        props = Document(io.BytesIO(data)).core_properties
        stamps = {"/CreationDate": props.created, "/ModDate": props.modified}
    except Exception:  # noqa: BLE001 - not a readable .docx (python-docx's own errors included): no dates
        return {}
    return {key: stamp for key, stamp in stamps.items() if isinstance(stamp, dt.datetime)}


def _pdf_date(stamp: dt.datetime) -> str:
    """A PDF date string (ISO 32000 §7.9.4) in Beijing time."""
    beijing = dt.timezone(dt.timedelta(hours=8))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)  # core.xml's W3CDTF "Z", read back naive
    return stamp.astimezone(beijing).strftime("D:%Y%m%d%H%M%S+08'00'")


def _finish(pdf: bytes, dates: dict[str, dt.datetime]) -> bytes:
    """The PDF dated as the document and with its Noto CJK fonts named by their SC face (module docstring)."""
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
        for page in writer.pages:
            _rename_fonts(page.get("/Resources"), seen=set())
        if dates:
            writer.add_metadata({key: _pdf_date(stamp) for key, stamp in dates.items()})
        out = io.BytesIO()
        writer.write(out)
    except Exception:  # noqa: BLE001 - pypdf raises many kinds; LibreOffice's PDF is still a good PDF
        return pdf
    return out.getvalue()


def _rename_fonts(resources, seen: set[int]) -> None:
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    fonts = resources.get("/Font")
    for font in (fonts.get_object().values() if fonts is not None else ()):
        font = font.get_object()
        for target in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
            _rename(target, "/BaseFont")
            descriptor = target.get("/FontDescriptor")
            if descriptor is not None:
                _rename(descriptor.get_object(), "/FontName")
    xobjects = resources.get("/XObject")
    for xobject in (xobjects.get_object().values() if xobjects is not None else ()):
        _rename_fonts(xobject.get_object().get("/Resources"), seen)


def _rename(dictionary: DictionaryObject, key: str) -> None:
    name = dictionary.get(key)
    match = _NOTO_CJK_NAME.match(str(name)[1:]) if name is not None else None
    if match:
        dictionary[NameObject(key)] = NameObject(f"/{match['tag'] or ''}{match['family']}sc-{match['weight']}")
