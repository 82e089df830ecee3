"""Villages get merged (撤并) and are then deactivated, never deleted: old records keep their village,
stay editable, and new records can no longer choose it."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, form_data
from fazhi.testing.factories import DisputeCaseFactory, LegalLiaisonFactory, PublicityEventFactory, VillageFactory


@pytest.fixture
def merged_village(township):
    return VillageFactory(parent=township, name="老村")


def deactivate(village):
    village.is_active = False
    village.save()


@pytest.mark.parametrize("slug,factory", [
    ("publicity-events", PublicityEventFactory), ("legal-liaisons", LegalLiaisonFactory), ("disputes", DisputeCaseFactory),
])
def test_a_record_of_a_merged_village_can_still_be_corrected(clerk_client, township, merged_village, slug, factory):
    ledger = get_ledger(slug)
    record = factory(organisation=township, village=merged_village, **{ledger.date_field: dt.date(YEAR, 4, 2)})
    deactivate(merged_village)
    edit_page = clerk_client.get(f"/ledgers/{slug}/{record.pk}/edit/").content.decode()
    assert "老村" in edit_page  # still shown as the record's village
    data = form_data(ledger, township, village=str(merged_village.pk))
    response = clerk_client.post(f"/ledgers/{slug}/{record.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()
    record.refresh_from_db()
    assert record.village == merged_village


def test_a_new_record_cannot_choose_a_merged_village(clerk_client, township, merged_village):
    VillageFactory(parent=township, name="新村")
    deactivate(merged_village)
    ledger = get_ledger("publicity-events")
    page = clerk_client.get("/ledgers/publicity-events/new/").content.decode()
    assert "新村" in page and "老村" not in page
    response = clerk_client.post("/ledgers/publicity-events/new/", form_data(ledger, township, village=str(merged_village.pk)))
    assert response.status_code == 200 and "有效的选项" in response.content.decode()


def test_an_edit_cannot_move_a_record_to_a_merged_village(clerk_client, township, merged_village):
    ledger = get_ledger("publicity-events")
    current = VillageFactory(parent=township, name="新村")
    event = PublicityEventFactory(organisation=township, village=current, held_on=dt.date(YEAR, 4, 2))
    deactivate(merged_village)
    response = clerk_client.post(
        f"/ledgers/publicity-events/{event.pk}/edit/", form_data(ledger, township, village=str(merged_village.pk))
    )
    assert response.status_code == 200 and "有效的选项" in response.content.decode()
    event.refresh_from_db()
    assert event.village == current
