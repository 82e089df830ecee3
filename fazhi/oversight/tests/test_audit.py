"""The county's completeness audit is the report check: statutory items, key areas, contradicting figures,
boilerplate — with Chinese messages that name figures by their labels."""
from __future__ import annotations

from fazhi.oversight.audit import audit_report

FULL_TEXT = ("一、主要举措和成效\n重大行政决策 政务公开 行政执法 出庭应诉 合法性审查 普法 矛盾纠纷。\n"
             "全年共调处矛盾纠纷198件，调解成功188件，调解成功率达95%以上。\n"
             "二、存在的不足和原因\n不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n履职。\n四、下一步打算\n继续。")
ALL_ITEMS = ["measures", "shortcomings", "leaders_duty", "plans"]


def _fig(key, value, evidence, approx=False):
    return {"indicator": key, "value": value, "approx": approx, "evidence": evidence}


DISPUTES = [_fig("disputes_handled", 198, "全年共调处矛盾纠纷198件"), _fig("disputes_resolved", 188, "调解成功188件")]


def test_a_complete_report_with_consistent_figures_scores_100():
    audit = audit_report(FULL_TEXT, ALL_ITEMS, [*DISPUTES, _fig("dispute_success_rate", 95, "调解成功率达95%以上", approx=True)])
    assert audit.score == 100 and audit.reasons == []


def test_missing_items_and_areas_cost_points_with_reasons():
    audit = audit_report("一、主要举措\n普法 矛盾纠纷 行政执法，开展普法活动3场。", ["measures"],
                         [_fig("publicity_events", 3, "开展普法活动3场")])
    assert audit.score == 100 - 15 - 15 - 10 - 4 * 5
    text = "；".join(audit.reasons)
    assert "缺少法定内容“存在的不足和原因”" in text and "未涉及出庭应诉" in text and "未涉及重大行政决策" in text


def test_a_rate_that_does_not_match_its_counts_is_a_contradiction_named_by_labels():
    text = FULL_TEXT.replace("调解成功率达95%以上", "调解成功率100%")
    audit = audit_report(text, ALL_ITEMS, [*DISPUTES, _fig("dispute_success_rate", 100, "调解成功率100%")])
    assert audit.score == 90
    assert "“调处成功率100%”与同句的“排查调处矛盾纠纷198件”、“调解成功188件”不符（188÷198=94.9%）" in audit.reasons[0]
    assert "dispute" not in audit.reasons[0]


def test_more_resolved_than_handled_is_a_contradiction():
    text = FULL_TEXT.replace("198件", "10件").replace("188件", "12件").replace("，调解成功率达95%以上", "")
    audit = audit_report(text, ALL_ITEMS, [_fig("disputes_handled", 10, "全年共调处矛盾纠纷10件"),
                                           _fig("disputes_resolved", 12, "调解成功12件")])
    assert audit.score == 90 and "“调解成功12件”多于“排查调处矛盾纠纷10件”" in audit.reasons[0]


def test_a_report_without_any_figure_is_boilerplate():
    audit = audit_report(FULL_TEXT, ALL_ITEMS, [])
    assert audit.score == 70 and "没有可核对的工作数据" in audit.reasons[0]
