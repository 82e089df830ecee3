"""Steps of an application in an impossible order are refused, in the service and on the workbench, and nothing of
the refused step is saved (条例第三十条、第三十二条、第三十三条、第三十九条)."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Attachment
from fazhi.disclosure import services
from fazhi.disclosure.models import Consultation, DisclosureEvent, DisclosureRequest, NoticeKind
from fazhi.disclosure.notices import issue

D = dt.date
FIELDS = {"applicant_type": "natural", "applicant_name": "赵六", "contact": "13800138000",
          "description": "本镇2025年低保审核结果", "delivery": "email"}


def apply(township, clerk, received_on=D(2025, 11, 3)) -> DisclosureRequest:
    request, _ = services.request_create(organisation=township, fields=FIELDS, channel="in_person",
                                         received_on=received_on, user=clerk)
    return request


def unchanged(r: DisclosureRequest, events: int) -> DisclosureRequest:
    r.refresh_from_db()
    assert DisclosureEvent.objects.filter(request=r).count() == events
    return r


def test_a_reply_dated_before_the_extension_is_refused(township, clerk):
    r = apply(township, clerk)
    services.extension_grant(request=r, user=clerk, days=10, approved_by="王", approved_on=D(2025, 11, 20), reason="调档")
    with pytest.raises(ValidationError, match="不能早于已登记的“批准延期”日期"):
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 18))
    r = unchanged(r, 2)
    assert r.status == "received" and r.replied_on is None and r.result == ""
    services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 20))  # the same day is fine


def test_a_reply_dated_before_the_third_partys_opinion_arrived_is_refused(township, clerk):
    r = apply(township, clerk)
    c = services.consultation_start(request=r, user=clerk, kind="third_party", party="张三", sent_on=D(2025, 11, 5))
    with pytest.raises(ValidationError, match="第三十二条"):  # still open: its end comes first
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 20))
    services.consultation_end(consultation=c, user=clerk, replied_on=D(2025, 11, 24), opinion="agree")
    with pytest.raises(ValidationError, match="收到张三的意见"):
        services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 20))
    assert unchanged(r, 3).status == "received"


def test_an_extension_or_a_consultation_before_the_step_it_follows_is_refused(township, clerk):
    r = apply(township, clerk)
    services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 4), items="写明年份", deadline=D(2025, 11, 20))
    services.correction_receive(request=r, user=clerk, received_on=D(2025, 11, 10))
    with pytest.raises(ValidationError, match="收到补正"):
        services.extension_grant(request=r, user=clerk, days=10, approved_by="王", approved_on=D(2025, 11, 7), reason="x")
    with pytest.raises(ValidationError, match="不能早于"):
        services.consultation_start(request=r, user=clerk, kind="third_party", party="张三", sent_on=D(2025, 11, 7))
    r = unchanged(r, 3)
    assert r.extension_days is None or r.extension_days == 0
    assert not Consultation.objects.filter(request=r).exists()
    c = services.consultation_start(request=r, user=clerk, kind="third_party", party="张三", sent_on=D(2025, 11, 12))
    with pytest.raises(ValidationError, match="不能早于发出日期"):  # ended before it was sent
        services.consultation_end(consultation=c, user=clerk, replied_on=D(2025, 11, 11), opinion="agree")
    c.refresh_from_db()
    assert c.is_open


def test_nothing_can_follow_the_reply(township, clerk):
    r = apply(township, clerk)
    services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 10))
    with pytest.raises(ValidationError):
        services.extension_grant(request=r, user=clerk, days=10, approved_by="王", approved_on=D(2025, 11, 20), reason="x")
    with pytest.raises(ValidationError):
        services.consultation_start(request=r, user=clerk, kind="third_party", party="张三", sent_on=D(2025, 11, 12))
    with pytest.raises(ValidationError):
        services.correction_request(request=r, user=clerk, requested_on=D(2025, 11, 12), items="x", deadline=D(2025, 11, 30))
    assert unchanged(r, 2).extension_days in (None, 0)


def test_a_consulted_application_is_not_closed_as_a_petition(township, clerk):
    r = apply(township, clerk)
    c = services.consultation_start(request=r, user=clerk, kind="third_party", party="张三", sent_on=D(2025, 11, 5))
    services.consultation_end(consultation=c, user=clerk, replied_on=D(2025, 11, 12), opinion="agree")
    with pytest.raises(ValidationError, match="第三十九条"):
        services.request_reply(request=r, user=clerk, result="not_processed_petition", replied_on=D(2025, 11, 20),
                               summary="信访事项")
    assert unchanged(r, 3).status == "received"


def test_an_extension_recorded_after_the_reply_gets_no_notice(township, clerk):
    r = apply(township, clerk)
    services.request_reply(request=r, user=clerk, result="granted", replied_on=D(2025, 11, 10))
    DisclosureRequest.objects.filter(pk=r.pk).update(  # a record kept from before the order was checked
        extension_days=10, extension_approved_by="王", extension_approved_on=D(2025, 11, 20), extension_reason="x")
    r.refresh_from_db()
    assert NoticeKind.EXTENSION not in [a.kind for a in issue.available(r)]
    with pytest.raises(issue.NotApplicable):
        issue.compose(r, NoticeKind.EXTENSION)


PDF = SimpleUploadedFile("答复书.pdf", b"%PDF-1.4 reply", content_type="application/pdf")


def test_the_workbench_shows_the_refusal_and_saves_nothing(clerk_client, township, clerk):
    r = apply(township, clerk, received_on=D(2025, 9, 26))
    url = f"/disclosure/requests/{r.pk}/"
    ok = clerk_client.post(url + "extension/", {"days": "10", "approved_by": "王主任", "approved_on": "2025-10-20",
                                                "reason": "需调取档案"})
    assert ok.status_code == 302
    reply = clerk_client.post(url + "reply/", {"result": "granted", "replied_on": "2025-10-15", "summary": "",
                                               "files": [PDF]})
    page = reply.content.decode()
    assert reply.status_code == 400 and "不能早于已登记的“批准延期”日期" in page
    r.refresh_from_db()
    assert r.status == "received" and r.replied_on is None
    assert not Attachment.objects.filter(object_id=r.pk).exists()  # the uploaded reply is not kept either
    consult = clerk_client.post(url + "consultation/", {"kind": "third_party", "party": "张三", "sent_on": "2025-10-10"})
    assert consult.status_code == 400 and "不能早于" in consult.content.decode()
    assert not Consultation.objects.filter(request=r).exists()
