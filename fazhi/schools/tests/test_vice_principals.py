"""法治副校长: coverage of the township's 中小学校 at year end, lessons only where a vice-principal is in office,
and the report sentence under 普法."""
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
from fazhi.schools.models import SchoolLesson
from fazhi.testing.factories import SchoolFactory, SchoolLessonFactory, VicePrincipalFactory

Y = clock.current_year() - 1
D = dt.date


@pytest.fixture
def roster(township, other_township):
    first = SchoolFactory(organisation=township, name="甲镇中心小学")
    second = SchoolFactory(organisation=township, name="甲镇初级中学", stage="junior")
    third = SchoolFactory(organisation=township, name="东村小学")
    SchoolFactory(organisation=township, name="甲镇中心幼儿园", stage="kindergarten")  # listed, not counted
    closed = SchoolFactory(organisation=township, name="西村小学", closed_on=D(Y, 7, 1))  # merged mid-year
    VicePrincipalFactory(organisation=township, school=first, name="张警官", appointed_on=D(Y - 1, 9, 1))
    VicePrincipalFactory(organisation=township, school=second, name="李检察官", appointed_on=D(Y - 1, 9, 1),
                         ended_on=D(Y, 6, 30))  # left before the year ended
    VicePrincipalFactory(organisation=township, school=third, name="王律师", appointed_on=D(Y, 9, 1))
    VicePrincipalFactory(organisation=township, school=closed, name="赵所长", appointed_on=D(Y - 1, 9, 1))
    SchoolLessonFactory(organisation=township, school=first, held_on=D(Y, 4, 15), audience=300)
    SchoolLessonFactory(organisation=township, school=third, held_on=D(Y, 10, 9), audience=150)
    SchoolLessonFactory(organisation=township, school=first, held_on=D(Y - 1, 10, 9), audience=100)  # last year's
    SchoolFactory(organisation=other_township, name="乙镇小学")
    return {"first": first, "second": second, "third": third, "closed": closed}


def test_coverage_counts_open_primary_and_secondary_schools_with_a_vice_principal_in_office_at_year_end(township, roster):
    scope = Scope((township,), Y)
    coverage = get("vice_principal_coverage").compute(scope)
    assert (coverage.numerator, coverage.denominator, coverage.value) == (2, 3, Decimal("66.7"))
    assert get("schools_counted").compute(scope).value == 3
    assert get("vice_principals").compute(scope).value == 2
    assert get("school_lessons").compute(scope).value == 2
    assert get("school_lesson_audience").compute(scope).value == 450
    last_year = get("vice_principal_coverage").compute(scope.previous_year())
    assert (last_year.numerator, last_year.denominator) == (3, 4)  # 西村小学 still open then, 王律师 not yet


def test_the_records_behind_the_coverage_mark_the_uncovered_school(clerk_client, township, roster):
    page = clerk_client.get(f"/indicators/vice_principal_coverage/records/?year={Y}&org={township.code}").content.decode()
    assert 'data-count="66.7"' in page and "甲镇初级中学" in page and "甲镇中心幼儿园" not in page
    roster_page = clerk_client.get("/ledgers/schools/").content.decode()
    assert "在任法治副校长" in roster_page and "未配备" in roster_page


def test_a_lesson_needs_a_vice_principal_in_office_that_day(clerk_client, roster):
    data = {"school": str(roster["second"].pk), "held_on": f"{Y}-10-09", "kind": "lesson", "topic": "宪法进校园",
            "lecturer": "李检察官", "audience": "200"}
    page = clerk_client.post("/ledgers/school-lessons/new/", data).content.decode()
    assert "甲镇初级中学在" in page and "没有在任的法治副校长" in page
    before = SchoolLesson.objects.count()
    response = clerk_client.post("/ledgers/school-lessons/new/", data | {"held_on": f"{Y}-05-09"})
    assert response.status_code == 302 and SchoolLesson.objects.count() == before + 1


def test_another_townships_school_cannot_be_chosen(client, other_clerk, roster):
    client.force_login(other_clerk)
    form = client.get("/ledgers/vice-principals/new/").content.decode()
    assert "甲镇中心小学" not in form and "乙镇小学" in form
    page = client.post("/ledgers/vice-principals/new/", {
        "school": str(roster["first"].pk), "name": "外镇警官", "employer_kind": "police", "employer": "乙镇派出所",
        "appointed_on": f"{Y}-09-01"}).content.decode()
    assert "选择一个有效的选项" in page


def test_appointment_dates_are_checked(clerk_client, roster):
    page = clerk_client.post("/ledgers/vice-principals/new/", {
        "school": str(roster["third"].pk), "name": "孙法官", "employer_kind": "court", "employer": "县人民法院",
        "appointed_on": f"{Y}-09-01", "ended_on": f"{Y}-08-01"}).content.decode()
    assert "“离任（解聘）日期”不能早于聘任日期" in page


def test_the_report_states_the_coverage_under_legal_publicity_linked_to_its_schools(client, clerk, township, roster):
    composed = compose_report(report_new(township, Y))
    measures = next(s for s in composed.sections if s.key == "measures_text")
    paragraph = next(p.plain for p in measures.paragraphs if p.area == "publicity")
    assert "辖区3所中小学校中2所配备法治副校长" in paragraph
    assert "法治副校长进校园2场次，受教育师生450人次" in paragraph
    client.force_login(clerk)
    page = client.get(f"/reports/view/{township.code}/{Y}/").content.decode()
    link = re.search(r'<a data-indicator="vice_principal_coverage" href="([^"]+)"[^>]*>2</a>', page)
    assert link and 'data-count="66.7"' in client.get(html.unescape(link.group(1))).content.decode()
