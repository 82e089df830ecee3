"""A .docx turned into PDF by LibreOffice, headless, for downloads that must print the same everywhere.

Each call runs its own ``soffice`` with its own throw-away profile (so calls can run side by side: a
shared profile is locked by the first instance), in its own process group (so a timeout kills
LibreOffice and its children, not just the wrapper script), with ``FONTCONFIG_FILE`` pointing at
fazhi/core/fonts/fonts.conf: the system fonts first, then open CJK stand-ins for the official
typefaces (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) when those are not installed.

Whatever goes wrong (LibreOffice missing, too slow, no usable output) is one ``PdfUnavailable`` whose
message is the Chinese sentence to show; the Word file is always the fallback.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

FONTS_CONF = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
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
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The PDF LibreOffice makes of the .docx ``data``; ``PdfUnavailable`` when it cannot."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(NOT_INSTALLED)
    if len(data) > MAX_INPUT_BYTES:
        raise PdfUnavailable(TOO_LARGE)
    if not _SLOTS.acquire(timeout=timeout):
        raise PdfUnavailable(TOO_SLOW)
    try:
        with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
            return _convert(soffice, data, Path(work), timeout)
    finally:
        _SLOTS.release()


def _convert(soffice: str, data: bytes, work: Path, timeout: float) -> bytes:
    source, out = work / "document.docx", work / "out"
    source.write_bytes(data)
    command = [
        soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(source),
    ]
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(work), "TMPDIR": str(work)}
    process = subprocess.Popen(command, env=env, cwd=work, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PdfUnavailable(TOO_SLOW) from None
    finally:
        _kill_group(process)
    result = out / "document.pdf"
    if process.returncode != 0 or not result.is_file():
        raise PdfUnavailable(FAILED)
    size = result.stat().st_size
    if size > MAX_OUTPUT_BYTES:
        raise PdfUnavailable(TOO_LARGE)
    pdf = result.read_bytes()
    if size < MIN_OUTPUT_BYTES or not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
        raise PdfUnavailable(FAILED)
    return pdf


def _kill_group(process: subprocess.Popen) -> None:
    """LibreOffice's wrapper script starts soffice.bin as a child: end the whole group we started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
