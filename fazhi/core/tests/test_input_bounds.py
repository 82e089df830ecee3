"""Every number, year and date of every ledger keeps to a realistic bound, the same on SQLite and PostgreSQL, through
the API, the web form and Excel import alike — so one township can no longer overflow the county's sums (issue 20 #1).
"""
from __future__ import annotations

import datetime as dt
import io

import pytest
from django import forms
from openpyxl import Workbook

from fazhi.api.tests.helpers import api, factory_for
from fazhi.core import bounds
from fazhi.core.ledgers import all_ledgers, get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, form_data

EXTREMES = ["9223372036854775807", "1000000000000000", "1e308"]
NUMERIC = (forms.IntegerField, forms.DecimalField, forms.FloatField)
CASES = [
    pytest.param(ledger.slug, name, id=f"{ledger.slug}.{name}")
    for ledger in all_ledgers()
    for name, field in ledger.form_class.base_fields.items()
    if isinstance(field, NUMERIC)
]
DATE_CASES = [
    pytest.param(ledger.slug, name, id=f"{ledger.slug}.{name}")
    for ledger in all_ledgers()
    for name, field in ledger.form_class.base_fields.items()
    if isinstance(field, forms.DateField)
]


def _snapshot(record):
    record.refresh_from_db()
    return {f.attname: getattr(record, f.attname) for f in record._meta.concrete_fields}


@pytest.mark.parametrize("slug, name", CASES)
def test_every_numeric_field_refuses_extreme_values_naming_the_field_and_bound(clerk, township, slug, name):
    ledger = get_ledger(slug)
    record = factory_for(ledger.model)(organisation=township)
    before = _snapshot(record)
    label = ledger.label(name)
    bound = bounds.bound_for(ledger.field(name))
    for value in [*EXTREMES, str(bound.high + 1)]:
        response = api(clerk).patch(f"/api/ledgers/{slug}/{record.pk}/", {name: value}, format="json")
        assert response.status_code == 400, (value, response.content.decode())
        messages = " ".join(response.json()[name])
        if value != "1e308":  # not a number at all for an integer field: "请输入整数"
            assert f"“{label}”" in messages and ("不能超过" in messages or "年份" in messages), messages
    huge = api(clerk).patch(f"/api/ledgers/{slug}/{record.pk}/", {name: 10**18}, format="json")  # a JSON number
    assert huge.status_code == 400
    assert _snapshot(record) == before


@pytest.mark.parametrize("slug, name", DATE_CASES)
def test_every_date_field_refuses_the_year_9999(clerk, township, slug, name):
    ledger = get_ledger(slug)
    record = factory_for(ledger.model)(organisation=township)
    before = _snapshot(record)
    response = api(clerk).patch(f"/api/ledgers/{slug}/{record.pk}/", {name: "9999-12-31"}, format="json")
    assert response.status_code == 400, response.content.decode()
    assert any("不能晚于今天" in m or "晚于2100年" in m for m in response.json()[name])
    assert _snapshot(record) == before


def test_a_year_field_takes_2000_to_2100_only(clerk, township):
    record = factory_for(get_ledger("work-plans").model)(organisation=township)
    for year in ("1000000000000000", "1999", "2101"):
        response = api(clerk).patch(f"/api/ledgers/work-plans/{record.pk}/", {"year": year}, format="json")
        assert response.status_code == 400
        assert response.json()["year"] == ["“年度”应为2000至2100之间的年份"]


def test_the_bound_itself_is_accepted_and_the_county_figures_still_add_up(clerk, supervisor, township):
    record = factory_for(get_ledger("publicity-events").model)(organisation=township)
    url = f"/api/ledgers/publicity-events/{record.pk}/"
    assert api(clerk).patch(url, {"audience": bounds.COUNT_MAX}, format="json").status_code == 200
    refused = api(clerk).patch(url, {"audience": bounds.COUNT_MAX + 1}, format="json")
    assert refused.json()["audience"] == [f"“受众（人次）”不能超过{bounds.COUNT_MAX}（超出合理范围，请核实）"]
    year = record.held_on.year
    figures = api(supervisor).get("/api/indicators/", {"org": township.code, "year": year})
    assert figures.status_code == 200


def test_the_web_form_shows_the_same_refusal(client, clerk, township):
    ledger = get_ledger("publicity-events")
    client.force_login(clerk)
    response = client.post("/ledgers/publicity-events/new/", form_data(ledger, township, audience="9223372036854775807"))
    assert response.status_code == 200
    assert f"“受众（人次）”不能超过{bounds.COUNT_MAX}" in response.content.decode()
    assert ledger.model.objects.count() == 0


def test_excel_import_refuses_the_row_naming_the_field(client, clerk, township):
    ledger = get_ledger("publicity-events")
    labels = [ledger.label(n) for n in ledger.excel_fields]
    data = form_data(ledger, township, audience="9223372036854775807")
    wb = Workbook()
    wb.active.append(labels)
    wb.active.append([data.get(n, "") if n != "channel" else "线下" for n in ledger.excel_fields])
    buffer = io.BytesIO()
    wb.save(buffer)
    client.force_login(clerk)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "import.xlsx"
    page = client.post("/ledgers/publicity-events/import/", {"year": str(YEAR), "file": upload}).content.decode()
    assert f"第2行“受众（人次）”：“受众（人次）”不能超过{bounds.COUNT_MAX}" in page
    assert ledger.model.objects.count() == 0


def test_a_record_saved_outside_any_ledger_form_is_checked_by_the_model(township):
    from django.core.exceptions import ValidationError

    record = factory_for(get_ledger("work-plans").model).build(organisation=township, year=10**15)
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert refused.value.message_dict["year"] == ["“年度”应为2000至2100之间的年份"]
    deadline = factory_for(get_ledger("responsibility-tasks").model).build(organisation=township,
                                                                            due_on=dt.date(9999, 12, 31))
    with pytest.raises(ValidationError, match="晚于2100年"):
        deadline.full_clean()


def test_bounds_check_lists_values_stored_before_the_bounds(township, capsys):
    from django.core.management import call_command

    record = factory_for(get_ledger("publicity-events").model)(organisation=township)
    type(record).objects.filter(pk=record.pk).update(audience=2**31 - 1)  # what SQLite took before
    with pytest.raises(SystemExit) as exit_status:
        call_command("bounds-check")
    assert exit_status.value.code == 1
    out = capsys.readouterr().out
    assert f"T901 publicity-events #{record.pk}：“受众（人次）”不能超过{bounds.COUNT_MAX}" in out
