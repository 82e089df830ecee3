"""Public pages for drafts under comment and documents in force."""
from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from fazhi.normative import services
from fazhi.participation.models import CommentStatus, PublicComment
from fazhi.participation.services import moderate_comment
from fazhi.testing.workflows import published_document


@pytest.fixture
def period(township, clerk):
    doc = services.create_draft(organisation=township, user=clerk, fields=dict(
        title="甲镇集镇门前三包管理办法", drafting_unit="城管办", affects_rights=True, draft_text="第一条 为了……"))
    today = timezone.localdate()
    return services.open_public_comment(doc, user=clerk, opens_on=today - dt.timedelta(days=1), closes_on=today + dt.timedelta(days=29))


def test_the_public_reads_the_draft_and_comments(client, township, period):
    listing = client.get(f"/portal/{township.code}/consultations/").content.decode()
    assert "门前三包管理办法" in listing and "正在征求意见" in listing
    page = client.get(f"/portal/{township.code}/consultations/{period.pk}/")
    assert page.status_code == 200 and "第一条 为了" in page.content.decode()
    response = client.post(f"/portal/{township.code}/consultations/{period.pk}/",
                           {"text": "<img src=x onerror=alert(1)>建议明确责任区范围", "author_name": "张三丰", "contact": "13800000000"})
    assert response.status_code == 302
    comment = PublicComment.objects.get()
    assert comment.text == "建议明确责任区范围" and comment.status == CommentStatus.PENDING
    assert "建议明确责任区范围" not in client.get(f"/portal/{township.code}/consultations/{period.pk}/").content.decode()


def test_approved_comments_are_shown_masked(client, township, period, clerk):
    client.post(f"/portal/{township.code}/consultations/{period.pk}/", {"text": "建议明确责任区范围", "author_name": "张三丰",
                                                                         "contact": "13800000000"})
    moderate_comment(PublicComment.objects.get(), user=clerk, approve=True)
    body = client.get(f"/portal/{township.code}/consultations/{period.pk}/").content.decode()
    assert "建议明确责任区范围" in body and "张**" in body and "张三丰" not in body and "13800000000" not in body


def test_too_long_or_empty_comments_are_refused(client, township, period):
    url = f"/portal/{township.code}/consultations/{period.pk}/"
    assert client.post(url, {"text": "长" * 2001}).status_code == 400
    response = client.post(url, {"text": "<b></b>"})
    assert response.status_code == 400 and "至少5个字" in response.content.decode()
    assert not PublicComment.objects.exists()


def test_comments_are_rate_limited(client, township, period, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 2
    url = f"/portal/{township.code}/consultations/{period.pk}/"
    codes = [client.post(url, {"text": f"第{i}条意见内容"}).status_code for i in range(3)]
    assert codes == [302, 302, 429]
    assert PublicComment.objects.count() == 2


def test_closed_period_takes_no_comment(client, township, clerk):
    doc = services.create_draft(organisation=township, user=clerk, fields=dict(
        title="旧草案", drafting_unit="党政办", affects_rights=True, draft_text="正文"))
    period = services.open_public_comment(doc, user=clerk, opens_on=dt.date(2025, 1, 1), closes_on=dt.date(2025, 1, 31))
    response = client.post(f"/portal/{township.code}/consultations/{period.pk}/", {"text": "迟到的意见内容"})
    assert response.status_code == 400 and "已结束" in response.content.decode()


def test_other_townships_period_is_not_found_under_this_code(client, other_township, period):
    assert client.get(f"/portal/{other_township.code}/consultations/{period.pk}/").status_code == 404


def test_documents_in_force_only(client, township, clerk):
    assert "暂无现行有效" in client.get(f"/portal/{township.code}/documents/").content.decode()
    doc = published_document(township, clerk)
    services.create_draft(organisation=township, user=clerk, fields=dict(
        title="尚在起草的办法", drafting_unit="党政办", affects_rights=False, draft_text="正文"))
    body = client.get(f"/portal/{township.code}/documents/").content.decode()
    assert doc.doc_number in body and "甲府规〔2025〕1号" in body and "尚在起草的办法" not in body
    services.repeal_document(doc, user=clerk, repealed_on=dt.date(2025, 6, 1), reason="上位法修改")
    assert doc.doc_number not in client.get(f"/portal/{township.code}/documents/").content.decode()


def test_a_voided_draft_leaves_the_portal(client, township, clerk, period):
    url = f"/portal/{township.code}/consultations/{period.pk}/"
    assert client.get(url).status_code == 200
    client.force_login(clerk)
    doc_pk = period.subject_id
    assert client.post(f"/normative/{doc_pk}/void/", {"reason": "重复起草"}).status_code == 302
    client.logout()
    assert client.get(url).status_code == 404
    assert "门前三包" not in client.get(f"/portal/{township.code}/consultations/").content.decode()
