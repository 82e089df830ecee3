"""The stored township-year figures never disagree with the live computation, after any change."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from fazhi.core import clock
from fazhi.indicators import aggregates, registry
from fazhi.core.tests.redis_fixture import redis_jobs  # noqa: F401 - the fixture
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory
from fazhi.testing.workflows import published_document

Y = 2025


def live(scope):
    return {k: (f.value, f.numerator, f.denominator) for k, f in registry.compute_all(scope).items()}


def stored(scope):
    return {k: (f.value, f.numerator, f.denominator) for k, f in aggregates.figures(scope).items()}


def test_county_figures_equal_live_after_random_changes(county, township, other_township, clerk):
    rng = random.Random(7)
    scope = Scope.for_org(county, Y)
    assert stored(scope) == live(scope)
    for step in range(12):
        org = rng.choice([township, other_township])
        action = rng.choice(["event", "dispute", "void", "edit"])
        if action == "event":
            PublicityEventFactory(organisation=org, held_on=dt.date(Y, rng.randint(1, 12), 10), audience=rng.randint(1, 99))
        elif action == "dispute":
            DisputeCaseFactory(organisation=org, received_on=dt.date(Y, 3, 1))
        else:
            from fazhi.publicity.models import PublicityEvent

            event = PublicityEvent.objects.active().filter(organisation=org).first()
            if event is None:
                continue
            if action == "void":
                event.void(reason="测试", user=clerk)
            else:
                event.held_on = dt.date(Y - 1, 6, 1)  # moves to the previous year
                event.save()
        assert stored(scope) == live(scope), f"step {step}: {action}"
        assert stored(scope.previous_year()) == live(scope.previous_year())


def test_workflow_records_and_rates_add_up(county, township, other_township, clerk):
    published_document(township, clerk, published_on=dt.date(Y, 3, 14))
    scope = Scope.for_org(county, Y)
    aggregates.figures(scope)
    published_document(other_township, clerk, prefix="乙府规", published_on=dt.date(Y, 5, 6))
    figures = aggregates.figures(scope)
    assert figures["normative_docs_issued"].value == 2
    assert stored(scope) == live(scope)
    rate = figures["normative_filing_on_time_rate"]
    assert (rate.numerator, rate.denominator) == (0, 2)  # never filed: both late, summed not averaged


def test_the_county_dashboard_reads_the_stored_figures(client, supervisor, township, other_township):
    PublicityEventFactory(organisation=township, held_on=dt.date(Y, 5, 1))
    PublicityEventFactory(organisation=other_township, held_on=dt.date(Y, 5, 2))
    client.force_login(supervisor)
    page = client.get(f"/indicators/?year={Y}").content.decode()
    assert 'data-indicator="publicity_events" href="/indicators/publicity_events/records/?year=2025">2<' in page


@pytest.mark.parametrize("change", ["calendar"])
def test_a_calendar_change_marks_everything_stale(county, township, change):
    from fazhi.core.models import HolidayArrangement
    from fazhi.indicators.models import AggregateState

    aggregates.figures(Scope.for_org(county, Y))
    assert not AggregateState.objects.filter(stale=True).exists()
    HolidayArrangement.objects.create(year=2031, source="国办发明电〔2030〕1号")
    assert not AggregateState.objects.filter(stale=False).exists()


def test_comparison_shows_each_township_as_computed_live(client, supervisor, township, other_township, other_clerk):
    PublicityEventFactory(organisation=township, held_on=dt.date(Y, 5, 1))
    PublicityEventFactory(organisation=township, held_on=dt.date(Y, 6, 1))
    PublicityEventFactory(organisation=other_township, held_on=dt.date(Y, 5, 2))
    client.force_login(supervisor)
    page = client.get(f"/indicators/compare/?year={Y}&sort=publicity_events").content.decode()
    assert page.index('data-org="T901"') < page.index('data-org="T902"')  # 2 before 1
    for org in (township, other_township):
        live_value = registry.get("publicity_events").compute(Scope((org,), Y)).display
        assert f'href="/indicators/publicity_events/records/?year={Y}&org={org.code}">{live_value}<' in page
    client.force_login(other_clerk)  # a township clerk compares only what they may read: their own township
    own = client.get(f"/indicators/compare/?year={Y}").content.decode()
    assert 'data-org="T902"' in own and 'data-org="T901"' not in own


def test_a_page_recomputes_within_its_budget_and_says_what_is_not_yet_current(
        client, settings, supervisor, county, township, other_township, monkeypatch):
    from fazhi.core import jobs
    from fazhi.indicators.models import AggregateState

    queued = []
    monkeypatch.setattr(jobs, "enqueue_once", lambda name, **payload: queued.append((name, payload)) or True)
    scope = Scope.for_org(county, Y)
    aggregates.figures(scope)  # both townships computed
    PublicityEventFactory(organisation=township, held_on=dt.date(Y, 5, 1))
    PublicityEventFactory(organisation=other_township, held_on=dt.date(Y, 5, 2))  # both now stale
    settings.FAZHI_AGGREGATE_REFRESH_SECONDS = 1e-9  # one township-year per page view, then stop
    client.force_login(supervisor)
    page = client.get(f"/indicators/?year={Y}").content.decode()
    assert 'data-pending-figures="1"' in page and "正在后台重算" in page
    assert AggregateState.objects.filter(year=Y, stale=True).count() == 1
    assert queued and queued[0][0] == "indicators.refresh" and queued[0][1]["year"] == Y
    page = client.get(f"/indicators/?year={Y}").content.decode()  # the next view goes on where the last stopped
    assert "data-pending-figures" not in page
    assert stored(scope) == live(scope)


def test_changed_records_are_recomputed_before_figures_that_only_aged_a_day(county, township, other_township):
    from fazhi.indicators.models import AggregateState

    this_year = clock.current_year()
    aggregates.refresh([township, other_township], this_year, today=dt.date(this_year, 1, 5))
    PublicityEventFactory(organisation=other_township, held_on=dt.date(this_year, 1, 2))
    done = aggregates.refresh([township, other_township], this_year, today=dt.date(this_year, 1, 6), budget=1e-9)
    assert done == 1
    assert AggregateState.objects.get(organisation=other_township, year=this_year).stale is False
    left = aggregates.pending([township, other_township], this_year, today=dt.date(this_year, 1, 6))
    assert (left.count, left.never_computed, left.oldest) == (1, 0, dt.date(this_year, 1, 5))


def test_the_background_job_finishes_what_a_page_left(county, township, other_township):
    from fazhi.indicators import jobs as indicator_jobs

    indicator_jobs.refresh(year=Y, organisation_ids=[township.pk, other_township.pk])
    assert not aggregates.pending([township, other_township], Y)


def test_a_province_adds_up_county_sums_that_always_equal_their_townships(county, township, other_township, clerk):
    from fazhi.core.models import Organisation
    from fazhi.indicators.models import Aggregate
    from fazhi.testing.factories import CountyFactory, TownshipFactory

    second = CountyFactory(code="C800", name="二县")
    third_town = TownshipFactory(code="T801", name="丙镇", parent=second)
    for org, n in ((township, 2), (other_township, 1), (third_town, 4)):
        for day in range(1, n + 1):
            PublicityEventFactory(organisation=org, held_on=dt.date(Y, 3, day))
    province = Scope(tuple(Organisation.objects.filter(kind="township").order_by("code")), Y)
    assert stored(province) == live(province)
    assert Aggregate.objects.get(organisation=county, year=Y, key="publicity_events").value == 3  # the county's sum
    PublicityEventFactory(organisation=township, held_on=dt.date(Y, 4, 1))  # a change: the county sum follows
    assert aggregates.figures(province)["publicity_events"].value == 8
    assert Aggregate.objects.get(organisation=county, year=Y, key="publicity_events").value == 4
    other_township.parent = second  # 乙镇 moves to the other county
    other_township.save()
    assert stored(province) == live(province)
    assert stored(Scope.for_org(second, Y)) == live(Scope.for_org(second, Y))
    assert aggregates.figures(Scope.for_org(second, Y))["publicity_events"].value == 5
    partial = Scope((township, third_town), Y)  # not every township of either county: the townships' own rows
    assert stored(partial) == live(partial)


def test_a_change_queues_the_township_for_a_worker_which_recomputes_it(
        redis_jobs, county, township, other_township, django_capture_on_commit_callbacks):
    from fazhi.core import jobs
    from fazhi.indicators.models import Aggregate, AggregateState

    aggregates.figures(Scope.for_org(county, Y))
    with django_capture_on_commit_callbacks(execute=True):
        PublicityEventFactory(organisation=township, held_on=dt.date(Y, 5, 1))
        PublicityEventFactory(organisation=township, held_on=dt.date(Y, 5, 2))  # one job for the burst
    assert jobs.waiting() == [("indicators.refresh_township", {"organisation_id": township.pk})]
    assert jobs.run_pending() == 1
    assert not AggregateState.objects.filter(organisation=township, stale=True).exists()
    assert Aggregate.objects.get(organisation=county, year=Y, key="publicity_events").value == 2  # county sum too
    assert stored(Scope.for_org(county, Y)) == live(Scope.for_org(county, Y))
