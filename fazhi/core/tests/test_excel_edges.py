"""Excel import/export edges a township clerk meets: blank lines, pasted text, missing columns, the wrong
kind of file, rule-breaking rows — always a Chinese message that points at the right row, never a 500."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.utils import timezone
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import LEDGERS, YEAR, excel_row, header, make_record, xlsx
from fazhi.testing.factories import PublicityEventFactory, VillageFactory


def upload(client, ledger, data: bytes, name="台账.xlsx", year=YEAR, valid_only=False):
    form = {"file": SimpleUploadedFile(name, data), "year": year}
    if valid_only:
        form["import_valid_rows"] = "on"
    response = client.post(f"/ledgers/{ledger.slug}/import/", form)
    assert response.status_code == 200
    return response.content.decode()


def row_errors(page: str) -> list[str]:
    return re.findall(r"<li>(第\d+行[^<]*)</li>", page)


def imported(page: str) -> int:
    match = re.search(r'data-imported="(\d+)"', page)
    return int(match.group(1)) if match else 0


def sample_row(ledger, township, **overrides):
    """A valid import row for the ledger, built from an unsaved record (nothing is stored)."""
    from fazhi.core.tests.ledger_helpers import dates_in_year
    from fazhi.testing.factories import LEDGER_FACTORIES

    obj = LEDGER_FACTORIES[ledger.slug].build(organisation=township, **{**dates_in_year(ledger), **overrides})
    return excel_row(ledger, obj)


def column(ledger, name) -> int:
    return list(ledger.excel_fields).index(name)


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_file_without_a_required_column_is_refused_as_a_whole(clerk_client, township, ledger):
    for name in ledger.excel_fields:
        if not ledger.form_class.base_fields[name].required:
            continue
        index = column(ledger, name)
        row = sample_row(ledger, township)
        head = header(ledger)
        del head[index], row[index]
        page = upload(clerk_client, ledger, xlsx([row], head))
        assert "缺少必需的列" in page and f"“{ledger.label(name)}”" in page, name
        assert ledger.model.objects.count() == 0


# A score's 得分 and 依据 are optional columns but required together for a hand-scored criterion, and its
# 村（社区） for a village: such a row cannot be left with the required columns only.
CONDITIONAL_COLUMNS = {"assessment-scores"}


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if p.values[0].slug not in CONDITIONAL_COLUMNS])
def test_optional_columns_may_be_left_out(clerk_client, township, ledger):
    keep = [i for i, n in enumerate(ledger.excel_fields) if ledger.form_class.base_fields[n].required]
    still_open = {
        "disputes": {"outcome": "open", "agreement": "none", "closed_on": None},
        "disclosure-appeals": {"outcome": "pending", "decided_on": None},
        "deputy-suggestions": {"answered_on": None, "outcome": "", "answer": "", "satisfaction": "none"},
    }.get(ledger.slug, {})
    row = sample_row(ledger, township, **still_open)
    head = header(ledger)
    page = upload(clerk_client, ledger, xlsx([[row[i] for i in keep]], [head[i] for i in keep]))
    assert imported(page) == 1, row_errors(page)
    assert ledger.model.objects.get().organisation == township


@pytest.mark.parametrize("ledger", LEDGERS)
def test_row_numbers_in_errors_are_the_rows_excel_shows_even_after_blank_lines(clerk_client, township, ledger):
    good = sample_row(ledger, township)
    bad = list(good)
    bad[column(ledger, ledger.date_field)] = dt.date(YEAR - 1, 6, 1)
    wb = Workbook()
    ws = wb.active
    ws.append(header(ledger))  # row 1
    ws.append(good)  # row 2
    ws.append([])  # row 3, blank
    ws.append(["  "] * 3)  # row 4, only spaces
    ws.append(good)  # row 5
    ws.append(bad)  # row 6
    buffer = io.BytesIO()
    wb.save(buffer)
    page = upload(clerk_client, ledger, buffer.getvalue())
    errors = row_errors(page)
    assert errors and all(e.startswith("第6行") for e in errors), errors
    assert f"第6行“{ledger.label(ledger.date_field)}”" in errors[0]
    assert "共检查 3 行" in page
    assert ledger.model.objects.count() == 0


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_file_for_the_wrong_year_is_refused_row_by_row(clerk_client, township, ledger):
    rows = [sample_row(ledger, township), sample_row(ledger, township)]
    page = upload(clerk_client, ledger, xlsx(rows, header(ledger)), year=YEAR - 1)
    label = ledger.label(ledger.date_field)
    errors = row_errors(page)
    assert f"第2行“{label}”" in " ".join(errors) and f"第3行“{label}”" in " ".join(errors)
    assert f"不在所选年度（{YEAR - 1}年）内" in page
    assert ledger.model.objects.count() == 0


def _has_required_text(ledger) -> bool:
    from django import forms

    return any(type(f) is forms.CharField and f.required for f in ledger.form_class.base_fields.values())


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if _has_required_text(p.values[0])])
def test_text_pasted_with_control_characters_still_exports(clerk_client, township, ledger):
    from django import forms

    text_field = next(
        n for n, f in ledger.form_class.base_fields.items() if type(f) is forms.CharField and f.required
    )
    record = make_record(ledger, township, **{text_field: "第一行\x0b第二行\x07"})
    response = clerk_client.get(f"/ledgers/{ledger.slug}/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c for row in sheet.iter_rows(min_row=2, values_only=True) for c in row]
    assert "第一行第二行" in values
    record.refresh_from_db()
    assert "\x0b" in getattr(record, text_field)  # the record itself is untouched


def test_an_exported_file_with_an_organisation_column_still_imports_into_the_users_township(
    clerk_client, township, other_township
):
    ledger = get_ledger("study-sessions")
    row = [other_township.name, *sample_row(ledger, township), "有效"]
    page = upload(clerk_client, ledger, xlsx([row], ["所属组织", *header(ledger), "状态"]))
    assert imported(page) == 1
    assert ledger.model.objects.get().organisation == township


def test_choices_may_be_given_by_label_or_code_and_checkboxes_as_yes_no(clerk_client, township):
    ledger = get_ledger("exam-records")
    head = header(ledger)
    rows = []
    for status, passed, excellent in (("已参考", "是", "否"), ("sat", "是", "是"), ("缺考", "否", ""), ("已参考", "", None)):
        row = sample_row(ledger, township, person_name=f"干部{len(rows)}")
        row[column(ledger, "status")] = status
        row[column(ledger, "passed")] = passed
        row[column(ledger, "excellent")] = excellent
        if status == "缺考":
            row[column(ledger, "score")] = None
        rows.append(row)
    page = upload(clerk_client, ledger, xlsx(rows, head))
    assert imported(page) == 4, row_errors(page)
    got = {e.person_name: (e.status, e.passed, e.excellent) for e in ledger.model.objects.all()}
    assert got == {
        "干部0": ("sat", True, False), "干部1": ("sat", True, True),
        "干部2": ("absent", False, False), "干部3": ("sat", False, False),
    }


@pytest.mark.parametrize("value,ok", [
    (f"{YEAR}-05-20", True), (f"{YEAR}/5/20", True), (f"{YEAR}.5.20", True),
    (f"{YEAR}年5月20日", False), ("昨天", False), (45678, False),
])
def test_date_cells_typed_as_text(clerk_client, township, value, ok):
    ledger = get_ledger("study-sessions")
    row = sample_row(ledger, township)
    row[column(ledger, "held_on")] = value
    page = upload(clerk_client, ledger, xlsx([row], header(ledger)))
    if ok:
        assert imported(page) == 1, row_errors(page)
        assert ledger.model.objects.get().held_on == dt.date(YEAR, 5, 20)
    else:
        assert row_errors(page) and row_errors(page)[0].startswith("第2行“学习日期”")
        assert ledger.model.objects.count() == 0


def test_ledger_rules_are_applied_to_imported_rows_and_name_the_row(clerk_client, township):
    disputes = get_ledger("disputes")
    good = sample_row(disputes, township)
    closed_early = sample_row(disputes, township)
    closed_early[column(disputes, "closed_on")] = dt.date(YEAR, 3, 1)
    no_agreement = sample_row(disputes, township)
    no_agreement[column(disputes, "agreement")] = "无"
    page = upload(clerk_client, disputes, xlsx([good, closed_early, no_agreement], header(disputes)))
    errors = row_errors(page)
    assert any(e.startswith("第3行“办结日期”") and "不能早于受理日期" in e for e in errors), errors
    assert any(e.startswith("第4行“协议形式”") and "调解成功须有" in e for e in errors), errors
    assert disputes.model.objects.count() == 0

    exams = get_ledger("exam-records")
    excellent_not_passed = sample_row(exams, township, passed=False, excellent=True)
    absent_with_score = sample_row(exams, township, status="absent", passed=False)
    page = upload(clerk_client, exams, xlsx([excellent_not_passed, absent_with_score], header(exams)))
    errors = row_errors(page)
    assert any(e.startswith("第2行“优秀”") and "优秀的前提是合格" in e for e in errors), errors
    assert any(e.startswith("第3行“参考情况”") and "未参考的人员不能有成绩" in e for e in errors), errors
    assert exams.model.objects.count() == 0


def test_a_village_is_given_by_name_and_an_unknown_name_is_an_error(clerk_client, township, other_township):
    ledger = get_ledger("legal-liaisons")
    east = VillageFactory(parent=township, name="东村")
    VillageFactory(parent=other_township, name="北村")
    ok = sample_row(ledger, township, village=east)
    foreign = list(ok)
    foreign[column(ledger, "village")] = "北村"
    blank = list(ok)
    blank[column(ledger, "village")] = None
    page = upload(clerk_client, ledger, xlsx([ok, foreign, blank], header(ledger)), valid_only=True)
    errors = row_errors(page)
    assert any(e.startswith("第3行“村（社区）”：“北村”不是本乡镇的村（社区）") for e in errors), errors
    assert any(e.startswith("第4行“村（社区）”") and "必填" in e for e in errors), errors
    assert imported(page) == 1
    assert ledger.model.objects.get().village == east


def test_only_valid_rows_are_imported_when_asked_and_the_page_says_how_many(clerk_client, township):
    ledger = get_ledger("publicity-events")
    rows = [sample_row(ledger, township, materials=n) for n in (10, 20, 30)]
    rows[1][column(ledger, "materials")] = -20
    page = upload(clerk_client, ledger, xlsx(rows, header(ledger)))
    assert imported(page) == 0 and "本次未导入任何记录" in page
    assert "共检查 3 行：无误 2 行，有错误 1 行" in page
    page = upload(clerk_client, ledger, xlsx(rows, header(ledger)), valid_only=True)
    assert imported(page) == 2 and "已导入2条记录" in page
    assert sorted(ledger.model.objects.values_list("materials", flat=True)) == [10, 30]


def a_docx_named_xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def a_truncated_xlsx() -> bytes:
    data = xlsx([["x"]], ["活动日期"])
    return data[: len(data) // 2]


@pytest.mark.parametrize("make,name,message", [
    (lambda: b"\xef\xbb\xbf\xe6\xb4\xbb\xe5\x8a\xa8,\xe6\x97\xa5\xe6\x9c\x9f\n", "台账.csv", "只支持 .xlsx"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "台账.XLS", "只支持 .xlsx"),
    (lambda: b"<html><body>not excel</body></html>", "台账.xlsx", "不是有效的 Excel"),
    (a_docx_named_xlsx, "台账.xlsx", "Excel"),
    (a_truncated_xlsx, "台账.xlsx", "Excel"),
    (lambda: b"", "台账.xlsx", "空文件"),
    (lambda: xlsx([[None, None], ["  ", None]], ["", ""]), "台账.xlsx", "文件是空的"),
])
def test_files_that_are_not_a_usable_xlsx_get_a_chinese_message(clerk_client, make, name, message):
    ledger = get_ledger("publicity-events")
    page = upload(clerk_client, ledger, make(), name=name)
    section = page.split("从 Excel 导入", 1)[1]
    assert message in section, section[-1500:]
    assert ledger.model.objects.count() == 0


def test_the_import_form_itself_explains_missing_inputs(clerk_client):
    response = clerk_client.post("/ledgers/publicity-events/import/", {"year": "明年"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "请选择要导入的 .xlsx 文件" in page and "记录所属年度：" in page


def test_too_many_rows_are_refused_before_any_checking(clerk_client, township, monkeypatch):
    from fazhi.core.ledgers import excel

    monkeypatch.setattr(excel, "MAX_IMPORT_ROWS", 2)
    ledger = get_ledger("study-sessions")
    page = upload(clerk_client, ledger, xlsx([sample_row(ledger, township)] * 3, header(ledger)))
    assert "一次最多导入2行，本文件超过2行，请分批导入" in page
    assert ledger.model.objects.count() == 0


def test_the_template_explains_a_score_is_a_number_not_only_an_integer(clerk_client):
    data = clerk_client.get("/ledgers/exam-records/template.xlsx").content
    notes = {row[0]: row[2] for row in load_workbook(io.BytesIO(data))["填写说明"].iter_rows(min_row=2, values_only=True)}
    assert "小数" in notes["成绩"]
    assert notes["考试日期"].startswith("日期")
    assert notes["参考情况"] == "可选：已参考、缺考、免考"
    assert notes["合格"] == "是 / 否"


def test_export_values_read_like_the_screen(clerk_client, township):
    village = VillageFactory(parent=township, name="东村")
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), village=village, campaign="to_schools")
    sheet = load_workbook(io.BytesIO(clerk_client.get("/ledgers/publicity-events/export.xlsx").content)).active
    head = [c.value for c in sheet[1]]
    row = dict(zip(head, [c.value for c in sheet[2]]))
    assert row["所属组织"] == township.name and row["村（社区）"] == "东村"
    assert row["宣传主题"] == "法律进校园" and row["形式"] == "线下" and row["状态"] == "有效"
    assert row["活动日期"].date() == dt.date(YEAR, 5, 1)


def test_the_import_year_is_chosen_from_a_list_that_starts_at_the_lists_year(clerk_client):
    this_year = timezone.localdate().year
    page = clerk_client.get(f"/ledgers/publicity-events/import/?year={this_year - 2}").content.decode()
    assert f'<option value="{this_year - 2}" selected>{this_year - 2}年</option>' in page
    assert f'<option value="{this_year}">{this_year}年</option>' in page and f'value="{this_year + 1}"' not in page
    listing = clerk_client.get(f"/ledgers/publicity-events/?year={this_year - 2}").content.decode()
    assert f'/ledgers/publicity-events/import/?year={this_year - 2}"' in listing
    refused = clerk_client.post("/ledgers/publicity-events/import/", {"year": str(this_year + 1)}).content.decode()
    assert "请从列表中选择年度" in refused
