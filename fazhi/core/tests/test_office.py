"""The LibreOffice `fazhi worker` keeps running (fazhi/core/office.py): PDFs go through it while it works, are made by a
LibreOffice of their own when it does not, and it is started again when it dies or gets stuck."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time

import pytest

from fazhi.core import office, pdf
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.core.tests.test_pdf import sample

needs_bridge = pytest.mark.skipif(
    office.soffice_path() is None or office.uno_python() is None,
    reason="LibreOffice 或其 Python 接口（python3-uno）未安装，跳过常驻 LibreOffice 测试：运行 scripts/ensure-office.sh 安装",
)


@pytest.fixture
def installation(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path / "data"  # its own pipe and LibreOffice profile
    monkeypatch.setattr(office, "WATCH_TICK", 0.2)
    return settings.DATA_DIR


@pytest.fixture
def listener(installation):
    running = office.Listener()
    assert running.start()
    yield running
    running.stop()
    assert not office.listening() and running.process is None
    assert not (installation / "office" / "listener.pid").exists()


def _until(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _looks_like_a_listener() -> subprocess.Popen:
    """A process whose command line names this installation's pipe, as the listener's does."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)",
                                f"--accept=pipe,name={office.pipe_name()};urp;"], start_new_session=True)
    assert _until(lambda: office._is_listener(process.pid, office.pipe_name()), 10)  # exec'd, not just forked
    return process


def _restarted(listener, before: int) -> bool:
    return listener.process is not None and listener.process.pid != before and office.listening()


@needs_bridge
def test_pdfs_go_through_the_workers_libreoffice_and_it_comes_back_when_it_dies(listener, monkeypatch):
    assert not office.Listener().start()  # one per installation: a second worker leaves it to the first
    alone = []
    monkeypatch.setattr(pdf, "_convert_alone", lambda *args: alone.append(args))
    assert pdf.docx_to_pdf(sample()).startswith(b"%PDF-") and alone == []

    crashed = listener.process.pid
    os.killpg(crashed, signal.SIGKILL)  # LibreOffice crashes
    assert _until(lambda: _restarted(listener, crashed)), "the worker starts LibreOffice again"

    before = listener.process.pid
    monkeypatch.setattr(office, "signature", lambda: b"LibreOffice or fonts.conf upgraded")
    assert _until(lambda: _restarted(listener, before)), "the PDFs of an upgrade come from the upgraded LibreOffice"


@needs_bridge
def test_a_stuck_conversion_is_made_by_a_libreoffice_of_its_own_and_the_stuck_one_replaced(listener, monkeypatch):
    monkeypatch.setattr(office, "LISTENER_SECONDS", 0.01)  # no document converts this fast: "stuck"
    stuck = listener.process.pid
    made = pdf.docx_to_pdf(sample())
    assert made.startswith(b"%PDF-")  # by a LibreOffice of its own
    assert _until(lambda: _restarted(listener, stuck)), "the stuck LibreOffice is replaced"
    monkeypatch.setattr(office, "LISTENER_SECONDS", 15)
    monkeypatch.setattr(pdf, "_convert_alone", lambda *args: pytest.fail("the fresh LibreOffice did not convert"))
    assert pdf._convert_now(sample(), 60).startswith(b"%PDF-")


@needs_bridge
def test_a_listener_left_by_a_killed_worker_is_ended_and_a_stranger_never_taken_for_one(installation):
    state = installation / "office"
    state.mkdir(parents=True)
    stranger = subprocess.Popen(["sleep", "300"], start_new_session=True)  # another process got the recorded pid
    (state / "listener.pid").write_text(str(stranger.pid))
    assert not office.listening()
    orphan = _looks_like_a_listener()
    (state / "listener.pid").write_text(str(orphan.pid))
    assert office.listening()
    running = office.Listener()
    try:
        assert running.start()
        assert orphan.wait(timeout=10) in (-signal.SIGTERM, -signal.SIGKILL)
        assert stranger.poll() is None  # never touched
    finally:
        running.stop()
        stranger.kill()


@needs_bridge
def test_a_conversion_the_listener_cannot_do_is_made_by_a_libreoffice_of_its_own(installation):
    state = installation / "office"
    state.mkdir(parents=True)
    impostor = _looks_like_a_listener()  # recorded as the listener, but no pipe behind it
    (state / "listener.pid").write_text(str(impostor.pid))
    try:
        assert office.listening()
        assert pdf.docx_to_pdf(sample()).startswith(b"%PDF-")
    finally:
        impostor.kill()


@needs_bridge
def test_the_bridge_script_says_what_went_wrong_by_its_exit_status(installation):
    python = office.uno_python()
    run = lambda *args: subprocess.run([python, str(office.CLIENT), *args], capture_output=True, timeout=60).returncode
    assert run(office.pipe_name(), "ping") == 2  # nobody listens
    assert run(office.pipe_name(), "convert", "only-one-path") == 4


@needs_bridge
def test_the_worker_keeps_libreoffice_running_while_it_runs(installation, job_queue, monkeypatch):
    from django.core.management import call_command

    from fazhi.core.management.commands import worker

    seen = []
    monkeypatch.setattr(worker.FazhiConsumer, "run", lambda consumer: seen.append(office.listening()))
    out = io.StringIO()
    call_command("worker", "--no-daily", stdout=out)
    assert seen == [True] and "已启动常驻 LibreOffice" in out.getvalue()
    assert not office.listening()  # stopped with the worker
