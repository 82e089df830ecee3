"""The county reviewer's fourth reading of the disclosure annual report (review G4): a problem carried over from last
year quotes last year's measure and says plainly that it was not carried out (never that it was "adjusted"), and
this year's measure is not last year's with the year changed; what became of last year's items is dated from the
record; no reviewer's cross-check ("与表二一致") in the public text; a deputy's suggestion overdue and unanswered is a
problem of 五 with its measure, not a pasted record in 六; 第四十九条 is not cited for a township; the fee sentence
leads with its basis; delays are counted in working days."""
from __future__ import annotations

import datetime as dt
import re

from fazhi.disclosure import annual_report, report_texts
from fazhi.disclosure.models import DisclosureGuide
from fazhi.testing.factories import DeputySuggestionFactory, ProactiveReleaseFactory, TownshipFactory

D = dt.date
FIVE, SIX = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"


def _five(township, year=2025) -> str:
    return annual_report.load(township, year).texts()[FIVE]


def _part(five: str, heading: str) -> str:
    return five.split(f"{heading}\n")[1].split("\n")[0]


def _years_with_unpublished_answers(township):
    """Both years: releases, a deputy's suggestion answered but its answer never published, no social evaluation."""
    for year in (2024, 2025):
        ProactiveReleaseFactory(organisation=township, published_on=D(year, 6, 10))
        DeputySuggestionFactory(organisation=township, assigned_on=D(year, 3, 10), answered_on=D(year, 5, 6))


def test_a_problem_carried_over_quotes_last_years_measure_and_is_not_claimed_adjusted(township):
    """GIVEN the deputies' answers unpublished in 2024 and again in 2025
    THEN 五（一） quotes the 2024 measure and says the register shows it was not carried out by its date; nothing
    claims the measures were adjusted or new; 五（三）'s measure is not last year's with the year changed."""
    _years_with_unpublished_answers(township)
    five = _five(township)
    rectified = _part(five, "（一）上年度问题整改情况")
    last = {p.key: p for p in report_texts.findings(annual_report.load(township, 2024), earlier=1)}
    assert f"上年度报告针对人大代表建议办理结果未公开的问题，提出的措施是：{last['deputy_unpublished'].fix}。" in rectified
    assert "该措施未按期落实" in rectified and "2025年" in last["deputy_unpublished"].fix
    assert not re.search("调整|新的措施|新措施", five)
    now = {p.key: p for p in report_texts.findings(annual_report.load(township, 2025))}
    for key in ("deputy_unpublished", "no_social_evaluation", "no_assessment"):
        assert re.sub(r"\d+", "#", now[key].fix) != re.sub(r"\d+", "#", last[key].fix), key
        assert now[key].fix in _part(five, "（三）改进措施")


def test_a_measure_without_another_is_said_to_be_carried_on(township, monkeypatch):
    """GIVEN a problem whose only measure was last year's too
    THEN 五 says the measure is carried on ("继续落实"), and never that it was adjusted."""
    def same_problem(data):
        return [report_texts.Problem("corrected", "因政府信息公开被行政复议机关或人民法院纠正1件",
                                     f"在{data.year + 1}年3月底前逐件分析被纠正案件的原因")]

    monkeypatch.setattr(report_texts, "_findings", same_problem)
    ProactiveReleaseFactory(organisation=township, published_on=D(2024, 6, 10))
    five = _five(township)
    assert "本年仍存在同类问题，本年继续落实该措施。" in _part(five, "（一）上年度问题整改情况")
    assert "继续落实上年度措施，在2026年3月底前逐件分析被纠正案件的原因。" in _part(five, "（三）改进措施")
    assert not re.search("调整|新的措施", five)


def test_last_years_items_put_right_are_dated_from_the_record(township):
    """GIVEN a 2024 release only on the notice board, published again on the website on 10 April 2025
    THEN 五（一） says when, against the date last year's measure promised; without that record it says plainly that
    the register shows no such publication and the measure was not carried out."""
    ProactiveReleaseFactory(organisation=township, published_on=D(2024, 9, 12), title="松林村土地流转情况公示",
                            venue="政务公开栏", category="art21_land_transfer")
    ProactiveReleaseFactory(organisation=township, published_on=D(2024, 10, 8))
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 6, 10))
    rectified = _part(_five(township), "（一）上年度问题整改情况")
    assert "这1条信息至年底仍未在政府网站补发，该措施未按期落实" in rectified
    five = _five(township)  # G6 B5: still not put right, so it is this year's problem, with its measure
    assert "上年度仅通过政务公开栏公开的1条信息，至年底仍未在政府网站补发" in _part(five, "（二）存在的主要问题")
    assert "将上年度这1条信息在政府网站补充发布" in _part(five, "（三）改进措施")
    assert "经整改" not in rectified.split("。")[0]
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 4, 10), title="松林村土地流转情况公示",
                            venue="政府网站", category="art21_land_transfer")
    rectified = _part(_five(township), "（一）上年度问题整改情况")
    assert "上年度未在政府网站发布的1条信息已于4月10日在政府网站补发，晚于上年度确定的2025年" in rectified


def test_the_public_text_has_no_reviewers_cross_check(township, other_township, county):
    """"与表二一致" and "表中…" are the reviewer's checks, not statements to the public: the facts only."""
    for org in (township, other_township, TownshipFactory(code="T903", name="丙乡", parent=county)):
        ProactiveReleaseFactory(organisation=org, published_on=D(2025, 5, 8), category="art20_5",
                                table_item="licensing", item_count=3, title="行政许可决定公示（第1批）")
        data = annual_report.load(org, 2025)
        published = "\n".join([data.preamble(), *data.texts().values(), *data.table_texts().values()])
        assert not re.search("与表二|表二所列|一致|覆盖本年作出的全部", published)
        assert "3件" in data.texts()["一、总体情况"] and "行政许可决定" in data.texts()["一、总体情况"]


def test_an_overdue_unanswered_suggestion_is_a_problem_of_five(township):
    """GIVEN a suggestion whose answer was due on 17 June and is unanswered at the year's end
    THEN 五（二） names it with its deadline, 五（三） gives a measure with a date, and 六 only counts (no field label)."""
    DeputySuggestionFactory(organisation=township, assigned_on=D(2025, 3, 10), answered_on=D(2025, 5, 6))
    overdue = DeputySuggestionFactory(organisation=township, assigned_on=D(2025, 3, 17), answered_on=None,
                                      title="关于增加便民服务中心周末值班的建议", department="党政办")
    data = annual_report.load(township, 2025)
    five, six = data.texts()[FIVE], data.texts()[SIX]
    assert f"1件代表建议“关于增加便民服务中心周末值班的建议”超过答复期限（{overdue.due_on.year}年" in five
    assert "2026年3月底前" in five.split("改进措施\n")[1]  # the date the rule-of-law report gives it too
    assert "周末值班" not in six and "承办单位" not in six and "（承办单位" not in five


def test_statutes_fees_and_delays_read_as_a_township_report(township, county):
    """No 第四十九条 for a township (第五十条 alone); the fee sentence leads with its basis and the 文号 of the
    measures; a preamble without an e-mail on file has no 电子邮箱 clause; a task done late is late by working
    days."""
    from fazhi.governance.models import ResponsibilityTask, TaskStatus, WorkPlan

    DisclosureGuide.objects.create(organisation=township, address="甲镇人民路1号", phone="0819-6231024", email="")
    plan = WorkPlan.objects.create(organisation=township, year=2025, title="2025年法治建设工作要点",
                                   adopted_on=D(2025, 2, 20))
    ResponsibilityTask.objects.create(organisation=township, plan=plan, assigned_on=D(2025, 3, 1),
                                      task="完成政务公开标准目录更新", lead="李四", department="党政办", owner="王五",
                                      due_on=D(2025, 10, 28), status=TaskStatus.DONE, done_on=D(2025, 11, 3))
    for code, name in (("T903", "丙乡"), ("T904", "丁乡"), ("T905", "戊镇")):
        TownshipFactory(code=code, name=name, parent=county)
    data = annual_report.load(township, 2025)
    assert "第四十九条" not in data.preamble() and "电子邮箱" not in data.preamble()
    six = data.texts()[SIX].split("\n")[0]
    assert re.match(r"^(按照|根据|依照)《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", six)
    five = data.texts()[FIVE]
    assert "11月3日才完成，推迟4个工作日" in five and "推迟6天" not in five  # 28 Oct → 3 Nov: 4 working days
    for org in annual_report.Organisation.objects.filter(parent=county):
        assert "第四十九条" not in annual_report.load(org, 2025).preamble()


def test_more_than_ten_items_are_numbered_on_without_breaking_the_report():
    from fazhi.disclosure.report_texts import ORDINALS

    assert [ORDINALS[i] for i in (0, 9, 10, 11)] == ["一", "十", "十一", "十二"]


def test_part_four_says_what_was_brought_this_year_apart_from_last_years(township):
    """G9: 表四 counts a 2024 suit decided in 2025 among the year's cases; the sentence said "被提起行政诉讼2件" for one
    suit brought in 2025, against the rule-of-law report's count of cases brought in the year."""
    from fazhi.testing.factories import DisclosureAppealFactory

    DisclosureAppealFactory(organisation=township, kind="litigation_direct", filed_on=D(2024, 11, 5),
                            decided_on=D(2025, 3, 1))
    DisclosureAppealFactory(organisation=township, kind="litigation_direct", filed_on=D(2025, 6, 2),
                            outcome="pending", decided_on=None)
    text = report_texts.appeals(annual_report.load(township, 2025))
    assert "被提起行政诉讼1件" in text and "连同上年度结转的1件，本年办理2件" in text
    assert "结果维持1件" in text and "尚未审结1件" in text
