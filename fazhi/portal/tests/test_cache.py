"""The public pages are served from the cache, and a change to what feeds a page shows on it at once.

Each test reads a page (it is cached), reads it again (served from the cache), changes a record through the
service a clerk's click goes through, and reads the page again.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from fazhi.core.ledgers.services import record_void
from fazhi.core.models import Role
from fazhi.testing.factories import ProactiveReleaseFactory, UserFactory

D = dt.date


def read(client, path: str) -> tuple[str, str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode(), response.get("X-Portal-Cache", "")


def cached(client, path: str) -> str:
    """Read the page twice: the second answer comes from the cache."""
    first, _ = read(client, path)
    second, how = read(client, path)
    assert how == "hit" and _same_visitor_parts(second) == _same_visitor_parts(first)
    return second


def _same_visitor_parts(page: str) -> str:
    """Django masks the CSRF token afresh on every response, so two readings differ there only."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', page)


def fresh(client, path: str) -> str:
    text, how = read(client, path)
    assert how == "miss", "a page whose records changed must be rendered afresh"
    return text


# ---------------------------------------------------------------- every record that feeds a page

def test_a_release_shows_when_published_and_goes_when_voided(client, township, clerk):
    page = f"/portal/{township.code}/"
    assert "暂无主动公开信息" in cached(client, page)
    release = ProactiveReleaseFactory(organisation=township, title="关于甲镇2025年低保对象的公示", published_on=D(2025, 6, 10))
    assert "关于甲镇2025年低保对象的公示" in fresh(client, page)
    assert "关于甲镇2025年低保对象的公示" in cached(client, page)
    record_void(record=release, user=clerk, reason="重复录入")
    assert "关于甲镇2025年低保对象的公示" not in fresh(client, page)


def test_the_guide_edited_by_the_clerk(client, township, clerk):
    page = f"/portal/{township.code}/"
    assert "0791-1234567" not in cached(client, page)
    staff = Client()
    staff.force_login(clerk)
    response = staff.post("/disclosure/guide/", {"office_name": "党政综合办公室", "phone": "0791-1234567",
                                                 "office_hours": "工作日8:30—17:30"})
    assert response.status_code == 302
    assert "0791-1234567" in fresh(client, page)


def test_a_normative_document_published_then_repealed(client, township, clerk):
    from fazhi.normative import services
    from fazhi.testing.workflows import published_document

    page = f"/portal/{township.code}/documents/"
    assert "暂无现行有效的规范性文件" in cached(client, page)
    doc = published_document(township, clerk, title="甲镇集镇环境卫生管理办法")
    assert "甲镇集镇环境卫生管理办法" in fresh(client, page)
    cached(client, page)
    services.repeal_document(doc, user=clerk, repealed_on=timezone.localdate(), reason="上位法修改")
    assert "甲镇集镇环境卫生管理办法" not in fresh(client, page)


def test_a_catalog_and_a_decision_published(client, township, clerk):
    from fazhi.decisions import services
    from fazhi.decisions.choices import Stage
    from fazhi.decisions.tests.factories import SCHEDULE, decision_before, make_catalog, make_reviewer

    page = f"/portal/{township.code}/decisions/"
    assert "暂无公布的决策事项目录" in cached(client, page)
    catalog = make_catalog(township, clerk, published=False, title="甲镇2025年度重大行政决策事项目录")
    assert "甲镇2025年度重大行政决策事项目录" not in fresh(client, page)
    services.publish_catalog(catalog, user=clerk, party_approved_on=D(2025, 1, 20), published_on=D(2025, 1, 25))
    assert "甲镇2025年度重大行政决策事项目录" in fresh(client, page)
    decision = decision_before(township, clerk, make_reviewer(township), Stage.PUBLICATION, catalog=catalog)
    assert "同意整体搬迁" not in cached(client, page)
    services.publish_decision(decision, user=clerk, published_on=SCHEDULE[Stage.PUBLICATION], channel="镇政府网站",
                              adoption_explanation="采纳意见8条")
    assert "同意整体搬迁" in fresh(client, page)


def test_a_penalty_publicised_then_withdrawn_and_the_officers(client, township, clerk):
    from fazhi.enforcement import journey, services

    page = f"/portal/{township.code}/enforcement/"
    assert "暂无公示的行政处罚决定" in cached(client, page)
    officers = [journey.certified_officer(township, name, valid_until=D(2030, 12, 31), number=f"T901-00{i}", user=clerk)
                for i, name in enumerate(("王执法", "赵执法"), 1)]
    assert "T901-001" in fresh(client, page)  # an officer with a valid certificate is listed
    case = services.case_file(organisation=township, fields=journey.case_fields(), filed_on=D(2025, 3, 3), user=clerk)
    journey.take(case, until="closed", officers=officers, user=clerk,
                 reviewer=UserFactory(organisation=township, role=Role.LEGAL_REVIEWER))
    case.refresh_from_db()
    assert case.decision_number in fresh(client, page) and "张某某" not in cached(client, page)  # the name masked
    remedy = services.remedy_record(case, kind="reconsideration", filed_on=case.closed_on, user=clerk)
    services.remedy_conclude(remedy, result="annulled", result_on=case.closed_on + dt.timedelta(days=20), user=clerk)
    case.refresh_from_db()
    assert case.decision_number in cached(client, page)
    services.case_withdraw_publication(case, withdrawn_on=case.changed_on + dt.timedelta(days=1), user=clerk)
    assert case.decision_number not in fresh(client, page)


def test_a_consultation_opened_and_a_comment_approved(client, township, clerk):
    from fazhi.normative import services
    from fazhi.participation.models import PublicComment
    from fazhi.participation.services import moderate_comment

    listing = f"/portal/{township.code}/consultations/"
    assert "暂无征求意见稿" in cached(client, listing)
    doc = services.create_draft(organisation=township, user=clerk, fields=dict(
        title="甲镇门前三包管理办法", drafting_unit="城管办", affects_rights=True, draft_text="第一条 为了……"))
    today = timezone.localdate()
    period = services.open_public_comment(doc, user=clerk, opens_on=today - dt.timedelta(days=1),
                                          closes_on=today + dt.timedelta(days=29))
    assert "甲镇门前三包管理办法" in fresh(client, listing)
    page = f"/portal/{township.code}/consultations/{period.pk}/"
    cached(client, page)
    client.post(page, {"text": "建议明确责任区范围", "author_name": "张三丰"})
    assert "建议明确责任区范围" not in read(client, page)[0]  # waiting for moderation
    moderate_comment(PublicComment.objects.get(), user=clerk, approve=True)
    assert "建议明确责任区范围" in fresh(client, page) and "张**" in cached(client, page)


def test_the_annual_disclosure_report_finalised(client, township, clerk):
    from fazhi.disclosure.report_services import report_finalise

    page = f"/portal/{township.code}/"
    assert f"/portal/{township.code}/reports/2025/" not in cached(client, page)
    with time_machine.travel(dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone.utc)):
        report_finalise(organisation=township, year=2025, user=clerk)
        assert f"/portal/{township.code}/reports/2025/" in fresh(client, page)
        assert "2025年政府信息公开工作年度报告" in cached(client, f"/portal/{township.code}/reports/2025/")


def test_a_township_renamed_or_closed(client, township, other_township):
    assert "甲镇" in cached(client, "/portal/") and "甲镇政府信息公开" in cached(client, f"/portal/{township.code}/")
    township.name = "甲街道"
    township.save()
    assert "甲街道" in fresh(client, "/portal/") and "甲街道政府信息公开" in fresh(client, f"/portal/{township.code}/")
    township.is_active = False
    township.save()
    assert "甲街道" not in fresh(client, "/portal/")
    assert client.get(f"/portal/{township.code}/").status_code == 404


def test_a_change_in_one_township_leaves_the_others_cached(client, township, other_township):
    cached(client, f"/portal/{other_township.code}/")
    ProactiveReleaseFactory(organisation=township, title="甲镇的公示")
    assert read(client, f"/portal/{other_township.code}/")[1] == "hit"


def test_a_release_dated_tomorrow_appears_tomorrow(client, township):
    """Pages show what is published as of today (Beijing time): the date is part of what is cached."""
    with time_machine.travel(dt.datetime(2025, 6, 9, 15, 59, tzinfo=dt.timezone.utc)):  # 23:59 in Beijing
        ProactiveReleaseFactory(organisation=township, title="明天公开的公示", published_on=D(2025, 6, 10))
        assert "明天公开的公示" not in cached(client, f"/portal/{township.code}/")
    with time_machine.travel(dt.datetime(2025, 6, 9, 16, 1, tzinfo=dt.timezone.utc)):  # 00:01 on 10 June
        assert "明天公开的公示" in fresh(client, f"/portal/{township.code}/")


# ---------------------------------------------------------------- what is never shared between visitors

def test_the_application_form_gives_every_visitor_a_working_form_of_their_own(township):
    from fazhi.disclosure.models import DisclosureRequest

    page = f"/portal/{township.code}/apply/"
    Client().get(page)  # someone else's visit fills the cache
    keys, visitors = set(), []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(page)
        assert response["X-Portal-Cache"] == "hit" and "csrftoken" in response.cookies
        html = response.content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', html).group(1)
        keys.add(key)
        visitors.append((visitor, token, key))
    assert len(keys) == 2, "two visitors must never share one idempotency key"
    for i, (visitor, token, key) in enumerate(visitors):
        response = visitor.post(page, {"csrfmiddlewaretoken": token, "idempotency_key": key, "applicant_type": "natural",
                                       "applicant_name": f"王{i}", "contact": "13800000000", "description": "2025年低保名单",
                                       "delivery": "email", "email": "a@example.com"})
        assert response.status_code == 200 and "受理编号" in response.content.decode()
    assert DisclosureRequest.objects.count() == 2


def test_staff_and_status_lookups_are_never_served_from_the_cache(client, township, clerk):
    cached(client, f"/portal/{township.code}/")
    staff = Client()
    staff.force_login(clerk)
    assert "X-Portal-Cache" not in staff.get(f"/portal/{township.code}/")
    cached(client, "/portal/track/")
    lookup = client.get("/portal/track/", {"tracking_number": "T901-2025-0001", "contact": "13800000000"})
    assert lookup.status_code == 404 and "X-Portal-Cache" not in lookup
    missing = client.get(f"/portal/{township.code}/reports/2019/")
    assert missing.status_code == 404 and "X-Portal-Cache" not in missing


def test_query_parameters_the_page_does_not_read_share_one_entry(client, township):
    cached(client, f"/portal/{township.code}/?page=1")
    assert read(client, f"/portal/{township.code}/?page=1&utm_source=weixin")[1] == "hit"
    assert read(client, f"/portal/{township.code}/?page=abc")[1] == "hit"  # read as page 1, as the paginator does


def test_without_the_cache_server_the_pages_still_answer_and_saves_still_work(client, township, clerk, settings):
    dead = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    settings.CACHES = {"default": dead, "portal_versions": dead}
    release = ProactiveReleaseFactory(organisation=township, title="缓存服务器停机时的公示")
    response = client.get(f"/portal/{township.code}/")
    assert response.status_code == 200 and "缓存服务器停机时的公示" in response.content.decode()
    record_void(record=release, user=clerk, reason="重复录入")


# ---------------------------------------------------------------- queries per page, cold and warm

@pytest.fixture
def full_township(township, clerk):
    """A township with some of everything a public page shows."""
    from fazhi.disclosure.report_services import report_finalise
    from fazhi.enforcement import journey, services as enforcement
    from fazhi.normative import services as normative
    from fazhi.testing.workflows import published_document

    for i in range(40):
        ProactiveReleaseFactory(organisation=township, title=f"公示{i}")
    for i in range(3):
        published_document(township, clerk, title=f"办法{i}", prefix=f"甲府规{i}")
    officers = [journey.certified_officer(township, f"执法{i}", valid_until=D(2030, 12, 31), number=f"T901-{i:03d}",
                                          user=clerk) for i in range(6)]
    for _ in range(3):
        case = enforcement.case_file(organisation=township, fields=journey.case_fields(), filed_on=D(2025, 3, 3), user=clerk)
        journey.take(case, until="executing", officers=officers, user=clerk,
                     reviewer=UserFactory(organisation=township, role=Role.LEGAL_REVIEWER))
    doc = normative.create_draft(organisation=township, user=clerk, fields=dict(
        title="征求意见稿", drafting_unit="城管办", affects_rights=True, draft_text="第一条"))
    today = timezone.localdate()
    period = normative.open_public_comment(doc, user=clerk, opens_on=today, closes_on=today + dt.timedelta(days=29))
    with time_machine.travel(dt.datetime(2026, 1, 20, 10, tzinfo=dt.timezone.utc)):
        report_finalise(organisation=township, year=2025, user=clerk)
    return township, period


# Most queries a page may take when rendered afresh (data above: 40 releases, 6 officers, 3 penalties, …).
COLD = {"": 8, "documents/": 5, "decisions/": 6, "consultations/": 5, "enforcement/": 13, "apply/": 3,
        "reports/2025/": 4, "consultations/{period}/": 5}


@pytest.mark.parametrize("page", list(COLD))
def test_queries_per_page_cold_and_warm(client, full_township, page, django_assert_max_num_queries):
    township, period = full_township
    path = f"/portal/{township.code}/" + page.format(period=period.pk)
    with django_assert_max_num_queries(COLD[page]):
        assert client.get(path).status_code == 200
    with django_assert_max_num_queries(0):
        assert client.get(path)["X-Portal-Cache"] == "hit"


def test_portal_index_and_tracking_form_queries(client, full_township, django_assert_max_num_queries):
    for path in ("/portal/", "/portal/track/"):
        with django_assert_max_num_queries(2):
            client.get(path)
        with django_assert_max_num_queries(0):
            assert client.get(path)["X-Portal-Cache"] == "hit"
