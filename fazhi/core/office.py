"""One LibreOffice kept running beside `fazhi worker`, so a PDF takes a fifth of a second instead of one or two.

``soffice --convert-to`` (fazhi/core/pdf.py) starts LibreOffice for every document, and starting it is most of the
second or more a conversion takes. The worker therefore starts one LibreOffice that listens on a local pipe
(``Listener``) and keeps it answering: it starts it again when it dies or stops answering, and stops it with the
worker. Every process of the server — the web workers and the worker's own jobs — converts through it while it is up
(``convert``); when it is not (no worker on this machine, LibreOffice's Python bridge not installed, a conversion
that fails or takes too long), pdf.py starts its own LibreOffice as before, so a PDF is never refused for it.

The bridge is Debian's python3-uno: ``uno_convert.py`` runs under the Python that has it (``FAZHI_UNO_PYTHON``,
else the system's python3). The pipe is named after FAZHI_DATA_DIR (two installations on one machine keep apart)
and is a Unix socket only its owner may open, so the web server and the worker share it when they run as the same
user, as deploy/fazhi.service and deploy/fazhi-worker.service do.
"""
from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import logging
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from django.conf import settings

log = logging.getLogger("fazhi.core.office")
CLIENT = Path(__file__).resolve().parent / "uno_convert.py"
FONTS_CONF = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
START_SECONDS = 90  # the first start builds LibreOffice's profile
PING_SECONDS = 10
WATCH_SECONDS = 30
CONVERT_SECONDS = 60  # a township-year's report converts in well under a second through the listener


def _state_dir() -> Path:
    return Path(settings.DATA_DIR) / "office"


def pipe_name() -> str:
    """The listener's pipe: one per installation (FAZHI_DATA_DIR)."""
    return "fazhi-" + hashlib.sha256(str(Path(settings.DATA_DIR).resolve()).encode()).hexdigest()[:16]


def _pid_file() -> Path:
    return _state_dir() / "listener.pid"


@functools.cache
def uno_python() -> str | None:
    """The Python that can import LibreOffice's ``uno`` module, or None (checked once per process)."""
    candidate = os.environ.get("FAZHI_UNO_PYTHON") or shutil.which("python3", path="/usr/bin:/usr/local/bin")
    if not candidate:
        return None
    try:
        ok = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return None
    return candidate if ok else None


def _listener_group() -> int | None:
    """The process group of the listener the worker says is running, if that group is alive on this machine."""
    try:
        group = int(_pid_file().read_text().strip())
        os.killpg(group, 0)
    except (OSError, ValueError):
        return None
    return group


def listening() -> bool:
    return _listener_group() is not None and uno_python() is not None


def _client(*args: str, timeout: float) -> int:
    python = uno_python()
    if python is None:
        return 2
    process = subprocess.Popen([python, str(CLIENT), pipe_name(), *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return -1


def convert(source: Path, target: Path, timeout: float = CONVERT_SECONDS) -> bool:
    """Convert the .docx ``source`` to the PDF ``target`` through the worker's LibreOffice. False when there is
    none or it failed: the caller converts by itself."""
    if not listening():
        return False
    status = _client("convert", str(source), str(target), timeout=min(timeout, CONVERT_SECONDS))
    if status != 0:
        log.warning("the worker's LibreOffice did not convert (status %s): converting with a LibreOffice of our own",
                    status)
        return False
    return target.is_file()


class Listener:
    """The worker's LibreOffice: ``start`` it, ``watch`` it from a thread, ``stop`` it with the worker."""

    def __init__(self):
        self.process: subprocess.Popen | None = None
        self._lock_handle = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Start LibreOffice and wait until it answers. False (and nothing running) when it cannot be started here:
        no LibreOffice, no python3-uno, or another worker on this machine already keeps one for this installation."""
        from fazhi.core.pdf import soffice_path

        soffice = soffice_path()
        if soffice is None or uno_python() is None:
            return False
        state = _state_dir()
        try:
            state.mkdir(parents=True, exist_ok=True)
            handle = open(state / "listener.lock", "w")
        except OSError as error:
            log.warning("cannot keep LibreOffice running (%s): PDFs are converted one LibreOffice each", error)
            return False
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False  # another worker of this installation keeps it
        self._lock_handle = handle
        self._end_orphan()
        if not self._launch():
            self.stop()
            return False
        self._thread = threading.Thread(target=self._watch, name="fazhi-office", daemon=True)
        self._thread.start()
        return True

    def _end_orphan(self) -> None:
        """A listener left by a worker that was killed: we hold the lock now, so it is nobody's."""
        group = _listener_group()
        if group is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(group, signal.SIGKILL)
        with contextlib.suppress(OSError):
            _pid_file().unlink()

    def _launch(self) -> bool:
        from fazhi.core.pdf import soffice_path

        state = _state_dir()
        command = [
            soffice_path(), f"-env:UserInstallation={(state / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"--accept=pipe,name={pipe_name()};urp;",
        ]
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(state)}
        self.process = subprocess.Popen(command, env=env, cwd=state, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            if _client("ping", timeout=PING_SECONDS) == 0:
                _pid_file().write_text(str(self.process.pid))
                return True
            time.sleep(0.2)
        log.warning("LibreOffice did not start listening: PDFs are converted one LibreOffice each")
        self._kill()
        return False

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_SECONDS):
            if self.process is not None and self.process.poll() is None and _client("ping", timeout=PING_SECONDS) == 0:
                continue
            log.warning("the worker's LibreOffice stopped answering: starting it again")
            with contextlib.suppress(OSError):
                _pid_file().unlink()
            self._kill()
            if not self._stop.is_set():
                self._launch()

    def _kill(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=PING_SECONDS + 1)
        with contextlib.suppress(OSError):
            if self.process is not None:
                _pid_file().unlink()
        self._kill()
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None
