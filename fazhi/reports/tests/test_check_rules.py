"""The report check's rules, each on a small report that breaks it and one that keeps it."""
from __future__ import annotations

from fazhi.reports.check import check_composed, check_text
from fazhi.reports.check.adapters import from_composed, from_text
from fazhi.reports.check.rules import (
    figure_stated_twice, part_exceeds_whole, rate_with_parts, shortcoming_contradicts_figure, statutory_parts,
)
from fazhi.reports.check.rules.structure import boilerplate, key_areas, no_figures
from fazhi.reports.tests.check_builders import composed, fig, para


def _messages(problems) -> str:
    return "；".join(p.message for p in problems)


# ---------------------------------------------------------------- rate_with_parts

def test_a_success_rate_over_closed_cases_beside_the_cases_taken_in_is_a_contradiction():
    report = composed(measures_text=[para(
        "全年排查调处矛盾纠纷", fig("disputes_handled", 38), "，调解成功", fig("disputes_resolved", 36),
        "，调处成功率", fig("dispute_success_rate", "97.3", "%"), "。")])
    problems = rate_with_parts(from_composed(report))
    assert len(problems) == 1
    message = problems[0].message
    assert "“调处成功率97.3%”" in message and "“排查调处矛盾纠纷38件”" in message and "“调解成功36件”" in message
    assert "36÷38=94.7%" in message and "办结件数" in message and "37件" in message
    assert "dispute" not in message and set(problems[0].indicators) >= {"dispute_success_rate", "disputes_handled"}


def test_the_same_rate_with_its_closed_cases_written_is_consistent():
    report = composed(measures_text=[para(
        "全年受理矛盾纠纷", fig("disputes_handled", 38), "，办结", fig("dispute_success_rate", 37, part="den",
                                                                  label="调处成功率：办结"),
        "，其中调解成功", fig("disputes_resolved", 36), "，调处成功率", fig("dispute_success_rate", "97.3", "%"), "。")])
    assert rate_with_parts(from_composed(report)) == []


def test_closed_cases_written_in_words_count_as_the_base():
    report = composed(measures_text=[para(
        "受理矛盾纠纷", fig("disputes_handled", 38), "，办结37件，调解成功", fig("disputes_resolved", 36),
        "，调处成功率", fig("dispute_success_rate", "97.3", "%"), "。")])
    assert rate_with_parts(from_composed(report)) == []


def test_stated_parts_that_give_another_rate_are_a_contradiction():
    report = composed(measures_text=[para(
        "参考", fig("exam_participants", 46, "人"), "，合格", fig("exam_pass_rate", 40, "人", part="num", label="学法考试合格率：合格"),
        "，合格率", fig("exam_pass_rate", "97.8", "%"), "。")])
    problems = rate_with_parts(from_composed(report))
    assert len(problems) == 1 and "40÷46=87%" in problems[0].message


def test_a_composed_rate_without_its_base_is_incomplete_but_an_imported_one_is_not():
    report = composed(duties_text=[para("负责人出庭应诉", fig("court_appearances", 4, "次"), "，出庭应诉率",
                                        fig("court_appearance_rate", "66.7", "%"), "。")])
    problems = rate_with_parts(from_composed(report))
    assert len(problems) == 1 and "未在同句写明开庭审理次数" in problems[0].message and problems[0].weight == 5
    text = "三、主要负责人履职情况\n主要负责人出庭应诉率100%。"
    imported = from_text(text, [{"indicator": "court_appearance_rate", "value": 100, "unit": "%",
                                 "evidence": "主要负责人出庭应诉率100%"}])
    assert rate_with_parts(imported) == []


def test_an_approximate_rate_holds_when_the_parts_give_at_least_as_much():
    text = "一、主要举措和成效\n全年共调处矛盾纠纷198件，办结198件，调解成功188件，调解成功率达95%以上。"
    figures = [
        {"indicator": "disputes_handled", "value": 198, "evidence": "全年共调处矛盾纠纷198件"},
        {"indicator": "disputes_resolved", "value": 188, "evidence": "调解成功188件"},
        {"indicator": "dispute_success_rate", "value": 95, "unit": "%", "approx": True, "evidence": "调解成功率达95%以上"},
    ]
    assert rate_with_parts(from_text(text, figures)) == []
    figures[1]["value"] = 150
    text = text.replace("188件", "150件")
    figures[1]["evidence"] = "调解成功150件"
    assert len(rate_with_parts(from_text(text, figures))) == 1


# ---------------------------------------------------------------- part_exceeds_whole

def test_appearances_above_lawsuits_need_the_hearings_in_their_sentence():
    measures = [para("办理行政诉讼案件", fig("litigation_cases", 3), "。")]
    bare = composed(measures_text=measures, duties_text=[para("负责人出庭应诉", fig("court_appearances", 4, "次"), "。")])
    problems = part_exceeds_whole(from_composed(bare))
    assert len(problems) == 1
    assert "“负责人出庭应诉4次”多于“行政诉讼案件3件”" in problems[0].message and "开庭" in problems[0].message
    explained = composed(measures_text=measures, duties_text=[para(
        "行政诉讼案件开庭6次，负责人出庭应诉", fig("court_appearances", 4, "次"), "。")])
    assert part_exceeds_whole(from_composed(explained)) == []


def test_more_passes_than_examinees_in_an_imported_report():
    text = "一、主要举措\n全镇52名干部参加学法考试，考试合格56人。"
    figures = [{"indicator": "exam_participants", "value": 52, "unit": "名", "evidence": "全镇52名干部参加学法考试"}]
    problems = part_exceeds_whole(from_text(text, figures))
    assert len(problems) == 1 and "“考试合格56人”多于“参加学法考法人数52名”" in problems[0].message
    fine = text.replace("合格56人", "合格50人")
    assert part_exceeds_whole(from_text(fine, figures)) == []


# ---------------------------------------------------------------- shortcoming_contradicts_figure

def _decisions(shortcoming: str):
    return composed(
        measures_text=[para("作出重大行政决策", fig("decisions_completed", 3, "项"), "，重大行政决策合法性审查率",
                            fig("decision_review_coverage", "100", "%"), "。")],
        shortcomings_text=[para(shortcoming)])


def test_a_shortcoming_that_denies_a_full_review_rate_is_a_contradiction():
    report = _decisions("（一）依法决策还需加强。部分列入年度目录的重大行政决策事项尚未启动合法性审查。")
    problems = shortcoming_contradicts_figure(from_composed(report))
    assert len(problems) == 1
    assert "尚未启动合法性审查" in problems[0].message and "“重大行政决策合法性审查率100%”" in problems[0].message


def test_a_shortcoming_that_only_asks_for_more_effort_is_no_contradiction():
    for text in ("合法性审查工作有待加强，审查质量还需提高。", "未经合法性审查的重大行政决策事项，不得提交讨论。",
                 "杜绝重大行政决策未经合法性审查。"):
        assert shortcoming_contradicts_figure(from_composed(_decisions(text))) == [], text


def test_saying_no_lawsuit_while_stating_lawsuits_is_a_contradiction_but_some_is_not():
    measures = [para("办理行政诉讼案件", fig("litigation_cases", 3), "。")]
    denied = composed(measures_text=measures, shortcomings_text=[para("全年无行政诉讼案件，应诉能力未得到锻炼。")])
    assert len(shortcoming_contradicts_figure(from_composed(denied))) == 1
    for text in ("个别部门未开展行政诉讼案件复盘。", "全年无一起行政诉讼败诉案件。", "因人手不足无法及时应对行政诉讼。"):
        other = composed(measures_text=measures, shortcomings_text=[para(text)])
        assert shortcoming_contradicts_figure(from_composed(other)) == [], text


def test_a_denial_followed_by_a_promise_in_the_same_sentence_is_still_a_contradiction():
    report = _decisions("部分重大行政决策事项尚未启动合法性审查，下一步将确保应审尽审。")
    assert len(shortcoming_contradicts_figure(from_composed(report))) == 1


# ---------------------------------------------------------------- figure_stated_twice

def test_one_figure_stated_twice_with_different_values():
    report = composed(measures_text=[para("开展普法宣传活动", fig("publicity_events", 57, "场次"), "。")],
                      plans_text=[para("（已开展普法宣传活动", fig("publicity_events", 55, "场次", amount=55), "。）")])
    problems = figure_stated_twice(from_composed(report))
    assert len(problems) == 1 and "“普法宣传活动57场次”" in problems[0].message and "55场次" in problems[0].message


def test_a_rounded_statement_agrees_with_the_exact_one_and_changes_on_last_year_are_not_statements():
    report = composed(measures_text=[
        para("发放宣传资料", fig("publicity_materials", "1.6万余", "份", amount=16260, approx=True), "。"),
        para("发放宣传资料", fig("publicity_materials", 16260, "份"), "，",
             fig("publicity_materials", "较上年增加4560份", "", amount=4560, part="change", label="x：与上年比较"), "。")])
    assert figure_stated_twice(from_composed(report)) == []


# ---------------------------------------------------------------- statutory_parts and the carried-over audit

def test_next_years_plans_are_found_under_any_usual_heading():
    for heading in ("四、2026年工作安排", "四、下一步工作计划", "四、下一年度推进法治政府建设的主要安排", "三、下一步打算"):
        text = (f"一、主要举措和成效\n开展普法活动3场。\n二、存在的不足和原因\n不足。\n"
                f"三、党政主要负责人履行推进法治建设第一责任人职责情况\n履职。\n{heading}\n继续努力。")
        assert statutory_parts(from_text(text)) == [], heading


def test_a_missing_part_is_named_in_chinese_with_its_weight():
    text = "一、主要举措和成效\n开展普法活动3场。\n二、存在的不足和原因\n不足。"
    problems = statutory_parts(from_text(text))
    assert [p.weight for p in problems] == [15, 10]
    assert "党政主要负责人履行推进法治建设第一责任人职责情况" in problems[0].message


def test_a_composed_report_has_its_parts_by_their_sections():
    assert statutory_parts(from_composed(composed())) == []


def test_key_areas_no_figures_and_boilerplate():
    assert key_areas(from_composed(composed())) == []
    assert [p.message for p in key_areas(from_text("一、主要举措\n普法。"))][:2] == ["未涉及重大行政决策", "未涉及政务公开"]
    assert no_figures(from_composed(composed()))[0].weight == 30
    long = "坚持以习近平法治思想为指导，认真贯彻落实上级关于法治建设的各项决策部署，统筹推进各项工作，取得了积极成效，得到了群众的广泛认可和好评，为经济社会高质量发展提供了坚实的法治保障。"
    wordy = composed(measures_text=[para(long), para(long), para(long + "开展活动", fig("publicity_events", 3, "场次"), "。")])
    assert boilerplate(from_composed(wordy))[0].message == "2/3段工作举措没有任何数据，套话偏多"
    assert boilerplate(from_composed(composed(measures_text=[para(long + "开展活动", fig("publicity_events", 3, "场次"), "。")]))) == []


def test_score_is_100_minus_the_weights_and_never_below_0():
    clean = composed(measures_text=[para("开展普法宣传活动", fig("publicity_events", 57, "场次"), "。")])
    assert check_composed(clean).score == 100 and check_composed(clean).problems == []
    empty = check_text("")
    assert empty.score == 0 and {p.rule for p in empty.problems} >= {"statutory_parts", "key_areas", "no_figures"}
    assert all("_" not in p.message for p in empty.problems)
