"""待办: what is due or overdue for one user, from every module, soonest first — the home page's list (issue 21).

Core imports no app (the import-linter contract "core imports no app"), so the modules' deadlines come in as
*sources* that the home app registers when Django starts (fazhi/home/apps.py), the way the ledgers register
themselves. A source names the area (fazhi/core/roles.py AREA_LABELS) whose staff handle its items and collects them
for a set of townships; this module decides which sources a user gets:

- township staff: the sources of the areas their role handles (``roles.WRITE_MATRIX``; disclosure applications
  only for ``roles.may_read_disclosure``), for their own township — due soon or overdue;
- the county supervisor: every township source for the county's townships, overdue items only, plus the county's
  own sources (submissions waiting for review, reports late at the county);
- the system administrator handles no township business: nothing.

Every due date is the module's own (its deadlines/selectors functions); nothing is recomputed here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from fazhi.core import roles
from fazhi.core.models import Organisation, Role
from fazhi.core.scoping import readable_orgs, writable_org

COUNTY = "county"  # the area of the county office's own sources (县依法治县办)
# Township sources the county does not get: its own COUNTY sources say the same from the county's side.
NOT_FOR_COUNTY = frozenset({"reports"})


@dataclass(frozen=True)
class Todo:
    kind: str  # what must be done, as a clerk says it: "依申请公开答复"
    title: str  # the record: "SFX01-2026-0007 本村2025年一事一议筹资筹劳方案"
    url: str  # the record's page
    due: dt.date | None  # the last day (None: no fixed day, do it now)
    organisation: str  # the township's name (the county sees several)
    note: str = ""  # one line: the rule or the state ("补正期限已过", "行政处罚法第六十条")

    def days_left(self, today: dt.date) -> int | None:
        return None if self.due is None else (self.due - today).days

    def is_overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.due < today

    def sort_key(self, today: dt.date) -> tuple:
        return (self.due or today, self.kind, self.title)


Collect = Callable[[list[Organisation], dt.date], Iterable[Todo]]


@dataclass(frozen=True)
class Source:
    area: str  # an area of roles.AREA_LABELS, or COUNTY
    collect: Collect


_SOURCES: list[Source] = []
_FIGURES: list[Callable] = []


def register(area: str, collect: Collect) -> Collect:
    """Add a source of to-dos (called once per source when the home app starts)."""
    if area != COUNTY and area not in roles.AREA_LABELS:
        raise ValueError(f"unknown area {area}")
    if not any(s.collect is collect for s in _SOURCES):
        _SOURCES.append(Source(area, collect))
    return collect


def register_figures(provider: Callable) -> Callable:
    """Add the provider of the home page's figures: ``provider(user, today) -> list`` of groups for the template."""
    if provider not in _FIGURES:
        _FIGURES.append(provider)
    return provider


def is_county(user) -> bool:
    return getattr(user, "role", None) == Role.COUNTY_SUPERVISOR


def handles(user, area: str) -> bool:
    """Whether this user's to-dos include the source's area."""
    role = getattr(user, "role", None)
    if is_county(user):
        return area not in NOT_FOR_COUNTY
    if role not in roles.WRITE_MATRIX or area == COUNTY:
        return False
    if area == "disclosure" and not roles.may_read_disclosure(user):
        return False
    return area in roles.WRITE_MATRIX[role]


def for_user(user, today: dt.date) -> list[Todo]:
    """The user's to-dos, soonest first (overdue first, undated ones counted as due today)."""
    if not user.is_authenticated or user.is_superuser or user.role == Role.ADMIN:
        return []
    if is_county(user):
        orgs = list(readable_orgs(user).order_by("code"))
    else:
        own = writable_org(user)
        orgs = [own] if own is not None else []
    if not orgs:
        return []
    found: list[Todo] = []
    for source in _SOURCES:
        if not handles(user, source.area):
            continue
        items = source.collect(orgs, today)
        if is_county(user) and source.area != COUNTY:
            items = [t for t in items if t.is_overdue(today)]
        found.extend(items)
    return sorted(found, key=lambda t: t.sort_key(today))


def figures_for(user, today: dt.date) -> list:
    groups: list = []
    for provider in _FIGURES:
        groups.extend(provider(user, today))
    return groups
