"""The dashboard of the year's figures, and the record list behind every figure."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.kit.years import year_param
from fazhi.core.ledgers.excel import display_value
from fazhi.core.scoping import readable_orgs, resolve_org
from fazhi.indicators import aggregates, areas, attention, registry
from fazhi.indicators.registry import Kind, Scope


ATTENTION_MAX_ORGS = 60
COMPARE_MAX = 200  # townships in one comparison table


def scope_from_request(request) -> tuple[Scope, object]:
    """(scope, organisation) for ?org=CODE&year=YYYY within what the user may read."""
    year = year_param(request, timezone.localdate().year - 1)
    org = resolve_org(request.user, request.GET.get("org"))
    if org is not None:
        return Scope((org,), year), org
    orgs = tuple(readable_orgs(request.user).order_by("code"))
    return Scope(orgs, year), None


@login_required
def dashboard(request):
    scope, org = scope_from_request(request)
    previous = scope.previous_year()
    pending = []
    if len(scope.organisations) > 1:  # a county or the province: add up the stored township-year figures
        pending = [aggregates.refresh_for_page(s.organisations, s.year) for s in (scope, previous)]
        now = aggregates.figures(scope, refresh_first=False)
        before = aggregates.figures(previous, refresh_first=False)
        rows = [{"figure": now[i.key], "last": before[i.key] if i.connected else None} for i in registry.all_indicators()]
    else:
        rows = []
        for indicator in registry.all_indicators():
            figure = indicator.compute(scope)
            last = indicator.compute(previous) if indicator.connected else None
            rows.append({"figure": figure, "last": last})
    this_year = timezone.localdate().year
    groups = areas.grouped(rows, key=lambda row: row["figure"].key)
    charts = area_charts(groups, scope.year)
    charted = {chart["area"] for chart in charts["areas"]}
    return render(request, "indicators/dashboard.html", {
        "rows": rows,
        "groups": [{"area": area, "rows": found, "chart": area.key in charted,
                    "connected": sum(1 for r in found if r["figure"].indicator.connected)} for area, found in groups],
        "charts": charts,
        "pending": pending,
        "scope": scope,
        "org": org,
        "orgs": readable_orgs(request.user).order_by("code"),
        "years": list(range(this_year, this_year - 6, -1)),
        "connected": sum(1 for r in rows if r["figure"].indicator.connected),
        # what needs doing is listed for a township or a county; the province dashboard shows figures only
        "attention": attention.items(scope.organisations, timezone.localdate()) if len(scope.organisations) <= ATTENTION_MAX_ORGS else [],
    })


def area_charts(groups, year: int) -> dict:
    """For each area, its counts this year beside last year (the area's chart); rates and sums stay in the tiles,
    where their units do not share one axis with the counts."""
    charts = []
    for area, rows in groups:
        counted = [r for r in rows if r["figure"].indicator.connected and r["figure"].indicator.kind == Kind.COUNT
                   and (r["figure"].has_data or (r["last"] is not None and r["last"].has_data))]
        if counted:
            charts.append({
                "area": area.key,
                "labels": [r["figure"].indicator.label for r in counted],
                "values": [r["figure"].json_value() for r in counted],
                "last": [r["last"].json_value() if r["last"] is not None else None for r in counted],
            })
    return {"year": year, "areas": charts}


@login_required
def indicator_records(request, key: str):
    try:
        indicator = registry.get(key)
    except KeyError:
        raise Http404("没有这个指标")
    if not indicator.connected:
        raise Http404("该指标所属模块尚未接入")
    scope, org = scope_from_request(request)
    figure = indicator.compute(scope)
    ledger = indicator.source()
    may_list = getattr(ledger, "may_list", None)
    if may_list is not None and not may_list(request.user, scope):  # sensitive records: the figure, not the people
        return render(request, "indicators/records_restricted.html", {
            "indicator": indicator, "figure": figure, "scope": scope, "org": org, "ledger": ledger,
        })
    rows = indicator.records(scope).select_related("organisation").order_by(*ledger.model._meta.ordering)
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    fields = list(ledger.list_fields)
    marker = None
    if indicator.kind == Kind.RATE:
        marker = indicator.counted_pks(scope)
    elif indicator.kind == Kind.SUM and indicator.sum_field not in fields:
        fields.append(indicator.sum_field)
    table = []
    objects = list(page.object_list)
    for obj, extra in zip(objects, ledger.computed_cells(objects)):
        table.append({
            "object": obj,
            "cells": [display_value(obj, n) for n in fields] + extra,
            "counted": None if marker is None else obj.pk in marker,
            "url": ledger.detail_url(obj),
        })
    return render(request, "indicators/records.html", {
        "indicator": indicator,
        "figure": figure,
        "scope": scope,
        "org": org,
        "ledger": ledger,
        "headers": [ledger.label(n) for n in fields] + [label for label, _ in ledger.computed],
        "sum_label": ledger.label(indicator.sum_field) if indicator.kind == Kind.SUM else "",
        "table": table,
        "page": page,
        "multi_org": len(scope.organisations) > 1,
    })


@login_required
def compare(request):
    """Townships side by side for one year (a county's, or all the user may read), one row per township."""
    year = year_param(request, timezone.localdate().year - 1)
    orgs = readable_orgs(request.user).order_by("code")
    county_code = request.GET.get("county", "")
    if county_code:
        orgs = orgs.filter(parent__code=county_code)
    townships = list(orgs.select_related("parent")[:COMPARE_MAX])
    indicators = [i for i in registry.all_indicators() if i.connected]
    chosen = [k for k in request.GET.getlist("key") if any(i.key == k for i in indicators)]
    if chosen:
        indicators = [i for i in indicators if i.key in chosen]
    pending = aggregates.refresh_for_page(townships, year)
    figures = aggregates.by_township(townships, year, refresh_first=False)
    sort = request.GET.get("sort", "")
    rows = [(t, [figures[t.pk].get(i.key) for i in indicators]) for t in townships]
    if sort and any(i.key == sort for i in indicators):
        column = [i.key for i in indicators].index(sort)
        rows.sort(key=lambda r: (r[1][column] is None or r[1][column].value is None,
                                 -(r[1][column].value or 0) if r[1][column] else 0))
    this_year = timezone.localdate().year
    return render(request, "indicators/compare.html", {
        "year": year, "rows": rows, "indicators": indicators, "years": list(range(this_year, this_year - 6, -1)),
        "sort": sort, "county": county_code, "truncated": orgs.count() > COMPARE_MAX, "pending": [pending],
    })
