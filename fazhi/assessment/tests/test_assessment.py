"""目标管理考核: criteria with weights, scores computed from the village's records (min(1, value ÷ target) ×
weight) or entered by hand with a reason, the ranked results page, its Excel, and the report sentence."""
from __future__ import annotations

import datetime as dt
import html
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from fazhi.assessment.models import AssessmentCriterion, AssessmentScore
from fazhi.assessment.scoring import score_for
from fazhi.assessment.services import assessment_score_from_data
from fazhi.core import clock
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new
from fazhi.testing.factories import (
    AssessmentCriterionFactory, AssessmentScoreFactory, PublicityEventFactory, VillageFactory,
)

Y = clock.current_year() - 1
D = dt.date


def test_the_formula_caps_at_full_marks_and_rounds_to_a_tenth():
    assert score_for(Decimal(3), target=Decimal(4), weight=Decimal(20)) == Decimal("15.0")
    assert score_for(Decimal(9), target=Decimal(4), weight=Decimal(20)) == Decimal("20.0")
    assert score_for(Decimal(1), target=Decimal(3), weight=Decimal(10)) == Decimal("3.3")
    assert score_for(None, target=Decimal(95), weight=Decimal(10)) == Decimal("0.0")  # a rate with no records


@pytest.fixture
def scheme(township, village):
    west = VillageFactory(parent=township, name="西村", code="V9012")
    data = AssessmentCriterionFactory(organisation=township, adopted_on=D(Y, 2, 20), name="开展普法宣传活动",
                                      weight=Decimal(20), indicator_key="publicity_events", target=Decimal(4))
    manual = AssessmentCriterionFactory(organisation=township, adopted_on=D(Y, 2, 20), name="民主法治示范村创建",
                                        weight=Decimal(30), indicator_key="", target=None)
    for month in (3, 5, 9):
        PublicityEventFactory(organisation=township, village=village, held_on=D(Y, month, 4))
    PublicityEventFactory(organisation=township, village=village, held_on=D(Y, 6, 4), channel="online")  # not counted
    PublicityEventFactory(organisation=township, village=village, held_on=D(Y - 1, 6, 4))  # last year's
    for month in (3, 4, 5, 6, 7):
        PublicityEventFactory(organisation=township, village=west, held_on=D(Y, month, 8))
    return {"data": data, "manual": manual, "east": village, "west": west}


def test_a_data_criterion_is_scored_from_the_villages_records_whatever_the_clerk_types(clerk_client, scheme):
    response = clerk_client.post("/ledgers/assessment-scores/new/", {
        "scored_on": f"{Y}-12-20", "criterion": str(scheme["data"].pk), "assessee_kind": "village",
        "village": str(scheme["east"].pk), "score": "20", "basis": "",
    })
    assert response.status_code == 302
    score = AssessmentScore.objects.get()
    assert score.score == Decimal("15.0") and score.measured == 3
    assert "东村“普法宣传活动”3场次，目标4场次" in score.basis and "= 15分" in score.basis


@pytest.mark.parametrize("changes, message", [
    ({"score": ""}, "人工评分的指标必须填写得分"),
    ({"score": "31"}, "得分31超过该指标的分值30分"),
    ({"basis": ""}, "人工评分必须写明评分依据（理由）"),
    ({"scored_on": f"{Y}-01-10"}, "“评分日期”应在考核方案印发"),
    ({"assessee_kind": "department", "village": "", "department": "党政办"}, "考核的是村（社区）"),
    ({"village": ""}, "考核对象为村（社区）时必须选择村（社区）"),
])
def test_manual_scores_need_a_score_within_the_weight_and_a_reason(clerk_client, scheme, changes, message):
    data = {"scored_on": f"{Y}-12-20", "criterion": str(scheme["manual"].pk), "assessee_kind": "village",
            "village": str(scheme["east"].pk), "score": "26", "basis": "村规民约未按期修订，扣4分"} | changes
    response = clerk_client.post("/ledgers/assessment-scores/new/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not AssessmentScore.objects.exists()


@pytest.mark.parametrize("changes, message", [
    ({"applies_to": "department"}, "考核部门的指标只能人工评分"),
    ({"target": ""}, "必须填写大于0的目标值"),
    ({"weight": "60"}, "考核指标分值合计不能超过100分（已有50分，本项最多50分）"),
    ({"indicator_key": "vice_principal_coverage"}, "选择一个有效的选项"),  # not computable per village
])
def test_criteria_are_checked(clerk_client, scheme, changes, message):
    data = {"adopted_on": f"{Y}-02-20", "name": "法律明白人培养", "applies_to": "village", "weight": "10",
            "indicator_key": "legal_literates", "target": "2"} | changes
    response = clerk_client.post("/ledgers/assessment-criteria/new/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert AssessmentCriterion.objects.count() == 2


def test_the_service_scores_every_village_once_and_again_only_when_the_records_change(township, clerk, scheme):
    assert assessment_score_from_data(organisation=township, year=Y, scored_on=D(Y, 12, 20), user=clerk) == 2
    assert {s.village.name: s.score for s in AssessmentScore.objects.all()} == {"东村": Decimal("15.0"), "西村": Decimal("20.0")}
    assert assessment_score_from_data(organisation=township, year=Y, scored_on=D(Y, 12, 21), user=clerk) == 0
    PublicityEventFactory(organisation=township, village=scheme["east"], held_on=D(Y, 11, 4))
    assert assessment_score_from_data(organisation=township, year=Y, scored_on=D(Y, 12, 22), user=clerk) == 1
    east = AssessmentScore.objects.get(village=scheme["east"])
    assert east.score == Decimal("20.0") and east.history.count() == 2


@pytest.fixture
def scored(township, clerk, scheme):
    assessment_score_from_data(organisation=township, year=Y, scored_on=D(Y, 12, 20), user=clerk)
    AssessmentScoreFactory(organisation=township, criterion=scheme["manual"], village=scheme["east"],
                           scored_on=D(Y, 12, 20), score=Decimal(28), basis="扣2分")
    AssessmentScoreFactory(organisation=township, criterion=scheme["manual"], village=scheme["west"],
                           scored_on=D(Y, 12, 20), score=Decimal(20), basis="扣10分").void(reason="评分有误")
    return scheme


def test_the_results_rank_villages_and_show_what_is_not_scored(clerk_client, township, scored):
    page = clerk_client.get(f"/assessment/{township.code}/{Y}/").content.decode()
    assert page.index("东村：<strong>43.0</strong>") < page.index("西村：<strong>20.0</strong>")
    assert "1. 东村" in page and "2. 西村" in page and "1 项未评分" in page and "扣2分" in page
    sheet = load_workbook(io.BytesIO(clerk_client.get(f"/assessment/{township.code}/{Y}/results.xlsx").content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert [1, "村（社区）", "东村", "合计", 50, 43, None, None] in rows
    assert [2, "村（社区）", "西村", "民主法治示范村创建", 30, "未评分", None, None] in rows


def test_the_report_lists_the_results_under_organisation_each_total_linked_to_its_scores(client, clerk, township, scored):
    composed = compose_report(report_new(township, Y))
    measures = next(s for s in composed.sections if s.key == "measures_text")
    paragraph = next(p.plain for p in measures.paragraphs if p.area == "organisation")
    # the phrasing is the township's own (fazhi/reports/writing/wording.py); the count and the leading scores are stated
    assert "指标2项" in paragraph and "东村（43分）、西村（20分）" in paragraph
    assert "自动计分" not in paragraph and "未评分" not in paragraph  # working details stay on the results page
    from fazhi.reports.compose import ReportData
    from fazhi.reports.writing import markers

    data = ReportData.load(township, Y)  # staff's text keeps each score live: its marker names the assessee
    text = markers.to_text(data.written["measures_text"])
    assert "东村（【数据：目标管理考核评分·东村】）" in text
    assert [p.runs for p in markers.parse(text, data.writer, {})] == [p.runs for p in data.written["measures_text"]]
    client.force_login(clerk)
    page = client.get(f"/reports/view/{township.code}/{Y}/").content.decode()
    link = re.search(r'<a data-indicator="assessment_scores" href="([^"]+)"[^>]*>43</a>分', page)
    assert link and html.unescape(link.group(1)) == f"/assessment/{township.code}/{Y}/#village-{scored['east'].pk}"
    assert f'id="village-{scored["east"].pk}"' in client.get(link.group(1)).content.decode()


def test_another_township_gets_404_on_the_results(client, other_clerk, township, scored):
    client.force_login(other_clerk)
    assert client.get(f"/assessment/{township.code}/{Y}/").status_code == 404
    assert client.get(f"/assessment/{township.code}/{Y}/results.xlsx").status_code == 404


def test_the_command_scores_the_villages_and_refuses_bad_input(township, clerk, scheme):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = StringIO()
    call_command("assessment-score", org=township.code, year=Y, date=f"{Y}-12-28", stdout=out)
    assert "写入或更新得分 2 条" in out.getvalue() and AssessmentScore.objects.count() == 2
    with pytest.raises(CommandError, match="没有编码为 NOPE 的乡镇"):
        call_command("assessment-score", org="NOPE", year=Y)
    with pytest.raises(CommandError, match="不是有效日期"):
        call_command("assessment-score", org=township.code, year=Y, date="昨天")
