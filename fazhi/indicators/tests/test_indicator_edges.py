"""Indicator edges: the year's boundaries, rounding of rates, the extra figures beyond INDICATORS.md,
the numerator marks on a rate's record list, last year's figure, and scope of another county."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from fazhi.core import clock
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import (
    CourtObservationFactory, DisputeCaseFactory, ExamRecordFactory, LegalLiaisonFactory, LiaisonTrainingFactory,
    MeetingFactory, PublicityEventFactory, StudySessionFactory,
)

Y = clock.current_year() - 1
D = dt.date


def value(key, org, year=Y):
    return registry.get(key).compute(Scope.for_org(org, year)).value


def test_the_year_runs_from_1_january_to_31_december(township):
    PublicityEventFactory(organisation=township, held_on=D(Y, 1, 1), materials=1)
    PublicityEventFactory(organisation=township, held_on=D(Y, 12, 31), materials=10)
    PublicityEventFactory(organisation=township, held_on=D(Y - 1, 12, 31), materials=100)
    PublicityEventFactory(organisation=township, held_on=D(Y + 1, 1, 1), materials=1000)
    assert value("publicity_events", township) == 2
    assert value("publicity_materials", township) == 11
    assert value("publicity_materials", township, Y - 1) == 100


@pytest.mark.parametrize("passed,sat,expected", [
    (2, 3, Decimal("66.7")), (1, 3, Decimal("33.3")), (1, 16, Decimal("6.3")), (1, 6, Decimal("16.7")),
    (3, 3, Decimal("100.0")), (0, 2, Decimal("0.0")),
])
def test_rates_are_rounded_half_up_to_one_decimal(township, passed, sat, expected):
    for n in range(sat):
        ok = n < passed
        ExamRecordFactory(organisation=township, exam_on=D(Y, 10, 1), passed=ok, score=90 if ok else 30)
    figure = registry.get("exam_pass_rate").compute(Scope.for_org(township, Y))
    assert (figure.value, figure.numerator, figure.denominator) == (expected, passed, sat)


def test_a_rate_of_zero_is_zero_and_no_data_is_a_dash(township):
    figure = registry.get("dispute_success_rate").compute(Scope.for_org(township, Y))
    assert figure.value is None and figure.display == "—" and not figure.has_data
    DisputeCaseFactory(organisation=township, received_on=D(Y, 3, 1), closed_on=D(Y, 3, 9), outcome="failed", agreement="none")
    figure = registry.get("dispute_success_rate").compute(Scope.for_org(township, Y))
    assert figure.display == "0" and figure.has_data


def test_the_figures_beyond_the_fixed_keys(township, other_township):
    t = township
    StudySessionFactory(organisation=t, held_on=D(Y, 3, 1), led_by_principal=True)
    StudySessionFactory(organisation=t, held_on=D(Y, 4, 1), led_by_principal=False)
    MeetingFactory(organisation=t, held_on=D(Y, 2, 1), chaired_by_principal=True)
    MeetingFactory(organisation=t, held_on=D(Y, 2, 2), chaired_by_principal=True, on_rule_of_law=False)
    MeetingFactory(organisation=t, held_on=D(Y, 2, 3), chaired_by_principal=True, kind="other")
    ExamRecordFactory(organisation=t, exam_on=D(Y, 10, 1), passed=True, excellent=True)
    ExamRecordFactory(organisation=t, exam_on=D(Y, 10, 1), passed=True, excellent=False)
    ExamRecordFactory(organisation=t, exam_on=D(Y, 10, 1), passed=False, score=20)
    ExamRecordFactory(organisation=t, exam_on=D(Y, 10, 1), passed=True, excellent=True).void(reason="重复")
    LiaisonTrainingFactory(organisation=t, held_on=D(Y, 4, 1), participants=30)
    LiaisonTrainingFactory(organisation=t, held_on=D(Y, 9, 1), participants=45)
    LiaisonTrainingFactory(organisation=other_township, held_on=D(Y, 9, 1), participants=99)
    CourtObservationFactory(organisation=t, held_on=D(Y, 6, 1), attendees=12)
    CourtObservationFactory(organisation=t, held_on=D(Y, 11, 1), attendees=8)
    PublicityEventFactory(organisation=t, held_on=D(Y, 6, 1), channel="online")
    PublicityEventFactory(organisation=t, held_on=D(Y, 6, 2), channel="offline")
    assert value("principal_led_studies", t) == 1
    assert value("principal_chaired_meetings", t) == 1
    assert value("exam_excellent_rate", t) == Decimal("33.3")
    assert value("liaison_trainings", t) == 2
    assert value("liaison_training_participants", t) == 75
    assert value("court_hearings_attended", t) == 2
    assert value("court_observation_attendees", t) == 20
    assert value("publicity_online", t) == 1 and value("publicity_events", t) == 1


def test_a_liaison_counts_in_the_year_registered(township):
    LegalLiaisonFactory(organisation=township, registered_on=D(Y, 12, 31))
    LegalLiaisonFactory(organisation=township, registered_on=D(Y - 1, 12, 31))
    assert value("legal_literates", township) == 1


def test_a_rate_record_list_marks_which_rows_are_in_the_numerator(clerk_client, township):
    yes = DisputeCaseFactory(organisation=township, received_on=D(Y, 3, 1), summary="成功的")
    no = DisputeCaseFactory(organisation=township, received_on=D(Y, 3, 2), summary="不成的", outcome="failed", agreement="none")
    DisputeCaseFactory(organisation=township, received_on=D(Y, 3, 3), summary="还在调的", closed_on=None, outcome="open", agreement="none")
    page = clerk_client.get(f"/indicators/dispute_success_rate/records/?year={Y}").content.decode()
    assert 'data-count="50"' in page and "（1 ÷ 2 × 100）" in page
    rows = {
        re.search(r"/ledgers/disputes/(\d+)/", row).group(1): row
        for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S) if "/ledgers/disputes/" in row
    }
    assert set(rows) == {str(yes.pk), str(no.pk)}  # the open case is not in the denominator
    assert "<td>是</td>" in rows[str(yes.pk)].split("成功的", 1)[1]
    assert "<td>否</td>" in rows[str(no.pk)].split("不成的", 1)[1]


def test_the_dashboard_shows_last_years_figure_beside_this_years(clerk_client, township):
    PublicityEventFactory(organisation=township, held_on=D(Y, 5, 1))
    PublicityEventFactory(organisation=township, held_on=D(Y - 1, 5, 1))
    PublicityEventFactory(organisation=township, held_on=D(Y - 1, 6, 1))
    page = clerk_client.get(f"/indicators/?year={Y}").content.decode()
    card = page.split('data-indicator="publicity_events"', 1)[1].split('<div class="card', 1)[0]
    assert ">1</a>" in card and "上年 2场次" in card


def test_the_dashboard_defaults_to_last_year_and_odd_years_fall_back_to_it(clerk_client, township):
    for query in ("", "?year=abc", "?year=", "?year=1899", "?year=99999"):
        page = clerk_client.get(f"/indicators/{query}").content.decode()
        assert f"{township.name} {Y}年度指标" in page, query


def test_a_supervisor_of_another_county_gets_nothing_of_this_county(client, other_county_supervisor, township):
    PublicityEventFactory(organisation=township, held_on=D(Y, 5, 1))
    client.force_login(other_county_supervisor)
    assert client.get(f"/indicators/?year={Y}&org={township.code}").status_code == 404
    assert client.get(f"/indicators/publicity_events/records/?year={Y}&org={township.code}").status_code == 404
    page = client.get(f"/indicators/?year={Y}").content.decode()
    assert re.search(r'data-indicator="publicity_events" href="[^"]+">0<', page)
    records = client.get(f"/indicators/publicity_events/records/?year={Y}").content.decode()
    assert 'data-count="0"' in records and township.name not in records


def test_a_county_scope_for_the_report_adds_up_its_townships(county, township, other_township):
    for org, n in ((township, 2), (other_township, 3)):
        for i in range(n):
            PublicityEventFactory(organisation=org, held_on=D(Y, 5, 1 + i), materials=10)
            ExamRecordFactory(organisation=org, exam_on=D(Y, 10, 1), passed=(org == township))
    scope = Scope.for_org(county, Y)
    assert set(scope.organisations) == {township, other_township}
    assert registry.get("publicity_events").compute(scope).value == 5
    assert registry.get("publicity_materials").compute(scope).value == 50
    rate = registry.get("exam_pass_rate").compute(scope)
    assert (rate.numerator, rate.denominator, rate.value) == (2, 5, Decimal("40.0"))  # pooled, not averaged
