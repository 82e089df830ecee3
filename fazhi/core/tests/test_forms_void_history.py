"""Entering records through the web forms: Chinese errors naming the field, voiding with a reason, history."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core import clock
from fazhi.core.models import HardDeleteForbidden
from fazhi.disputes.models import DisputeCase
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.learning.models import ExamRecord
from fazhi.publicity.models import PublicityEvent
from fazhi.testing.factories import PublicityEventFactory, VillageFactory

YEAR = clock.current_year() - 1
TOMORROW = clock.today() + dt.timedelta(days=1)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def event_form(**overrides):
    data = {
        "held_on": f"{YEAR}-05-20", "title": "宪法进村", "campaign": "to_villages", "channel": "offline",
        "audience": "100", "materials": "200", "consultations": "10",
    }
    data.update(overrides)
    return data


def test_a_valid_form_saves_with_its_author_and_history(clerk_client, clerk, township, village):
    response = clerk_client.post("/ledgers/publicity-events/new/", event_form(village=village.pk, save="1"))
    event = PublicityEvent.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ledgers/publicity-events/{event.pk}/"
    assert event.organisation == township and event.created_by == clerk and event.history.count() == 1


@pytest.mark.parametrize("overrides,message", [
    ({"materials": "-1"}, "发放资料（份）"),
    ({"held_on": TOMORROW.isoformat()}, "不能晚于今天"),
    ({"held_on": "1999-12-31"}, "早于2000年"),
    ({"title": ""}, "活动名称：该字段是必填项"),
    ({"audience": "一百"}, "整数"),
    ({"held_on": "2025-02-30"}, "有效的日期"),
])
def test_bad_input_is_refused_with_a_chinese_message(clerk_client, overrides, message):
    response = clerk_client.post("/ledgers/publicity-events/new/", event_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PublicityEvent.objects.count() == 0


def test_a_village_of_another_township_cannot_be_chosen(clerk_client, other_township):
    foreign = VillageFactory(parent=other_township)
    response = clerk_client.post("/ledgers/publicity-events/new/", event_form(village=foreign.pk))
    assert "选择一个有效的选项" in response.content.decode()
    assert PublicityEvent.objects.count() == 0


@pytest.mark.parametrize("overrides,message", [
    ({"outcome": "resolved", "agreement": "written", "closed_on": f"{YEAR}-03-01"}, "办结日期不能早于受理日期"),
    ({"outcome": "resolved", "agreement": "none", "closed_on": f"{YEAR}-04-20"}, "调解成功须有书面或口头协议"),
    ({"outcome": "open", "closed_on": f"{YEAR}-04-20"}, "调解中的纠纷不应有办结日期"),
    ({"outcome": "failed", "closed_on": ""}, "已办结的纠纷必须填写办结日期"),
    ({"parties_count": "1"}, "当事人数"),
])
def test_dispute_rules(clerk_client, overrides, message):
    data = {
        "received_on": f"{YEAR}-04-02", "summary": "宅基地纠纷", "category": "land", "parties_count": "2",
        "mediator": "王某", "mode": "peoples", "outcome": "open", "agreement": "none", **overrides,
    }
    response = clerk_client.post("/ledgers/disputes/new/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert DisputeCase.objects.count() == 0


@pytest.mark.parametrize("overrides,message", [
    ({"excellent": "on"}, "优秀的前提是合格"),
    ({"status": "absent", "score": "80"}, "未参考的人员不能有成绩"),
    ({"score": "120"}, "100"),
])
def test_exam_rules(clerk_client, overrides, message):
    data = {"exam_on": f"{YEAR}-10-15", "exam_name": "年度学法考试", "person_name": "张三", "status": "sat", **overrides}
    response = clerk_client.post("/ledgers/exam-records/new/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert ExamRecord.objects.count() == 0


def test_voiding_needs_a_reason_keeps_the_row_and_drops_it_from_figures(clerk_client, township):
    event = PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1))
    scope = Scope.for_org(township, YEAR)
    assert registry.get("publicity_events").compute(scope).value == 1

    clerk_client.post(f"/ledgers/publicity-events/{event.pk}/void/", {"reason": ""})
    event.refresh_from_db()
    assert not event.is_void

    clerk_client.post(f"/ledgers/publicity-events/{event.pk}/void/", {"reason": "重复录入"})
    event.refresh_from_db()
    assert event.is_void and event.void_reason == "重复录入"
    assert registry.get("publicity_events").compute(scope).value == 0
    assert 'data-count="0"' in clerk_client.get("/ledgers/publicity-events/").content.decode()
    assert 'data-count="1"' in clerk_client.get("/ledgers/publicity-events/?voided=1").content.decode()
    page = clerk_client.get(f"/ledgers/publicity-events/{event.pk}/").content.decode()
    assert "作废，原因：重复录入" in page
    assert clerk_client.get(f"/ledgers/publicity-events/{event.pk}/edit/").status_code == 403


def test_records_cannot_be_hard_deleted(township):
    event = PublicityEventFactory(organisation=township)
    with pytest.raises(HardDeleteForbidden):
        event.delete()
    with pytest.raises(HardDeleteForbidden):
        PublicityEvent.objects.all().delete()
    assert PublicityEvent.objects.count() == 1


def test_an_edit_shows_in_the_record_history_with_old_and_new_values(clerk_client, clerk, township):
    event = PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 5, 1), materials=200)
    data = event_form(held_on=f"{YEAR}-05-01", title=event.title, materials="350", save="1")
    assert clerk_client.post(f"/ledgers/publicity-events/{event.pk}/edit/", data).status_code == 302
    page = clerk_client.get(f"/ledgers/publicity-events/{event.pk}/").content.decode()
    assert "发放资料（份）：200 → 350" in page
    assert str(clerk) in page
