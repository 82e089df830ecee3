"""A submitted version is a document: shown as the report page shows a report (with the figures it was sent with),
downloadable as .docx and PDF; "报送后数据已变化" on the live report page and on the submission page once the records
move; a correction after the county accepted goes in as a new version. Another township gets 404 on all of it."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from fazhi.core import pdf
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.oversight.filing import accept_submission, submit_report
from fazhi.oversight.models import SubmissionStatus
from fazhi.oversight.tests.factories import saved_report
from fazhi.testing.factories import DisputeCaseFactory

YEAR = 2025
REASON = "自查问题已核实"
FIGURE = re.compile(r'<a data-indicator="([a-z_]+)" href="[^"]*"[^>]*>([^<]+)</a>')

needs_office = pytest.mark.skipif(
    pdf.soffice_path() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice（soffice）或 pdftotext 未安装，跳过 PDF 生成测试：运行 scripts/ensure-office.sh 安装",
)


@pytest.fixture
def submitted(township, clerk, leader):
    DisputeCaseFactory.create_batch(3, organisation=township)
    saved_report(township, YEAR, clerk)
    return submit_report(township, YEAR, leader, REASON)


def _article(html: str) -> str:
    return html.split('<article class="report-page">', 1)[1].split("</article>", 1)[0]


def _figures(html: str) -> list[tuple[str, str]]:
    return FIGURE.findall(_article(html))


def _page(client, user, name: str, *args) -> str:
    client.force_login(user)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_version_is_shown_as_the_report_with_the_figures_it_was_sent_with(client, township, clerk, leader,
                                                                              supervisor):
    DisputeCaseFactory.create_batch(3, organisation=township)
    saved_report(township, YEAR, clerk)
    live_then = _figures(_page(client, leader, "report_view", township.code, YEAR))
    assert ("disputes_handled", "3") in live_then
    submission = submit_report(township, YEAR, leader, REASON)
    DisputeCaseFactory(organisation=township)  # the records move on

    page = _page(client, supervisor, "oversight_submission", submission.pk)
    article = _article(page)
    assert _figures(page) == live_then  # every figure as the report page showed it when it was sent
    assert '<h2 id="measures_text">' in article and "## " not in article and "**" not in article
    assert '<span class="subheading">' in article
    assert ("disputes_handled", "4") in _figures(_page(client, leader, "report_view", township.code, YEAR))


def test_a_version_kept_before_structures_were_stored_is_not_shown_as_raw_markdown(client, submitted, supervisor):
    submitted.structure = None
    submitted.save(update_fields=["structure"])
    article = _article(_page(client, supervisor, "oversight_submission", submitted.pk))
    assert "<h2>" in article and "## " not in article and "**" not in article and "\\" not in article
    assert '<span class="subheading">' in article


def test_the_version_downloads_as_the_docx_the_county_received(client, submitted, supervisor):
    client.force_login(supervisor)
    response = client.get(reverse("oversight_submission_docx", args=[submitted.pk]))
    assert response.status_code == 200 and "（第1版）.docx" in unquote(response["Content-Disposition"])
    assert b"".join(response.streaming_content) == bytes(submitted.docx)
    doc = Document(io.BytesIO(bytes(submitted.docx)))
    assert any("甲镇" in p.text for p in doc.paragraphs)


@needs_office
def test_the_version_downloads_as_pdf_printed_from_its_docx(client, submitted, leader):
    client.force_login(leader)
    response = client.get(reverse("oversight_submission_pdf", args=[submitted.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "（第1版）.pdf" in unquote(response["Content-Disposition"])
    data = b"".join(response.streaming_content)
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True).stdout.decode()
    assert "法治政府建设" in re.sub(r"\s", "", text)


def test_without_libreoffice_the_pdf_download_says_why_in_chinese(client, submitted, leader, monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    client.force_login(leader)
    response = client.get(reverse("oversight_submission_pdf", args=[submitted.pk]))
    assert response.status_code == 503 and "服务器未安装 LibreOffice" in response.content.decode()


def test_changed_figures_are_listed_old_to_new_on_the_report_page_and_the_submission_page(
        client, submitted, township, leader, supervisor):
    assert "报送后数据已变化" not in _page(client, leader, "report_view", township.code, YEAR)
    assert "报送后数据已变化" not in _page(client, supervisor, "oversight_submission", submitted.pk)
    DisputeCaseFactory(organisation=township)
    records = f'href="/indicators/disputes_handled/records/?year={YEAR}&amp;org={township.code}"'
    for page in (_page(client, leader, "report_view", township.code, YEAR),
                 _page(client, supervisor, "oversight_submission", submitted.pk)):
        assert "报送后数据已变化" in page
        row = re.search(r'<tr data-changed="disputes_handled">(.*?)</tr>', page, re.S).group(1)
        assert re.search(r"矛盾纠纷.*?3件.*?→.*?" + re.escape(records) + r"[^>]*>4</a>件", row, re.S), row
        assert 'data-changed="publicity_events"' not in page  # only what changed


def test_a_correction_after_acceptance_is_a_new_version_the_county_reviews_again(client, submitted, township,
                                                                                  leader, supervisor):
    accept_submission(submitted, supervisor, "已收悉")
    DisputeCaseFactory(organisation=township)
    page = _page(client, leader, "report_view", township.code, YEAR)
    assert "报送后数据已变化" in page and "审定并报送更正版本" in page
    response = client.post(reverse("oversight_submit", args=[township.code, YEAR]), {"confirm": "1", "reason": REASON},
                           follow=True)
    assert "已审定并报送第2版" in response.content.decode()
    second = response.context["submission"]
    submitted.refresh_from_db()
    assert (submitted.status, second.version, second.status) == (
        SubmissionStatus.ACCEPTED, 2, SubmissionStatus.SUBMITTED)
    assert second.figures["disputes_handled"]["value"] == 4
    assert "报送后数据已变化" not in _page(client, leader, "report_view", township.code, YEAR)  # v2 carries 4
    assert "接收本版" in _page(client, supervisor, "oversight_submission", second.pk)
    with pytest.raises(ValidationError, match="尚未审核"):
        submit_report(township, YEAR, leader, REASON)


def test_another_township_gets_404_on_the_version_and_its_downloads(client, submitted, other_clerk,
                                                                    other_county_supervisor):
    for user in (other_clerk, other_county_supervisor):
        client.force_login(user)
        for name in ("oversight_submission", "oversight_submission_docx", "oversight_submission_pdf"):
            assert client.get(reverse(name, args=[submitted.pk])).status_code == 404, (user, name)


def test_opening_a_version_has_the_worker_make_its_pdf(client, supervisor, submitted, job_queue, monkeypatch):
    """As the rule-of-law report's page (fazhi/reports/tests/test_pdf.py, in depth): the click is served from the store."""
    calls = []
    monkeypatch.setattr(pdf, "soffice_path", lambda: "/usr/bin/soffice")  # installed or not on this machine
    monkeypatch.setattr(pdf, "_convert_now", lambda data, timeout, **_: calls.append(data) or b"%PDF-1.6 made")
    job_queue.beat()
    _page(client, supervisor, "oversight_submission", submitted.pk)
    assert job_queue.waiting() == [("oversight.prerender_submission_pdf", {"submission_id": submitted.pk})]
    assert job_queue.run_pending() == 1 and calls == [bytes(submitted.docx)]
    response = client.get(reverse("oversight_submission_pdf", args=[submitted.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.6 made" and len(calls) == 1
