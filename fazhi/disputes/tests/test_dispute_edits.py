"""Editing a dispute keeps the mediation rules, and the year's figures follow the edit."""
from __future__ import annotations

import datetime as dt

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import YEAR, form_data
from fazhi.disputes.models import DisputeCase
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import DisputeCaseFactory

LEDGER = get_ledger("disputes")


def an_open_case(township):
    return DisputeCaseFactory(
        organisation=township, received_on=dt.date(YEAR, 3, 1), closed_on=None, outcome="open", agreement="none",
        summary="土地边界纠纷",
    )


def edit(client, township, case, **changes):
    data = form_data(LEDGER, township, received_on=case.received_on.isoformat(), summary=case.summary, **changes)
    return client.post(f"/ledgers/disputes/{case.pk}/edit/", data)


def figures(township):
    scope = Scope.for_org(township, YEAR)
    return {k: registry.get(k).compute(scope).display for k in ("disputes_handled", "disputes_resolved", "dispute_success_rate")}


def test_closing_a_case_as_resolved_needs_an_agreement_and_a_closing_date(clerk_client, township):
    case = an_open_case(township)
    for changes, message in (
        ({"outcome": "resolved", "agreement": "none", "closed_on": f"{YEAR}-03-20"}, "调解成功须有书面或口头协议"),
        ({"outcome": "resolved", "agreement": "written", "closed_on": ""}, "已办结的纠纷必须填写办结日期"),
        ({"outcome": "resolved", "agreement": "written", "closed_on": f"{YEAR}-02-28"}, "办结日期不能早于受理日期"),
    ):
        response = edit(clerk_client, township, case, **changes)
        assert response.status_code == 200 and message in response.content.decode()
    case.refresh_from_db()
    assert case.outcome == "open" and case.history.count() == 1


def test_the_figures_follow_a_case_as_it_is_closed(clerk_client, township):
    case = an_open_case(township)
    assert figures(township) == {"disputes_handled": "1", "disputes_resolved": "0", "dispute_success_rate": "—"}
    response = edit(clerk_client, township, case, outcome="failed", agreement="none", closed_on=f"{YEAR}-03-10")
    assert response.status_code == 302
    assert figures(township) == {"disputes_handled": "1", "disputes_resolved": "0", "dispute_success_rate": "0"}
    response = edit(clerk_client, township, case, outcome="resolved", agreement="oral", closed_on=f"{YEAR}-03-12")
    assert response.status_code == 302
    assert figures(township) == {"disputes_handled": "1", "disputes_resolved": "1", "dispute_success_rate": "100"}
    page = clerk_client.get(f"/ledgers/disputes/{case.pk}/").content.decode()
    assert "调处结果：调解不成 → 调解成功" in page and "协议形式：无 → 口头协议（已记录）" in page


def test_a_case_received_last_year_and_closed_this_year_counts_where_it_happened(township):
    DisputeCaseFactory(organisation=township, received_on=dt.date(YEAR - 1, 12, 28), closed_on=dt.date(YEAR, 1, 6))
    this_year, last_year = Scope.for_org(township, YEAR), Scope.for_org(township, YEAR - 1)
    assert registry.get("disputes_handled").compute(last_year).value == 1
    assert registry.get("disputes_handled").compute(this_year).value == 0
    assert registry.get("disputes_resolved").compute(this_year).value == 1
    assert registry.get("dispute_success_rate").compute(last_year).value is None


def test_the_form_offers_every_category_and_mode_in_chinese(clerk_client):
    page = clerk_client.get("/ledgers/disputes/new/").content.decode()
    for label in ("土地山林", "劳动劳资", "婚姻家庭", "邻里纠纷", "人民调解", "行政调解", "司法调解", "调解中", "书面调解协议"):
        assert label in page
    assert DisputeCase.objects.count() == 0
