"""Excel for every ledger: the template explains every column, the export holds the rows, an export
imports back into the clerk's own township, and bad cells are reported by row and column."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import all_ledgers, get_ledger
from fazhi.testing.ledger_data import COUNT_FIELD, FACTORY_FOR, YEAR

LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers()]


def make(ledger, organisation, **kwargs):
    return FACTORY_FOR[ledger.slug](organisation=organisation, **{ledger.date_field: dt.date(YEAR, 5, 1)}, **kwargs)


def sheet_rows(data: bytes, sheet=0):
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[sheet] if isinstance(sheet, int) else wb[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def upload(client, ledger, data: bytes, valid_only=False):
    form = {"file": SimpleUploadedFile("台账.xlsx", data), "year": YEAR}
    if valid_only:
        form["import_valid_rows"] = "on"
    return client.post(f"/ledgers/{ledger.slug}/import/", form)


def confirm(client, ledger, page: str, choice: str):
    """Answer the "already imported / repeats records" question of the import page."""
    token = re.search(r'name="staged" value="([0-9a-f]{64})"', page).group(1)
    return client.post(f"/ledgers/{ledger.slug}/import/", {"staged": token, "choice": choice})


def to_xlsx(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_template_has_every_column_and_explains_it(clerk_client, ledger):
    response = clerk_client.get(f"/ledgers/{ledger.slug}/template.xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    labels = [ledger.label(n) for n in ledger.excel_fields]
    assert sheet_rows(response.content)[0] == labels
    notes = sheet_rows(response.content, "填写说明")
    assert notes[0] == ["列名", "是否必填", "说明"]
    assert [row[0] for row in notes[1:]] == labels
    required = {ledger.label(n) for n, f in ledger.form_class.base_fields.items() if f.required}
    assert {row[0] for row in notes[1:] if row[1] == "是"} == required


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_export_holds_this_townships_rows_and_voided_ones_only_on_request(
    clerk_client, township, other_township, ledger
):
    kept = make(ledger, township)
    make(ledger, other_township)
    make(ledger, township).void(reason="重复")
    rows = sheet_rows(clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx?year={YEAR}").content)
    assert rows[0][0] == "所属组织" and rows[0][-1] == "状态"
    assert len(rows) == 2 and rows[1][0] == township.name and rows[1][-1] == "有效"
    date_col = rows[0].index(ledger.label(ledger.date_field))
    assert rows[1][date_col].date() == getattr(kept, ledger.date_field)
    with_void = sheet_rows(clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx?year={YEAR}&voided=1").content)
    assert sorted(r[-1] for r in with_void[1:]) == ["已作废：重复", "有效"]


@pytest.mark.parametrize("ledger", LEDGERS)
def test_an_export_imports_back_into_the_clerks_township(clerk_client, clerk, township, village, ledger):
    extra = {"village": village} if "village" in ledger.excel_fields else {}
    original = make(ledger, township, **extra)
    data = clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx?year={YEAR}").content
    # The exported row is the record itself: the page names it, with a link, and saves nothing until asked to.
    response = upload(clerk_client, ledger, data)
    page = response.content.decode()
    assert response.status_code == 200 and "data-import-decision" in page, page[page.find("import-result"):][:800]
    assert f'data-existing-record="{original.pk}"' in page and f"/ledgers/{ledger.slug}/{original.pk}/" in page
    assert ledger.model.objects.count() == 1
    response = confirm(clerk_client, ledger, page, "all")
    page = response.content.decode()
    assert response.status_code == 200 and "已导入1条记录" in page, page[page.find("import-result"):][:800]
    copy = ledger.model.objects.exclude(pk=original.pk).get()
    assert copy.organisation == township and copy.created_by == clerk and copy.history.count() == 1
    for name in ledger.excel_fields:
        assert getattr(copy, name) == getattr(original, name), name


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_date_outside_the_chosen_year_is_reported_by_row_and_column(clerk_client, township, village, ledger):
    extra = {"village": village} if "village" in ledger.excel_fields else {}
    make(ledger, township, **extra)
    rows = sheet_rows(clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx?year={YEAR}").content)
    date_col = rows[0].index(ledger.label(ledger.date_field))
    bad = list(rows[1])
    bad[date_col] = f"{YEAR - 1}-06-01"
    before = ledger.model.objects.count()
    page = upload(clerk_client, ledger, to_xlsx([rows[0], rows[1], bad])).content.decode()
    assert f"第3行“{ledger.label(ledger.date_field)}”" in page and f"不在所选年度（{YEAR}年）内" in page
    assert ledger.model.objects.count() == before
    page = upload(clerk_client, ledger, to_xlsx([rows[0], rows[1], bad]), valid_only=True).content.decode()
    assert 'data-duplicate-rows="1"' in page and ledger.model.objects.count() == before  # row 2 is the record itself
    page = confirm(clerk_client, ledger, page, "all").content.decode()
    assert "已导入1条记录" in page
    assert ledger.model.objects.count() == before + 1


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if p.values[0].slug in COUNT_FIELD])
def test_negative_and_non_numeric_counts_are_reported_by_row_and_column(clerk_client, township, village, ledger):
    extra = {"village": village} if "village" in ledger.excel_fields else {}
    make(ledger, township, **extra)
    rows = sheet_rows(clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx?year={YEAR}").content)
    label = ledger.label(COUNT_FIELD[ledger.slug])
    col = rows[0].index(label)
    negative, words = list(rows[1]), list(rows[1])
    negative[col], words[col] = -5, "若干"
    before = ledger.model.objects.count()
    page = upload(clerk_client, ledger, to_xlsx([rows[0], negative, rows[1], words])).content.decode()
    assert f"第2行“{label}”" in page and f"第4行“{label}”" in page and "第3行" not in page
    assert ledger.model.objects.count() == before


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if "village" in p.values[0].excel_fields])
def test_an_unknown_village_name_is_reported(clerk_client, township, village, other_township, ledger):
    from fazhi.testing.factories import VillageFactory

    foreign = VillageFactory(parent=other_township, name="外镇村")
    make(ledger, township, village=village)
    rows = sheet_rows(clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx?year={YEAR}").content)
    col = rows[0].index("村（社区）")
    assert rows[1][col] == village.name
    bad = list(rows[1])
    bad[col] = foreign.name
    page = upload(clerk_client, ledger, to_xlsx([rows[0], bad])).content.decode()
    assert f"第2行“村（社区）”：“{foreign.name}”不是本乡镇的村（社区）" in page
    assert ledger.model.objects.count() == 1


def test_text_that_looks_like_a_formula_is_exported_as_text_and_imports_back(clerk_client, township):
    from fazhi.publicity.models import PublicityEvent
    from fazhi.testing.factories import PublicityEventFactory

    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), title="=HYPERLINK(\"http://x\")", notes="=1+1")
    data = clerk_client.get(f"/ledgers/publicity-events/export.xlsx?year={YEAR}").content
    ws = load_workbook(io.BytesIO(data)).active
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    page = upload(clerk_client, get_ledger("publicity-events"), data).content.decode()  # repeats the record: asked
    assert "已导入1条记录" in confirm(clerk_client, get_ledger("publicity-events"), page, "all").content.decode()
    assert PublicityEvent.objects.filter(title="=HYPERLINK(\"http://x\")", notes="=1+1").count() == 2
