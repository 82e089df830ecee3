"""Online and offline publicity: a clerk's choice of 形式 moves an event between the figures."""
from __future__ import annotations

import datetime as dt
import re

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, form_data
from fazhi.testing.factories import PublicityEventFactory

LEDGER = get_ledger("publicity-events")


def dashboard(client) -> dict[str, str]:
    page = client.get(f"/indicators/?year={YEAR}").content.decode()
    return dict(re.findall(r'<a data-indicator="([^"]+)" href="[^"]+">([^<]+)</a>', page))


def test_switching_an_event_online_moves_it_out_of_the_offline_figures(clerk_client, township):
    event = PublicityEventFactory(
        organisation=township, held_on=dt.date(YEAR, 5, 1), audience=100, materials=200, consultations=10
    )
    before = dashboard(clerk_client)
    assert (before["publicity_events"], before["publicity_materials"], before["publicity_audience"]) == ("1", "200", "100")
    assert (before["publicity_online"], before["legal_consultations"]) == ("0", "10")

    data = form_data(LEDGER, township, held_on=f"{YEAR}-05-01", title=event.title, channel="online",
                     audience="100", materials="200", consultations="10")
    assert clerk_client.post(f"/ledgers/publicity-events/{event.pk}/edit/", data).status_code == 302

    after = dashboard(clerk_client)
    assert (after["publicity_events"], after["publicity_materials"], after["publicity_audience"]) == ("0", "0", "0")
    assert (after["publicity_online"], after["legal_consultations"]) == ("1", "10")  # consultations count either way


def test_the_list_filters_by_campaign_and_shows_its_chinese_name(clerk_client, township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 12, 4), campaign="constitution_week", title="宪法日活动")
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 8), campaign="civil_code_month", title="民法典活动")
    page = clerk_client.get("/ledgers/publicity-events/?campaign=constitution_week").content.decode()
    assert 'data-count="1"' in page and "宪法日活动" in page and "民法典活动" not in page
    assert "宪法宣传周（12·4国家宪法日）" in page


def test_a_liaison_must_be_registered_to_a_village_of_the_township(clerk_client, township, village):
    ledger = get_ledger("legal-liaisons")
    response = clerk_client.post("/ledgers/legal-liaisons/new/", form_data(ledger, township, village=str(village.pk)))
    assert response.status_code == 302
    page = clerk_client.get("/ledgers/legal-liaisons/").content.decode()
    assert village.name in page and "法律明白人" in page
