"""人大代表建议、议案: the answering term of 代表法第四十四条, the clerk's form, and the figures the report states."""
from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest

from fazhi.core import clock
from fazhi.indicators.registry import Scope, get
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new
from fazhi.supervision.deadlines import add_months, answer_due_on
from fazhi.supervision.models import DeputySuggestion
from fazhi.testing.factories import DeputySuggestionFactory, PresidiumInspectionFactory

Y = clock.current_year() - 1
D = dt.date


def test_three_months_from_assignment_and_six_for_complex_matters():
    assert answer_due_on(D(2025, 3, 10), complex_matter=False) == D(2025, 6, 10)
    assert answer_due_on(D(2025, 3, 10), complex_matter=True) == D(2025, 9, 10)
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)  # no 30 February: the month's last day
    assert add_months(D(2023, 11, 30), 3) == D(2024, 2, 29)


def test_the_term_is_a_setting_for_provinces_with_a_shorter_one(settings):
    settings.FAZHI_DEPUTY_ANSWER_MONTHS = 2
    assert answer_due_on(D(2025, 3, 10), complex_matter=False) == D(2025, 5, 10)
    assert answer_due_on(D(2025, 3, 10), complex_matter=True) == D(2025, 9, 10)


def test_the_clerk_files_a_suggestion_and_sees_its_due_date_and_status(clerk_client, township):
    response = clerk_client.post("/ledgers/deputy-suggestions/new/", {
        "assigned_on": f"{Y}-03-10", "kind": "suggestion", "deputy": "王建华", "title": "关于硬化东村组道路的建议",
        "department": "村镇建设办", "satisfaction": "none",
    })
    assert response.status_code == 302
    suggestion = DeputySuggestion.objects.get()
    assert suggestion.due_on == D(Y, 6, 10) and suggestion.organisation == township
    page = clerk_client.get("/ledgers/deputy-suggestions/").content.decode()
    assert f"{Y}-06-10" in page and "超期未答复" in page  # a year later, still unanswered


@pytest.mark.parametrize("changes, field, message", [
    ({"answered_on": f"{Y}-03-01"}, "answered_on", "不能早于交办日期"),
    ({"answered_on": f"{Y}-04-01", "outcome": ""}, "outcome", "须选择“办理结果”"),
    ({"answered_on": "", "outcome": "", "satisfaction": "satisfied"}, "satisfaction", "代表还不能反馈满意度"),
])
def test_inconsistent_answers_are_refused_in_chinese(clerk_client, changes, field, message):
    data = {
        "assigned_on": f"{Y}-03-10", "kind": "suggestion", "deputy": "王建华", "title": "关于增设路灯的建议",
        "department": "村镇建设办", "answered_on": f"{Y}-04-20", "outcome": "solved", "satisfaction": "satisfied",
    } | changes
    response = clerk_client.post("/ledgers/deputy-suggestions/new/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not DeputySuggestion.objects.exists()


@pytest.fixture
def suggestions(township, other_township):
    make = DeputySuggestionFactory
    make(organisation=township, assigned_on=D(Y, 3, 1), answered_on=D(Y, 4, 15), satisfaction="satisfied")
    make(organisation=township, assigned_on=D(Y, 3, 1), complex_matter=True, answered_on=D(Y, 7, 20),
         satisfaction="basically")  # due 09-01: on time
    make(organisation=township, assigned_on=D(Y, 3, 1), answered_on=D(Y, 6, 10), satisfaction="unsatisfied")  # late
    make(organisation=township, assigned_on=D(Y, 3, 1), answered_on=None, outcome="", satisfaction="none")  # overdue
    make(organisation=township, assigned_on=D(Y, 5, 1), answered_on=D(Y, 6, 1), satisfaction="none")  # no feedback
    make(organisation=township, assigned_on=D(Y, 3, 1)).void(reason="重复录入")
    make(organisation=township, assigned_on=D(Y - 1, 11, 30), answered_on=D(Y, 1, 20))  # last year's
    make(organisation=other_township, assigned_on=D(Y, 3, 1))
    PresidiumInspectionFactory(organisation=township, held_on=D(Y, 6, 12), kind="law_check", issues=4, rectified=3)
    PresidiumInspectionFactory(organisation=township, held_on=D(Y, 9, 2), kind="visit", issues=2, rectified=2)
    return township


def test_figures_on_time_overdue_and_satisfaction_come_from_the_records(suggestions):
    scope = Scope((suggestions,), Y)
    values = {k: get(k).compute(scope).value for k in (
        "deputy_suggestions", "deputy_suggestions_on_time_rate", "deputy_suggestions_overdue", "deputy_satisfaction_rate",
        "congress_inspections", "congress_law_checks", "congress_inspection_issues", "congress_inspection_rectified")}
    assert values == {
        "deputy_suggestions": 5, "deputy_suggestions_on_time_rate": 60, "deputy_suggestions_overdue": 2,
        "deputy_satisfaction_rate": Decimal("66.7"), "congress_inspections": 2, "congress_law_checks": 1,
        "congress_inspection_issues": 6, "congress_inspection_rectified": 5,
    }


def test_the_report_states_them_under_supervision_and_each_number_opens_its_records(client, clerk, suggestions):
    composed = compose_report(report_new(suggestions, Y))
    measures = next(s for s in composed.sections if s.key == "measures_text")
    paragraph = next(p.plain for p in measures.paragraphs if p.area == "supervision")
    assert "承办人大代表建议、议案5件" in paragraph and "答复期限已到的5件中，3件按期答复，按期答复率60%" in paragraph
    assert "征询代表意见3件，满意或基本满意2件，满意率66.7%" in paragraph
    assert "代表提出意见建议6条" in paragraph and "已整改5条" in paragraph
    client.force_login(clerk)
    page = client.get(f"/reports/view/{suggestions.code}/{Y}/").content.decode()
    link = re.search(r'<a data-indicator="deputy_suggestions_on_time_rate" href="([^"]+)"[^>]*>5</a>', page)
    assert link
    records = client.get(html.unescape(link.group(1))).content.decode()
    assert 'data-count="60"' in records


def test_rectified_cannot_exceed_the_issues_raised(clerk_client):
    response = clerk_client.post("/ledgers/congress-inspections/new/", {
        "held_on": f"{Y}-06-12", "kind": "law_check", "subject": "《安全生产法》执法检查", "deputies": "10",
        "issues": "3", "rectified": "5",
    })
    assert response.status_code == 200 and "“已整改”5条多于提出的意见建议3条" in response.content.decode()


def test_no_overdue_answer_is_said_as_a_result_once_there_are_suggestions(township):
    text = lambda: "\n".join(p.plain for s in compose_report(report_new(township, Y)).sections for p in s.paragraphs)  # noqa: E731
    assert "超期" not in text()  # no suggestions at all: nothing to say
    DeputySuggestionFactory(organisation=township, assigned_on=D(Y, 3, 1), answered_on=D(Y, 4, 1))
    assert "承办人大代表建议、议案1件，均按期答复" in text()
