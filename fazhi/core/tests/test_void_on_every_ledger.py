"""Voiding instead of deleting, on every ledger: a reason is required, the row stays in the database and
its history, leaves every list and figure (unless 含已作废 is ticked), and can no longer be edited.
"""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.contrib.contenttypes.models import ContentType

from fazhi.core.models import Attachment, HardDeleteForbidden
from fazhi.core.tests.ledger_helpers import ATTACHMENT_LEDGERS, LEDGERS, PNG, YEAR, data_count, form_data, make_record
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope


def void(client, ledger, record, reason):
    return client.post(f"/ledgers/{ledger.slug}/{record.pk}/void/", {"reason": reason}, follow=True)


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_reason_is_required_and_an_over_long_one_is_refused_with_the_real_reason(clerk_client, township, ledger):
    record = make_record(ledger, township)
    for blank in ("", "   "):
        page = void(clerk_client, ledger, record, blank).content.decode()
        assert "作废失败：必须填写作废原因" in page, repr(blank)
    page = void(clerk_client, ledger, record, "重" * 201).content.decode()
    assert "作废失败" in page and "200" in page
    assert "必须填写作废原因" not in page  # the user did give one
    record.refresh_from_db()
    assert not record.is_void and record.history.count() == 1


@pytest.mark.parametrize("ledger", LEDGERS)
def test_a_voided_record_stays_stored_leaves_the_lists_is_marked_in_history_and_frozen(clerk_client, clerk, township, ledger):
    record = make_record(ledger, township)
    kept = make_record(ledger, township)
    page = void(clerk_client, ledger, record, "重复录入").content.decode()
    assert "记录已作废" in page and "作废，原因：重复录入" in page

    assert ledger.model.objects.filter(pk=record.pk).exists()
    record.refresh_from_db()
    assert record.is_void and record.void_reason == "重复录入"

    plain = clerk_client.get(f"/ledgers/{ledger.slug}/").content.decode()
    assert data_count(plain) == "1"
    assert f"/ledgers/{ledger.slug}/{record.pk}/" not in plain and f"/ledgers/{ledger.slug}/{kept.pk}/" in plain
    with_void = clerk_client.get(f"/ledgers/{ledger.slug}/?voided=1").content.decode()
    assert data_count(with_void) == "2" and "已作废" in with_void
    # (voided rows in the Excel export: test_every_ledger_excel.py)

    # the history shows who voided and why
    entries = record.history.order_by("-history_date")
    assert entries[0].history_user == clerk and entries.count() == 2
    detail = clerk_client.get(f"/ledgers/{ledger.slug}/{record.pk}/").content.decode()
    assert "<td>作废</td>" in detail
    assert "作废原因：（空） → 重复录入" in detail

    # it can no longer be edited, nor voided again
    edit_url = f"/ledgers/{ledger.slug}/{record.pk}/edit/"
    for response in (clerk_client.get(edit_url), clerk_client.post(edit_url, form_data(ledger, township))):
        assert response.status_code == 403 and "已作废的记录不能修改" in response.content.decode()
    page = void(clerk_client, ledger, record, "再次作废").content.decode()
    assert "该记录已作废" in page
    record.refresh_from_db()
    assert record.void_reason == "重复录入" and record.history.count() == 2
    detail = clerk_client.get(f"/ledgers/{ledger.slug}/{record.pk}/").content.decode()
    assert edit_url not in detail and "作废本记录" not in detail


@pytest.mark.parametrize("ledger", LEDGERS)
def test_records_are_never_hard_deleted(township, ledger):
    record = make_record(ledger, township)
    with pytest.raises(HardDeleteForbidden):
        record.delete()
    with pytest.raises(HardDeleteForbidden):
        ledger.model.objects.all().delete()
    with pytest.raises(HardDeleteForbidden):
        ledger.model.objects.filter(pk=record.pk).delete()
    with pytest.raises(HardDeleteForbidden):
        ledger.model.objects.active().delete()
    assert ledger.model.objects.count() == 1


def test_attachments_are_never_hard_deleted_either(township, clerk):
    from fazhi.core.attachments import attach_file
    from fazhi.testing.factories import PublicityEventFactory

    attachment = attach_file(
        record=PublicityEventFactory(organisation=township), upload=SimpleUploadedFile("a.png", PNG), user=clerk
    )
    with pytest.raises(HardDeleteForbidden):
        attachment.delete()
    with pytest.raises(HardDeleteForbidden):
        Attachment.objects.all().delete()


@pytest.mark.parametrize("ledger", ATTACHMENT_LEDGERS)
def test_no_attachment_can_be_added_to_a_voided_record(clerk_client, township, ledger):
    record = make_record(ledger, township)
    void(clerk_client, ledger, record, "重复录入")
    ct = ContentType.objects.get_for_model(record).pk
    response = clerk_client.post(f"/attachments/{ct}/{record.pk}/upload/", {"files": SimpleUploadedFile("a.png", PNG)})
    assert response.status_code == 403 and "已作废" in response.content.decode()
    assert Attachment.objects.count() == 0


def connected_indicators_of(ledger):
    return [i for i in registry.all_indicators() if i.connected and i.ledger_slug == ledger.slug]


INDICATOR_LEDGERS = [p for p in LEDGERS if connected_indicators_of(p.values[0])]


@pytest.mark.parametrize("ledger", INDICATOR_LEDGERS)
def test_a_voided_record_drops_out_of_every_figure(clerk_client, township, ledger):
    """Each figure drawn from the ledger in turn, on one township (the records voided before count in none)."""
    scope = Scope.for_org(township, YEAR)
    for indicator in connected_indicators_of(ledger):
        # a record that the indicator counts: build one per indicator from its own definition
        record = counted_record(ledger, indicator, township)
        before = indicator.compute(scope)
        assert indicator.records(scope).filter(pk=record.pk).exists(), f"{indicator.key}: the sample record should be counted"
        void(clerk_client, ledger, record, "重复录入")
        after = indicator.compute(scope)
        assert after.row_count == before.row_count - 1, indicator.key
        assert not indicator.records(scope).filter(pk=record.pk).exists(), indicator.key


def counted_record(ledger, indicator, township):
    """A record of YEAR that satisfies the indicator's own filter (e.g. offline, principal-led, sat the exam)."""
    extras = {
        "publicity_online": {"channel": "online"},
        "licensing_decisions": {"metric": "licensing_decisions"},
        "coercion_decisions": {"metric": "coercion_decisions"},
        "disclosure_fees": {"metric": "disclosure_fees", "unit": "元"},
        "principal_led_studies": {"led_by_principal": True},
        "principal_chaired_meetings": {"chaired_by_principal": True},
        "litigation_cases": {"kind": "litigation", "court_level": "first", "body": "县人民法院"},
        "litigation_cases_lost": {"outcome": "revoked", "concluded_on": dt.date(YEAR, 10, 1)},
        "cases_concluded": {"outcome": "upheld", "concluded_on": dt.date(YEAR, 10, 1)},
        "court_assistance": {"kind": "assist"},
        "advisor_publicity_events": {"kind": "publicity"},
        "advisor_disputes": {"kind": "dispute"},
        "advisor_contracts": {"kind": "contract"},
        "advisor_suggestions": {"kind": "suggestion"},
    }.get(indicator.key, {})
    return make_record(ledger, township, **extras)
