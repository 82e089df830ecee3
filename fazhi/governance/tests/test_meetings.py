"""Rule-of-law meetings: what the form accepts and how an edit moves the year's figure."""
from __future__ import annotations

import datetime as dt

from fazhi.governance.models import Meeting
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import MeetingFactory
from fazhi.testing.ledger_data import YEAR, valid_post


def test_attendees_may_be_left_blank(clerk_client):
    response = clerk_client.post("/ledgers/meetings/new/", valid_post("meetings") | {"attendees": ""})
    assert response.status_code == 302 and Meeting.objects.get().attendees is None


def test_an_unknown_meeting_kind_is_refused(clerk_client):
    response = clerk_client.post("/ledgers/meetings/new/", valid_post("meetings") | {"kind": "banquet"})
    assert response.status_code == 200 and "会议类型：" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_unticking_rule_of_law_removes_the_meeting_from_the_figure_and_is_in_history(clerk_client, clerk, township):
    meeting = MeetingFactory(organisation=township, held_on=dt.date(YEAR, 5, 20), topic="研究法治建设")
    scope = Scope.for_org(township, YEAR)
    assert registry.get("rule_of_law_meetings").compute(scope).value == 1
    data = valid_post("meetings") | {"topic": "研究法治建设"}
    del data["on_rule_of_law"]
    assert clerk_client.post(f"/ledgers/meetings/{meeting.pk}/edit/", data).status_code == 302
    assert registry.get("rule_of_law_meetings").compute(scope).value == 0
    page = clerk_client.get(f"/ledgers/meetings/{meeting.pk}/").content.decode()
    assert "研究部署法治建设：是 → 否" in page and str(clerk) in page


def test_meetings_filter_by_kind(clerk_client, township):
    MeetingFactory(organisation=township, kind="party_committee")
    MeetingFactory(organisation=township, kind="other")
    assert 'data-count="1"' in clerk_client.get("/ledgers/meetings/?kind=other").content.decode()
    assert 'data-count="0"' in clerk_client.get("/ledgers/meetings/?kind=nonsense").content.decode()
