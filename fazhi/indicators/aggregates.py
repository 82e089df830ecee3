"""Reading and maintaining the precomputed township-year figures (fazhi/indicators/models.py).

- ``mark_stale(org_id)``: any change to a township's records marks all its years stale (a record can count
  in more than one year: an application received in one year and answered in the next).
- ``refresh(orgs, year)``: recompute the stale (or never computed) township-years among ``orgs``.
- ``figures(scope)``: the scope's figures from the stored rows — counts and sums added up, rates
  recomputed from their summed numerators and denominators (never an average of rates).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
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
    fresh = AggregateState.objects.filter(organisation_id__in=org_ids, year=year, stale=False)
    if year >= today.year - 1:  # a running (or just-ended) year's figures change with the date
        fresh = fresh.filter(computed_on=today)
    done = set(fresh.values_list("organisation_id", flat=True))
    return [pk for pk in org_ids if pk not in done]


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


def refresh(organisations, year: int, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    by_id = {o.pk: o for o in organisations}
    todo = _needs_refresh(list(by_id), year, today)
    for pk in todo:
        refresh_one(by_id[pk], year, today)
    return len(todo)


def figures(scope: Scope, today: dt.date | None = None) -> dict[str, Figure]:
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
        .annotate(value=Sum("value"), rows=Sum("row_count"), num=Sum("numerator"), den=Sum("denominator"))
    )
    with_data = set(
        Aggregate.objects.filter(organisation__in=scope.org_ids, year=scope.year, has_data=True)
        .values_list("key", flat=True).distinct()
    )
    return {r["key"]: {**r, "any_data": r["key"] in with_data} for r in rows}



def by_township(organisations, year: int, today: dt.date | None = None) -> dict[int, dict[str, Figure]]:
    """Each township's own figures for the year, from the stored rows (for side-by-side comparison)."""
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
