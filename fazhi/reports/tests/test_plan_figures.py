"""Review G5: a plan (part 四) never sets a date already past on the report's 成文日期 nor a target below the year's
own level; an overdue span is counted, not guessed; part 三 says what its meeting count counts beside part 一's;
the demo's 满意率 follow from the counts stated beside them."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from fazhi.reports import services
from fazhi.reports.compose import ReportData
from fazhi.reports.structure import FigureRun
from fazhi.reports.tests.conftest import YEAR, on
from fazhi.reports.writing import sections
from fazhi.testing.factories import DeputySuggestionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def text(paragraphs) -> str:
    return "".join(r.text if not isinstance(r, FigureRun) else f"{r.value}{r.unit}"
                   for p in paragraphs for r in p.runs)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


@pytest.mark.parametrize(("due", "until", "expected"), [
    (dt.date(2025, 6, 17), dt.date(2025, 12, 31), "6个月零14天"),  # not "近六个月"
    (dt.date(2025, 6, 30), dt.date(2025, 12, 31), "6个月零1天"),
    (dt.date(2025, 12, 1), dt.date(2025, 12, 31), "30天"),
    (dt.date(2025, 7, 31), dt.date(2025, 12, 31), "5个月"),
    (dt.date(2025, 1, 31), dt.date(2025, 3, 1), "1个月零1天"),  # 1月31日 + 1个月 = 2月28日
    (dt.date(2025, 12, 31), dt.date(2025, 12, 31), ""),
])
def test_overdue_span_counts_months_and_days(due, until, expected):
    assert sections.overdue_span(due, until) == expected


def test_plan_deadline_follows_the_default_dated(township):
    w = ReportData.load(township, YEAR).writer
    year, month = map(int, re.fullmatch(r"(\d{4})年(\d{1,2})月底前", w.plan_deadline()).groups())
    assert month_end(year, month) > w.dated


def test_plan_deadline_follows_the_saved_dated(township):
    report = services.report_new(township, YEAR)
    report.dated = dt.date(YEAR + 1, 12, 10)
    report.save()
    assert ReportData.load(township, YEAR).writer.plan_deadline() == f"{YEAR + 2}年1月底前"


def test_no_plan_date_on_or_before_the_dated(township):
    """The unanswered suggestion's reply date in part 四 is after the 成文日期 (review G5 B1: "于2026年1月底前" in a
    report dated 2026年2月26日), and its overdue span in part 二 is counted."""
    suggestion = DeputySuggestionFactory(organisation=township, assigned_on=on(3, 17), answered_on=None)
    report = services.report_new(township, YEAR)
    report.dated = dt.date(YEAR + 1, 2, 26)
    report.save()
    data = ReportData.load(township, YEAR)
    plans, shortcomings = text(data.written["plans_text"]), text(data.written["shortcomings_text"])
    assert f"于{YEAR + 1}年3月底前书面答复" in plans
    for year, month in re.findall(r"(\d{4})年(\d{1,2})月底前", plans):
        assert month_end(int(year), int(month)) > report.dated
    assert "近" not in shortcomings.split("超过答复期限", 1)[-1][:3]
    assert "超过答复期限" + sections.overdue_span(suggestion.due_on, on(12, 31)) in shortcomings


def test_part_three_says_what_its_meeting_count_counts(ledgers):
    """Part 一 counts all rule-of-law meetings (2), part 三 those a principal chaired (1): part 三 states both."""
    data = ReportData.load(ledgers, YEAR)
    duties = text(data.written["duties_text"])
    assert "全年研究法治建设的会议共2次" in duties


def test_part_three_reports_heard_are_some_of_the_meetings(township):
    for month in (2, 5, 9):
        MeetingFactory(organisation=township, held_on=on(month, 20), chaired_by_principal=True,
                       topic="听取司法所关于矛盾纠纷调处情况的汇报" if month == 5 else "研究部署法治建设工作")
    duties = text(ReportData.load(township, YEAR).written["duties_text"])
    assert "全年研究法治建设的会议共" not in duties  # the same 3 meetings in both parts
    assert re.search(r"全年(共)?听取(法治建设)?(工作)?(专题)?汇报1次", duties)


def test_plan_targets_not_below_the_year(township):
    for month in range(1, 10):
        MeetingFactory(organisation=township, held_on=on(month, 10), chaired_by_principal=True,
                       topic="听取法治建设工作汇报" if month < 4 else "研究部署法治建设工作")
    w = ReportData.load(township, YEAR).writer
    assert sections._not_below(w, "党委" + sections.QUARTERLY_MEETINGS) == "党委全年专题研究法治建设工作不少于9次、每季度至少一次"
    lead = sections._leadership(w)[1]
    assert "至少各听取一次" not in lead and "每季度至少专题研究一次" not in sections._not_below(w, lead)
    if "听取法治建设专题汇报" in lead:
        assert "不少于3次" in lead


def test_demo_satisfaction_rates_follow_from_their_counts():
    from fazhi.demo.seed_items import SOCIAL_EVALUATION, satisfaction_rate

    for name, satisfied, respondents, paper, phrase in SOCIAL_EVALUATION.values():
        assert 0 < satisfied <= respondents
        assert f"{respondents}份" in phrase or f"{respondents}名" in phrase
        assert str(satisfied) in phrase
    assert satisfaction_rate(290, 301) == Decimal("96.3")
    assert satisfaction_rate(80, 86) == Decimal("93.0")


@pytest.mark.parametrize(("dated", "expected"), [
    (dt.date(YEAR + 1, 1, 15), f"{YEAR + 1}年3月底前"),  # not 2月底前: the disclosure report promised March
    (dt.date(YEAR + 1, 2, 26), f"{YEAR + 1}年3月底前"),
    (dt.date(YEAR + 1, 3, 31), f"{YEAR + 1}年4月底前"),  # the shared date is past: the report's own
])
def test_both_reports_give_one_deadline_for_one_fix(township, dated, expected):
    """Review G5: 河口镇's disclosure report promised the overdue suggestion's reply by 2026年1月底前 and its
    rule-of-law report by 2026年3月底前. Both now take the disclosure report's date while it lies ahead."""
    from fazhi.disclosure import annual_report

    DeputySuggestionFactory(organisation=township, assigned_on=on(3, 17), answered_on=None, title="关于修缮村道的建议")
    report = services.report_new(township, YEAR)
    report.dated = dated
    report.save()
    plans = text(ReportData.load(township, YEAR).written["plans_text"])
    assert f"对“关于修缮村道的建议”于{expected}书面答复" in plans
    five = annual_report.load(township, YEAR).texts()["五、存在的主要问题及改进情况"]
    assert f"{YEAR + 1}年3月底前" in five.split("改进措施\n")[1]
