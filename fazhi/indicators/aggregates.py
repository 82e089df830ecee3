"""Reading and maintaining the precomputed township-year figures (fazhi/indicators/models.py).

- ``mark_stale(org_id)``: any change to a township's records marks all its years stale (a record can count
  in more than one year: an application received in one year and answered in the next).
- ``refresh(orgs, year, budget=None)``: recompute the stale (or never computed) township-years among ``orgs``;
  pages call ``refresh_for_page``, which stops after ``FAZHI_AGGREGATE_REFRESH_SECONDS`` and reports what is
  left (``pending``) so the page can say which figures are not yet current.
- ``figures(scope)``: the scope's figures from the stored rows — counts and sums added up, rates
  recomputed from their summed numerators and denominators (never an average of rates). Each county's sums are
  stored too (rebuilt whenever one of its townships is), so a province adds up counties, not townships.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind
from fazhi.indicators import registry
from fazhi.indicators.models import Aggregate, AggregateState
from fazhi.indicators.registry import Figure, Kind, Scope, percentage


def mark_stale(organisation_id: int | None) -> None:
    if organisation_id:
        # only rows not yet stale: a row already marked is not locked again, so records saved at once in one
        # township do not queue on it until each commits (bench/load.py: public applications)
        AggregateState.objects.filter(organisation_id=organisation_id, stale=False).update(stale=True)


def mark_all_stale() -> None:
    AggregateState.objects.update(stale=True)


def _states(org_ids: list[int], year: int) -> dict[int, tuple[dt.date | None, bool]]:
    rows = AggregateState.objects.filter(organisation_id__in=org_ids, year=year)
    return {pk: (on, stale) for pk, on, stale in rows.values_list("organisation_id", "computed_on", "stale")}


def _needs_refresh(org_ids: list[int], year: int, today: dt.date, states=None) -> list[int]:
    """The township-years to recompute, most urgent first: never computed, then changed records, then figures
    of a running year computed on an earlier day (they depend on the date: overdue items, rosters as of today)."""
    states = _states(org_ids, year) if states is None else states
    dated = year >= today.year - 1  # a running (or just-ended) year's figures change with the date

    def urgency(pk: int) -> int | None:
        computed_on, stale = states.get(pk, (None, True))
        if computed_on is None:
            return 0
        if stale:
            return 1
        if dated and computed_on != today:
            return 2
        return None

    todo = [(u, pk) for pk in org_ids if (u := urgency(pk)) is not None]
    return [pk for _, pk in sorted(todo)]


def refresh_one(organisation, year: int, today: dt.date | None = None) -> None:
    today = today or clock.today()
    scope = Scope((organisation,), year)
    rows = []
    for indicator in registry.all_indicators():
        if not indicator.connected:
            continue
        f = indicator.compute(scope)
        rows.append(Aggregate(
            organisation=organisation, year=year, key=indicator.key,
            value=None if f.value is None else Decimal(f.value), has_data=f.has_data, row_count=f.row_count,
            numerator=f.numerator, denominator=f.denominator,
        ))
    with transaction.atomic():
        # One refresh of a township at a time: two concurrent ones (a preview and a save) would each delete, then both
        # insert, and the second insert breaks the unique (organisation, year, key) constraint on PostgreSQL.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).exists()
        Aggregate.objects.filter(organisation=organisation, year=year).delete()
        Aggregate.objects.bulk_create(rows)
        AggregateState.objects.update_or_create(
            organisation=organisation, year=year, defaults={"stale": False, "computed_on": today},
        )
        if organisation.parent_id:
            _roll_up(organisation.parent_id, year, today)


def _roll_up(county_id: int, year: int, today: dt.date) -> None:
    """Store the county's sums of its townships' stored rows (rates as summed numerators and denominators), so a
    province page adds up dozens of counties instead of a thousand townships. Always equal to adding up the
    townships: rebuilt in the transaction that changes any of them, under a lock on the county."""
    Organisation.objects.select_for_update().filter(pk=county_id).exists()  # one roll-up of a county at a time
    sums = (
        Aggregate.objects.filter(organisation__parent_id=county_id, organisation__kind=OrgKind.TOWNSHIP, year=year)
        .values("key")
        .annotate(value=Sum("value"), rows=Sum("row_count"), num=Sum("numerator"), den=Sum("denominator"),
                  with_data=Count("pk", filter=Q(has_data=True)))
    )
    Aggregate.objects.filter(organisation_id=county_id, year=year).delete()
    Aggregate.objects.bulk_create([
        Aggregate(organisation_id=county_id, year=year, key=r["key"], value=r["value"], has_data=r["with_data"] > 0,
                  row_count=r["rows"] or 0, numerator=r["num"], denominator=r["den"])
        for r in sums
    ])
    AggregateState.objects.update_or_create(organisation_id=county_id, year=year,
                                            defaults={"stale": False, "computed_on": today})


def forget_roll_ups() -> None:
    """A township moved, joined or left a county: the county sums are rebuilt from the townships when next read."""
    counties = Organisation.objects.filter(kind=OrgKind.COUNTY)
    Aggregate.objects.filter(organisation__in=counties).delete()
    AggregateState.objects.filter(organisation__in=counties).delete()


def page_budget() -> float | None:
    """Seconds a page may spend recomputing before it shows the rest as last computed (None: no limit)."""
    seconds = getattr(settings, "FAZHI_AGGREGATE_REFRESH_SECONDS", 1.5)
    return seconds if seconds and seconds > 0 else None


def refresh(organisations, year: int, today: dt.date | None = None, budget: float | None = None) -> int:
    """Recompute the township-years that need it; with a ``budget`` (seconds), stop starting new ones once it is
    spent — what is left stays as last computed and is reported by ``pending``. Returns how many were done."""
    return len(_refresh(list(organisations), year, today or clock.today(), budget)[0])


def _refresh(organisations: list, year: int, today: dt.date, budget: float | None):
    """(done, left, states): the township ids recomputed, those left as they were, and their states before."""
    by_id = {o.pk: o for o in organisations}
    states = _states(list(by_id), year)
    todo = _needs_refresh(list(by_id), year, today, states)
    started = time.monotonic()
    done: list[int] = []
    for pk in todo:
        if budget is not None and done and time.monotonic() - started >= budget:
            break
        refresh_one(by_id[pk], year, today)
        done.append(pk)
    return done, todo[len(done):], states


@dataclass(frozen=True)
class Pending:
    """Township-years whose stored figures are not current, after a budgeted refresh."""

    year: int
    count: int  # township-years shown as last computed (or missing, if never computed)
    never_computed: int
    oldest: dt.date | None  # the earliest day a figure shown was computed

    def __bool__(self) -> bool:
        return self.count > 0


def _pending(year: int, left: list[int], states) -> Pending:
    computed = [states[pk][0] for pk in left if states.get(pk, (None,))[0] is not None]
    return Pending(year, len(left), len(left) - len(computed), min(computed, default=None))


def pending(organisations, year: int, today: dt.date | None = None) -> Pending:
    org_ids = [o.pk for o in organisations]
    states = _states(org_ids, year)
    return _pending(year, _needs_refresh(org_ids, year, today or clock.today(), states), states)


def refresh_for_page(organisations, year: int, today: dt.date | None = None) -> Pending:
    """What a county or province page does before reading: recompute within the page budget, hand the rest to
    a background job of the task queue (fazhi/core/jobs.py; the next page view or the nightly job goes on otherwise)."""
    organisations = list(organisations)
    _done, left_ids, states = _refresh(organisations, year, today or clock.today(), page_budget())
    left = _pending(year, left_ids, states)
    if left:
        from fazhi.core import jobs

        jobs.enqueue_once("indicators.refresh", year=year, organisation_ids=sorted(left_ids))  # one, not one per view
    return left


def refresh_township(organisation_id: int, today: dt.date | None = None) -> int:
    """Recompute every stale year of one township (the background job queued when its records change)."""
    today = today or clock.today()
    township = Organisation.objects.filter(pk=organisation_id, kind=OrgKind.TOWNSHIP).first()
    if township is None:
        return 0
    years = AggregateState.objects.filter(organisation=township, stale=True).values_list("year", flat=True)
    for year in sorted(years):
        refresh_one(township, year, today)
    return len(years)


def schedule_refresh(organisation_id: int | None) -> None:
    """After a township's records changed: let a worker recompute its stored figures now, so that county and
    province pages rarely find them stale (no Redis: the pages and the nightly run do it)."""
    if organisation_id:
        from fazhi.core import jobs

        jobs.enqueue_once("indicators.refresh_township", organisation_id=organisation_id)


def figures(scope: Scope, today: dt.date | None = None, *, refresh_first: bool = True) -> dict[str, Figure]:
    """The scope's figures from the stored rows, after recomputing what needs it (pages: ``refresh_for_page``
    first, then ``refresh_first=False``)."""
    if refresh_first:
        refresh(scope.organisations, scope.year, today)
    totals = _totals(scope)
    out: dict[str, Figure] = {}
    for indicator in registry.all_indicators():
        if not indicator.connected:
            out[indicator.key] = Figure(indicator, scope, None, has_data=False)
            continue
        t = totals.get(indicator.key)
        if t is None:
            out[indicator.key] = Figure(indicator, scope, 0 if indicator.kind != Kind.RATE else None, has_data=False)
            continue
        if indicator.kind == Kind.RATE:
            num, den = int(t["num"] or 0), int(t["den"] or 0)
            out[indicator.key] = Figure(indicator, scope, percentage(num, den), has_data=den > 0, row_count=int(t["rows"] or 0),
                                        numerator=num, denominator=den)
        else:
            value = t["value"] or Decimal(0)
            value = int(value) if value == value.to_integral_value() else value
            out[indicator.key] = Figure(indicator, scope, value, has_data=bool(t["any_data"]), row_count=int(t["rows"] or 0))
    return out


def _sources(scope: Scope) -> list[int]:
    """Whose stored rows add up to the scope: a county's sums where every township of that county is in the
    scope (rebuilding any that are missing), the townships' own rows for the rest."""
    ids = set(scope.org_ids)
    parents = {o.parent_id for o in scope.organisations if o.parent_id}
    members: dict[int, set[int]] = {}
    for parent, pk in Organisation.objects.filter(parent_id__in=parents, kind=OrgKind.TOWNSHIP).values_list("parent_id", "pk"):
        members.setdefault(parent, set()).add(pk)
    whole = [c for c, towns in members.items() if towns <= ids]
    rolled = set(AggregateState.objects.filter(organisation_id__in=whole, year=scope.year).values_list("organisation_id", flat=True))
    today = clock.today()
    for county in whole:
        if county not in rolled:
            with transaction.atomic():
                _roll_up(county, scope.year, today)
    covered = set().union(*(members[c] for c in whole)) if whole else set()
    return whole + [pk for pk in scope.org_ids if pk not in covered]


def _totals(scope: Scope) -> dict[str, dict]:
    rows = (
        Aggregate.objects.filter(organisation__in=_sources(scope), year=scope.year)
        .values("key")
        .annotate(value=Sum("value"), rows=Sum("row_count"), num=Sum("numerator"), den=Sum("denominator"),
                  with_data=Count("pk", filter=Q(has_data=True)))
    )
    return {r["key"]: {**r, "any_data": r["with_data"] > 0} for r in rows}


def by_township(organisations, year: int, today: dt.date | None = None, *,
                refresh_first: bool = True) -> dict[int, dict[str, Figure]]:
    """Each township's own figures for the year, from the stored rows (for side-by-side comparison)."""
    if refresh_first:
        refresh(organisations, year, today)
    indicators = {i.key: i for i in registry.all_indicators() if i.connected}
    out: dict[int, dict[str, Figure]] = {o.pk: {} for o in organisations}
    by_pk = {o.pk: o for o in organisations}
    rows = Aggregate.objects.filter(organisation__in=list(by_pk), year=year, key__in=list(indicators))
    for row in rows:
        indicator = indicators[row.key]
        value = row.value
        if value is not None and indicator.kind != Kind.RATE and value == value.to_integral_value():
            value = int(value)
        out[row.organisation_id][row.key] = Figure(
            indicator, Scope((by_pk[row.organisation_id],), year), value, has_data=row.has_data,
            row_count=row.row_count, numerator=row.numerator, denominator=row.denominator,
        )
    return out
