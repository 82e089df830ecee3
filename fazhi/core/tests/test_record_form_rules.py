"""The base form every ledger inherits: counts are never negative, dates are sane, villages are local.

These rules must hold for any ledger added later, not only for today's models, so they are checked on a
form with fields the models do not constrain themselves.
"""
from __future__ import annotations

import datetime as dt

from django import forms

from fazhi.core import clock
from fazhi.core.tests.ledger_helpers import YEAR
from fazhi.publicity.forms import PublicityEventForm


class FormWithPlainFields(PublicityEventForm):
    helpers = forms.IntegerField(label="协助人数")
    reviewed_on = forms.DateField(label="复核日期", required=False)


def data(**overrides):
    base = {
        "held_on": f"{YEAR}-05-20", "title": "宪法进村", "campaign": "to_villages", "channel": "offline",
        "audience": "1", "materials": "1", "consultations": "1", "helpers": "3",
    }
    return base | overrides


def test_any_integer_field_refuses_a_negative_number(township):
    form = FormWithPlainFields(data=data(helpers="-2"), organisation=township)
    assert not form.is_valid()
    assert any("大于或等于 0" in e or "大于或等于0" in e for e in form.errors["helpers"])
    assert FormWithPlainFields(data=data(helpers="0"), organisation=township).is_valid()


def test_any_date_field_refuses_the_future_and_before_2000(township):
    future = (clock.today() + dt.timedelta(days=2)).isoformat()
    form = FormWithPlainFields(data=data(reviewed_on=future), organisation=township)
    assert not form.is_valid() and "“复核日期”不能晚于今天" in form.errors["reviewed_on"][0]
    form = FormWithPlainFields(data=data(reviewed_on="1998-01-01"), organisation=township)
    assert not form.is_valid() and "“复核日期”早于2000年" in form.errors["reviewed_on"][0]


def test_the_chosen_year_applies_only_to_the_ledgers_own_date(township):
    form = FormWithPlainFields(
        data=data(reviewed_on=f"{YEAR - 1}-12-30"), organisation=township, report_year=YEAR, report_date_field="held_on"
    )
    assert form.is_valid(), form.errors
    form = FormWithPlainFields(
        data=data(held_on=f"{YEAR - 1}-12-30"), organisation=township, report_year=YEAR, report_date_field="held_on"
    )
    assert not form.is_valid() and f"不在所选年度（{YEAR}年）内" in form.errors["held_on"][0]


def test_the_village_list_is_the_townships_active_villages(township, other_township):
    from fazhi.testing.factories import VillageFactory

    mine = VillageFactory(parent=township, name="东村")
    VillageFactory(parent=township, name="撤并村", is_active=False)
    VillageFactory(parent=other_township, name="外村")
    form = FormWithPlainFields(organisation=township)
    assert list(form.fields["village"].queryset) == [mine]
