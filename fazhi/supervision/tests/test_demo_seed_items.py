"""The demo of the seed items (人大监督、法治副校长、其他数据、目标管理考核): the records exist, are never dated after
today, and the demo report states their figures in the sections where the seed reports put them, traceable."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.assessment.models import AssessmentScore
from fazhi.core import clock
from fazhi.demo.generate import TOWNSHIPS, ensure_orgs, ensure_users
from fazhi.demo.seed_items import generate_seed_items
from fazhi.otherfigures.models import OtherFigure
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new
from fazhi.schools.models import School, SchoolLesson, VicePrincipal
from fazhi.supervision.models import DeputySuggestion, PresidiumInspection

pytestmark = pytest.mark.django_db
TODAY = clock.today()
Y = TODAY.year - 1


@pytest.fixture
def hekou():
    county, townships, _ = ensure_orgs()
    users, _ = ensure_users(county, townships)
    spec = next(s for s in TOWNSHIPS if s.code == "SFX02")
    township = townships[spec.code]
    clerk = users[f"{spec.slug}_clerk"]
    for year in (Y - 1, Y):
        assert generate_seed_items(spec, township, year, today=TODAY, clerk=clerk, latest=year == Y)
    assert generate_seed_items(spec, township, Y, today=TODAY, clerk=clerk, latest=True) == {}  # idempotent
    return township


def test_every_module_has_records_and_none_is_dated_after_today(hekou):
    for model, field in ((DeputySuggestion, "assigned_on"), (PresidiumInspection, "held_on"), (School, "listed_on"),
                         (VicePrincipal, "appointed_on"), (SchoolLesson, "held_on"), (OtherFigure, "stated_on"),
                         (AssessmentScore, "scored_on")):
        rows = model.objects.filter(organisation=hekou)
        assert rows.exists(), model
        assert all(getattr(r, field) <= TODAY for r in rows), model
    assert DeputySuggestion.objects.filter(organisation=hekou, answered_on__isnull=True).exists()


def test_the_demo_report_states_the_seed_items_where_the_seeds_put_them(hekou):
    composed = compose_report(report_new(hekou, Y))
    measures = next(s for s in composed.sections if s.key == "measures_text")
    areas = {p.area: p for p in measures.paragraphs}
    organisation, disclosure, publicity = areas["organisation"], areas["disclosure"], areas["publicity"]
    supervision, disputes = areas["supervision"], areas["disputes"]
    keys = lambda p: {f.key for f in p.figures}  # noqa: E731
    assert {"assessment_criteria", "assessment_scores", "other_figures"} <= keys(organisation)
    assert "目标管理考核" in organisation.plain and "得分居前" in organisation.plain
    assert "法治工作专（兼）职人员" in organisation.plain
    assert "service_centre_cases" in keys(disclosure) and "便民服务中心" in disclosure.plain and "办件" in disclosure.plain
    assert {"schools_counted", "school_lessons"} <= keys(publicity) and "中小学校均配备法治副校长" in publicity.plain
    assert {"deputy_suggestions", "deputy_suggestions_on_time_rate", "deputy_satisfaction_rate",
            "congress_inspections"} <= keys(supervision)
    assert "other_figures" in keys(disputes) and "综治中心" in disputes.plain and "接待" in disputes.plain
    for figure in composed.figures():
        assert figure.href.startswith(("/indicators/", "/ledgers/other-figures/", f"/assessment/{hekou.code}/{Y}/"))


def test_a_running_year_is_clipped_to_today_and_not_generated_twice():
    county, townships, _ = ensure_orgs()
    users, _ = ensure_users(county, townships)
    spec = TOWNSHIPS[0]
    township, clerk = townships[spec.code], users[f"{spec.slug}_clerk"]
    early = dt.date(TODAY.year, 3, 1)
    assert generate_seed_items(spec, township, early.year, today=early, clerk=clerk, latest=True)
    assert generate_seed_items(spec, township, early.year, today=early, clerk=clerk, latest=True) == {}
    for model, field in ((OtherFigure, "stated_on"), (AssessmentScore, "scored_on"), (DeputySuggestion, "assigned_on")):
        assert all(getattr(r, field) <= early for r in model.objects.filter(organisation=township)), model
    assert not DeputySuggestion.objects.filter(organisation=township).exists()  # the congress meets in March
