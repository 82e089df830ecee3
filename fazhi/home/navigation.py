"""The sidebar: links grouped by area, each group collapsible, the groups of the user's own areas first and open.

"Own" is what the role handles (fazhi/core/roles.py WRITE_MATRIX): the clerk's ledgers and procedures, the reviewer's
review queue, the officer's enforcement, the 司法所's reviews, mediation, 普法 and corrections; the county's own pages
for the county office. The group of the page being shown is open too. Disclosure applications are not linked for
roles that may not open them (an enforcement officer).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from fazhi.core import roles
from fazhi.core.ledgers import all_ledgers
from fazhi.core.models import Role

COUNTY = "county"
SYSTEM = "system"


@dataclass
class Link:
    title: str
    url: str
    badge: int = 0
    current: bool = False


@dataclass
class Group:
    title: str
    areas: frozenset[str]
    links: list[Link] = field(default_factory=list)
    own: bool = False
    open: bool = False


def _own_areas(user) -> frozenset[str]:
    role = getattr(user, "role", None)
    if role in roles.WRITE_MATRIX:
        return roles.WRITE_MATRIX[role]
    if role == Role.COUNTY_SUPERVISOR:
        return frozenset({COUNTY})
    return frozenset({SYSTEM, COUNTY}) if user.is_staff or user.is_superuser else frozenset()


def _link(title: str, name: str, *args) -> Link:
    return Link(title, reverse(name, args=args))


def groups_for(user, path: str, reminders: int = 0) -> list[Group]:
    county_reader = user.role == Role.COUNTY_SUPERVISOR or user.is_superuser
    found: list[Group] = []
    if county_reader:
        found.append(Group("县级监督", frozenset({COUNTY}), [
            _link("县级监督：报告收集与比较", "oversight_index"), _link("各乡镇指标比较", "indicator_compare")]))
    if user.role == Role.JUDICIAL_OFFICE:
        found.append(Group("社区矫正与安置帮教", frozenset({"corrections"}), [
            _link("社区矫正与安置帮教", "corrections_index")]))
    found.append(Group("依法决策与审查", frozenset({"decisions", "reviews", roles.REVIEW_OPINION, "normative", "contracts"}), [
        _link("重大行政决策", "decision_list"), _link("合法性审查", "review_queue"),
        _link("行政规范性文件", "normative_list"), _link("合同协议", "contract_list")]))
    found.append(Group("行政执法", frozenset({"enforcement"}), [_link("行政执法", "enforcement_index")]))
    by_title: dict[str, Group] = {}
    for ledger in all_ledgers():
        group = by_title.get(ledger.group)
        if group is None:
            group = by_title[ledger.group] = Group(ledger.group, frozenset())
            found.append(group)
        group.areas = group.areas | {roles.area_of_model(ledger.model) or ""}
        group.links.append(_link(ledger.title, "ledger_list", ledger.slug))
    disclosure = by_title.get("政务公开")
    if disclosure is not None:
        if roles.may_read_disclosure(user):
            disclosure.links[:0] = [Link("政务公开首页", reverse("disclosure_dashboard"), badge=reminders),
                                    _link("依申请公开", "disclosure_request_list")]
        disclosure.links.append(_link("政府信息公开年报", "disclosure_report_index"))
    if user.is_staff:
        found.append(Group("系统", frozenset({SYSTEM}), [_link("组织与用户管理", "admin:index")]))

    own = _own_areas(user)
    for group in found:
        group.own = bool(group.areas & own)
        for link in group.links:
            link.current = path.startswith(link.url)
        group.open = group.own or any(link.current for link in group.links)
    return sorted(found, key=lambda g: not g.own)  # stable: own groups first, each part in its usual order


def workbench_links(user, path: str) -> list[Link]:
    """Always on top, never folded: the home page, the year's figures, the annual report."""
    links = [_link("待办", "home"), _link("年度指标", "dashboard"), _link("年度报告", "report_index")]
    for link in links:
        link.current = path == link.url if link.url == "/" else path.startswith(link.url)
    return links
