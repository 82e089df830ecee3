"""Every connected figure is computed from the township's live records, and traceable to them."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from fazhi.core import clock
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import (
    CourtObservationFactory, DisputeCaseFactory, ExamRecordFactory, LegalLiaisonFactory, MeetingFactory,
    PublicityEventFactory, StudySessionFactory,
)
from fazhi.testing.spec import INDICATORS_MD_KEYS

Y = clock.current_year() - 1
FIXED_KEYS = set(INDICATORS_MD_KEYS)
NOT_YET_BUILT: set[str] = set()  # every fixed key of INDICATORS.md is now computed from records


def test_every_fixed_key_of_indicators_md_is_connected():
    assert [k for k in FIXED_KEYS if not registry.get(k).connected] == []


@pytest.fixture
def year_of_records(township, other_township):
    t = township
    PublicityEventFactory(organisation=t, held_on=dt.date(Y, 5, 1), materials=200, audience=100, consultations=10)
    PublicityEventFactory(organisation=t, held_on=dt.date(Y, 6, 1), materials=300, audience=50, consultations=5)
    PublicityEventFactory(organisation=t, held_on=dt.date(Y, 7, 1), channel="online", materials=0, audience=900, consultations=7)
    PublicityEventFactory(organisation=t, held_on=dt.date(Y - 1, 7, 1))  # last year
    PublicityEventFactory(organisation=other_township, held_on=dt.date(Y, 7, 1))  # another township
    PublicityEventFactory(organisation=t, held_on=dt.date(Y, 8, 1)).void(reason="重复")  # voided
    MeetingFactory(organisation=t, held_on=dt.date(Y, 2, 1), kind="party_committee")
    MeetingFactory(organisation=t, held_on=dt.date(Y, 3, 1), kind="special")
    MeetingFactory(organisation=t, held_on=dt.date(Y, 3, 2), kind="other")  # not a rule-of-law kind
    MeetingFactory(organisation=t, held_on=dt.date(Y, 3, 3), on_rule_of_law=False)
    StudySessionFactory(organisation=t, held_on=dt.date(Y, 3, 1))
    for passed in (True, True, True, False):
        ExamRecordFactory(organisation=t, exam_on=dt.date(Y, 10, 1), passed=passed, score=90 if passed else 40)
    ExamRecordFactory(organisation=t, exam_on=dt.date(Y, 10, 1), status="absent", score=None, passed=False)
    CourtObservationFactory(organisation=t, held_on=dt.date(Y, 6, 1))
    LegalLiaisonFactory(organisation=t, registered_on=dt.date(Y, 3, 1))
    DisputeCaseFactory(organisation=t, received_on=dt.date(Y, 4, 1), closed_on=dt.date(Y, 4, 9))
    DisputeCaseFactory(organisation=t, received_on=dt.date(Y, 4, 2), closed_on=dt.date(Y, 4, 9), outcome="failed", agreement="none")
    DisputeCaseFactory(organisation=t, received_on=dt.date(Y, 12, 2), closed_on=None, outcome="open", agreement="none")
    return Scope.for_org(t, Y)


def test_the_registry_holds_every_fixed_key():
    assert FIXED_KEYS <= {i.key for i in registry.all_indicators()}


def test_figures_come_from_this_townships_live_records_of_the_year(year_of_records):
    values = {k: f.value for k, f in registry.compute_all(year_of_records).items()}
    assert values["publicity_events"] == 2  # offline only; online, last year, other township, voided excluded
    assert values["publicity_materials"] == 500
    assert values["publicity_audience"] == 150
    assert values["legal_consultations"] == 22  # online events' consultations count too
    assert values["publicity_online"] == 1
    assert values["rule_of_law_meetings"] == 2
    assert values["study_sessions"] == 1
    assert values["exam_participants"] == 4  # the absent one did not sit
    assert values["exam_pass_rate"] == Decimal("75.0")
    assert values["court_hearings_attended"] == 1
    assert values["legal_literates"] == 1
    assert values["disputes_handled"] == 3
    assert values["disputes_resolved"] == 1
    assert values["dispute_success_rate"] == Decimal("50.0")  # resolved ÷ closed; the open case is not closed


def test_modules_not_yet_built_give_no_number(year_of_records):
    figures = registry.compute_all(year_of_records)
    for key in NOT_YET_BUILT:
        assert figures[key].value is None and figures[key].display == "未接入"


def test_county_scope_adds_up_its_townships(year_of_records, county):
    assert registry.get("publicity_events").compute(Scope.for_org(county, Y)).value == 3


def test_a_dashboard_figure_links_to_records_showing_the_same_number(client, clerk, year_of_records):
    client.force_login(clerk)
    page = client.get(f"/indicators/?year={Y}").content.decode()
    link = re.search(r'<a data-indicator="publicity_materials" href="([^"]+)">([^<]+)</a>', page)
    assert link.group(2) == "500"
    records = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    assert 'data-count="500"' in records
    for key in NOT_YET_BUILT:
        assert f'data-indicator="{key}"' not in page
    assert page.count("未接入") >= len(NOT_YET_BUILT)


def test_the_supervisor_sees_the_county_and_each_township(client, supervisor, year_of_records, township):
    client.force_login(supervisor)
    whole = client.get(f"/indicators/?year={Y}").content.decode()
    assert re.search(r'data-indicator="publicity_events" href="[^"]+">3<', whole)
    one = client.get(f"/indicators/?year={Y}&org={township.code}").content.decode()
    assert re.search(r'data-indicator="publicity_events" href="[^"]+">2<', one)


@pytest.mark.parametrize("query", ["?year=abc", "?year=99999", "?org=NOPE"])
def test_odd_queries_never_500(client, clerk, query):
    client.force_login(clerk)
    assert client.get(f"/indicators/{query}").status_code in (200, 404)
    assert client.get(f"/indicators/publicity_events/records/{query}").status_code in (200, 404)


@pytest.mark.parametrize("url", [
    "/indicators/?org=%00", "/indicators/publicity_events/records/?org=%00",
    "/ledgers/publicity-events/?q=%00", "/ledgers/disputes/?category=%00", "/api/ledgers/disputes/?q=%00",
])
def test_a_nul_byte_in_the_query_is_a_chinese_400_not_a_database_error(client, clerk, url):
    # PostgreSQL refuses NUL in text; before the fix this was a 500 there (SQLite let it through).
    client.force_login(clerk)
    response = client.get(url)
    assert response.status_code == 400 and "空字符" in response.content.decode()


def test_an_outsider_cannot_read_another_townships_figures(client, other_clerk, year_of_records, township):
    client.force_login(other_clerk)
    assert client.get(f"/indicators/?year={Y}&org={township.code}").status_code == 404
    assert client.get(f"/indicators/publicity_events/records/?year={Y}&org={township.code}").status_code == 404


def test_the_404_page_is_chinese(client, clerk):
    client.force_login(clerk)
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()
