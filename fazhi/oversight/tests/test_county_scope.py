"""The county's own townships only: another county's imported report is kept apart (labelled 非本县) and never
reaches a total, a rank, the chart, the .xlsx or the summary .docx; year on year compares the same townships and
says when some had no data; arrows and signs mean what they say; a report of a future year is not imported."""
from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from fazhi.core import clock
from fazhi.indicators.registry import Kind, get
from fazhi.oversight.compare import Cell, compare
from fazhi.oversight.importing import Upload, process_batch, start_batch
from fazhi.oversight.models import ImportedReport, ImportItemStatus
from fazhi.oversight.tests.factories import imported_report
from fazhi.oversight.tests.test_importing import REPORT
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory

YEAR = 2025


def _disputes(org, year: int, resolved: int, failed: int = 0):
    DisputeCaseFactory.create_batch(resolved, organisation=org, received_on=dt.date(year, 4, 2))
    DisputeCaseFactory.create_batch(failed, organisation=org, received_on=dt.date(year, 4, 2), outcome="failed",
                                    agreement="")


def _foreign(county, year: int, handled: int):
    """A report of a township of another county, imported by this county (as the demo imports the seeds)."""
    return imported_report(county, year=year, name="商家镇人民政府", sha=f"{year:064d}",
                           figures=[("disputes_handled", handled), ("publicity_events", 99)])


def _download(client, name: str, year: int) -> bytes:
    return b"".join(client.get(reverse(name) + f"?year={year}").streaming_content)


def test_another_countys_report_is_never_in_a_total_rank_chart_or_export(client, supervisor, county, township,
                                                                       other_township):
    _disputes(township, YEAR - 1, resolved=4)
    _disputes(township, YEAR, resolved=6)
    _foreign(county, YEAR - 1, handled=180)
    _foreign(county, YEAR, handled=50)

    last_year = compare(county, YEAR - 1)
    assert last_year.rollup["disputes_handled"].value == 4  # not 184
    c = compare(county, YEAR)
    assert [r.label for r in c.rows] == ["甲镇", "乙镇"]
    assert [r.township_name for r in c.outside] == ["商家镇人民政府"]
    total = c.rollup["disputes_handled"]
    assert (total.value, total.last, total.change, total.arrow) == (6, 4, 2, "↑2")
    assert c.rows[0].cells["disputes_handled"].rank == 1  # first of the county's own, not second behind 50

    client.force_login(supervisor)
    page = client.get(reverse("oversight_compare") + f"?year={YEAR}").content.decode()
    table, apart = page.split('id="outside-imports"')
    assert "商家镇" not in table and "商家镇人民政府" in apart and "非本县" in apart
    chart = json.loads(page.split('id="compare-data" type="application/json">')[1].split("</script>")[0])
    assert chart["labels"] == ["甲镇", "乙镇"]

    sheet = load_workbook(io.BytesIO(_download(client, "oversight_compare_xlsx", YEAR))).active
    cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert not [v for v in cells if "商家镇" in v]
    doc = Document(io.BytesIO(_download(client, "oversight_summary", YEAR)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "排查调处矛盾纠纷6件（上年4件，增加2）" in text and "商家镇" not in text
    assert "上年数按本年同一批乡镇（街道）计算" in text


def test_year_on_year_uses_the_same_townships_and_says_when_some_had_no_data(client, supervisor, county, township,
                                                                            other_township):
    _disputes(township, YEAR - 1, resolved=4)
    _disputes(township, YEAR, resolved=6)
    _disputes(other_township, YEAR, resolved=3)  # no record at all the year before
    c = compare(county, YEAR)
    total = c.rollup["disputes_handled"]
    assert (total.value, total.last, total.last_missing) == (9, 4, 1)
    assert total.change is None and total.arrow == "" and total.last_note == "上年有1个乡镇无数据，不作同比"
    new_one = next(r for r in c.rows if r.township == other_township).cells["disputes_handled"]
    assert new_one.last is None and new_one.arrow == ""  # no previous year: no arrow at all

    client.force_login(supervisor)
    page = client.get(reverse("oversight_compare") + f"?year={YEAR}").content.decode()
    assert "上年有1个乡镇无数据，不作同比" in page and "↑3" not in page
    text = "\n".join(p.text for p in Document(io.BytesIO(_download(client, "oversight_summary", YEAR))).paragraphs)
    assert "排查调处矛盾纠纷9件；" in text or "排查调处矛盾纠纷9件。" in text
    assert "部分指标上年有乡镇（街道）无数据，未作同比" in text


@pytest.mark.parametrize("value, last, arrow", [
    (Decimal("87.3"), Decimal("90"), "↓2.7"),
    (7, 0, "↑7"),
    (5, 5, "持平"),
    (7, None, ""),
])
def test_an_arrow_has_one_sign_and_only_where_last_year_exists(value, last, arrow):
    assert Cell(value, last=last).arrow == arrow


def test_the_compare_page_shows_a_decrease_with_one_sign(client, supervisor, county, township):
    _disputes(township, YEAR - 1, resolved=10)  # 100 %
    _disputes(township, YEAR, resolved=8, failed=1)  # 88.9 %
    client.force_login(supervisor)
    page = client.get(reverse("oversight_compare") + f"?year={YEAR}").content.decode()
    assert "↓11.1" in page and "↓-" not in page


def test_a_report_of_a_future_year_is_refused_and_changes_no_total(county, township, supervisor):
    next_year = clock.current_year() + 1
    before = compare(county, YEAR).rollup["disputes_handled"].value
    text = REPORT.replace("2025年度", f"{next_year}年度").replace("2025年", f"{next_year}年")
    batch = start_batch(county, [Upload("甲镇.txt", text.encode())], user=supervisor, year=None)
    process_batch(batch)
    item = batch.items.get()
    assert item.status == ImportItemStatus.FAILED
    assert f"文中识别的报告年度为{next_year}年，晚于今年" in item.error
    chosen = start_batch(county, [Upload("乙.txt", REPORT.encode())], user=supervisor, year=next_year)
    process_batch(chosen)
    assert f"报告年度{next_year}年晚于今年" in chosen.items.get().error
    assert not ImportedReport.objects.exists()
    assert compare(county, YEAR).rollup["disputes_handled"].value == before
    with pytest.raises(CommandError, match="晚于今年"):
        call_command("import-reports", "--county", county.code, "--year", str(next_year), "x.txt")


def _json(command: str, *args) -> dict:
    out = io.StringIO()
    call_command(command, *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_county_summary_totals_are_the_sums_of_each_townships_indicators(county, township, other_township):
    _disputes(township, YEAR, resolved=9, failed=1)  # 90 %
    _disputes(other_township, YEAR, resolved=1, failed=1)  # 50 %
    for day in (3, 4, 5):
        PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, day))
    PublicityEventFactory(organisation=other_township, held_on=dt.date(YEAR, 6, 1))
    _foreign(county, YEAR, handled=50)

    summary = _json("county-summary", "--county", county.code, "--year", str(YEAR))
    assert set(summary) == {"county", "year", "townships", "totals"}
    assert (summary["county"], summary["year"], summary["townships"]) == (county.code, YEAR, ["T901", "T902"])
    each = [_json("indicators", "--org", code, "--year", str(YEAR)) for code in summary["townships"]]
    whole = _json("indicators", "--org", county.code, "--year", str(YEAR))  # rates from the county's records
    assert len(summary["totals"]) > 20
    for key, total in summary["totals"].items():
        if get(key).kind == Kind.RATE:
            assert total == whole[key], key
        else:
            assert total == pytest.approx(sum(t[key] or 0 for t in each)), key
    assert summary["totals"]["disputes_handled"] == 12 and summary["totals"]["publicity_events"] == 4
    assert summary["totals"]["dispute_success_rate"] == pytest.approx(83.3)  # 10 / 12, not (90 + 50) / 2


def test_county_summary_refuses_what_is_not_a_county_in_chinese(county, township):
    with pytest.raises(CommandError, match="找不到县的组织编码“NOPE”"):
        call_command("county-summary", "--county", "NOPE", "--year", str(YEAR), "--json")
    with pytest.raises(CommandError, match="不是县级组织"):
        call_command("county-summary", "--county", township.code, "--year", str(YEAR))


def test_collection_states_are_coloured_by_meaning(client, supervisor, county, township, other_township, leader):
    from fazhi.oversight.models import Filing, Submission, SubmissionStatus

    filing = Filing.objects.create(organisation=township, year=YEAR)
    Submission.objects.create(filing=filing, version=1, status=SubmissionStatus.ACCEPTED, submitted_by=leader,
                              submitted_at=clock.now().replace(year=YEAR + 1, month=2, day=20), title="报告",
                              text="正文", docx=b"", comment="已收悉")
    client.force_login(supervisor)
    page = client.get(reverse("oversight_index") + f"?year={YEAR}").content.decode()
    accepted = page[page.index("<td>甲镇</td>"):page.index("<td>乙镇</td>")]
    overdue = page[page.index("<td>乙镇</td>"):]
    assert 'class="tag status-ok">县级已接收' in accepted
    assert 'class="tag status-bad">逾期未报送' in overdue and "tag off" not in page
