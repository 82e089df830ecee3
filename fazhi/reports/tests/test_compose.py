"""The composer: every number from the registry and live; prose in the seeds' manner; staff text keeps its markers."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from fazhi.indicators.registry import Scope, compute_all
from fazhi.reports.compose import ReportData, compose_report, default_texts
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport
from fazhi.reports.services import report_new, report_save
from fazhi.reports.writing import markers, numbers, records
from fazhi.testing.factories import DisputeCaseFactory, PublicityEventFactory, TownshipFactory

from .conftest import on

pytestmark = pytest.mark.django_db


def own_figures(composed) -> dict[str, object]:
    return {f.key: f.amount for f in composed.figures() if not f.part}


def section_text(composed, key: str) -> str:
    section = next(s for s in composed.sections if s.key == key)
    return "\n".join(p.plain for p in section.paragraphs)


def all_text(composed) -> str:
    return "\n".join(p.plain for p in composed.intro + [p for s in composed.sections for p in s.paragraphs])


def test_every_number_is_the_registry_figure_its_part_or_its_change(ledgers, year):
    composed = compose_report(report_new(ledgers, year))
    live = compute_all(Scope((ledgers,), year))
    last = compute_all(Scope((ledgers,), year - 1))
    for run in composed.figures():
        fig = live[run.key]
        if run.part == "num":
            assert run.amount == fig.numerator, run
        elif run.part == "den":
            assert run.amount == fig.denominator, run
        elif run.part == "change":
            assert run.amount == Decimal(fig.value) - Decimal(last[run.key].value), run
        elif run.part == records.DETAIL:  # a count of some records, recomputed the way the report computes it
            assert run.amount == records.detail(ReportData.load(ledgers, year).writer, run.key, run.label).amount, run
        elif run.value != "无":
            assert run.amount == fig.value, run
        # all the rule-of-law meetings beside those a principal chaired link to all of them
        linked = "rule_of_law_meetings" if run.label == records.ALL_MEETINGS else run.key
        assert run.href.startswith(f"/indicators/{linked}/records/")
    shown = own_figures(composed)
    assert shown["publicity_events"] == 3 and shown["publicity_materials"] == 600
    assert shown["dispute_success_rate"] == Decimal("75.0")


def test_figures_follow_the_records_when_one_is_added_or_voided(ledgers, year):
    event = PublicityEventFactory(organisation=ledgers, held_on=on(11, 9))
    assert own_figures(compose_report(report_new(ledgers, year)))["publicity_events"] == 4
    event.void(reason="重复录入")
    assert own_figures(compose_report(report_new(ledgers, year)))["publicity_events"] == 3


def test_part_one_reads_like_the_seeds(ledgers, year):
    text = section_text(compose_report(report_new(ledgers, year)), "measures_text")
    # areas as （一）（二）… with "一是……二是……" items
    assert re.search(r"（一）[^。]+。", text) and "一是" in text
    # a rate with its numerator and denominator in the same sentence
    assert "受理各类纠纷4件" in text and "办结4件，其中调解成功3件，调解成功率75%" in text
    assert "参考3人，合格2人，合格率66.7%" in text
    # year-on-year in prose, never in brackets, never on fixed facts
    assert "较上年增加1场次" in text  # a key figure: 2 → 3 events
    assert "（同比" not in text and "与上年持平" not in text and "（与上年" not in text
    assert "人次（" not in text


def test_year_on_year_only_where_material_or_key_and_at_most_a_dozen(township, year):
    for month in (1, 2, 3, 4, 5):
        PublicityEventFactory(organisation=township, held_on=on(month, 5), materials=100)
        PublicityEventFactory(organisation=township, held_on=on(month, 5, year - 1), materials=99)
    writer = ReportData.load(township, year).writer
    assert "publicity_events" not in writer.compared  # unchanged
    assert "publicity_materials" not in writer.compared  # 495 → 500: not material
    assert len(writer.compared) <= 12


def test_large_figures_are_written_as_reports_write_them():
    assert numbers.large(16260, "份") == ("1.6万余", "份", True)
    assert numbers.large(20000, "人次") == ("2万", "人次", False)
    assert numbers.large(50000, "元") == ("5万", "元", False)
    assert numbers.large(Decimal("52345.00"), "元") == ("5.23万余", "元", True)
    assert numbers.large(9999, "份") == ("9999", "份", False)


def test_zero_results_are_stated_naturally(township, year):
    from fazhi.testing.institution_factories import LegalCaseFactory

    LegalCaseFactory(organisation=township, kind="litigation", received_on=on(3, 1), outcome="upheld", concluded_on=on(9, 1))
    text = all_text(compose_report(report_new(township, year)))
    assert "无行政行为被撤销、变更或确认违法的情形" in text and "败诉" not in text
    assert "（0" not in text and "0件" not in text


def test_unconnected_indicators_never_appear_as_numbers(ledgers, year):
    composed = compose_report(report_new(ledgers, year))
    live = compute_all(Scope((ledgers,), year))
    unconnected = {k for k, f in live.items() if not f.indicator.connected}
    assert not unconnected & {f.key for f in composed.figures()}
    assert "未接入" not in all_text(composed)


def test_a_township_without_records_gets_a_report_without_numbers(township, year):
    composed = compose_report(report_new(township, year))
    assert composed.figures() == []
    assert [s.heading for s in composed.sections] == [
        f"一、{year}年主要举措和成效", "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", f"四、{year + 1}年工作安排",
    ]
    assert "【数据" not in all_text(composed)


def test_each_shortcoming_states_its_figures_and_its_own_cause(ledgers, year):
    text = section_text(compose_report(report_new(ledgers, year)), "shortcomings_text")
    assert "（一）" in text and "究其原因" not in text
    assert "学法用法的实效还需提升。国家工作人员学法考试尚未实现全员合格，" in text  # part 一 has the figures
    assert "矛盾纠纷化解质效还需提高。部分矛盾纠纷经调解未能达成协议" in text
    plans = section_text(compose_report(report_new(ledgers, year)), "plans_text")
    assert "调解成功率提高到95%以上" in plans and "合格率均达到100%" in plans


def test_missing_records_and_material_declines_are_suggested(township, year):
    PublicityEventFactory(organisation=township, held_on=on(5, 1))
    for month in (3, 4, 6, 7):
        PublicityEventFactory(organisation=township, held_on=on(month, 1, year - 1))
    text = section_text(compose_report(report_new(township, year)), "shortcomings_text")
    assert "普法宣传的力度有所减弱。全年开展普法宣传活动1场次，较上年减少3场次" in text  # 4 → 1: material
    measures = section_text(compose_report(report_new(township, year)), "measures_text")
    assert "较上年减少" not in measures  # part 一 states achievements; the drop is a shortcoming
    assert "专题研究法治建设不够经常" in text  # no meeting recorded


def test_no_sentence_runs_past_150_characters_and_townships_read_differently(ledgers, other_township, year):
    for i in range(3):
        DisputeCaseFactory(organisation=other_township, received_on=on(5, 2 + i), closed_on=on(6, 1),
                           outcome="resolved", category="land", summary=f"{i}组林地界址纠纷")
    mine, theirs = (all_text(compose_report(report_new(org, year))) for org in (ledgers, other_township))
    for text in (mine, theirs):
        assert max(len(s) for s in re.split(r"(?<=[。：])", text)) <= 150
    assert "林地界址纠纷" in theirs and "林地界址纠纷" not in mine


def test_default_text_round_trips_through_its_markers(ledgers, year):
    from fazhi.testing.factories import OtherFigureFactory

    OtherFigureFactory(organisation=ledgers, stated_on=on(12, 31), metric="rule_of_law_staff", value="5", unit="人")
    data = ReportData.load(ledgers, year)
    for field in NARRATIVE_FIELDS:
        written = data.written[field]
        text = markers.to_text(written)
        assert re.sub(r"【数据：[^】]+】", "", text).count("【") == 0
        parsed = [run for p in markers.parse(text, data.writer, {}) for run in p.runs]
        expected = [run for p in written for run in p.runs]
        for a, b in zip(parsed, expected):
            assert a == b, field
        assert len(parsed) == len(expected), field


def test_staff_narrative_replaces_the_default_and_keeps_live_figures(ledgers, clerk, year):
    report = report_new(ledgers, year)
    data = {f: getattr(report, f) for f in ("addressee", "title", "signature", "dated")}
    data["measures_text"] = ("（一）普法工作。我镇开展普法宣传活动【数据：普法宣传活动】，【数据：普法宣传活动·较上年】，"
                             "办结纠纷【数据：调处成功率·办结】。\n（二）其他。【数据：普法】")
    saved = report_save(org=ledgers, year=year, data=data, user=clerk)
    composed = compose_report(saved)
    measures = next(s for s in composed.sections if s.key == "measures_text")
    assert measures.edited
    assert measures.paragraphs[0].runs[0].text == "（一）普法工作。"
    assert measures.paragraphs[0].runs[0].style == "subheading"
    assert measures.paragraphs[0].plain == "（一）普法工作。我镇开展普法宣传活动3场次，较上年增加1场次，办结纠纷4件。"
    assert measures.paragraphs[1].plain.startswith("（二）其他。全年开展普法宣传活动3场次")  # an older whole-theme marker
    # the areas staff left out entirely are still reported, after their text
    assert any("召开专题研究部署法治建设会议2次" in p.plain for p in measures.paragraphs[2:])
    PublicityEventFactory(organisation=ledgers, held_on=on(8, 8))
    assert own_figures(compose_report(AnnualReport.objects.get(pk=saved.pk)))["publicity_events"] == 4


def test_submitting_the_default_text_keeps_the_section_following_the_data(ledgers, clerk, year):
    report = report_new(ledgers, year)
    data = {f: getattr(report, f) for f in ("addressee", "title", "signature", "dated")}
    data.update(default_texts(ledgers, year))
    saved = report_save(org=ledgers, year=year, data=data, user=clerk)
    assert saved.shortcomings_text == "" and saved.measures_text == ""


def test_defaults_follow_the_kind_of_township(county, year):
    street = TownshipFactory(code="T903", name="城关街道", parent=county, superior_body="")
    report = report_new(street, year)
    assert report.signature == "中共城关街道工作委员会　城关街道办事处"
    assert report.addressee == "县委、县政府"
    assert report.title == f"中共城关街道工作委员会 城关街道办事处关于{year}年度法治政府建设情况的报告"
    town = TownshipFactory(code="T904", name="丙镇", parent=county, superior_body="县委全面依法治县委员会办公室")
    assert report_new(town, year).addressee == "县委全面依法治县委员会办公室"
    assert report_new(town, year).signature == "中共丙镇委员会　丙镇人民政府"
    dated = report_new(town, year).dated
    assert dated.year == year + 1 and dated < __import__("datetime").date(year + 1, 3, 1)  # before it is due
