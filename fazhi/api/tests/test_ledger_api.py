"""The ledger API: same rules as the web forms, scoped to the user's township, nothing ever deleted."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from fazhi.api.tests.helpers import YEAR, api, chinese
from fazhi.disputes.models import DisputeCase
from fazhi.publicity.models import PublicityEvent
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory, VillageFactory

EVENTS = "/api/ledgers/publicity-events/"


def event_payload(**overrides):
    payload = {
        "held_on": f"{YEAR}-05-20", "title": "民法典宣传进村", "campaign": "civil_code_month", "channel": "offline",
        "place": "村委会", "audience": 120, "materials": 300, "consultations": 12,
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def event(township):
    return PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 3, 1))


def test_ledger_index_lists_every_ledger_with_its_fields(clerk):
    response = api(clerk).get("/api/ledgers/")
    slugs = {item["slug"] for item in response.json()}
    assert {"publicity-events", "legal-liaisons", "study-sessions", "exam-records", "meetings", "disputes"} <= slugs


def test_clerk_creates_reads_updates_and_voids(clerk, township, village):
    client = api(clerk)
    created = client.post(EVENTS, event_payload(village=village.pk), format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["organisation"] == township.code and body["campaign_display"] == "民法典宣传月"
    assert body["village_name"] == village.name
    url = f"{EVENTS}{body['id']}/"
    assert client.get(url).json()["materials"] == 300

    changed = client.patch(url, {"materials": 500}, format="json")
    assert changed.status_code == 200 and changed.json()["materials"] == 500
    obj = PublicityEvent.objects.get(pk=body["id"])
    assert obj.history.count() == 2 and obj.created_by == clerk

    voided = client.post(f"{url}void/", {"reason": "重复录入"}, format="json")
    assert voided.status_code == 200 and voided.json()["voided"] is True
    assert client.get(EVENTS, {"year": YEAR}).json()["count"] == 0
    assert PublicityEvent.objects.filter(pk=body["id"]).exists()


@pytest.mark.parametrize("overrides,field", [
    ({"materials": -5}, "materials"),
    ({"held_on": (dt.date.today() + dt.timedelta(days=3)).isoformat()}, "held_on"),
    ({"title": ""}, "title"),
    ({"audience": "很多"}, "audience"),
    ({"campaign": "no-such-campaign"}, "campaign"),
])
def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(clerk, overrides, field):
    response = api(clerk).post(EVENTS, event_payload(**overrides), format="json")
    assert response.status_code == 400
    assert chinese(" ".join(response.json()[field]))
    assert PublicityEvent.objects.count() == 0


def test_a_village_of_another_township_is_refused(clerk, other_township):
    foreign = VillageFactory(parent=other_township)
    response = api(clerk).post(EVENTS, event_payload(village=foreign.pk), format="json")
    assert response.status_code == 400 and "village" in response.json()
    assert PublicityEvent.objects.count() == 0


def test_a_dispute_rule_is_the_same_as_on_the_web(clerk):
    payload = {
        "received_on": f"{YEAR}-04-10", "summary": "邻里纠纷", "category": "neighbour", "parties_count": 2,
        "mediator": "王某", "mode": "peoples", "outcome": "resolved", "agreement": "none", "closed_on": f"{YEAR}-04-01",
    }
    response = api(clerk).post("/api/ledgers/disputes/", payload, format="json")
    assert response.status_code == 400
    assert "closed_on" in response.json() and "agreement" in response.json()
    assert DisputeCase.objects.count() == 0


def test_malformed_json_is_a_chinese_400(clerk):
    response = api(clerk).post(EVENTS, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "请求内容不是有效的 JSON"


def test_a_json_list_is_refused(clerk):
    response = api(clerk).post(EVENTS, data=json.dumps([1, 2]), content_type="application/json")
    assert response.status_code == 400 and chinese(json.dumps(response.json(), ensure_ascii=False))


def test_created_rows_belong_to_the_writers_township_whatever_is_posted(other_clerk, township, other_township):
    response = api(other_clerk).post(EVENTS, event_payload(organisation=township.pk), format="json")
    assert response.status_code == 201
    assert PublicityEvent.objects.get().organisation == other_township


def test_another_townships_clerk_cannot_see_or_touch_the_record(other_clerk, event):
    client = api(other_clerk)
    url = f"{EVENTS}{event.pk}/"
    assert client.get(url).status_code == 404
    assert client.patch(url, {"materials": 1}, format="json").status_code == 404
    assert client.put(url, event_payload(), format="json").status_code == 404
    assert client.post(f"{url}void/", {"reason": "x"}, format="json").status_code == 404
    assert client.get(EVENTS).json()["count"] == 0
    event.refresh_from_db()
    assert event.materials == 200 and not event.is_void


def test_the_county_supervisor_reads_everything_and_writes_nothing(supervisor, event, other_township):
    PublicityEventFactory(organisation=other_township, held_on=dt.date(YEAR, 4, 1))
    client = api(supervisor)
    assert client.get(EVENTS).json()["count"] == 2
    url = f"{EVENTS}{event.pk}/"
    assert client.get(url).status_code == 200
    for response in (
        client.post(EVENTS, event_payload(), format="json"),
        client.patch(url, {"materials": 1}, format="json"),
        client.post(f"{url}void/", {"reason": "x"}, format="json"),
    ):
        assert response.status_code == 403 and chinese(response.json()["detail"])
    assert PublicityEvent.objects.count() == 2


def test_delete_is_refused_and_the_record_stays(clerk, event):
    response = api(clerk).delete(f"{EVENTS}{event.pk}/")
    assert response.status_code == 405 and "作废" in response.json()["detail"]
    assert PublicityEvent.objects.filter(pk=event.pk).exists()


def test_a_voided_record_cannot_be_changed(clerk, event):
    event.void(reason="录错")
    response = api(clerk).patch(f"{EVENTS}{event.pk}/", {"materials": 1}, format="json")
    assert response.status_code == 403


def test_void_needs_a_reason(clerk, event):
    response = api(clerk).post(f"{EVENTS}{event.pk}/void/", {}, format="json")
    assert response.status_code == 400 and response.json()["reason"] == ["作废必须填写原因"]


def test_filters_work_like_the_web_list(clerk, township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 3, 1), channel="online")
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 3, 2))
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR - 1, 3, 2))
    client = api(clerk)
    assert client.get(EVENTS, {"year": YEAR}).json()["count"] == 2
    assert client.get(EVENTS, {"year": YEAR, "channel": "online"}).json()["count"] == 1


def test_anonymous_callers_get_a_chinese_refusal(db):
    response = api().get(EVENTS)
    assert response.status_code == 403 and chinese(response.json()["detail"])


def test_an_unknown_ledger_is_404(clerk):
    assert api(clerk).get("/api/ledgers/no-such-ledger/").status_code == 404


def test_disputes_factory_rows_are_listed(clerk, township):
    DisputeCaseFactory(organisation=township, received_on=dt.date(YEAR, 4, 2), closed_on=dt.date(YEAR, 4, 20))
    assert api(clerk).get("/api/ledgers/disputes/").json()["results"][0]["outcome_display"] == "调解成功"


def test_a_missing_required_key_is_refused(clerk):
    payload = event_payload()
    del payload["title"]
    response = api(clerk).post(EVENTS, payload, format="json")
    assert response.status_code == 400 and chinese(response.json()["title"]) and chinese(response.json()["detail"])
    assert PublicityEvent.objects.count() == 0


def test_fields_with_a_default_may_be_left_out_as_on_the_web_form(clerk):
    payload = {"received_on": f"{YEAR}-04-10", "summary": "邻里纠纷", "category": "neighbour", "mediator": "王某"}
    response = api(clerk).post("/api/ledgers/disputes/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["parties_count"] == 2 and response.json()["outcome_display"] == "调解中"


def test_the_api_and_the_web_form_give_the_same_errors(clerk, client):
    payload = {
        "received_on": f"{YEAR}-04-10", "summary": "邻里纠纷", "category": "neighbour", "parties_count": 1,
        "mediator": "王某", "mode": "peoples", "outcome": "resolved", "agreement": "none", "closed_on": f"{YEAR}-04-01",
    }
    api_errors = api(clerk).post("/api/ledgers/disputes/", payload, format="json").json()
    client.force_login(clerk)
    page = client.post(reverse("ledger_create", args=["disputes"]), payload)
    web_errors = {("non_field_errors" if k == "__all__" else k): v for k, v in page.context["form"].errors.items()}
    del api_errors["detail"]
    assert api_errors == web_errors and "parties_count" in web_errors
    assert DisputeCase.objects.count() == 0


def test_a_record_read_from_the_api_can_be_sent_back_with_put(clerk, event):
    client = api(clerk)
    url = f"{EVENTS}{event.pk}/"
    body = client.get(url).json()
    body["audience"] = 999
    response = client.put(url, body, format="json")
    assert response.status_code == 200, response.json()
    event.refresh_from_db()
    assert event.audience == 999 and event.history.count() == 2


def test_put_replaces_every_field(clerk, event):
    response = api(clerk).put(f"{EVENTS}{event.pk}/", {"materials": 1}, format="json")
    assert response.status_code == 400 and {"held_on", "title"} <= set(response.json())
    event.refresh_from_db()
    assert event.materials == 200


def test_voiding_twice_is_refused(clerk, event):
    client = api(clerk)
    assert client.post(f"{EVENTS}{event.pk}/void/", {"reason": "录错"}, format="json").status_code == 200
    response = client.post(f"{EVENTS}{event.pk}/void/", {"reason": "再次"}, format="json")
    assert response.status_code == 400 and response.json()["detail"] == "该记录已作废"
    event.refresh_from_db()
    assert event.void_reason == "录错"


def test_a_void_reason_over_200_characters_is_refused(clerk, event):
    response = api(clerk).post(f"{EVENTS}{event.pk}/void/", {"reason": "因" * 201}, format="json")
    assert response.status_code == 400 and chinese(response.json()["reason"])
    event.refresh_from_db()
    assert not event.is_void


def test_null_characters_in_a_payload_are_refused(clerk):
    response = api(clerk).post(EVENTS, event_payload(title="民法典\x00宣传"), format="json")
    assert response.status_code == 400 and "title" in response.json()
    assert PublicityEvent.objects.count() == 0


def test_search_and_the_org_filter(clerk, supervisor, township, other_township):
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 3, 1), title="宪法宣传周活动")
    PublicityEventFactory(organisation=township, held_on=dt.date(YEAR, 3, 2), title="禁毒宣传")
    PublicityEventFactory(organisation=other_township, held_on=dt.date(YEAR, 3, 2), title="宪法进校园")
    assert api(clerk).get(EVENTS, {"q": "宪法"}).json()["count"] == 1
    assert api(supervisor).get(EVENTS, {"q": "宪法"}).json()["count"] == 2
    assert api(supervisor).get(EVENTS, {"q": "宪法", "org": other_township.code}).json()["count"] == 1
