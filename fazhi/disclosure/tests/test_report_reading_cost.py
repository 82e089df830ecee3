"""The annual disclosure report reads the register once per document (bench/scale.py: ≤ 0.5 s for a township-year
at real volumes): table 三 in one query, each question of part 五 asked once for the whole document (the years
before it included), no query per late application, and table cells found without walking the whole grid."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from fazhi.disclosure import annual_report as ar
from fazhi.disclosure import report_findings as rf
from fazhi.disclosure.render_docx import _cell, _merge, _new_table, render_docx
from fazhi.disclosure.services import consultation_start, consultation_end, request_create, request_reply
from fazhi.testing.factories import ProactiveReleaseFactory

D = dt.date


def _apply(township, clerk, received_on, applicant_type="natural"):
    request, _ = request_create(
        organisation=township, channel="in_person", received_on=received_on, user=clerk,
        fields={"applicant_type": applicant_type, "applicant_name": "王五", "contact": "13800138000",
                "description": "本村低保名单", "delivery": "email", **(
                    {"id_number": "91350100M000100Y43"} if applicant_type != "natural" else {})},
    )
    return request


@pytest.fixture
def register(township, clerk):
    """Applications over three years: carried in, closed in the year by several results, still open, and late."""
    carried = _apply(township, clerk, D(2024, 12, 20))
    request_reply(request=carried, user=clerk, result="granted", replied_on=D(2025, 1, 10))
    _apply(township, clerk, D(2024, 12, 23), "commercial")  # open through 2025: carried in and out
    for day, result in ((D(2025, 3, 3), "granted"), (D(2025, 4, 1), "unavailable_not_held"),
                        (D(2025, 5, 6), "partial")):
        request_reply(request=_apply(township, clerk, day), user=clerk, result=result, replied_on=day + dt.timedelta(days=7),
                      summary="本机关不掌握该信息", referred_agency="县民政局")
    request_reply(request=_apply(township, clerk, D(2025, 12, 29), "research"), user=clerk, result="granted",
                  replied_on=D(2026, 1, 6))  # received in 2025, closed in 2026: carried out of 2025
    _apply(township, clerk, D(2026, 2, 2))
    ProactiveReleaseFactory(organisation=township, published_on=D(2024, 4, 8))
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 4, 8))
    ProactiveReleaseFactory(organisation=township, formed_on=D(2025, 9, 1), published_on=D(2025, 11, 3))  # late


def _late(township, clerk, n):
    """``n`` applications of 2025 answered late, each after a consultation."""
    for i in range(n):
        request = _apply(township, clerk, D(2025, 6, 2 + i))
        consultation = consultation_start(request=request, user=clerk, kind="third_party", party=f"第三方{i}",
                                          sent_on=D(2025, 6, 9 + i))
        consultation_end(consultation=consultation, user=clerk, replied_on=D(2025, 6, 16 + i), opinion="agree")
        request_reply(request=request, user=clerk, result="granted", replied_on=D(2025, 9, 1 + i))


def test_table_three_in_one_query_counts_each_row_as_its_definition_says(township, clerk, register):
    with CaptureQueriesContext(connection) as seen:
        table = ar.compute_table3(township, 2025)
    assert len(seen.captured_queries) == 1
    for row in ar.ROWS:
        for column, _ in ar.COLUMNS:
            assert table.value(row.key, column) == ar.requests_for_cell(township, 2025, row.key, column).count(), \
                (row.full_label, column)
    assert table.value(ar.ROW_CARRIED_IN, ar.TOTAL) == 2 and table.value(ar.ROW_CARRIED_OUT, ar.TOTAL) == 2
    assert table.value(ar.ROW_TOTAL, ar.TOTAL) == 4


def test_the_docx_queries_do_not_grow_with_the_late_applications(township, clerk, register):
    _late(township, clerk, 1)
    data = ar.load(township, 2025)
    render_docx(data)  # the working calendar, read once per process
    with CaptureQueriesContext(connection) as one:
        render_docx(data)
    _late(township, clerk, 3)
    data = ar.load(township, 2025)
    with CaptureQueriesContext(connection) as four:
        text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs)
    # three more late answers (each with a consultation): at most a branch of the text more, never one per application
    assert len(four.captured_queries) <= len(one.captured_queries) + 1 and len(one.captured_queries) <= 90
    assert "第三方" in text or "逾期" in text or "超过" in text  # part 五 still names the late answers


def test_within_one_reading_each_question_is_asked_once_and_afterwards_afresh(township, clerk, register):
    with ar.one_reading():
        first = rf.releases(township, 2025)
        with CaptureQueriesContext(connection) as seen:
            again = rf.releases(township, 2025)
            again.append("a caller's own list")  # a copy: the remembered answer is not changed
            assert len(rf.releases(township, 2025)) == len(first) == 2
        assert seen.captured_queries == []
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 7, 1))
    assert len(rf.releases(township, 2025)) == 3  # no reading open: the register as it stands


def test_a_cell_is_found_as_python_docx_finds_it_after_merges(township):
    doc = Document()
    table = _new_table(doc, 8, [10, 21, 52] + [10.4] * 7)
    _merge(table, 0, 0, 2, 2, "角")
    _merge(table, 0, 3, 0, 9, "申请人情况")
    _merge(table, 1, 3, 2, 3, "自然人")
    _merge(table, 1, 4, 1, 8, "法人或其他组织")
    _merge(table, 3, 0, 7, 0, "三、本年度办理结果")
    _merge(table, 4, 1, 6, 1, "（三）不予公开")
    for r in range(8):
        for c in range(10):
            assert _cell(table, r, c)._tc is table.cell(r, c)._tc, (r, c)
