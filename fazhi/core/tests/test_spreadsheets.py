"""The one spreadsheet writer and reader (fazhi/core/spreadsheets.py): stored text never becomes a formula or breaks a
download (issue 20 #4, #5), and a file's declared dimensions never drive an import's work (#3).
"""
from __future__ import annotations

import io
import time
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.core import spreadsheets
from fazhi.testing.factories import AssessmentScoreFactory, PublicityEventFactory

HOSTILE = ['=HYPERLINK("http://evil.example/x","点击查看评分细则")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"]


def _cells(content: bytes, sheet=None):
    wb = load_workbook(io.BytesIO(content))
    ws = wb[sheet] if sheet else wb.active
    return [cell for row in ws.iter_rows() for cell in row]


def test_text_that_looks_like_a_formula_is_written_as_text():
    content = spreadsheets.table_bytes("测试", ["名称", "数量"], [[text, 3] for text in HOSTILE])
    cells = _cells(content)
    texts = [c for c in cells if isinstance(c.value, str) and c.value in HOSTILE]
    assert len(texts) == len(HOSTILE)
    assert all(c.data_type == "s" and c.quotePrefix for c in texts)
    assert [c.value for c in cells if c.data_type == "n"] == [3] * len(HOSTILE)  # computed numbers stay numbers
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_assessment_results_keep_a_criterion_named_like_a_formula_as_text(client, clerk, township):
    score = AssessmentScoreFactory(organisation=township)
    criterion = score.criterion
    type(criterion).objects.filter(pk=criterion.pk).update(name=HOSTILE[0], standard="第一行\x0b第二行")
    client.force_login(clerk)
    response = client.get(f"/assessment/{township.code}/{score.scored_on.year}/results.xlsx")
    assert response.status_code == 200
    cells = _cells(response.content)
    named = [c for c in cells if c.value == HOSTILE[0]]
    assert named and all(c.data_type == "s" for c in named)


def test_a_ledger_export_survives_control_characters_stored_before_the_text_rule(client, clerk, township):
    event = PublicityEventFactory(organisation=township)
    type(event).objects.filter(pk=event.pk).update(title="宪法\x0b进村\x01" + HOSTILE[0])
    client.force_login(clerk)
    response = client.get("/ledgers/publicity-events/export.xlsx")
    assert response.status_code == 200
    titles = [c for c in _cells(response.content) if isinstance(c.value, str) and c.value.startswith("宪法")]
    assert titles and titles[0].data_type == "s" and "\x0b" not in titles[0].value


def _sheet_claiming(dimension: str, last_row: int, header: list[str]) -> bytes:
    """A small .xlsx whose sheet declares ``dimension`` and has a header and one data row at ``last_row``."""
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    ws.cell(row=last_row, column=1, value="2025-03-01")
    buffer = io.BytesIO()
    wb.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index("<dimension")
                end = text.index("/>", start) + 2
                data = (text[:start] + f'<dimension ref="{dimension}"/>' + text[end:]).encode()
            target.writestr(item, data)
    return out.getvalue()


def test_a_file_declaring_a_huge_sheet_is_read_in_no_time():
    data = _sheet_claiming("A1:XFD1048576", 1_048_576, ["日期", "主题"])
    assert len(data) < 10_000
    started = time.monotonic()
    rows = spreadsheets.read_rows(data, max_rows=10)
    assert time.monotonic() - started < 2
    assert [number for number, _ in rows] == [1, 1_048_576]  # numbers as Excel shows them, no padding


def test_reading_stops_at_the_row_limit(client):
    wb = Workbook()
    for i in range(50):
        wb.active.append([f"第{i}行", i])
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(spreadsheets.TooManyRows, match="一次最多导入9行"):
        spreadsheets.read_rows(buffer.getvalue(), max_rows=10)


def test_an_import_of_the_probes_file_answers_quickly(client, clerk):
    from fazhi.core.ledgers import get_ledger

    ledger = get_ledger("publicity-events")
    data = _sheet_claiming("A1:XFD40000", 40_000, [ledger.label(n) for n in ledger.excel_fields])
    client.force_login(clerk)
    upload = io.BytesIO(data)
    upload.name = "probe.xlsx"
    started = time.monotonic()
    response = client.post("/ledgers/publicity-events/import/", {"year": "2025", "file": upload})
    assert time.monotonic() - started < 5
    assert response.status_code == 200 and "第40000行" in response.content.decode()
    assert ledger.model.objects.count() == 0


def test_an_archive_that_unpacks_to_gigabytes_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_UNPACKED_BYTES", 1000)
    wb = Workbook()
    wb.active.append(["甲" * 2000])
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(spreadsheets.SpreadsheetError, match="解压后超过"):
        spreadsheets.read_rows(buffer.getvalue(), max_rows=10)
