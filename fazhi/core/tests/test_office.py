"""The LibreOffice `fazhi worker` keeps running (fazhi/core/office.py): PDFs go through it while it answers, are made
by a LibreOffice of their own when it does not, and it is started again when it dies."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import time

import pytest

from fazhi.core import office, pdf
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.core.tests.test_pdf import sample

needs_bridge = pytest.mark.skipif(
    pdf.soffice_path() is None or office.uno_python() is None,
    reason="LibreOffice 或其 Python 接口（python3-uno）未安装，跳过常驻 LibreOffice 测试：运行 scripts/ensure-office.sh 安装",
)


@pytest.fixture
def installation(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"  # its own pipe and LibreOffice profile
    return settings.DATA_DIR


def _until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@needs_bridge
def test_pdfs_go_through_the_workers_libreoffice_and_survive_its_death(installation, monkeypatch):
    orphan = subprocess.Popen(["sleep", "300"], start_new_session=True)  # left by a worker killed earlier
    (installation / "office").mkdir(parents=True)
    (installation / "office" / "listener.pid").write_text(str(orphan.pid))
    monkeypatch.setattr(office, "WATCH_SECONDS", 0.5)
    listener = office.Listener()
    try:
        assert listener.start()
        assert orphan.wait(timeout=5) == -signal.SIGKILL
        assert not office.Listener().start()  # one per installation: a second worker leaves it to the first

        alone = []
        monkeypatch.setattr(pdf, "_convert_alone", lambda *args: alone.append(args))
        made = pdf.docx_to_pdf(sample())
        assert made.startswith(b"%PDF-") and alone == []

        crashed = listener.process.pid
        os.killpg(crashed, signal.SIGKILL)  # LibreOffice crashes: the worker notices and starts it again
        assert _until(lambda: listener.process is not None and listener.process.pid != crashed and office.listening(), 60)
    finally:
        listener.stop()
    assert not office.listening() and listener.process is None
    assert not (installation / "office" / "listener.pid").exists()


@needs_bridge
def test_a_conversion_the_listener_cannot_do_is_made_by_a_libreoffice_of_its_own(installation, monkeypatch):
    (installation / "office").mkdir(parents=True)
    (installation / "office" / "listener.pid").write_text(str(os.getpgrp()))  # "alive", but no pipe behind it
    assert office.listening()
    made = pdf.docx_to_pdf(sample())
    assert made.startswith(b"%PDF-")


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
