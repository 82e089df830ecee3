"""The dates a report sets: plans after the 成文日期 (`plan_date_after_signing`), and one deadline for one fix in the
rule-of-law report and the disclosure annual report (`two_reports_agree_on_dates`)."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.reports.check import check_text
from fazhi.reports.check.adapters import from_composed, from_text
from fazhi.reports.check.rules import RULES, plan_date_after_signing, two_reports_agree_on_dates
from fazhi.reports.check.rules.dates import dates_in, disagreements, signing_date
from fazhi.reports.tests.check_builders import composed, para

SIGNED = dt.date(2026, 2, 26)


def _checked(**sections):
    """A composed report of 2025 signed on 2026年2月26日 (as the adapter would give it)."""
    check_input = from_composed(composed(**sections))
    check_input.dated = SIGNED
    return check_input


def test_both_rules_are_run():
    assert plan_date_after_signing in RULES and two_reports_agree_on_dates in RULES


def test_dates_as_written_give_the_last_day_they_allow():
    found = {d.printed: d.last_day for d in dates_in(
        "于2026年6月30日前完成；2026年3月底前补发；2026年一季度召开；2026年第三季度末；2026年上半年；2026年底前；2026年5月中旬")}
    assert found == {"2026年6月30日前": dt.date(2026, 6, 30), "2026年3月底前": dt.date(2026, 3, 31),
                     "2026年一季度": dt.date(2026, 3, 31), "2026年第三季度末": dt.date(2026, 9, 30),
                     "2026年上半年": dt.date(2026, 6, 30), "2026年底前": dt.date(2026, 12, 31),
                     "2026年5月中旬": dt.date(2026, 5, 20)}
    assert dates_in("自2026年2月起按月调度，2026年13月底前，2026年2月30日前，3月底前，2026年") == []


# ---------------------------------------------------------------- plan_date_after_signing

def test_a_plan_deadline_before_the_signing_date_is_a_problem():
    report = _checked(plans_text=[para("（一）提高人大代表建议办理质效。对“关于加快农村宅基地审批办理的建议”于2026年1月底前书面答复；"
                                       "建立代表建议办理台账，逐件明确承办单位和答复期限。")])
    problems = plan_date_after_signing(report)
    assert [(p.rule, p.weight) for p in problems] == [("plan_date_after_signing", 10)]
    assert problems[0].message == (
        "下一年度工作安排中的时限“2026年1月底前”不晚于成文日期2026年2月26日，计划的时限应在成文日期之后"
        "（“对‘关于加快农村宅基地审批办理的建议’于2026年1月底前书面答复”）")


def test_a_plan_for_the_next_year_dated_inside_the_report_year_is_a_problem():
    report = _checked(plans_text=[para("2025年12月底前完成村规民约修订。")])
    problems = plan_date_after_signing(report)
    assert [p.message for p in problems] == [
        "下一年度工作安排中的时限“2025年12月底前”在报告年度（2025年）之内：下一年度的工作安排应定在2026年及以后"
        "（“2025年12月底前完成村规民约修订”）"]


def test_a_measure_in_the_shortcomings_part_dated_on_the_signing_day_is_a_problem():
    report = _checked(shortcomings_text=[para("规范性文件备案不够及时，下一步将于2026年2月26日前补报备案。")])
    problems = plan_date_after_signing(report)
    assert len(problems) == 1
    assert problems[0].message.startswith("存在的不足中的整改措施中的时限“2026年2月26日前”不晚于成文日期2026年2月26日")


def test_plans_after_the_signing_date_and_past_references_are_no_problem():
    report = _checked(
        measures_text=[para("2025年3月底前印发工作要点，2025年12月31日前全部完成。")],  # part 一: past facts
        shortcomings_text=[para("“关于加快农村宅基地审批办理的建议”应于2025年6月17日前答复，至年底仍未答复。"),
                           para("原计划2025年6月底前完成的管网改造尚未启动，下一步将加快推进。")],
        plans_text=[para("2026年3月底前将仅在政务公开栏公布的信息在政府网站补充发布；2026年一季度召开专题会议。"),
                    para("巩固2025年开展的“渡口说法”普法品牌，截至2025年底已覆盖10个村。"),
                    para("上年度提出的2025年3月底前补充公开复文的措施继续落实，自2026年2月起按月调度。"),
                    para("2026年，我镇将继续推进法治政府建设。")])
    assert plan_date_after_signing(report) == []


def test_a_report_without_dates_or_without_a_known_signing_date():
    assert plan_date_after_signing(_checked()) == []
    undated = from_composed(composed(plans_text=[para("2026年1月底前完成。")]))  # no 成文日期, no organisation
    undated.year = None
    assert plan_date_after_signing(undated) == []


def test_control_characters_do_not_hide_or_break_a_date():
    report = _checked(plans_text=[para("2026年\x071月底\u200b前完成\x1b答复。")])
    problems = plan_date_after_signing(report)
    assert len(problems) == 1 and "“2026年1月底前”" in problems[0].message and "\x07" not in problems[0].message


IMPORTED = """中共甲镇委员会 甲镇人民政府关于2025年度法治政府建设情况的报告
一、2025年主要举措和成效
2025年3月底前印发工作要点，开展普法活动3场。
二、存在的不足和原因
法治工作力量相对薄弱。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、2026年工作安排
1.{plan}
甲镇人民政府
{dated}
"""


def test_an_imported_report_takes_the_date_at_its_end():
    text = IMPORTED.format(plan="2026年1月底前完成村规民约修订。", dated="2026年2月10日")
    assert signing_date(from_text(text)) == dt.date(2026, 2, 10)
    problems = plan_date_after_signing(from_text(text))
    assert [p.message for p in problems] == [
        "下一年度工作安排中的时限“2026年1月底前”不晚于成文日期2026年2月10日，计划的时限应在成文日期之后"
        "（“1.2026年1月底前完成村规民约修订”）"]
    later = IMPORTED.format(plan="2026年3月底前完成村规民约修订。", dated="二〇二六年二月十日")
    assert signing_date(from_text(later)) == dt.date(2026, 2, 10)
    assert plan_date_after_signing(from_text(later)) == []
    assert {p.rule for p in check_text(text).problems} >= {"plan_date_after_signing"}


def test_an_imported_report_without_a_date_is_held_only_to_its_year():
    no_date = IMPORTED.format(plan="2026年1月底前完成村规民约修订。", dated="")
    assert signing_date(from_text(no_date)) is None and plan_date_after_signing(from_text(no_date)) == []
    in_year = IMPORTED.format(plan="2025年11月底前完成村规民约修订。", dated="")
    assert "在报告年度（2025年）之内" in plan_date_after_signing(from_text(in_year))[0].message
    assert plan_date_after_signing(from_text("四、工作计划\n2025年1月底前完成。")) == []  # no year, no date: no check
    assert two_reports_agree_on_dates(from_text(no_date)) == []  # no organisation: no disclosure report


# ---------------------------------------------------------------- two_reports_agree_on_dates

# Part 五 of 河口镇's 2025 disclosure report as generated before the two generators agreed (fazhi disclosure-report
# --org SFX02 --year 2025): the off-website items by 2026年2月底, the overdue suggestion by 2026年1月底, while its
# rule-of-law report set 2026年3月底 for both.
PART_FIVE = """（一）上年度问题整改情况
上年度报告针对人大代表建议办理结果未公开的问题，提出的措施是：2025年3月底前在政府网站补充公开8件办理复文，以后随答随公开。登记记录显示该措施未按期落实，该问题本年仍然存在，继续列为本年问题，措施见下文。
（二）存在的主要问题
对照登记记录，本年度主要存在以下问题：一是有2条主动公开信息仅通过政务公开栏公开，未在政府网站发布，涉及宅基地使用情况审核1条、社会救助1条。二是本年答复的8件人大代表建议、议案，办理结果未在政府网站公开。三是1件代表建议“关于加快农村宅基地审批办理的建议”超过答复期限（2025年6月17日），至年底尚未答复。四是政务公开社会评议本年度没有开展，群众对公开工作的评价未能反映。
（三）改进措施
针对上述问题，我镇明确由党政综合办公室（政务公开办公室）负责逐项整改。一是按照《条例》第二十四条规定，在{website}补发上述信息，村（社区）公示材料统一报送后在网站和公开栏同步发布。二是在2026年3月底前将2025年代表建议、议案办理复文在政府网站集中公开，此后每件答复后20个工作日内公开。三是{deputy}完成答复，答复后20个工作日内公开办理结果，由分管领导逐件督办。四是在2026年11月底前组织服务对象和村（居）民代表开展政务公开满意度评议，结果纳入年度考核并在下一年度报告中公布。"""
OLD = PART_FIVE.format(website="2026年2月底前", deputy="2026年1月底前")
AGREEING = PART_FIVE.format(website="2026年3月底前", deputy="2026年3月底前")


def _rule_of_law_report():
    report = _checked(plans_text=[
        para("（四）提高人大代表建议办理质效。"),
        para("对“关于加快农村宅基地审批办理的建议”于2026年3月底前书面答复；建立代表建议办理台账，逐件明确承办单位和答复期限，"
             "期限届满前15日提醒；办理前当面听取领衔代表意见，答复后回访，代表满意和基本满意率达到90%以上。"),
        para("（五）统一政务公开发布平台。"),
        para("2026年3月底前将仅在政务公开栏公布的信息在政府网站补充发布，此后主动公开的政府信息均在政府网站同步发布。"),
        para("（六）严格规范性文件备案管理。2026年6月底前完成《甲镇临时救助实施细则》补报备案。")])
    report.year = 2025
    return report


def test_two_deadlines_for_the_same_fix_are_problems_naming_both_dates_and_both_documents():
    problems = disagreements(_rule_of_law_report(), OLD)
    assert [(p.rule, p.weight) for p in problems] == [("two_reports_agree_on_dates", 10)] * 2
    assert [p.message for p in problems] == [
        "同一整改事项（“关于加快农村宅基地审批办理的建议”的答复）的时限不一致：法治政府建设情况报告定为“2026年3月底前”，"
        "2025年政府信息公开工作年度报告定为“2026年1月底前”；两份报告应采用同一时限",
        "同一整改事项（仅在政府网站以外公开的信息在政府网站补发）的时限不一致：法治政府建设情况报告定为“2026年3月底前”，"
        "2025年政府信息公开工作年度报告定为“2026年2月底前”；两份报告应采用同一时限",
    ]


def test_agreeing_deadlines_and_other_fixes_are_no_problem():
    assert disagreements(_rule_of_law_report(), AGREEING) == []
    # the same deadline written another way is the same deadline
    assert disagreements(_rule_of_law_report(), AGREEING.replace("在2026年3月底前补发", "在2026年3月31日前补发")) == []
    # last year's measure (上年度问题整改情况) is not this year's fix; another matter or another action is not the same fix
    other = _checked(plans_text=[
        para("2026年4月底前将代表建议办理情况纳入年度考核，办理结果由承办单位逐件回访核实。"),
        para("对“关于加强校园周边交通安全管理的建议”于2026年4月底前回访代表。"),
        para("对“关于加快农村宅基地审批办理的建议”的办理情况于2026年5月底前开展回访。")])
    other.year = 2025
    assert disagreements(other, OLD) == []


def test_a_disclosure_part_five_written_freely_or_empty_is_not_compared():
    assert disagreements(_rule_of_law_report(), "") == []
    assert disagreements(_rule_of_law_report(), "今年我镇将在2026年1月底前答复“关于加快农村宅基地审批办理的建议”。") == []
    assert disagreements(_rule_of_law_report(), "\x00\x07（三）改进措施\n一是\x1b。二是") == []


def test_a_single_problem_with_its_single_measure_is_compared():
    five = ("（一）存在的主要问题\n本年度，1件代表建议“关于加快农村宅基地审批办理的建议”超过答复期限，至年底尚未答复。\n"
            "（二）改进措施\n我镇明确由党政综合办公室负责整改：继续落实上年度措施，2026年2月底前完成答复。")
    problems = disagreements(_rule_of_law_report(), five)
    assert len(problems) == 1 and "定为“2026年2月底前”" in problems[0].message


@pytest.mark.django_db
def test_the_township_disclosure_report_is_read_or_said_unavailable(township, monkeypatch):
    from fazhi.disclosure import annual_report

    class Loaded:
        def texts(self):
            return {annual_report.SECTION_TITLES[4]: OLD}

    report = _rule_of_law_report()
    report.org = township
    monkeypatch.setattr(annual_report, "load", lambda org, year: Loaded())
    assert len(two_reports_agree_on_dates(report)) == 2

    def broken(org, year):
        raise RuntimeError("register unavailable")

    monkeypatch.setattr(annual_report, "load", broken)
    report = _rule_of_law_report()  # a new check: the disclosure report is computed once per check
    report.org = township
    problem, = two_reports_agree_on_dates(report)
    assert problem.weight == 0 and problem.message == "未能计算2025年政府信息公开工作年度报告，无法核对两份报告中同一整改事项的时限"


@pytest.mark.django_db
def test_a_township_year_without_records_is_checked(township):
    """No records, no saved report: the 成文日期 is the default a draft carries; the disclosure report computes."""
    from fazhi.reports import narrative

    report = from_composed(composed(plans_text=[para("2026年1月5日前完成。")]), township)
    report.year, report.dated = 2025, None  # the adapter knows no 成文日期: the township's is looked up
    assert signing_date(report) == narrative.default_dated(township, 2025)
    assert [p.rule for p in plan_date_after_signing(report)] == ["plan_date_after_signing"]
    assert two_reports_agree_on_dates(report) == []


@pytest.mark.django_db
def test_a_saved_signing_date_is_the_one_checked(township, clerk):
    from fazhi.reports.models import AnnualReport

    AnnualReport.objects.create(organisation=township, year=2025, created_by=clerk, dated=dt.date(2026, 1, 3))
    report = from_composed(composed(plans_text=[para("2026年1月5日前完成。")]), township)
    report.year, report.dated = 2025, None  # the adapter knows no 成文日期: the township's is looked up
    assert signing_date(report) == dt.date(2026, 1, 3) and plan_date_after_signing(report) == []
