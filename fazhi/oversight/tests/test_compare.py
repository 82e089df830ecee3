"""Comparison: figures side by side, ranks, year on year, the roll-up (counts add, rates recomputed)."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from fazhi.oversight.compare import compare
from fazhi.oversight.tests.factories import imported_report
from fazhi.testing.factories import DisputeCaseFactory, TownshipFactory

YEAR = 2025


def _disputes(org, resolved: int, failed: int, year: int = YEAR):
    DisputeCaseFactory.create_batch(resolved, organisation=org, received_on=dt.date(year, 4, 2))
    DisputeCaseFactory.create_batch(failed, organisation=org, received_on=dt.date(year, 4, 2), outcome="failed",
                                    agreement="")


def _row(comparison, label):
    return next(r for r in comparison.rows if r.label == label)


def test_live_townships_and_an_imported_one_side_by_side_with_a_weighted_rollup(county, township, other_township):
    third = TownshipFactory(code="T903", name="丁镇", parent=county)
    _disputes(township, resolved=9, failed=1)  # 90 %
    _disputes(other_township, resolved=1, failed=1)  # 50 %
    imported_report(county, year=YEAR, township=third, figures=[
        ("disputes_handled", 100), ("disputes_resolved", 98), ("dispute_success_rate", 98, "%"),
        ("publicity_events", 5), ("publicity_events", 36),  # two scopes: the larger is the total
    ])
    c = compare(county, YEAR)
    assert [r.label for r in c.rows] == ["甲镇", "乙镇", "丁镇"]
    a, b, d = _row(c, "甲镇"), _row(c, "乙镇"), _row(c, "丁镇")
    assert (a.source, d.source) == ("fazhi", "imported")
    assert a.cells["dispute_success_rate"].value == 90 and b.cells["dispute_success_rate"].value == 50
    assert d.cells["publicity_events"].value == 36
    # ranks: 98 > 90 > 50
    assert [r.cells["dispute_success_rate"].rank for r in (d, a, b)] == [1, 2, 3]
    # roll-up: (9 + 1 + 98) / (10 + 2 + 100) = 96.4 %, not the average of 90, 50 and 98 (79.3)
    assert c.rollup["dispute_success_rate"].value == Decimal("96.4")
    assert c.rollup["disputes_handled"].value == 112
    assert c.contributors["dispute_success_rate"] == 3


def test_an_imported_rate_without_counts_is_left_out_of_the_rollup_and_said_so(county, township, other_township):
    _disputes(township, resolved=3, failed=1)
    imported_report(county, year=YEAR, township=other_township, figures=[("dispute_success_rate", 100, "%")])
    c = compare(county, YEAR)
    assert c.rollup["dispute_success_rate"].value == 75
    assert c.excluded["dispute_success_rate"] == 1


def test_a_missing_count_is_derived_from_the_rate_and_the_other_count(county, township, other_township):
    imported_report(county, year=YEAR, township=township, figures=[("exam_participants", 50), ("exam_pass_rate", 90, "%")])
    imported_report(county, year=YEAR, township=other_township,
                    figures=[("exam_participants", 150), ("exam_pass_rate", 100, "%")])
    c = compare(county, YEAR)
    assert c.rollup["exam_pass_rate"].value == Decimal("97.5")  # (45 + 150) / 200


def test_an_imported_report_replaces_live_figures_until_the_township_submits(county, township):
    imported_report(county, year=YEAR, township=township, figures=[("publicity_events", 12)])
    c = compare(county, YEAR)
    assert _row(c, "甲镇").source == "imported" and _row(c, "甲镇").cells["publicity_events"].value == 12


def test_year_on_year_change_for_the_same_township(county, township):
    _disputes(township, resolved=4, failed=0, year=YEAR - 1)
    _disputes(township, resolved=6, failed=0)
    cell = _row(compare(county, YEAR), "甲镇").cells["disputes_handled"]
    assert (cell.value, cell.last, cell.change) == (6, 4, 2)


def test_compare_page_chart_data_and_exports(client, supervisor, county, township):
    _disputes(township, resolved=2, failed=0)
    client.force_login(supervisor)
    page = client.get(reverse("oversight_compare") + f"?year={YEAR}").content.decode()
    assert "全县合计" in page and 'id="compare-data"' in page
    assert "vendor/echarts/echarts.min.js" in page and "<script>" not in page
    response = client.get(reverse("oversight_compare_xlsx") + f"?year={YEAR}")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert values[2][0] == "甲镇" and values[-1][0] == "全县合计"
    response = client.get(reverse("oversight_summary") + f"?year={YEAR}")
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "乡镇（街道）法治政府建设情况汇总报告" in text and "排查调处矛盾纠纷2件" in text and "一、总体情况" in text


def test_the_comparison_page_recomputes_within_its_budget_and_says_what_is_left(client, settings, supervisor, county,
                                                                               township, other_township):
    import datetime as dt

    from fazhi.indicators.models import AggregateState
    from fazhi.testing.factories import PublicityEventFactory

    PublicityEventFactory(organisation=township, held_on=dt.date(2025, 5, 1))
    PublicityEventFactory(organisation=other_township, held_on=dt.date(2025, 5, 2))
    settings.FAZHI_AGGREGATE_REFRESH_SECONDS = 1e-9  # one township-year per year shown, then stop
    client.force_login(supervisor)
    page = client.get("/oversight/compare/?year=2025").content.decode()
    assert "正在后台重算" in page and 'data-pending-figures="1"' in page
    client.get("/oversight/compare/?year=2025")
    page = client.get("/oversight/compare/?year=2025").content.decode()
    assert "data-pending-figures" not in page
    assert not AggregateState.objects.filter(organisation__in=[township, other_township], stale=True).exists()
