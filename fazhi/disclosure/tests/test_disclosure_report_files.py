"""The annual disclosure report as .docx, .xlsx and JSON (web and CLI): the same numbers as the register."""
from __future__ import annotations

import datetime as dt
import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.disclosure import annual_report
from fazhi.disclosure.render_docx import render_docx
from fazhi.disclosure.render_xlsx import render_xlsx
from fazhi.disclosure.services import request_create, request_reply
from fazhi.testing.factories import DisclosureAppealFactory, ProactiveReleaseFactory

NEW = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
GRANTED = "三、本年度办理结果（一）予以公开"
NOT_HELD = "三、本年度办理结果（四）无法提供1.本机关不掌握相关政府信息"
TOTAL = "三、本年度办理结果（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"


def _apply(township, clerk, received_on, kind="natural"):
    request, _ = request_create(
        organisation=township, channel="in_person", received_on=received_on, user=clerk,
        fields={"applicant_type": kind, "applicant_name": "王五", "contact": "13800138000",
                "description": "本村低保名单", "delivery": "email"},
    )
    return request


@pytest.fixture
def register(township, clerk):
    """2025: one carried in from 2024, two natural persons and a law firm new; two answered, one refused, one open."""
    old = _apply(township, clerk, dt.date(2024, 12, 20))
    a = _apply(township, clerk, dt.date(2025, 3, 3))
    b = _apply(township, clerk, dt.date(2025, 6, 2))
    _apply(township, clerk, dt.date(2025, 12, 22), kind="legal_service")  # still open at the year's end
    request_reply(request=old, user=clerk, result="granted", replied_on=dt.date(2025, 1, 10))
    request_reply(request=a, user=clerk, result="granted", replied_on=dt.date(2025, 3, 20))
    request_reply(request=b, user=clerk, result="unavailable_not_held", replied_on=dt.date(2025, 6, 20),
                  summary="本机关不掌握该信息", referred_agency="县民政局")
    ProactiveReleaseFactory(organisation=township, published_on=dt.date(2025, 5, 6), table_item="penalty", item_count=3)
    DisclosureAppealFactory(organisation=township, filed_on=dt.date(2025, 7, 1), outcome="pending", decided_on=None)
    return annual_report.load(township, 2025)


def test_json_cells_follow_the_template_labels(register):
    table3 = register.to_json()["table3"]
    assert table3[NEW] == {"自然人": 2, "商业企业": 0, "科研机构": 0, "社会公益组织": 0, "法律服务机构": 1, "其他组织": 0, "总计": 3}
    assert table3[CARRIED_IN]["总计"] == 1
    assert table3[GRANTED]["自然人"] == 2 and table3[NOT_HELD]["自然人"] == 1
    assert table3[TOTAL]["总计"] == 3 and table3[CARRIED_OUT]["法律服务机构"] == 1
    data = register.to_json()
    assert data["table2"]["行政处罚"]["本年处理决定数量"] == 0  # a release's 表二 mark no longer counts: decisions do
    assert data["table4"]["行政复议"]["尚未审结"] == 1
    assert data["identity"]["holds"] is True


def test_the_docx_has_the_six_sections_and_the_registers_numbers(register):
    doc = Document(io.BytesIO(render_docx(register)))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "甲镇人民政府2025年\n政府信息公开工作年度报告"  # the township government's, on two lines
    positions = [text.index(title) for title in annual_report.SECTION_TITLES]
    assert positions == sorted(positions)
    assert len(doc.tables) == 3
    t2, t3, t4 = doc.tables
    assert [c.text for c in t2.rows[0].cells][0] == "第二十条第（一）项"
    rows3 = {row.cells[0].text + "|" + row.cells[2].text: [c.text for c in row.cells[3:]] for row in t3.rows}
    assert rows3[f"{NEW}|{NEW}"] == ["2", "0", "0", "0", "1", "0", "3"]
    assert rows3[f"{CARRIED_IN}|{CARRIED_IN}"][-1] == "1"
    assert rows3["三、本年度办理结果|（七）总计"][-1] == "3"
    assert rows3[f"{CARRIED_OUT}|{CARRIED_OUT}"] == ["0", "0", "0", "0", "1", "0", "1"]
    assert [c.text for c in t4.rows[3].cells][3] == "1"  # 行政复议 · 尚未审结
    assert not any("勾稽关系" in t for t in text)  # the working check stays on the staff page
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)


def test_every_run_of_the_docx_has_a_chinese_font(register):
    doc = Document(io.BytesIO(render_docx(register)))
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        fonts = run._element.rPr.find(qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.text


def test_the_xlsx_has_the_same_numbers(register):
    wb = load_workbook(io.BytesIO(render_xlsx(register)))
    assert wb.sheetnames == ["说明", "表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
    ws = wb["表三 依申请公开"]
    rows = {ws.cell(row=r, column=1).value: [ws.cell(row=r, column=c).value for c in range(4, 11)] for r in range(4, ws.max_row + 1)}
    assert rows[NEW] == [2, 0, 0, 0, 1, 0, 3]
    assert rows[CARRIED_OUT][-1] == 1
    assert wb["表四 复议诉讼"].cell(row=4, column=4).value == 1
    assert "各列均成立" in wb["说明"].cell(row=4, column=2).value


def test_the_cli_writes_each_format(register, tmp_path, capsys):
    for fmt in ("docx", "xlsx", "json"):
        out = tmp_path / f"r.{fmt}"
        call_command("disclosure-report", org="T901", year="2025", format=fmt, output=str(out))
        assert out.stat().st_size > 0
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["table3"][NEW]["总计"] == 3
    capsys.readouterr()
    call_command("disclosure-report", org="T901", year="2025", format="json")
    assert json.loads(capsys.readouterr().out)["table3"][TOTAL]["自然人"] == 3


@pytest.mark.parametrize("kwargs, message", [
    ({"org": "NOPE", "year": "2025", "format": "json"}, "没有编码为"),
    ({"org": "C900", "year": "2025", "format": "json"}, "不是乡镇"),
    ({"org": "T901", "year": "20x5", "format": "json"}, "年度格式不正确"),
    ({"org": "T901", "year": "1999", "format": "json"}, "年度必须在"),
    ({"org": "T901", "year": "2025", "format": "odt"}, "不支持的格式"),
    ({"org": "T901", "year": "2025", "format": "docx"}, "--output"),
])
def test_the_cli_refuses_bad_arguments_in_chinese(township, kwargs, message):
    with pytest.raises(CommandError, match=message):
        call_command("disclosure-report", **kwargs)


def test_the_web_downloads(clerk_client, register):
    docx = clerk_client.get("/disclosure/reports/T901/2025/report.docx")
    assert docx.status_code == 200 and Document(io.BytesIO(docx.content)).paragraphs[0].text.endswith("年度报告")
    xlsx = clerk_client.get("/disclosure/reports/T901/2025/report.xlsx")
    assert xlsx.status_code == 200 and load_workbook(io.BytesIO(xlsx.content))["表三 依申请公开"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice（soffice）未安装：跳过政府信息公开年报 PDF 的检查")
def test_the_pdf_download_keeps_numbers_whole(clerk_client, register):
    """G9 S4: the 年报 came only as .docx, and a plain conversion split "19.2分" and "2026年" across lines; the PDF
    goes through core/pdf.py like the rule-of-law report's."""
    pdf = clerk_client.get("/disclosure/reports/T901/2025/report.pdf")
    content = b"".join(pdf.streaming_content)  # a file download, as every PDF download (core/views/downloads.py)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and content.startswith(b"%PDF")
    assert len(content) > 10_000


def test_carry_over_is_checked_against_last_years_finalised_report(township, clerk, other_township, other_clerk):
    from fazhi.disclosure.report_services import report_finalise
    from fazhi.disclosure.services import request_void

    kept = _apply(township, clerk, dt.date(2024, 12, 20))
    dropped = _apply(township, clerk, dt.date(2024, 12, 23))
    _apply(other_township, other_clerk, dt.date(2024, 12, 23))  # another township's: never in this report
    report_finalise(organisation=township, year=2024, user=clerk)
    assert annual_report.load(township, 2025).to_json()["table3"][CARRIED_IN]["总计"] == 2
    request_void(request=dropped, user=clerk, reason="重复登记")
    data = annual_report.load(township, 2025)
    assert data.to_json()["table3"][CARRIED_IN]["总计"] == 1
    assert data.identity.holds  # the year's own identity still holds …
    notes = "\n".join(data.identity.explanations)  # … and the difference from the published carry-over is explained
    assert "结转下年度”为2件" in notes and dropped.tracking_number in notes and "重复登记" in notes
    assert kept.tracking_number not in notes


def test_opening_the_report_page_has_the_worker_make_its_pdf(clerk_client, register, job_queue, monkeypatch):
    """As the rule-of-law report's page (fazhi/reports/tests/test_pdf.py, in depth): the click is served from the store."""
    from fazhi.core import pdf

    calls = []
    monkeypatch.setattr(pdf, "soffice_path", lambda: "/usr/bin/soffice")  # installed or not on this machine
    monkeypatch.setattr(pdf, "_convert_now", lambda data, timeout, **_: calls.append(data) or b"%PDF-1.6 made")
    job_queue.beat()
    assert clerk_client.get("/disclosure/reports/T901/2025/").status_code == 200
    assert [name for name, _ in job_queue.waiting()] == ["disclosure.prerender_report_pdf"]
    assert job_queue.run_pending() == 1 and len(calls) == 1
    assert b"".join(clerk_client.get("/disclosure/reports/T901/2025/report.pdf").streaming_content) == b"%PDF-1.6 made"
    assert len(calls) == 1
