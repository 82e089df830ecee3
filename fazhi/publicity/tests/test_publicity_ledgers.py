"""Publicity events, the legal-liaison register and their trainings, as a clerk uses them."""
from __future__ import annotations

import datetime as dt

from fazhi.publicity.models import LegalLiaison
from fazhi.testing.factories import LegalLiaisonFactory, PublicityEventFactory, VillageFactory
from fazhi.testing.ledger_data import YEAR, valid_post


def test_a_legal_liaison_must_belong_to_a_village(clerk_client):
    response = clerk_client.post("/ledgers/legal-liaisons/new/", valid_post("legal-liaisons"))
    assert response.status_code == 200 and "村（社区）：该字段是必填项" in response.content.decode()
    assert LegalLiaison.objects.count() == 0


def test_the_village_choices_are_this_townships_only(clerk_client, village, other_township):
    VillageFactory(parent=other_township, name="外镇村")
    page = clerk_client.get("/ledgers/legal-liaisons/new/").content.decode()
    assert village.name in page and "外镇村" not in page
    listing = clerk_client.get("/ledgers/legal-liaisons/").content.decode()
    assert "外镇村" not in listing


def test_events_filter_by_channel_village_and_keyword(clerk_client, township, village):
    PublicityEventFactory(organisation=township, title="民法典进村", village=village, held_on=dt.date(YEAR, 5, 1))
    PublicityEventFactory(organisation=township, title="线上反诈直播", channel="online", held_on=dt.date(YEAR, 5, 2))
    PublicityEventFactory(organisation=township, title="去年活动", held_on=dt.date(YEAR - 1, 5, 2))
    get = lambda q: clerk_client.get(f"/ledgers/publicity-events/{q}").content.decode()  # noqa: E731
    assert 'data-count="3"' in get("")
    assert 'data-count="2"' in get(f"?year={YEAR}")
    assert 'data-count="1"' in get("?channel=online") and "线上反诈直播" in get("?channel=online")
    assert 'data-count="1"' in get(f"?village={village.pk}")
    assert 'data-count="0"' in get("?village=abc")
    assert 'data-count="1"' in get("?q=反诈")
    assert get("?year=abc").count('data-count="3"') == 1


def test_an_edit_of_the_audience_shows_old_and_new_with_the_user(clerk_client, clerk, township, village):
    liaison = LegalLiaisonFactory(organisation=township, village=village, name="王明白", registered_on=dt.date(YEAR, 3, 1))
    data = valid_post("legal-liaisons", village) | {"name": "王明白", "kind": "rule_of_law_leader", "registered_on": f"{YEAR}-03-01"}
    assert clerk_client.post(f"/ledgers/legal-liaisons/{liaison.pk}/edit/", data).status_code == 302
    page = clerk_client.get(f"/ledgers/legal-liaisons/{liaison.pk}/").content.decode()
    assert "类别：法律明白人 → 法治带头人" in page and str(clerk) in page
