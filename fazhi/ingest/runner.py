"""Run each file in a worker process with a timeout, so a pathological file ends in an error.

One long-lived worker serves file after file (cheap); when a file overruns its time or kills
the worker, the worker is replaced and the file gets the timeout (or damaged-file) reason.
"""
from __future__ import annotations

import multiprocessing
import os

from . import errors
from .pipeline import ReportResult, analyse_path

WORKER_MEMORY_LIMIT = 3 * 1024 ** 3  # bytes of address space a worker may use


def _current_address_space() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _limit_memory() -> None:
    """A zip bomb or a runaway parser stops at MemoryError in the worker, not in the machine's swap."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        # A worker forked from a large process (a web server) starts with its address space: leave room above it.
        limit = max(WORKER_MEMORY_LIMIT, _current_address_space() + 2 * 1024 ** 3)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def _worker(connection) -> None:
    _limit_memory()
    while True:
        try:
            path = connection.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            result = analyse_path(path).as_dict()
        except MemoryError:
            result = ReportResult(file=path, error=errors.TOO_LARGE).as_dict()
        except Exception:
            result = ReportResult(file=path, error=errors.CORRUPT).as_dict()
        connection.send(result)


class IsolatedAnalyser:
    """``with IsolatedAnalyser(timeout=30) as analyser: analyser.analyse(path)`` → result dict."""

    def __init__(self, timeout: float = 30.0):
        self.timeout = timeout
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._process = None
        self._connection = None

    def __enter__(self) -> "IsolatedAnalyser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        child.close()
        self._process, self._connection = process, parent

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None

    def analyse(self, path: str) -> dict:
        if self._process is None or not self._process.is_alive():
            self._stop()
            self._start()
        try:
            self._connection.send(path)
            if self._connection.poll(self.timeout):
                return self._connection.recv()
            reason = errors.TIMEOUT
        except (EOFError, OSError, BrokenPipeError):
            reason = errors.CORRUPT
        self._stop()
        return ReportResult(file=path, error=reason).as_dict()

    def close(self) -> None:
        if self._connection is not None and self._process is not None and self._process.is_alive():
            try:
                self._connection.send(None)
                self._process.join(timeout=2)
            except (OSError, BrokenPipeError):
                pass
        self._stop()


def collect_files(paths: list[str]) -> list[str]:
    """Files as given; directories walked, their files sorted."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                found.extend(os.path.join(root, name) for name in names)
            files.extend(sorted(found))
        else:
            files.append(path)
    return files
