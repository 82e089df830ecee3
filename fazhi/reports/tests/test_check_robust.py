"""The check gives a result, never an exception: no records, voided records, control characters, odd imports;
and the disclosure report's figures are compared with the report's, or said to be unavailable."""
from __future__ import annotations

import pytest
from django.utils import timezone

from fazhi.reports.check import check_composed, check_text, check_township
from fazhi.reports.check.rules import disclosure_report_agrees
from fazhi.reports.check.adapters import from_composed
from fazhi.reports.models import AnnualReport
from fazhi.reports.tests.check_builders import composed, fig, para
from fazhi.testing.factories import DisputeCaseFactory

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1


def test_a_year_without_any_record_is_checked(township):
    composed_report, result = check_township(township, YEAR)
    assert composed_report.figures() == []
    assert [p.rule for p in result.problems if p.weight >= 30] == ["no_figures"]
    assert result.score == 100 - sum(p.weight for p in result.problems) >= 0


def test_a_voided_record_is_not_counted_and_does_not_break_the_check(township, clerk):
    case = DisputeCaseFactory(organisation=township, received_on=timezone.datetime(YEAR, 4, 2).date())
    case.voided_at, case.void_reason = timezone.now(), "录入错误"
    case.save()
    composed_report, result = check_township(township, YEAR)
    assert all(f.key != "disputes_handled" for f in composed_report.figures())
    assert isinstance(result.score, int)


def test_control_characters_in_the_saved_text_and_in_an_import(township, clerk, ledgers):
    # NUL itself cannot be stored on PostgreSQL (forms refuse it); every other control character can.
    AnnualReport.objects.create(organisation=township, year=YEAR, created_by=clerk, title="甲镇\x01报告",
                                shortcomings_text="（一）\x07学法不够。\x1b部分工作\u200b尚未到位。\x7f")
    _, result = check_township(township, YEAR)
    assert 0 <= result.score <= 100
    odd = check_text("一、主要举措\x00\n开展普法\x1b活动3场\x07。\n\x85二、不足\n无。", [
        {"indicator": "publicity_events", "value": 3, "evidence": "开展普法\x1b活动3场"}])
    assert all("\x00" not in p.message for p in odd.problems)


@pytest.mark.parametrize("text", ["", "   \n\n", "\x00\x01\x02", "一、", "%%%%。。。！！", "9" * 400, "二、存在的不足\n" * 300])
def test_an_empty_or_odd_imported_text_gets_a_score(text):
    result = check_text(text, [{"indicator": "dispute_success_rate", "value": None}, {"indicator": "", "value": 3},
                               {"indicator": "disputes_handled", "value": "abc"}, {"value": 5},
                               {"indicator": "exam_pass_rate", "value": 150, "evidence": None}])
    assert 0 <= result.score <= 100 and all(isinstance(p.message, str) for p in result.problems)


def test_the_disclosure_reports_counts_must_agree_with_the_reports(township):
    stated = composed(measures_text=[para("制发行政规范性文件", fig("normative_docs_issued", 4), "，收到政府信息公开申请",
                                          fig("disclosure_requests", 0), "。")])
    problems = disclosure_report_agrees(from_composed(stated, township))
    assert len(problems) == 1
    assert "“制发规范性文件4件”" in problems[0].message and "政府信息公开工作年度报告表二" in problems[0].message
    agreeing = composed(measures_text=[para("收到政府信息公开申请", fig("disclosure_requests", 0), "。")])
    assert disclosure_report_agrees(from_composed(agreeing, township)) == []


def test_a_disclosure_report_that_cannot_be_computed_is_a_problem_not_a_crash(township, monkeypatch):
    from fazhi.disclosure import annual_report

    def broken(org, year):
        raise RuntimeError("register unavailable")

    monkeypatch.setattr(annual_report, "load", broken)
    stated = composed(measures_text=[para("制发行政规范性文件", fig("normative_docs_issued", 4), "。")])
    result = check_composed(stated, township)
    problem = next(p for p in result.problems if p.rule == "disclosure_report_agrees")
    assert "未能计算" in problem.message and problem.weight == 0
