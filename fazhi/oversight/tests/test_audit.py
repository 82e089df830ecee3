"""The completeness audit: statutory items, key areas, contradicting figures, boilerplate."""
from __future__ import annotations

from fazhi.oversight.audit import audit_report

FULL_TEXT = "重大行政决策 政务公开 行政执法 出庭应诉 合法性审查 普法 矛盾纠纷"
ALL_ITEMS = ["measures", "shortcomings", "leaders_duty", "plans"]


def _fig(key, value, approx=False):
    return {"indicator": key, "value": value, "approx": approx}


def test_a_complete_report_with_consistent_figures_scores_100():
    audit = audit_report(FULL_TEXT, ALL_ITEMS, [_fig("disputes_handled", 198), _fig("disputes_resolved", 188),
                                                _fig("dispute_success_rate", 95, approx=True)])
    assert audit.score == 100 and audit.reasons == []


def test_missing_items_and_areas_cost_points_with_reasons():
    audit = audit_report("普法 矛盾纠纷 行政执法", ["measures"], [_fig("publicity_events", 3)])
    assert audit.score == 100 - 15 - 15 - 10 - 4 * 5
    text = "；".join(audit.reasons)
    assert "缺少法定内容“存在的不足和原因”" in text and "未涉及出庭应诉" in text and "未涉及重大行政决策" in text


def test_a_rate_that_does_not_match_its_counts_is_a_contradiction():
    audit = audit_report(FULL_TEXT, ALL_ITEMS, [_fig("disputes_handled", 198), _fig("disputes_resolved", 188),
                                                _fig("dispute_success_rate", 100)])
    assert audit.score == 90
    assert "调" not in audit.reasons[0] or "dispute_success_rate写作100%" in audit.reasons[0]
    assert "按188÷198计算为94.9%" in audit.reasons[0]


def test_more_resolved_than_handled_and_rates_over_100_are_contradictions():
    audit = audit_report(FULL_TEXT, ALL_ITEMS, [_fig("disputes_handled", 10), _fig("disputes_resolved", 12),
                                                _fig("exam_pass_rate", 120)])
    assert audit.score == 80


def test_a_report_without_any_figure_is_boilerplate():
    audit = audit_report(FULL_TEXT, ALL_ITEMS, [])
    assert audit.score == 70 and "没有可核对的工作数据" in audit.reasons[0]
