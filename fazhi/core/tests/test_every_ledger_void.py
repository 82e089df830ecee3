"""Voiding in every ledger: a reason is required, the row stays in the database and in the history,
drops out of lists and figures, and can no longer be edited. Nothing is ever hard-deleted."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.ledgers import all_ledgers
from fazhi.core.models import HardDeleteForbidden
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.ledger_data import FACTORY_FOR, YEAR, valid_post

LEDGERS = [pytest.param(ledger, id=ledger.slug) for ledger in all_ledgers()]


def make(ledger, township):
    return FACTORY_FOR[ledger.slug](organisation=township, **{ledger.date_field: dt.date(YEAR, 5, 1)})


@pytest.mark.parametrize("ledger", LEDGERS)
def test_voiding_without_a_reason_is_refused(clerk_client, township, ledger):
    record = make(ledger, township)
    for reason in ("", "   "):
        response = clerk_client.post(f"/ledgers/{ledger.slug}/{record.pk}/void/", {"reason": reason}, follow=True)
        assert response.status_code == 200 and "必须填写" in response.content.decode()
    record.refresh_from_db()
    assert not record.is_void


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_voided_record_is_kept_shown_in_history_and_hidden_from_lists(clerk_client, clerk, township, village, ledger):
    record = make(ledger, township)
    base = f"/ledgers/{ledger.slug}/{record.pk}"
    assert clerk_client.post(f"{base}/void/", {"reason": "重复录入"}).status_code == 302
    record.refresh_from_db()
    assert record.is_void and record.void_reason == "重复录入"
    assert ledger.model.objects.filter(pk=record.pk).exists()

    page = clerk_client.get(f"{base}/").content.decode()
    assert "原因：重复录入" in page
    assert "<td>作废</td>" in page and "作废原因：（空） → 重复录入" in page
    assert 'name="reason"' not in page and f"{base}/edit/" not in page  # no edit/void buttons left

    assert 'data-count="0"' in clerk_client.get(f"/ledgers/{ledger.slug}/").content.decode()
    with_void = clerk_client.get(f"/ledgers/{ledger.slug}/?voided=1").content.decode()
    assert 'data-count="1"' in with_void and "已作废" in with_void

    assert clerk_client.get(f"{base}/edit/").status_code == 403
    assert clerk_client.post(f"{base}/edit/", valid_post(ledger.slug, village)).status_code == 403
    again = clerk_client.post(f"{base}/void/", {"reason": "再次作废"}, follow=True)
    assert again.status_code == 200 and "该记录已作废" in again.content.decode()
    record.refresh_from_db()
    assert record.void_reason == "重复录入"


@pytest.mark.parametrize("ledger", LEDGERS)
def test_voided_records_count_in_no_figure(township, ledger):
    record = make(ledger, township)
    scope = Scope.for_org(township, YEAR)
    feeding = [i for i in registry.all_indicators() if i.connected and i.ledger_slug == ledger.slug]
    assert feeding, f"{ledger.slug} feeds no indicator"
    before = {i.key: i.records(scope).count() for i in feeding}
    assert any(before.values())
    record.void(reason="录错")
    for indicator in feeding:
        assert not indicator.records(scope).filter(pk=record.pk).exists(), indicator.key


@pytest.mark.parametrize("ledger", LEDGERS)
def test_records_are_never_hard_deleted(township, ledger):
    record = make(ledger, township)
    with pytest.raises(HardDeleteForbidden):
        record.delete()
    with pytest.raises(HardDeleteForbidden):
        ledger.model.objects.all().delete()
    with pytest.raises(HardDeleteForbidden):
        ledger.model.objects.filter(pk=record.pk).delete()
    assert ledger.model.objects.count() == 1
