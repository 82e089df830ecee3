"""The statutory transitions of an application (services.py), its reminders, and the three indicators."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.disclosure import notify, services
from fazhi.disclosure.models import DisclosureEvent, DisclosureRequest, Reminder
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import ProactiveReleaseFactory

D = dt.date
FIELDS = {"applicant_type": "natural", "applicant_name": "赵六", "contact": "13800138000",
          "description": "本镇2025年低保审核结果", "delivery": "email"}


def apply(township, clerk, received_on=D(2025, 11, 3), **kwargs):
    request, created = services.request_create(
        organisation=township, fields=FIELDS, channel="in_person", received_on=received_on, user=clerk, **kwargs
    )
    return request


def test_numbers_are_per_township_and_year(township, other_township, clerk, other_clerk):
    a = apply(township, clerk)
    b = apply(township, clerk)
    c = apply(township, clerk, received_on=D(2026, 1, 5))
    d = apply(other_township, other_clerk)
    assert [a.tracking_number, b.tracking_number, c.tracking_number, d.tracking_number] == [
        "T901-2025-0001", "T901-2025-0002", "T901-2026-0001", "T902-2025-0001",
    ]


def test_bad_fields_save_nothing_and_leave_no_gap(township, clerk):
    with pytest.raises(ValidationError):
        services.request_create(organisation=township, fields={**FIELDS, "applicant_type": "alien"},
                                channel="in_person", received_on=D(2025, 11, 3), user=clerk)
    assert DisclosureRequest.objects.count() == 0
    assert apply(township, clerk).sequence == 1


def test_a_repeated_key_returns_the_first_application(township, clerk):
    first, created = services.request_create(organisation=township, fields=FIELDS, channel="portal",
                                             received_on=D(2025, 11, 3), idempotency_key="k")
    again, created_again = services.request_create(organisation=township, fields=FIELDS, channel="portal",
                                                   received_on=D(2025, 11, 3), idempotency_key="k")
    assert created and not created_again and first.pk == again.pk
    assert apply(township, clerk).sequence == 2


def test_one_correction_notice_only(township, clerk):
    r = apply(township, clerk)
    services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 4), items="写明年份", deadline=D(2025, 11, 20))
    services.correction_receive(request=r, user=clerk, received_on=D(2025, 11, 10))
    with pytest.raises(ValidationError, match="只能发出一次"):
        services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 11), items="再补", deadline=D(2025, 11, 30))


def test_correction_needs_items_and_a_later_deadline(township, clerk):
    r = apply(township, clerk)
    with pytest.raises(ValidationError):
        services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 4), items=" ", deadline=D(2025, 11, 20))
    with pytest.raises(ValidationError):
        services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 4), items="x", deadline=D(2025, 11, 4))
    r.refresh_from_db()
    assert r.status == "received" and r.correction_requested_on is None


def test_extension_rules(township, clerk):
    r = apply(township, clerk)  # due 2025-12-01
    with pytest.raises(ValidationError, match="批准人"):
        services.extension_grant(request=r, user=clerk, days=10, approved_by="", approved_on=D(2025, 11, 20), reason="x")
    with pytest.raises(ValidationError, match="1至20"):
        services.extension_grant(request=r, user=clerk, days=21, approved_by="王", approved_on=D(2025, 11, 20), reason="x")
    with pytest.raises(ValidationError, match="已于"):
        services.extension_grant(request=r, user=clerk, days=10, approved_by="王", approved_on=D(2025, 12, 2), reason="x")
    services.extension_grant(request=r, user=clerk, days=10, approved_by="王", approved_on=D(2025, 12, 1), reason="调档")
    with pytest.raises(ValidationError, match="只能延长一次"):
        services.extension_grant(request=r, user=clerk, days=5, approved_by="王", approved_on=D(2025, 12, 2), reason="x")
    r.refresh_from_db()
    assert services.clock_for(r, today=D(2025, 12, 5)).due == D(2025, 12, 15)


def test_reply_rules(township, clerk):
    r = apply(township, clerk)
    c = services.consultation_start(request=r, user=clerk, kind="third_party", party="承包户", sent_on=D(2025, 11, 5))
    with pytest.raises(ValidationError, match="征求意见"):
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 20))
    services.consultation_end(consultation=c, user=clerk, replied_on=D(2025, 11, 12), opinion="agree")
    with pytest.raises(ValidationError, match="说明理由"):
        services.request_reply(request=r, user=clerk, result="withheld_third_party", replied_on=D(2025, 11, 20))
    with pytest.raises(ValidationError, match="只适用于"):
        services.request_reply(request=r, user=clerk, result="other_no_correction", replied_on=D(2025, 11, 20))
    services.request_reply(request=r, user=clerk, result="partial", replied_on=D(2025, 11, 20), summary="已区分处理")
    with pytest.raises(ValidationError, match="已办结"):
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 21))


def test_lapsed_correction_can_be_closed_only_after_its_deadline(township, clerk):
    r = apply(township, clerk)
    services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 4), items="写明年份", deadline=D(2025, 11, 20))
    with pytest.raises(ValidationError, match="尚未届满"):
        services.request_reply(request=r, user=clerk, result="other_no_correction", replied_on=D(2025, 11, 20))
    with pytest.raises(ValidationError, match="尚未补正"):
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 21))
    services.request_reply(request=r, user=clerk, result="other_no_correction", replied_on=D(2025, 11, 21))
    assert services.clock_for(r).answered_on_time is None  # not an answer: left out of the on-time rate


def test_every_step_is_on_the_timeline_and_in_history(township, clerk):
    r = apply(township, clerk)
    services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 4), items="写明年份", deadline=D(2025, 11, 20))
    services.correction_receive(request=r, user=clerk, received_on=D(2025, 11, 6))
    services.extension_grant(request=r, user=clerk, days=5, approved_by="王", approved_on=D(2025, 11, 20), reason="调档")
    services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 25))
    kinds = list(DisclosureEvent.objects.filter(request=r).values_list("kind", flat=True))
    assert kinds == ["received", "correction_requested", "correction_received", "extended", "replied"]
    assert r.history.count() == 5
    with pytest.raises(Exception):
        DisclosureEvent.objects.first().delete()


def test_a_void_application_counts_nowhere(township, clerk):
    r = apply(township, clerk)
    services.request_void(request=r, user=clerk, reason="重复登记")
    assert registry.get("disclosure_requests").compute(Scope((township,), 2025)).value == 0
    with pytest.raises(ValidationError, match="作废"):
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 20))


def test_a_failing_mail_server_never_loses_the_application(township, clerk, settings, monkeypatch,
                                                           django_capture_on_commit_callbacks):
    settings.EMAIL_HOST, settings.FAZHI_EMAIL_ENABLED = "mail.example", True
    clerk.email = "clerk@example.gov.cn"
    clerk.save()

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        request, created = services.request_create(organisation=township, fields=FIELDS, channel="portal",
                                                   received_on=D(2025, 11, 3))
    assert created and DisclosureRequest.objects.filter(pk=request.pk).exists()
    reminder = Reminder.objects.get(request=request)
    assert reminder.kind == "unassigned" and reminder.email_error == ""  # no mail inside the request
    assert notify.send_pending_emails() == 0  # the worker or the daily run: the failure goes on the reminder
    reminder.refresh_from_db()
    assert "发送失败" in reminder.email_error and reminder.emailed_at is None


def test_reminders_are_created_once_for_the_handler(township, clerk):
    r = apply(township, clerk)  # due 2025-12-01
    assert notify.refresh_reminders(today=D(2025, 11, 27)) == 1
    assert notify.refresh_reminders(today=D(2025, 11, 27)) == 0
    assert notify.refresh_reminders(today=D(2025, 12, 2)) == 1
    assert set(Reminder.objects.filter(request=r, user=clerk).values_list("kind", flat=True)) == {"due_soon", "overdue"}


def test_the_three_indicators(township, clerk):
    on_time = apply(township, clerk, received_on=D(2025, 3, 3))
    late = apply(township, clerk, received_on=D(2025, 5, 6))
    apply(township, clerk, received_on=D(2025, 6, 2))  # never answered: overdue since 2025-06-30
    withdrawn = apply(township, clerk, received_on=D(2025, 7, 1))
    services.request_reply(request=on_time, user=clerk, result="granted", replied_on=D(2025, 3, 20))
    services.request_reply(request=late, user=clerk, result="granted", replied_on=D(2025, 6, 20))
    services.correction_request(request=withdrawn, user=clerk, requested_on=D(2025, 7, 2), items="x", deadline=D(2025, 7, 20))
    services.request_reply(request=withdrawn, user=clerk, result="other_no_correction", replied_on=D(2025, 7, 25))
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 4, 1))
    ProactiveReleaseFactory(organisation=township, published_on=D(2024, 4, 1))
    scope = Scope((township,), 2025)
    assert registry.get("disclosure_requests").compute(scope).value == 4
    assert registry.get("disclosure_proactive").compute(scope).value == 1
    rate = registry.get("disclosure_response_rate").compute(scope)
    assert (rate.numerator, rate.denominator, str(rate.value)) == (1, 3, "33.3")
    assert set(registry.get("disclosure_response_rate").records(scope)) == set(
        DisclosureRequest.objects.exclude(pk=withdrawn.pk)
    )


def test_the_rate_leaves_out_consultation_days_but_not_a_voided_consultation(township, clerk):
    """第三十三条第三款: the days a third party is consulted do not count; a consultation voided as entered in error
    gives no days back."""
    consulted = apply(township, clerk, received_on=D(2025, 5, 6))
    voided = apply(township, clerk, received_on=D(2025, 5, 6))
    for request in (consulted, voided):
        c = services.consultation_start(request=request, user=clerk, kind="third_party", party="青山农业有限公司",
                                        sent_on=D(2025, 5, 8))
        services.consultation_end(consultation=c, user=clerk, replied_on=D(2025, 5, 30), opinion="agree")
        services.request_reply(request=request, user=clerk, result="granted", replied_on=D(2025, 6, 20))
    voided.consultations.get().void(reason="登记错误", user=clerk)
    rate = registry.get("disclosure_response_rate")
    scope = Scope((township,), 2025)
    assert rate.counted_pks(scope) == {consulted.pk}
    assert (rate.compute(scope).numerator, rate.compute(scope).denominator) == (1, 2)


def test_the_rate_record_page_shows_the_same_figure(clerk_client, township, clerk):
    r = apply(township, clerk, received_on=D(2025, 3, 3))
    services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 3, 20))
    page = clerk_client.get("/indicators/disclosure_response_rate/records/?year=2025&org=T901").content.decode()
    assert 'data-count="100"' in page and r.tracking_number in page
    page = clerk_client.get("/indicators/disclosure_requests/records/?year=2025&org=T901").content.decode()
    assert 'data-count="1"' in page and f"/disclosure/requests/{r.pk}/" in page
