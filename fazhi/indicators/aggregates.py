"""Reading and maintaining the precomputed township-year figures (fazhi/indicators/models.py).

- ``mark_stale(org_id)``: any change to a township's records marks all its years stale (a record can count
  in more than one year: an application received in one year and answered in the next).
- ``refresh(orgs, year, budget=None)``: recompute the stale (or never computed) township-years among ``orgs``;
  pages call ``refresh_for_page``, which stops after ``FAZHI_AGGREGATE_REFRESH_SECONDS`` and reports what is
  left (``pending``) so the page can say which figures are not yet current.
- ``figures(scope)``: the scope's figures from the stored rows — counts and sums added up, rates
  recomputed from their summed numerators and denominators (never an average of rates).
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from fazhi.indicators import registry
from fazhi.indicators.models import Aggregate, AggregateState
from fazhi.indicators.registry import Figure, Kind, Scope, _rate


def mark_stale(organisation_id: int | None) -> None:
    if organisation_id:
        AggregateState.objects.filter(organisation_id=organisation_id).update(stale=True)


def mark_all_stale() -> None:
    AggregateState.objects.update(stale=True)


def _needs_refresh(org_ids: list[int], year: int, today: dt.date) -> list[int]:
    """The township-years to recompute, most urgent first: never computed, then changed records, then figures
    of a running year computed on an earlier day (they depend on the date: overdue items, rosters as of today)."""
    states = {s.organisation_id: s for s in AggregateState.objects.filter(organisation_id__in=org_ids, year=year)}
    dated = year >= today.year - 1  # a running (or just-ended) year's figures change with the date

    def urgency(pk: int) -> int | None:
        state = states.get(pk)
        if state is None or state.computed_on is None:
            return 0
        if state.stale:
            return 1
        if dated and state.computed_on != today:
            return 2
        return None

    todo = [(u, pk) for pk in org_ids if (u := urgency(pk)) is not None]
    return [pk for _, pk in sorted(todo)]


def refresh_one(organisation, year: int, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
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
        Aggregate.objects.filter(organisation=organisation, year=year).delete()
        Aggregate.objects.bulk_create(rows)
        AggregateState.objects.update_or_create(
            organisation=organisation, year=year, defaults={"stale": False, "computed_on": today},
        )


def page_budget() -> float | None:
    """Seconds a page may spend recomputing before it shows the rest as last computed (None: no limit)."""
    seconds = getattr(settings, "FAZHI_AGGREGATE_REFRESH_SECONDS", 1.5)
    return seconds if seconds and seconds > 0 else None


def refresh(organisations, year: int, today: dt.date | None = None, budget: float | None = None) -> int:
    """Recompute the township-years that need it; with a ``budget`` (seconds), stop starting new ones once it is
    spent — what is left stays as last computed and is reported by ``pending``. Returns how many were done."""
    today = today or timezone.localdate()
    by_id = {o.pk: o for o in organisations}
    started = time.monotonic()
    done = 0
    for pk in _needs_refresh(list(by_id), year, today):
        if budget is not None and done and time.monotonic() - started >= budget:
            break
        refresh_one(by_id[pk], year, today)
        done += 1
    return done


@dataclass(frozen=True)
class Pending:
    """Township-years whose stored figures are not current, after a budgeted refresh."""

    year: int
    count: int  # township-years shown as last computed (or missing, if never computed)
    never_computed: int
    oldest: dt.date | None  # the earliest day a figure shown was computed

    def __bool__(self) -> bool:
        return self.count > 0


def pending(organisations, year: int, today: dt.date | None = None) -> Pending:
    today = today or timezone.localdate()
    org_ids = [o.pk for o in organisations]
    todo = _needs_refresh(org_ids, year, today)
    if not todo:
        return Pending(year, 0, 0, None)
    states = AggregateState.objects.filter(organisation_id__in=todo, year=year, computed_on__isnull=False)
    oldest = min(states.values_list("computed_on", flat=True), default=None)
    return Pending(year, len(todo), len(todo) - states.count(), oldest)


def refresh_for_page(organisations, year: int, today: dt.date | None = None) -> Pending:
    """What a county or province page does before reading: recompute within the page budget, hand the rest to
    a background job (when Redis is configured; otherwise the next page view or the nightly command goes on)."""
    organisations = list(organisations)
    refresh(organisations, year, today, budget=page_budget())
    left = pending(organisations, year, today)
    if left:
        from django.core.cache import cache

        from fazhi.core import jobs

        ids = sorted(o.pk for o in organisations)
        if cache.add(f"fazhi:aggregates-job:{year}:{hash(tuple(ids))}", 1, timeout=300):  # one job, not one per view
            jobs.enqueue("indicators.refresh", year=year, organisation_ids=ids)
    return left


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
            out[indicator.key] = Figure(indicator, scope, _rate(num, den), has_data=den > 0, row_count=int(t["rows"] or 0),
                                        numerator=num, denominator=den)
        else:
            value = t["value"] or Decimal(0)
            value = int(value) if value == value.to_integral_value() else value
            out[indicator.key] = Figure(indicator, scope, value, has_data=bool(t["any_data"]), row_count=int(t["rows"] or 0))
    return out


def _totals(scope: Scope) -> dict[str, dict]:
    rows = (
        Aggregate.objects.filter(organisation__in=scope.org_ids, year=scope.year)
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
