"""One LibreOffice kept running beside `fazhi worker`, so a PDF takes a quarter of a second instead of one or two.

``soffice --convert-to`` (fazhi/core/pdf.py) starts LibreOffice for every document, and starting it is most of the
second or more a conversion takes. The worker therefore starts one LibreOffice that listens on a local pipe
(``Listener``) and keeps it working: it starts it again when it dies, stops answering, cannot make a blank document
within PING_SECONDS, or when LibreOffice or the font configuration is upgraded under it; it stops it with the worker.
Every process of the server — the web workers and the worker's own jobs — converts through it while it is up
(``convert``). A conversion it has not finished within LISTENER_SECONDS (ours take a fraction of a second) ends it
— the worker starts a fresh one — and, like any failure there or no listener at all (no worker on this machine,
LibreOffice's Python bridge not installed), leaves the document to a LibreOffice of its own, as before: a PDF is
never refused for it.

The bridge is Debian's python3-uno: ``uno_convert.py`` runs under the Python that has it (``FAZHI_UNO_PYTHON``,
else the system's python3). The pipe is named after FAZHI_DATA_DIR (two installations on one machine keep apart);
LibreOffice creates it under /tmp with the owner's user id in its name and, started with umask 077, readable and
writable by that user alone, so the web server and the worker share it when they run as the same user, as
deploy/fazhi.service and deploy/fazhi-worker.service do. The listener's process is recorded with its command line
(``listener.pid``): a pid left by an earlier boot or another machine is never taken for it.
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
PING_SECONDS = 10  # to make and close a blank document
WATCH_SECONDS = 30
LISTENER_SECONDS = 15  # a township-year's report converts in about 0.25 s; anything slower is stuck or huge
STOP_SECONDS = 5  # LibreOffice asked to end (SIGTERM) before it is killed


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _state_dir() -> Path:
    return Path(settings.DATA_DIR) / "office"


def pipe_name() -> str:
    """The listener's pipe: one per installation (FAZHI_DATA_DIR)."""
    return _pipe_of(_state_dir())


def _pid_file(state: Path | None = None) -> Path:
    return (state or _state_dir()) / "listener.pid"


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


def _is_listener(pid: int, pipe: str) -> bool:
    """``pid`` is the listener on ``pipe`` on this machine: its command line names the pipe."""
    try:
        return f"--accept=pipe,name={pipe};".encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _listener_group(state: Path | None = None) -> int | None:
    """The process group of the listener the worker recorded (in ``state``, by default this installation's), if it
    is running on this machine."""
    state = state or _state_dir()
    try:
        group = int(_pid_file(state).read_text().strip())
    except (OSError, ValueError):
        return None
    return group if _is_listener(group, _pipe_of(state)) else None


def _pipe_of(state: Path) -> str:
    return "fazhi-" + hashlib.sha256(str(state.parent.resolve()).encode()).hexdigest()[:16]


def listening() -> bool:
    return _listener_group() is not None and uno_python() is not None


def signature() -> bytes:
    """What a PDF depends on besides the document: the font configuration and the installed LibreOffice (an
    upgrade of either makes new PDFs: pdf.py keys its store by it, the listener is started again on a change)."""
    soffice = soffice_path()
    try:
        installed = str(os.stat(os.path.realpath(soffice)).st_mtime_ns) if soffice else ""
        fonts = FONTS_CONF.read_bytes()
    except OSError:
        installed, fonts = "", b""
    return fonts + b"\0" + installed.encode()


def headless(soffice: str, profile: Path, *args: str) -> list[str]:
    """LibreOffice with no window, its own profile and no recovery, first-start or lock dialogs."""
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
            "--nologo", "--nodefault", "--nolockcheck", *args]


def environment(home: Path) -> dict[str, str]:
    """LibreOffice's environment: fonts.conf's stand-ins for the official typefaces, ``home`` as its home."""
    return {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(home)}


def kill_group(process: subprocess.Popen) -> None:
    """End the whole process group ``process`` leads (LibreOffice's wrapper starts soffice.bin as a child), then
    reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _end_group(group: int, alive, *, grace: float = STOP_SECONDS) -> None:
    """SIGTERM (LibreOffice removes its pipe), and once it is no longer ``alive()`` or ``grace`` seconds have passed,
    SIGKILL whatever is left of the group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and alive():
            time.sleep(0.05)
        os.killpg(group, signal.SIGKILL)


def _client(*args: str, timeout: float, pipe: str | None = None) -> int:
    python = uno_python()
    if python is None:
        return 2
    process = subprocess.Popen([python, str(CLIENT), pipe or pipe_name(), *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        return -1


def convert(source: Path, target: Path) -> bool:
    """Convert the .docx ``source`` to the PDF ``target`` through the worker's LibreOffice. False when there is
    none or it failed; the caller then converts by itself. LibreOffice writes beside ``target`` and the file is
    moved into place only when the conversion is complete, so a late write can never reach ``target``."""
    group = _listener_group()
    if group is None or uno_python() is None:
        return False
    written = target.with_name(".listener-" + target.name)
    status = _client("convert", str(source), str(written), timeout=LISTENER_SECONDS)
    if status == -1:
        # Stuck (or a document far beyond ours): it would hold every later conversion of the machine, and it
        # would finish this one after we have gone. End it; the worker starts a fresh one within WATCH_TICK.
        log.warning("the worker's LibreOffice took over %s s on a document: ending it (the worker starts another)",
                    LISTENER_SECONDS)
        _end_group(group, lambda: False, grace=0)
    if status != 0 or not written.is_file():
        if status not in (0, -1):
            log.warning("the worker's LibreOffice did not convert (status %s): using a LibreOffice of our own", status)
        return False
    os.replace(written, target)
    return True


WATCH_TICK = 1.0  # how often the watcher looks whether the listener is still alive (a ping every WATCH_SECONDS)


class Listener:
    """The worker's LibreOffice: ``start`` it, a thread watches it, ``stop`` it with the worker."""

    def __init__(self):
        self.state = _state_dir()  # this installation's, fixed for the listener's life
        self.pipe = _pipe_of(self.state)
        self.process: subprocess.Popen | None = None
        self._signature = b""
        self._lock_handle = None
        self._lock = threading.Lock()  # self.process and the pid file change only under it
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Start LibreOffice and wait until it answers. False (and nothing running) when it cannot be started here:
        no LibreOffice, no python3-uno, or another worker on this machine already keeps one for this installation."""
        if soffice_path() is None or uno_python() is None:
            return False
        state = self.state
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
        orphan = _listener_group(state)  # left by a worker that was killed: we hold the lock now, so it is nobody's
        if orphan is not None:
            _end_group(orphan, lambda: _is_listener(orphan, self.pipe))
        if not self._launch():
            self.stop()
            return False
        self._thread = threading.Thread(target=self._watch, name="fazhi-office", daemon=True)
        self._thread.start()
        return True

    def _launch(self) -> bool:
        state = self.state
        command = headless(soffice_path(), state / "profile", f"--accept=pipe,name={self.pipe};urp;")
        env = environment(state)
        with self._lock:
            if self._stop.is_set():
                return False
            with contextlib.suppress(OSError):
                _pid_file(state).unlink()
            self._signature = signature()
            self.process = subprocess.Popen(command, env=env, cwd=state, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                            start_new_session=True, umask=0o077)
            process = self.process
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and process.poll() is None and not self._stop.is_set():
            if _client("ping", timeout=PING_SECONDS, pipe=self.pipe) == 0:
                with self._lock:
                    if self.process is process and not self._stop.is_set():
                        _pid_file(state).write_text(str(process.pid))
                        return True
                break
            time.sleep(0.2)
        if not self._stop.is_set():
            log.warning("LibreOffice did not start listening: PDFs are converted one LibreOffice each")
        self._kill(process)
        return False

    def _healthy(self, ping: bool) -> bool:
        process = self.process
        if process is None or process.poll() is not None or _listener_group(self.state) != process.pid:
            return False  # died, or ended by a conversion that got stuck
        if self._signature != signature():
            log.warning("LibreOffice or the font configuration changed: starting LibreOffice again")
            return False
        return not ping or _client("ping", timeout=PING_SECONDS, pipe=self.pipe) == 0

    def _watch(self) -> None:
        next_ping = time.monotonic() + WATCH_SECONDS
        while not self._stop.wait(WATCH_TICK):
            ping = time.monotonic() >= next_ping
            if ping:
                next_ping = time.monotonic() + WATCH_SECONDS
            if self._healthy(ping):
                continue
            log.warning("the worker's LibreOffice is not working: starting it again")
            self._kill(self.process)
            self._launch()

    def _kill(self, process: subprocess.Popen | None) -> None:
        if process is None:
            return
        with self._lock:
            if self.process is process:
                with contextlib.suppress(OSError):
                    _pid_file(self.state).unlink()
                self.process = None
        if process.poll() is None:
            _client("quit", timeout=STOP_SECONDS, pipe=self.pipe)  # a clean exit removes its pipe from /tmp
        _end_group(process.pid, lambda: process.poll() is None)
        process.wait()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()  # a launch in progress sees the stop within a ping
        self._kill(self.process)
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None
