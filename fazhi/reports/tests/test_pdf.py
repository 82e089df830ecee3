"""The annual report as PDF: `fazhi report --format pdf` and the download `…/report.pdf` (same access as the .docx)."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from fazhi.conftest import login
from fazhi.core import pdf
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.core.views import downloads  # every PDF download converts here
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_get_or_new
from fazhi.testing.factories import PublicityEventFactory

pytestmark = pytest.mark.django_db

needs_office = pytest.mark.skipif(
    pdf.soffice_path() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice（soffice）或 pdftotext 未安装，跳过 PDF 生成测试：运行 scripts/ensure-office.sh 安装",
)


def url(year: int, code: str = "T901") -> str:
    return f"/reports/view/{code}/{year}/report.pdf"


@needs_office
def test_the_command_writes_the_report_as_pdf(ledgers, year, tmp_path):
    target = tmp_path / "report.pdf"
    err = io.StringIO()
    call_command("report", "--org", "T901", "--year", str(year), "--format", "pdf", "--output", str(target),
                 stdout=io.StringIO(), stderr=err)
    assert target.read_bytes().startswith(b"%PDF-") and "已导出" in err.getvalue()
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    composed = compose_report(report_get_or_new(ledgers, year))
    assert re.search(r"^Subject:\s+法治政府建设年度报告$", info, re.M) and re.search(r"^Author:\s+甲镇$", info, re.M)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True).stdout
    lines = [re.sub(r"\s", "", line) for line in text.splitlines()]
    for title_line in composed.title_lines():
        assert re.sub(r"\s", "", title_line) in lines
    for figure in composed.figures():  # each figure whole on one line
        assert any(figure.text in line for line in lines), figure.text
    # dated as the report (its 成文日期), not the moment of conversion
    stamp = composed.dated.strftime("D:%Y%m%d120000+08'00'")
    assert PdfReader(str(target)).metadata["/CreationDate"] == stamp


def test_the_command_says_why_there_is_no_pdf(ledgers, year, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    target = tmp_path / "report.pdf"
    with pytest.raises(CommandError, match="服务器未安装 LibreOffice，暂时无法生成 PDF，请下载 Word 版"):
        call_command("report", "--org", "T901", "--year", str(year), "--format", "pdf", "--output", str(target))
    assert not target.exists()
    with pytest.raises(CommandError, match="pdf 格式必须用 --output 指定输出文件"):
        call_command("report", "--org", "T901", "--year", str(year), "--format", "pdf")


@pytest.fixture
def converted(monkeypatch):
    """LibreOffice stands in for itself here (the command test above runs the real one): the .docx it gets."""
    received: list[bytes] = []

    def convert(data: bytes) -> bytes:
        received.append(data)
        return b"%PDF-1.6 converted"
    monkeypatch.setattr(downloads, "docx_to_pdf", convert)
    return received


def test_the_download_follows_the_docx_access_rules(client, clerk, other_clerk, supervisor, ledgers, year, converted):
    assert client.get(url(year)).status_code == 302  # to the login page
    for user in (clerk, supervisor):
        response = login(client, user).get(url(year))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == b"%PDF-1.6 converted"
        assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    assert converted[0][:2] == b"PK"  # the GB/T 9704 .docx went to LibreOffice
    assert login(client, other_clerk).get(url(year)).status_code == 404
    assert login(client, clerk).get(url(1999)).status_code == 404


def test_no_pdf_is_a_chinese_page_pointing_to_the_word_file(client, clerk, ledgers, year, monkeypatch):
    def unavailable(data: bytes) -> bytes:
        raise pdf.PdfUnavailable(pdf.NOT_INSTALLED)
    monkeypatch.setattr(downloads, "docx_to_pdf", unavailable)
    response = login(client, clerk).get(url(year))
    assert response.status_code == 503
    page = response.content.decode()
    assert "暂时无法生成 PDF" in page and "请下载 Word 版" in page and "Traceback" not in page


@pytest.fixture
def libreoffice_calls(monkeypatch):
    """Every conversion LibreOffice would make (the store in front of it is the real one)."""
    calls: list[bytes] = []
    monkeypatch.setattr(pdf, "soffice_path", lambda: "/usr/bin/soffice")  # installed or not on this machine
    monkeypatch.setattr(pdf, "_convert_now", lambda data, timeout, **_: calls.append(data) or b"%PDF-1.6 made once")
    return calls


def test_opening_the_report_page_has_the_worker_make_the_pdf_before_the_click(client, clerk, ledgers, year, job_queue,
                                                                                libreoffice_calls):
    login(client, clerk)
    assert client.get(f"/reports/view/T901/{year}/").status_code == 200
    assert job_queue.waiting() == []  # no worker running: nothing queued, the click converts as before

    job_queue.beat()  # `fazhi worker` is running
    for _ in range(2):  # opened twice before the worker got to it: made once
        assert client.get(f"/reports/view/T901/{year}/").status_code == 200
    assert job_queue.waiting() == [("reports.prerender_pdf", {"organisation_id": ledgers.pk, "year": year})]
    assert libreoffice_calls == []  # the page itself does not wait for LibreOffice
    assert job_queue.run_pending() == 1 and len(libreoffice_calls) == 1

    response = client.get(url(year))  # the click: served from the store, LibreOffice not run again
    assert b"".join(response.streaming_content) == b"%PDF-1.6 made once" and len(libreoffice_calls) == 1
    client.get(f"/reports/view/T901/{year}/")
    job_queue.run_pending()
    assert len(libreoffice_calls) == 1  # the same text again: the stored PDF is kept

    PublicityEventFactory(organisation=ledgers, held_on=dt.date(year, 7, 1))  # the figures change: a new PDF
    client.get(f"/reports/view/T901/{year}/")
    assert job_queue.waiting() == []  # the page was opened a moment ago: not queued again within half a minute
    cache.clear()  # half a minute later
    client.get(f"/reports/view/T901/{year}/")
    job_queue.run_pending()
    assert len(libreoffice_calls) == 2
    assert b"".join(client.get(url(year)).streaming_content) == b"%PDF-1.6 made once" and len(libreoffice_calls) == 2
