"""The sidebar: grouped, each group foldable, the groups of the user's own areas first and open."""
from __future__ import annotations

import re

import pytest

from fazhi.core.models import Role
from fazhi.testing.factories import UserFactory

GROUP = re.compile(r'<details data-nav-group="([^"]+)"( open)?>(.*?)</details>', re.S)


def groups(client, user, path="/"):
    client.force_login(user)
    return [(title, bool(opened), body) for title, opened, body in GROUP.findall(client.get(path).content.decode())]


@pytest.mark.parametrize("role, first", [
    (Role.LEGAL_REVIEWER, ["依法决策与审查"]),
    (Role.ENFORCEMENT_OFFICER, ["行政执法"]),
    (Role.JUDICIAL_OFFICE, ["社区矫正与安置帮教", "依法决策与审查", "普法宣传", "矛盾纠纷调处", "法律顾问与法律援助"]),
])
def test_the_roles_own_groups_come_first_and_open_the_others_folded(client, township, role, first):
    found = groups(client, UserFactory(organisation=township, role=role))
    assert [title for title, opened, _ in found if opened] == first
    assert [title for title, _, _ in found][:len(first)] == first
    assert len(found) > len(first) + 5  # every other group is still there, folded


def test_the_county_office_starts_with_its_own_pages(client, supervisor):
    found = groups(client, supervisor)
    assert found[0][0] == "县级监督" and found[0][1] and "县级监督：报告收集与比较" in found[0][2]
    assert not any(opened for _, opened, _ in found[1:])


def test_the_group_of_the_page_shown_is_open_and_marked(client, township):
    officer = UserFactory(organisation=township, role=Role.ENFORCEMENT_OFFICER)
    found = dict((t, (o, b)) for t, o, b in groups(client, officer, "/ledgers/publicity-events/"))
    opened, body = found["普法宣传"]
    assert opened and 'href="/ledgers/publicity-events/" aria-current="page"' in body


def test_no_link_to_disclosure_applications_for_an_enforcement_officer(client, township, clerk):
    officer = UserFactory(organisation=township, role=Role.ENFORCEMENT_OFFICER)
    assert "依申请公开" not in dict((t, b) for t, _, b in groups(client, officer))["政务公开"]
    assert "依申请公开" in dict((t, b) for t, _, b in groups(client, clerk))["政务公开"]
