"""The web form of every ledger: a valid entry is saved with its author and history; bad input is
refused with a Chinese message naming the field, never a 500, and nothing is saved."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core import clock
from fazhi.core.ledgers import all_ledgers
from fazhi.testing.factories import VillageFactory
from fazhi.testing.ledger_data import COUNT_FIELD, valid_post

LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers()]
TOMORROW = clock.today() + dt.timedelta(days=1)


def post_new(client, ledger, data):
    return client.post(f"/ledgers/{ledger.slug}/new/", data)


def refused(response, ledger, *fragments):
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error"' in page
    for fragment in fragments:
        assert fragment in page, fragment
    assert ledger.model.objects.count() == 0


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_valid_entry_is_saved_in_the_clerks_township_with_author_and_history(clerk_client, clerk, township, village, ledger):
    response = post_new(clerk_client, ledger, valid_post(ledger.slug, village))
    record = ledger.model.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ledgers/{ledger.slug}/{record.pk}/"
    assert record.organisation == township and record.created_by == clerk
    assert record.history.count() == 1 and record.history.get().history_user == clerk
    page = clerk_client.get(response["Location"]).content.decode()
    assert "创建" in page and str(clerk) in page


@pytest.mark.parametrize("ledger", LEDGERS)
def test_save_and_add_another_returns_to_an_empty_form(clerk_client, village, ledger):
    response = post_new(clerk_client, ledger, {**valid_post(ledger.slug, village), "save_add": "1"})
    assert response.status_code == 302 and response["Location"] == f"/ledgers/{ledger.slug}/new/"
    assert ledger.model.objects.count() == 1


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_future_date_is_refused(clerk_client, village, ledger):
    data = {**valid_post(ledger.slug, village), ledger.date_field: TOMORROW.isoformat()}
    refused(post_new(clerk_client, ledger, data), ledger, f"“{ledger.label(ledger.date_field)}”不能晚于今天")


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_date_before_2000_is_refused(clerk_client, village, ledger):
    data = {**valid_post(ledger.slug, village), ledger.date_field: "1999-12-31"}
    refused(post_new(clerk_client, ledger, data), ledger, f"“{ledger.label(ledger.date_field)}”早于2000年")


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_missing_date_names_the_field(clerk_client, village, ledger):
    data = {**valid_post(ledger.slug, village), ledger.date_field: ""}
    refused(post_new(clerk_client, ledger, data), ledger, f"{ledger.label(ledger.date_field)}：该字段是必填项")


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if p.values[0].slug in COUNT_FIELD])
def test_a_negative_count_is_refused(clerk_client, village, ledger):
    name = COUNT_FIELD[ledger.slug]
    data = {**valid_post(ledger.slug, village), name: "-1"}
    refused(post_new(clerk_client, ledger, data), ledger, f"{ledger.label(name)}：")


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if "village" in p.values[0].form_class.base_fields])
def test_a_village_of_another_township_is_refused(clerk_client, village, other_township, ledger):
    foreign = VillageFactory(parent=other_township, name="外镇村")
    data = {**valid_post(ledger.slug, village), "village": str(foreign.pk)}
    refused(post_new(clerk_client, ledger, data), ledger, "村（社区）：", "选择一个有效的选项")
    assert "外镇村" not in clerk_client.get(f"/ledgers/{ledger.slug}/new/").content.decode()


@pytest.mark.parametrize("ledger", LEDGERS)
def test_an_empty_form_names_every_required_field(clerk_client, ledger):
    response = post_new(clerk_client, ledger, {ledger.date_field: ""})  # a browser always posts the fields
    required = [f.label for f in ledger.form_class.base_fields.values() if f.required]
    assert required
    refused(response, ledger, *[f"{label}：该字段是必填项" for label in required])
