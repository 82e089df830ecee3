"""The report list's status column: 未开始 / 起草中 / 已报送 / 已退回 / 已接收, coloured by meaning (accepted green,
returned amber, waiting grey, not submitted after the county's deadline red)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from fazhi.core.models import Role
from fazhi.oversight.filing import accept_submission, return_submission, submit_report
from fazhi.oversight.tests.factories import saved_report
from fazhi.testing.factories import TownshipFactory, UserFactory

YEAR = 2025
BEIJING_NOON = dt.timezone(dt.timedelta(hours=8))


def _leader(org):
    return UserFactory(username=f"leader_{org.code}", organisation=org, role=Role.LEADER)


def _statuses(client, user) -> dict[str, tuple[str, str]]:
    """Township name → (status, its CSS class) as the list shows them."""
    client.force_login(user)
    page = client.get(reverse("report_index"), {"year": YEAR}).content.decode()
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>.*?<td data-status=\"([^\"]+)\">.*?class=\"tag (status-[a-z]+)\"", page, re.S)
    return {name: (status, css) for name, status, css in rows}


@pytest.fixture
def five_townships(county, township, other_township, clerk, supervisor):
    """甲镇 returned, 乙镇 not started, 丙镇 accepted, 丁镇 waiting for the county, 戊镇 drafting."""
    third, fourth, fifth = (TownshipFactory(code=f"T90{i}", name=name, parent=county)
                            for i, name in ((3, "丙镇"), (4, "丁镇"), (5, "戊镇")))
    with time_machine.travel(dt.datetime(2026, 2, 10, 12, tzinfo=BEIJING_NOON), tick=False):
        leaders = {org: _leader(org) for org in (township, third, fourth, fifth)}
        for org, leader in leaders.items():
            saved_report(org, YEAR, leader)
        sent = {org: submit_report(org, YEAR, leaders[org], "自查问题已核实") for org in (township, third, fourth)}
        return_submission(sent[township], supervisor, "请补充")
        accept_submission(sent[third], supervisor, "已收悉")

def test_the_status_column_says_where_each_report_stands(client, five_townships, supervisor):
    with time_machine.travel(dt.datetime(2026, 2, 20, 12, tzinfo=BEIJING_NOON), tick=False):
        assert _statuses(client, supervisor) == {
            "甲镇": ("已退回", "status-warn"), "乙镇": ("未开始", "status-neutral"), "丙镇": ("已接收", "status-ok"),
            "丁镇": ("已报送", "status-neutral"), "戊镇": ("起草中", "status-neutral"),
        }


def test_not_submitted_after_the_deadline_is_red(client, five_townships, supervisor):
    with time_machine.travel(dt.datetime(2026, 3, 2, 12, tzinfo=BEIJING_NOON), tick=False):  # due 2026-03-01
        statuses = _statuses(client, supervisor)
    assert statuses["乙镇"] == ("未开始", "status-bad") and statuses["戊镇"] == ("起草中", "status-bad")
    assert statuses["丁镇"] == ("已报送", "status-neutral")


def test_a_township_sees_its_own_row_only(client, five_townships, clerk):
    assert _statuses(client, clerk) == {"甲镇": ("已退回", "status-warn")}
