"""Text already stored with control characters (Word's manual line break \\x0b pasted before input was cleaned,
an import) still makes every .docx: the disclosure annual report and an enforcement document through their
download pages (the annual rule-of-law report: fazhi/reports/tests/test_docx.py). \\x0b prints as a line break,
the other control characters are dropped (fazhi/core/docx_fonts.py: add_run)."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from fazhi.conftest import login
from fazhi.disclosure.models import DisclosureAnnualReport
from fazhi.enforcement import journey, services
from fazhi.enforcement.models import PenaltyCase

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_disclosure_report_prints_a_manual_line_break(client, clerk, township):
    report = DisclosureAnnualReport.objects.create(organisation=township, year=2025, created_by=clerk,
                                                   overview_text="总体情况")
    DisclosureAnnualReport.objects.filter(pk=report.pk).update(overview_text="本机关坚持公开为常态\x0b不公开为例外\x01。")
    text = text_of(login(client, clerk).get(f"/disclosure/reports/{township.code}/2025/report.docx"))
    assert "本机关坚持公开为常态\n不公开为例外。" in text


def test_an_enforcement_document_prints_a_manual_line_break(client, clerk, township):
    case = services.case_file(organisation=township, fields=journey.case_fields(), filed_on=dt.date(2025, 3, 3), user=clerk)
    PenaltyCase.objects.filter(pk=case.pk).update(alleged_violation="占道经营\x0b堆放杂物\x0c\x1f")
    text = text_of(login(client, clerk).get(f"/enforcement/cases/{case.pk}/documents/filing.docx"))
    assert "占道经营\n堆放杂物" in text
