"""The web form of every ledger: a valid record is saved with its author and history; bad input is
refused with a Chinese message that names the field, nothing is saved, and nothing ever answers 500.

Each refusal is checked on the ledger's form as the create view builds it (assert_form_refuses); that the page then
names the field and saves nothing is checked through the view once per ledger (test_each_missing_required_field_is_named).
"""
from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.utils import timezone

from fazhi.core.tests.ledger_helpers import (
    LEDGERS, errors_on_page, form_data, form_fields_of, integer_fields,
)
from fazhi.core.ledgers import all_ledgers
from fazhi.testing.factories import VillageFactory

TODAY = timezone.localdate()


def cases(select):
    """(ledger, field) pairs for every ledger's fields of one kind."""
    return [
        pytest.param(ledger, name, id=f"{ledger.slug}-{name}")
        for ledger in all_ledgers()
        for name in select(ledger)
    ]


def required_fields(ledger):
    return [name for name, f in ledger.form_class.base_fields.items() if f.required]


def char_fields(ledger):
    return [
        name for name, f in ledger.form_class.base_fields.items()
        if type(f) is forms.CharField and f.max_length and not isinstance(f.widget, forms.Textarea)
    ]


def village_fields(ledger):
    return [
        name for name, f in ledger.form_class.base_fields.items()
        if isinstance(f, forms.ModelChoiceField) and f.queryset.model._meta.model_name == "organisation"
    ]


def post(client, ledger, data):
    response = client.post(f"/ledgers/{ledger.slug}/new/", data)
    assert response.status_code in (200, 302), response.status_code
    return response


def assert_refused(client, ledger, data, field, *fragments):
    response = post(client, ledger, data)
    assert response.status_code == 200
    label = ledger.label(field)
    errors = [e for e in errors_on_page(response.content.decode()) if e.startswith(f"{label}：")]
    assert errors, f"no error for {label}: {errors_on_page(response.content.decode())}"
    for fragment in fragments:
        assert any(fragment in e for e in errors), errors
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors)
    assert ledger.model.objects.count() == 0


def assert_form_refuses(organisation, ledger, data, field, *fragments):
    """The ledger's form, as the create view builds it (fazhi/core/views/ledgers.py), refuses ``data`` on ``field``
    with a Chinese message: the view then shows the form again and saves nothing (checked through the page once
    per ledger, in test_each_missing_required_field_is_named)."""
    form = ledger.form_class(data=data, organisation=organisation)
    assert not form.is_valid(), f"{ledger.slug}: {field}={data.get(field)!r} was accepted"
    errors = form.errors.get(field)
    assert errors, f"no error for {ledger.label(field)}: {form.errors.as_data()}"
    for fragment in fragments:
        assert any(fragment in e for e in errors), errors
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors)


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_valid_form_creates_one_row_with_author_and_history(clerk_client, clerk, township, ledger):
    page = clerk_client.get(f"/ledgers/{ledger.slug}/new/")
    assert page.status_code == 200 and f"新增{ledger.title}" in page.content.decode()
    response = post(clerk_client, ledger, form_data(ledger, township, save="1"))
    obj = ledger.model.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ledgers/{ledger.slug}/{obj.pk}/"
    assert obj.organisation == township and obj.created_by == clerk and not obj.is_void
    entry = obj.history.get()
    assert entry.history_type == "+" and entry.history_user == clerk
    detail = clerk_client.get(response["Location"]).content.decode()
    assert "创建" in detail and str(clerk) in detail


@pytest.mark.parametrize("ledger", LEDGERS)
def test_save_and_add_another_returns_to_an_empty_form(clerk_client, township, ledger):
    response = post(clerk_client, ledger, form_data(ledger, township, save_add="1"))
    assert response["Location"] == f"/ledgers/{ledger.slug}/new/"
    assert ledger.model.objects.count() == 1


@pytest.mark.parametrize("ledger", LEDGERS)
def test_each_missing_required_field_is_named(clerk_client, township, ledger):
    first, *others = required_fields(ledger)
    assert_refused(clerk_client, ledger, form_data(ledger, township, **{first: ""}), first, "必填")  # on the page
    for field in others:
        assert_form_refuses(township, ledger, form_data(ledger, township, **{field: ""}), field, "必填")


@pytest.mark.parametrize("ledger", LEDGERS)
def test_negative_absurd_or_non_numeric_counts_are_refused(clerk_client, township, ledger):
    for field in integer_fields(ledger):
        assert_form_refuses(township, ledger, form_data(ledger, township, **{field: "-1"}), field, "大于或等于")
        for value in ("99999999999999999999", "十二", "3.5"):
            assert_form_refuses(township, ledger, form_data(ledger, township, **{field: value}), field)


@pytest.mark.parametrize("ledger", LEDGERS)
def test_future_dates_dates_before_2000_and_impossible_dates_are_refused(clerk_client, township, ledger):
    tomorrow = TODAY + dt.timedelta(days=1)
    deadlines = getattr(ledger.form_class, "future_dates", ())  # 完成时限、答复期限……: these lie ahead by nature
    for field in form_fields_of(ledger, forms.DateField):
        if field not in deadlines:
            assert_form_refuses(township, ledger, form_data(ledger, township, **{field: tomorrow.isoformat()}), field, "不能晚于今天")
        early = form_data(ledger, township, **{field: "1999-12-31"})
        if ledger.slug == "disputes":
            early["received_on"] = "1999-12-01"  # keep the intake before the closing so only the year is wrong
        assert_form_refuses(township, ledger, early, field, "早于2000年")
        for value in ("2025-02-30", "昨天", "20250101x"):
            assert_form_refuses(township, ledger, form_data(ledger, township, **{field: value}), field, "日期")


@pytest.mark.parametrize("ledger,field", cases(village_fields))
def test_a_village_of_another_township_or_a_made_up_id_cannot_be_chosen(clerk_client, township, other_township, ledger, field):
    foreign = VillageFactory(parent=other_township, name="外镇村")
    for value in (str(foreign.pk), "99999999999999999999999", "abc", "-1"):
        assert_form_refuses(township, ledger, form_data(ledger, township, **{field: value}), field, "有效的选项")


@pytest.mark.parametrize("ledger,field", cases(village_fields))
def test_a_village_of_her_own_township_is_offered_and_accepted(clerk_client, township, other_township, ledger, field):
    mine = VillageFactory(parent=township, name="本镇村")
    VillageFactory(parent=other_township, name="外镇村")
    page = clerk_client.get(f"/ledgers/{ledger.slug}/new/").content.decode()
    assert "本镇村" in page and "外镇村" not in page
    assert post(clerk_client, ledger, form_data(ledger, township, **{field: str(mine.pk)})).status_code == 302
    assert getattr(ledger.model.objects.get(), field) == mine


@pytest.mark.parametrize("ledger", LEDGERS)
def test_text_longer_than_the_column_is_refused(clerk_client, township, ledger):
    for field in char_fields(ledger):
        limit = ledger.form_class.base_fields[field].max_length
        assert_form_refuses(township, ledger, form_data(ledger, township, **{field: "字" * (limit + 1)}), field, str(limit))


@pytest.mark.parametrize("ledger", LEDGERS)
def test_an_unknown_choice_is_refused(clerk_client, township, ledger):
    choice_fields = [
        name for name, f in ledger.form_class.base_fields.items()
        if isinstance(f, forms.TypedChoiceField) or (type(f) is forms.ChoiceField)
    ]
    assert choice_fields, "every ledger has at least one category"
    for name in choice_fields:
        assert_form_refuses(township, ledger, form_data(ledger, township, **{name: "<script>"}), name, "有效的选项")


@pytest.mark.parametrize("ledger", LEDGERS)
def test_an_edit_with_bad_input_keeps_the_record_as_it_was(clerk_client, township, ledger):
    post(clerk_client, ledger, form_data(ledger, township))
    obj = ledger.model.objects.get()
    date_field = ledger.date_field
    response = clerk_client.post(
        f"/ledgers/{ledger.slug}/{obj.pk}/edit/", form_data(ledger, township, **{date_field: "1999-01-01"})
    )
    assert response.status_code == 200 and "早于2000年" in response.content.decode()
    before = getattr(obj, date_field)
    obj.refresh_from_db()
    assert getattr(obj, date_field) == before and obj.history.count() == 1


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_form_page_shows_which_fields_are_required(clerk_client, ledger):
    page = clerk_client.get(f"/ledgers/{ledger.slug}/new/").content.decode()
    for name in required_fields(ledger):
        assert f'{ledger.label(name)}<span class="req">*</span>' in page



@pytest.mark.parametrize("ledger", [p for p in LEDGERS if getattr(p.values[0].form_class, "future_dates", ())])
def test_a_deadline_may_lie_in_the_future(clerk_client, township, ledger):
    ahead = (TODAY + dt.timedelta(days=30)).isoformat()
    for field in ledger.form_class.future_dates:
        form = ledger.form_class(data=form_data(ledger, township, **{field: ahead}), organisation=township)
        assert field not in form.errors, form.errors
