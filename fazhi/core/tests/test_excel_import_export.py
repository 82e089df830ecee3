"""Excel in and out of a ledger: per-row Chinese errors, nothing half-imported, never a 500."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from fazhi.core import clock
from fazhi.publicity.models import PublicityEvent
from fazhi.testing.factories import PublicityEventFactory

YEAR = clock.current_year() - 1
HEADER = ["活动日期", "活动名称", "宣传主题", "形式", "地点", "村（社区）", "组织单位", "受众（人次）", "发放资料（份）", "解答咨询（人次）", "备注"]


def xlsx(rows, header=HEADER) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def good_row(day=None, village="", materials=100):
    return [day or dt.date(YEAR, 5, 20), "民法典宣传进村", "民法典宣传月", "线下", "村委会", village, "司法所", 80, materials, 6, ""]


def upload(client, data: bytes, name="台账.xlsx", valid_only=False):
    form = {"file": SimpleUploadedFile(name, data), "year": YEAR}
    if valid_only:
        form["import_valid_rows"] = "on"
    return client.post("/ledgers/publicity-events/import/", form)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def test_a_good_file_is_imported_into_the_clerks_township(clerk_client, township, village):
    response = upload(clerk_client, xlsx([good_row(village=village.name), good_row(materials=50)]))
    assert response.status_code == 200
    assert "已导入2条记录" in response.content.decode()
    events = PublicityEvent.objects.order_by("materials")
    assert [e.materials for e in events] == [50, 100]
    assert all(e.organisation == township for e in events)
    assert events[1].village == village


def test_a_missing_required_column_imports_nothing(clerk_client):
    header = [h for h in HEADER if h != "活动名称"]
    row = good_row()
    del row[1]
    content = upload(clerk_client, xlsx([row], header=header)).content.decode()
    assert "缺少必需的列" in content and "活动名称" in content
    assert PublicityEvent.objects.count() == 0


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_imported(clerk_client):
    rows = [
        good_row(),
        good_row(materials=-3),
        good_row(day=dt.date(YEAR - 1, 6, 1)),
        good_row(village="不存在村"),
        [dt.date(YEAR, 5, 1), "标题", "民法典宣传月", "线下", "", "", "", "很多", 1, 1, ""],
    ]
    content = upload(clerk_client, xlsx(rows)).content.decode()
    assert "第3行“发放资料（份）”" in content
    assert f"不在所选年度（{YEAR}年）内" in content and "第4行" in content
    assert "“不存在村”不是本乡镇的村（社区）" in content
    assert "第6行“受众（人次）”" in content
    assert PublicityEvent.objects.count() == 0


def test_the_user_may_choose_to_import_only_the_valid_rows(clerk_client):
    content = upload(clerk_client, xlsx([good_row(), good_row(materials=-3)]), valid_only=True).content.decode()
    assert "已导入1条记录" in content and "第3行" in content
    assert PublicityEvent.objects.count() == 1


@pytest.mark.parametrize("data,name,message", [
    (b"not a spreadsheet at all", "台账.xlsx", "不是有效的 Excel"),
    (b"PK\x03\x04broken zip", "台账.xlsx", "Excel"),
    (b"", "台账.xlsx", "文件"),
    (b"\xd0\xcf\x11\xe0old excel", "台账.xls", "只支持 .xlsx"),
    (xlsx([]), "台账.xlsx", "没有数据行"),
])
def test_unreadable_files_get_a_clear_chinese_error(clerk_client, data, name, message):
    response = upload(clerk_client, data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PublicityEvent.objects.count() == 0


def test_export_contains_the_township_rows_and_the_template_explains_columns(clerk_client, township, other_township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), title="本镇活动")
    PublicityEventFactory(organisation=other_township, held_on=dt.date(YEAR, 5, 1), title="他镇活动")
    exported = load_workbook(io.BytesIO(clerk_client.get(f"/ledgers/publicity-events/export.xlsx?year={YEAR}").content))
    titles = [row[2] for row in exported.active.iter_rows(min_row=2, values_only=True)]
    assert titles == ["本镇活动"]
    template = load_workbook(io.BytesIO(clerk_client.get("/ledgers/publicity-events/template.xlsx").content))
    assert [c.value for c in template.active[1]] == HEADER
    assert "填写说明" in template.sheetnames


def test_an_exported_file_imports_back(clerk_client, township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), title="往返活动")
    data = clerk_client.get(f"/ledgers/publicity-events/export.xlsx?year={YEAR}").content
    content = upload(clerk_client, data).content.decode()
    assert "data-import-decision" in content and "往返活动" in content  # the same as the record: asked first
    assert PublicityEvent.objects.filter(title="往返活动").count() == 1
    token = re.search(r'name="staged" value="([0-9a-f]{64})"', content).group(1)
    content = clerk_client.post("/ledgers/publicity-events/import/", {"staged": token, "choice": "all"}).content.decode()
    assert "已导入1条记录" in content
    assert PublicityEvent.objects.filter(title="往返活动").count() == 2
