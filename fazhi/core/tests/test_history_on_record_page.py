"""Every change is kept: the record page lists each edit as “字段：旧 → 新” with who made it, in Chinese terms."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from django import forms

from fazhi.core.tests.ledger_helpers import LEDGERS, YEAR, make_record
from fazhi.testing.factories import PublicityEventFactory, VillageFactory


def history_rows(html: str) -> list[str]:
    """The rows of the 修改记录 table, newest first, as plain text."""
    table = html.split("<h2>修改记录</h2>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>.*?</tr>", table, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


def edit(client, ledger, record, organisation, **changes):
    response = client.post(f"/ledgers/{ledger.slug}/{record.pk}/edit/", form_data_of(ledger, record, organisation, **changes))
    assert response.status_code == 302, response.content.decode()
    return client.get(f"/ledgers/{ledger.slug}/{record.pk}/").content.decode()


def form_data_of(ledger, record, organisation, **changes):
    """The edit form as the clerk would see it: the record's current values, plus her changes."""
    from fazhi.core.tests.ledger_helpers import post_value

    data = {}
    for name in ledger.form_class._meta.fields:
        value = getattr(record, f"{name}_id" if isinstance(ledger.form_class.base_fields[name], forms.ModelChoiceField) else name)
        if isinstance(value, bool) and not value:
            continue
        data[name] = post_value(value)
    data.update(changes)
    return data


# A ledger whose first text field is checked against its kind (other figures: the unit of a named figure).
TEXT_FIELD = {"other-figures": "source_system"}


def first_text_field(ledger) -> str:
    if ledger.slug in TEXT_FIELD:
        return TEXT_FIELD[ledger.slug]
    return next(
        name for name, f in ledger.form_class.base_fields.items()
        if type(f) is forms.CharField and f.required and not isinstance(f.widget, forms.Textarea)
    )


def _has_plain_text(ledger) -> bool:
    return any(type(f) is forms.CharField and f.required and not isinstance(f.widget, forms.Textarea)
               for f in ledger.form_class.base_fields.values())


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if _has_plain_text(p.values[0])])
def test_an_edit_shows_old_and_new_value_and_the_user(clerk_client, clerk, township, ledger):
    record = make_record(ledger, township)
    field = first_text_field(ledger)
    old = getattr(record, field)
    page = edit(clerk_client, ledger, record, township, **{field: "改后的内容"})
    rows = history_rows(page)
    assert len(rows) == 2
    assert str(clerk) in rows[0] and "修改" in rows[0]
    assert f"{ledger.label(field)}：{old} → 改后的内容" in rows[0]
    assert "创建" in rows[1]
    assert "更新时间" not in page.split("<h2>修改记录</h2>", 1)[1]


def test_choices_booleans_villages_and_dates_are_shown_as_a_person_reads_them(clerk_client, clerk, township):
    from fazhi.core.ledgers import get_ledger

    ledger = get_ledger("publicity-events")
    east = VillageFactory(parent=township, name="东村")
    west = VillageFactory(parent=township, name="西村")
    event = PublicityEventFactory(
        organisation=township, held_on=dt.date(YEAR, 5, 1), campaign="to_villages", channel="offline", village=east, place=""
    )
    page = edit(
        clerk_client, ledger, event, township,
        campaign="to_schools", channel="online", village=str(west.pk), held_on=f"{YEAR}-05-02", place="中心小学",
    )
    newest = history_rows(page)[0]
    assert "宣传主题：法律进乡村 → 法律进校园" in newest
    assert "形式：线下 → 线上" in newest
    assert "村（社区）：东村 → 西村" in newest
    assert f"活动日期：{YEAR}-05-01 → {YEAR}-05-02" in newest
    assert "地点：（空） → 中心小学" in newest
    assert "to_schools" not in newest and "offline" not in newest


def test_a_checkbox_change_reads_yes_and_no(clerk_client, township):
    from fazhi.core.ledgers import get_ledger
    from fazhi.testing.factories import MeetingFactory

    ledger = get_ledger("meetings")
    meeting = MeetingFactory(organisation=township, held_on=dt.date(YEAR, 2, 1), chaired_by_principal=False)
    page = edit(clerk_client, ledger, meeting, township, chaired_by_principal="on")
    assert "党政主要负责人主持：否 → 是" in history_rows(page)[0]


def test_each_edit_is_attributed_to_its_own_author_newest_first(client, clerk, leader, township):
    from fazhi.core.ledgers import get_ledger

    ledger = get_ledger("publicity-events")
    event = PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), materials=100)
    client.force_login(clerk)
    edit(client, ledger, event, township, materials="150")
    event.refresh_from_db()
    client.force_login(leader)
    page = edit(client, ledger, event, township, materials="180")
    rows = history_rows(page)
    assert str(leader) in rows[0] and "发放资料（份）：150 → 180" in rows[0]
    assert str(clerk) in rows[1] and "发放资料（份）：100 → 150" in rows[1]


def test_the_supervisor_sees_the_history_too(client, clerk, supervisor, township):
    from fazhi.core.ledgers import get_ledger

    ledger = get_ledger("publicity-events")
    event = PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), materials=100)
    client.force_login(clerk)
    edit(client, ledger, event, township, materials="120")
    client.force_login(supervisor)
    rows = history_rows(client.get(f"/ledgers/{ledger.slug}/{event.pk}/").content.decode())
    assert "发放资料（份）：100 → 120" in rows[0] and str(clerk) in rows[0]


def test_the_void_time_in_history_is_local_time_without_microseconds(clerk_client, township):
    event = PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1))
    clerk_client.post(f"/ledgers/publicity-events/{event.pk}/void/", {"reason": "重复"})
    newest = history_rows(clerk_client.get(f"/ledgers/publicity-events/{event.pk}/").content.decode())[0]
    event.refresh_from_db()
    from django.utils import timezone

    local = timezone.localtime(event.voided_at)
    assert f"作废时间：（空） → {local:%Y-%m-%d %H:%M}" in newest
    assert "+00:00" not in newest


def test_records_entered_by_excel_import_have_their_author_in_history(clerk_client, clerk, township):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.ledgers import get_ledger
    from fazhi.core.tests.ledger_helpers import excel_row, header, xlsx

    ledger = get_ledger("study-sessions")
    sample = make_record(ledger, township)
    data = xlsx([excel_row(ledger, sample)], header(ledger))
    sample.voided_at, sample.void_reason = sample.created_at, "示例"  # a voided record is no duplicate of the new row
    sample.save()
    clerk_client.post(f"/ledgers/{ledger.slug}/import/", {"file": SimpleUploadedFile("a.xlsx", data), "year": YEAR})
    imported = ledger.model.objects.exclude(pk=sample.pk).get()
    assert imported.created_by == clerk and imported.history.get().history_user == clerk
    rows = history_rows(clerk_client.get(f"/ledgers/{ledger.slug}/{imported.pk}/").content.decode())
    assert len(rows) == 1 and "创建" in rows[0] and str(clerk) in rows[0]
