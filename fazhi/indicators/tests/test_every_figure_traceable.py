"""Every connected figure on the dashboard links to the records that make it, with the same number;
the county adds up its townships; modules not built show 未接入, never a number."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from fazhi.core import clock
from fazhi.governance.models import MeetingKind
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope
from fazhi.testing.factories import (
    CourtObservationFactory, DisputeCaseFactory, ExamRecordFactory, LegalLiaisonFactory, LiaisonTrainingFactory,
    MeetingFactory, PublicityEventFactory, StudySessionFactory,
)
from fazhi.testing.spec import INDICATORS_MD_KEYS

Y = clock.current_year() - 1
D = dt.date
CONNECTED = [i.key for i in registry.all_indicators() if i.connected]
UNCONNECTED = [i.key for i in registry.all_indicators() if not i.connected]


def a_year_of(org, scale=1):
    for n in range(scale):
        PublicityEventFactory(organisation=org, held_on=D(Y, 5, 1 + n), materials=100, audience=40, consultations=3)
        PublicityEventFactory(organisation=org, held_on=D(Y, 6, 1 + n), channel="online", materials=0, audience=500, consultations=2)
        MeetingFactory(organisation=org, held_on=D(Y, 2, 1 + n), chaired_by_principal=True)
        StudySessionFactory(organisation=org, held_on=D(Y, 3, 1 + n), led_by_principal=True)
        ExamRecordFactory(organisation=org, exam_on=D(Y, 10, 1 + n), passed=True, excellent=True)
        ExamRecordFactory(organisation=org, exam_on=D(Y, 10, 1 + n), passed=False, score=50)
        CourtObservationFactory(organisation=org, held_on=D(Y, 6, 1 + n), attendees=10)
        LegalLiaisonFactory(organisation=org, registered_on=D(Y, 3, 1 + n))
        LiaisonTrainingFactory(organisation=org, held_on=D(Y, 4, 1 + n), participants=25)
        DisputeCaseFactory(organisation=org, received_on=D(Y, 4, 1 + n))
        DisputeCaseFactory(organisation=org, received_on=D(Y, 4, 1 + n), outcome="failed", agreement="none")


@pytest.fixture
def two_townships(township, other_township):
    a_year_of(township)
    a_year_of(other_township, scale=2)
    for key_factory in (PublicityEventFactory, MeetingFactory, StudySessionFactory):  # voided: in no figure
        key_factory(organisation=township, **{"held_on": D(Y, 7, 1)}).void(reason="重复")
    return township, other_township


def dashboard_links(page: str) -> dict[str, tuple[str, str]]:
    return {
        key: (href.replace("&amp;", "&"), text)
        for key, href, text in re.findall(r'<a data-indicator="([^"]+)" href="([^"]+)">([^<]+)</a>', page)
    }


def test_every_connected_figure_links_to_records_with_the_same_number(clerk_client, two_townships):
    township, _ = two_townships
    links = dashboard_links(clerk_client.get(f"/indicators/?year={Y}").content.decode())
    assert set(links) == set(CONNECTED)
    scope = Scope.for_org(township, Y)
    for key, (href, text) in links.items():
        assert text == registry.get(key).compute(scope).display, key
        records = clerk_client.get(href)
        assert records.status_code == 200, key
        assert f'data-count="{text}"' in records.content.decode(), key


def test_the_supervisors_county_figures_add_up_and_link_to_both_townships(client, supervisor, two_townships):
    township, other = two_townships
    client.force_login(supervisor)
    links = dashboard_links(client.get(f"/indicators/?year={Y}").content.decode())
    one, two = Scope.for_org(township, Y), Scope.for_org(other, Y)
    for key in CONNECTED:
        indicator = registry.get(key)
        href, text = links[key]
        if indicator.kind != "rate":
            expected = indicator.compute(one).value + indicator.compute(two).value
            assert text == str(expected), key
        page = client.get(href).content.decode()
        assert f'data-count="{text}"' in page, key
        if indicator.compute(one).row_count and indicator.compute(two).row_count:
            assert township.name in page and other.name in page, key
    assert links["publicity_events"][1] == "3" and links["publicity_materials"][1] == "300"


def test_unconnected_keys_say_not_connected_and_have_no_record_list(clerk_client, two_townships):
    page = clerk_client.get(f"/indicators/?year={Y}").content.decode()
    cards = re.findall(r'<div class="card off">\s*<div class="label">([^<]+)</div>\s*<div class="value">([^<]*)</div>', page)
    assert sorted(label for label, _ in cards) == sorted(registry.get(k).label for k in UNCONNECTED)
    assert all(value == "未接入" for _, value in cards)
    for key in UNCONNECTED:
        assert clerk_client.get(f"/indicators/{key}/records/?year={Y}").status_code == 404
    assert set(UNCONNECTED) < set(INDICATORS_MD_KEYS)


@pytest.mark.parametrize("kind,counted", [
    (MeetingKind.PARTY_COMMITTEE, True), (MeetingKind.GOVERNMENT_EXECUTIVE, True), (MeetingKind.SPECIAL, True),
    (MeetingKind.BRIEFING, True), (MeetingKind.RULE_OF_LAW_COMMITTEE, True),
    (MeetingKind.JOINT, False), (MeetingKind.OTHER, False),
])
def test_which_meetings_count_as_rule_of_law_meetings(township, kind, counted):
    MeetingFactory(organisation=township, held_on=D(Y, 3, 1), kind=kind)
    MeetingFactory(organisation=township, held_on=D(Y, 3, 2), kind=kind, on_rule_of_law=False)
    assert registry.get("rule_of_law_meetings").compute(Scope.for_org(township, Y)).value == int(counted)


def test_disputes_count_by_receipt_year_and_outcomes_by_closing_year(township):
    DisputeCaseFactory(organisation=township, received_on=D(Y - 1, 12, 20), closed_on=D(Y, 1, 10))  # resolved this year
    DisputeCaseFactory(organisation=township, received_on=D(Y, 12, 20), closed_on=None, outcome="open", agreement="none")
    DisputeCaseFactory(organisation=township, received_on=D(Y, 3, 1), closed_on=D(Y, 3, 5), outcome="terminated", agreement="none")
    scope = Scope.for_org(township, Y)
    values = {k: registry.get(k).compute(scope).value for k in ("disputes_handled", "disputes_resolved", "dispute_success_rate")}
    assert values == {"disputes_handled": 2, "disputes_resolved": 1, "dispute_success_rate": Decimal("50.0")}


def test_exam_figures_leave_out_the_absent_and_the_exempt(township):
    ExamRecordFactory(organisation=township, exam_on=D(Y, 10, 1), passed=True)
    ExamRecordFactory(organisation=township, exam_on=D(Y, 10, 1), passed=True)
    ExamRecordFactory(organisation=township, exam_on=D(Y, 10, 1), passed=False, score=30)
    ExamRecordFactory(organisation=township, exam_on=D(Y, 10, 1), status="exempt", score=None, passed=False)
    ExamRecordFactory(organisation=township, exam_on=D(Y, 10, 1), status="absent", score=None, passed=False)
    scope = Scope.for_org(township, Y)
    assert registry.get("exam_participants").compute(scope).value == 3
    assert registry.get("exam_pass_rate").compute(scope).value == Decimal("66.7")
    assert registry.get("exam_pass_rate").compute(scope).display == "66.7"


def test_both_kinds_of_legal_liaison_count(township):
    LegalLiaisonFactory(organisation=township, registered_on=D(Y, 3, 1), kind="legal_literate")
    LegalLiaisonFactory(organisation=township, registered_on=D(Y, 3, 1), kind="rule_of_law_leader")
    LegalLiaisonFactory(organisation=township, registered_on=D(Y - 1, 3, 1))
    assert registry.get("legal_literates").compute(Scope.for_org(township, Y)).value == 2


def test_a_rate_with_no_records_is_a_dash_not_zero(clerk_client, township):
    figure = registry.get("exam_pass_rate").compute(Scope.for_org(township, Y))
    assert figure.value is None and figure.display == "—"
    page = clerk_client.get(f"/indicators/exam_pass_rate/records/?year={Y}").content.decode()
    assert 'data-count="—"' in page


@pytest.mark.parametrize("query", ["?year=abc", "?year=", "?year=1899", "?org=UNKNOWN", "?year=abc&org=UNKNOWN", "?page=abc"])
def test_odd_queries_get_a_page_or_a_chinese_404(client, supervisor, two_townships, query):
    client.force_login(supervisor)
    for url in ("/indicators/", "/indicators/publicity_materials/records/", "/indicators/exam_pass_rate/records/"):
        response = client.get(url + query)
        assert response.status_code in (200, 404), url + query
        if response.status_code == 404:
            assert "页面不存在" in response.content.decode()
    assert client.get("/indicators/no_such_key/records/").status_code == 404


@pytest.mark.parametrize("key", [i.key for i in registry.all_indicators() if i.connected and i.kind == "sum"])
def test_a_sums_record_list_names_the_column_it_adds_up(clerk_client, two_townships, key):
    indicator = registry.get(key)
    from fazhi.core.ledgers import get_ledger

    label = get_ledger(indicator.ledger_slug).label(indicator.sum_field)
    page = clerk_client.get(f"/indicators/{key}/records/?year={Y}").content.decode()
    assert f"记录的“{label}”之和" in page
