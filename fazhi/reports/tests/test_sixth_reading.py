"""Review G6 (a 县司法局 reader of the 2025 demo reports): a cause that fits the facts, a shortcoming told once,
one measure where both reports tell the same shortcoming, and sentences a township would sign."""
from __future__ import annotations

import pytest

from fazhi.litigation.tests.factories import HearingFactory, LegalCaseFactory
from fazhi.reports.compose import ReportData
from fazhi.reports.structure import FigureRun
from fazhi.reports.tests.conftest import YEAR, on
from fazhi.testing.institution_factories import RuleOfLawBudgetFactory

pytestmark = pytest.mark.django_db


def text(paragraphs) -> str:
    return "".join(r.text if not isinstance(r, FigureRun) else f"{r.value}{r.unit}"
                   for p in paragraphs for r in p.runs)


def _hearings(township, reason: str):
    case = LegalCaseFactory(organisation=township, received_on=on(1, 5))
    HearingFactory(organisation=township, case=case, held_on=on(6, 10))  # the head appeared
    for month in (7, 9):
        HearingFactory(organisation=township, case=case, held_on=on(month, 10), head_appeared=False, head_name="",
                       head_post="", absence_reason=reason,
                       absence_note="镇长当日带队处置山林火情，委托党政综合办公室工作人员出庭" if reason else "")


@pytest.mark.parametrize(("reason", "cause", "not_cause"), [
    ("duty", "副职", "日程统筹"),  # the head was rightly elsewhere: no deputy went instead
    ("", "", "副职替补出庭的机制尚未建立"),  # no excuse recorded: the scheduling is what fell short
])
def test_the_cause_of_absences_fits_their_excuses(township, reason, cause, not_cause):
    _hearings(township, reason)
    data = ReportData.load(township, YEAR)
    shortcomings = text(data.written["shortcomings_text"])
    part = shortcomings.split("出庭应诉", 1)[1]
    assert cause in part and not_cause not in part


def test_part_three_does_not_repeat_part_two_on_hearings(township):
    _hearings(township, "duty")
    data = ReportData.load(township, YEAR)
    shortcomings, duties = text(data.written["shortcomings_text"]), text(data.written["duties_text"])
    told = "本年开庭审理行政诉讼案件1件、庭审3次"
    assert told in shortcomings and told not in duties
    assert "出庭应诉1次" in duties or "出庭1次" in duties
    assert "带头出庭" not in duties and "依法履行出庭应诉职责" not in duties  # G7: no example claimed under a low rate


def test_a_budget_item_of_two_uses_reads_as_a_list(township):
    RuleOfLawBudgetFactory(organisation=township, approved_on=on(1, 10), item="普法宣传与法律顾问经费")
    measures = text(ReportData.load(township, YEAR).written["measures_text"])
    assert "普法宣传与法律顾问" not in measures
    assert "普法宣传、法律顾问" in measures or "普法宣传和法律顾问" in measures


def test_a_shortcoming_both_reports_tell_gets_the_disclosure_reports_measure(township, monkeypatch):
    """青山镇 (G6 B1): the rule-of-law report planned a 时限台账 with no date, the disclosure report a revised 规程 by
    2026年3月底; the plan now carries the disclosure report's measure, the statute named in full."""
    from fazhi.disclosure import report_texts
    from fazhi.reports.writing import sections
    from fazhi.reports.suggestions import Suggestion

    fix = "按照《条例》第三十三条规定，在2026年3月底前修订依申请公开办理规程，明确征求意见结束后的办理时限和分管领导督办环节"
    monkeypatch.setattr(report_texts, "findings", lambda data, earlier=2: [report_texts.Problem("late_answer", "逾期", fix)])
    w = ReportData.load(township, YEAR).writer
    heading, plan = sections._specific_plan(w, Suggestion("依法行政", "", "", "", "disclosure_response_rate"))
    assert heading == "规范依申请公开办理"
    assert plan.startswith("按照《中华人民共和国政府信息公开条例》第三十三条规定，在2026年3月底前修订依申请公开办理规程")
    assert plan.endswith("确保依申请公开按期答复率达到100%")


def test_a_late_court_suggestion_is_told_in_part_two_only(township):
    """G7: 青山镇's late 司法建议 was told nearly word for word in 一（八） and 二（三）."""
    from fazhi.litigation.tests.factories import CourtSuggestionFactory

    CourtSuggestionFactory(organisation=township, received_on=on(3, 2), answered_on=on(8, 20),
                           subject="规范土地流转合同文本和备案管理")
    CourtSuggestionFactory(organisation=township, received_on=on(4, 2), answered_on=on(4, 20))
    data = ReportData.load(township, YEAR)
    measures, shortcomings = text(data.written["measures_text"]), text(data.written["shortcomings_text"])
    assert "超过答复期限" not in measures and "书面回复" not in measures.split("司法建议、检察建议2件", 1)[1][:80]
    assert "超过答复期限" in shortcomings or "未在答复期限内" in shortcomings


def test_last_years_unfixed_disclosure_item_is_a_shortcoming_here_too(township, monkeypatch):
    """G8: the disclosure report carried last year's items still off the website as a problem; the rule-of-law
    report of the same township said nothing of them."""
    from fazhi.disclosure import report_texts

    problem = report_texts.Problem("off_website_unfixed", "上年度仅通过政务公开栏公开的2条信息，至年底仍未在政府网站补发",
                                   "按照《条例》第二十四条规定，在2026年3月底前将上年度这2条信息在政府网站补充发布", 2)
    monkeypatch.setattr(report_texts, "findings", lambda data, earlier=2: [problem])
    data = ReportData.load(township, YEAR)
    shortcomings, plans = text(data.written["shortcomings_text"]), text(data.written["plans_text"])
    assert "上年度仅通过政务公开栏公开的2条信息，至年底仍未在政府网站补发" in shortcomings
    assert "在2026年3月底前将上年度这2条信息在政府网站补充发布" in plans


def test_every_disclosure_measure_not_carried_out_is_a_shortcoming_here(township, monkeypatch):
    """G9: 河口镇's disclosure report said last year's measures on publishing deputies' answers and on a social
    evaluation were not carried out; its rule-of-law report named neither."""
    from fazhi.disclosure import report_texts

    found = [report_texts.Problem("no_social_evaluation", "政务公开社会评议本年度没有开展",
                                  "在2026年11月底前组织政务公开满意度评议", last_fix="2025年10月底前邀请代表评议"),
             report_texts.Problem("late_answer", "申请逾期答复", "修订办理规程", last_fix="修订办理规程")]
    monkeypatch.setattr(report_texts, "findings", lambda data, earlier=2: found)
    data = ReportData.load(township, YEAR)
    shortcomings, plans = text(data.written["shortcomings_text"]), text(data.written["plans_text"])
    assert "政务公开社会评议本年度没有开展" in shortcomings and "整改措施没有按期落实" in shortcomings
    assert "在2026年11月底前组织政务公开满意度评议" in plans
    assert "申请逾期答复" not in shortcomings  # told under its own trigger, not again here


def test_a_mediation_paper_is_not_called_a_judgment(township):
    """G10: "自觉履行生效判决、裁定和复议决定2件" counted a 民事调解书."""
    from fazhi.testing.institution_factories import ObligationRecordFactory

    for n, (paper, day) in enumerate((("民事判决", on(5, 6)), ("民事调解书", on(8, 28)))):
        ObligationRecordFactory(organisation=township, kind="judgment", received_on=day, due_on=day,
                                completed_on=day, content=f"履行（{YEAR}）示0421民初{70 + n}号{paper}，支付货款余款")
    measures = text(ReportData.load(township, YEAR).written["measures_text"])
    assert "自觉履行生效法律文书2件" in measures and "自觉履行生效判决" not in measures
