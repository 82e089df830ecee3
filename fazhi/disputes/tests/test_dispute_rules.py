"""The mediation ledger's own rules (人民调解法), as a clerk meets them on the form and the record page."""
from __future__ import annotations

import pytest

from fazhi.disputes.models import DisputeCase
from fazhi.testing.factories import DisputeCaseFactory
from fazhi.testing.ledger_data import YEAR, valid_post


def post(client, **overrides):
    return client.post("/ledgers/disputes/new/", {**valid_post("disputes"), **overrides})


@pytest.mark.parametrize("overrides", [
    {},
    {"outcome": "resolved", "agreement": "oral", "closed_on": f"{YEAR}-05-20"},
    {"outcome": "failed", "agreement": "none", "closed_on": f"{YEAR}-06-01"},
    {"outcome": "terminated", "agreement": "none", "closed_on": f"{YEAR}-06-01"},
])
def test_consistent_cases_are_saved(clerk_client, overrides):
    assert post(clerk_client, **overrides).status_code == 302
    assert DisputeCase.objects.count() == 1


@pytest.mark.parametrize("overrides,message", [
    ({"outcome": "failed", "agreement": "written", "closed_on": f"{YEAR}-06-01"}, "协议形式：只有调解成功的纠纷才有调解协议"),
    ({"outcome": "terminated", "agreement": "oral", "closed_on": f"{YEAR}-06-01"}, "协议形式：只有调解成功的纠纷才有调解协议"),
    ({"outcome": "resolved", "agreement": "none", "closed_on": f"{YEAR}-06-01"}, "协议形式：调解成功须有书面或口头协议"),
    ({"outcome": "resolved", "agreement": "written", "closed_on": f"{YEAR}-05-19"}, "办结日期：办结日期不能早于受理日期"),
    ({"outcome": "open", "closed_on": f"{YEAR}-06-01"}, "办结日期：调解中的纠纷不应有办结日期"),
    ({"outcome": "terminated", "agreement": "none"}, "办结日期：已办结的纠纷必须填写办结日期"),
    ({"outcome": "resolved", "agreement": "written", "closed_on": "2999-01-01"}, "“办结日期”不能晚于今天"),
    ({"mediator": ""}, "调解员：该字段是必填项"),
])
def test_inconsistent_cases_are_refused_naming_the_field(clerk_client, overrides, message):
    response = post(clerk_client, **overrides)
    assert response.status_code == 200 and message in response.content.decode()
    assert DisputeCase.objects.count() == 0


def test_closing_an_open_case_is_recorded_in_its_history(clerk_client, clerk, township):
    case = DisputeCaseFactory(organisation=township, outcome="open", agreement="none", closed_on=None,
                              received_on=f"{YEAR}-05-20", summary="邻里纠纷")
    data = valid_post("disputes") | {"outcome": "resolved", "agreement": "written", "closed_on": f"{YEAR}-06-02", "terms": "双方各退一步，重新划定边界"}
    assert clerk_client.post(f"/ledgers/disputes/{case.pk}/edit/", data).status_code == 302
    page = clerk_client.get(f"/ledgers/disputes/{case.pk}/").content.decode()
    assert "调处结果：调解中 → 调解成功" in page
    assert "协议形式：无 → 书面调解协议" in page
    assert f"办结日期：（空） → {YEAR}-06-02" in page
    assert "<td>修改</td>" in page and str(clerk) in page


def test_the_list_filters_by_outcome(clerk_client, township):
    DisputeCaseFactory(organisation=township)
    DisputeCaseFactory(organisation=township, outcome="open", agreement="none", closed_on=None)
    assert 'data-count="2"' in clerk_client.get("/ledgers/disputes/").content.decode()
    assert 'data-count="1"' in clerk_client.get("/ledgers/disputes/?outcome=open").content.decode()
