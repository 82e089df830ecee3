"""The composer: figures come from the registry, live, with year-on-year change; narrative is staff's or the default."""
from __future__ import annotations

import re

import pytest

from fazhi.indicators.registry import Scope, compute_all, format_value
from fazhi.reports.compose import compose_report, year_on_year
from fazhi.reports.models import AnnualReport
from fazhi.reports.services import report_new, report_save
from fazhi.testing.factories import PublicityEventFactory, TownshipFactory

from .conftest import on

pytestmark = pytest.mark.django_db


def figures_of(composed) -> dict[str, str]:
    return {f.key: f.value for f in composed.figures()}


def section_text(composed, key: str) -> str:
    section = next(s for s in composed.sections if s.key == key)
    return "\n".join(p.plain for p in section.paragraphs)


def test_every_composed_figure_equals_its_indicator_value(ledgers, year):
    composed = compose_report(report_new(ledgers, year))
    live = compute_all(Scope((ledgers,), year))
    shown = figures_of(composed)
    assert shown["publicity_events"] == "3"
    assert shown["publicity_materials"] == "600"
    assert shown["dispute_success_rate"] == "75"
    for key, value in shown.items():
        assert value == format_value(live[key].value), key
    # every connected indicator with data is reported
    assert {k for k, f in live.items() if f.has_data and f.value} <= set(shown)


def test_figures_follow_the_records_when_one_is_added_or_voided(ledgers, year):
    event = PublicityEventFactory(organisation=ledgers, held_on=on(11, 9))
    assert figures_of(compose_report(report_new(ledgers, year)))["publicity_events"] == "4"
    event.void(reason="重复录入")
    assert figures_of(compose_report(report_new(ledgers, year)))["publicity_events"] == "3"


def test_the_data_sentence_reads_like_a_report_with_year_on_year_change(ledgers, year):
    text = section_text(compose_report(report_new(ledgers, year)), "measures_text")
    assert "全年开展普法宣传活动3场次（同比增长50%），发放宣传资料600份（同比增长100%），受众群众360人次（同比增长80%）" in text
    assert "考试合格率66.7%（较上年降低33.3个百分点）" in text
    assert "召开专题研究部署法治建设会议2次" in text and "召开专题研究部署法治建设会议2次（" not in text  # no data last year


def test_year_on_year_phrases(township, year):
    figures = {}
    for held in (on(1, 5), on(2, 5), on(1, 5, year - 1), on(2, 5, year - 1)):
        PublicityEventFactory(organisation=township, held_on=held)
    figures = compute_all(Scope((township,), year))
    last = compute_all(Scope((township,), year - 1))
    assert year_on_year(figures["publicity_events"], last["publicity_events"]) == "（与上年持平）"
    PublicityEventFactory(organisation=township, held_on=on(3, 5, year - 1))
    last = compute_all(Scope((township,), year - 1))
    assert year_on_year(figures["publicity_events"], last["publicity_events"]) == "（同比下降33.3%）"
    assert year_on_year(figures["publicity_events"], None) == ""


def test_unconnected_indicators_never_appear_as_numbers(ledgers, year):
    composed = compose_report(report_new(ledgers, year))
    live = compute_all(Scope((ledgers,), year))
    unconnected = {k for k, f in live.items() if not f.indicator.connected}
    assert not unconnected & set(figures_of(composed))
    everything = "\n".join(p.plain for s in composed.sections for p in s.paragraphs)
    assert "行政执法" in everything  # the narrative may name the work…
    assert not re.search(r"处罚案件\d", everything)  # …but never gives it a number
    assert "未接入" not in everything


def test_a_township_without_records_gets_a_report_without_numbers(township, year):
    composed = compose_report(report_new(township, year))
    assert composed.figures() == []
    assert [s.heading for s in composed.sections] == [
        f"一、{year}年主要举措和成效", "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", f"四、{year + 1}年工作安排",
    ]
    assert "【数据" not in "".join(p.plain for s in composed.sections for p in s.paragraphs)


def test_shortcomings_are_suggested_from_the_data(ledgers, year):
    text = section_text(compose_report(report_new(ledgers, year)), "shortcomings_text")
    assert "学法用法的实效还需提升" in text  # pass rate 66.7% < 100%
    assert "矛盾纠纷化解质效还需提高" in text  # success rate 75% < 95%
    assert "究其原因" in text


def test_missing_records_and_declines_are_suggested(township, year):
    PublicityEventFactory(organisation=township, held_on=on(5, 1))
    for month in (3, 4):
        PublicityEventFactory(organisation=township, held_on=on(month, 1, year - 1))
    text = section_text(compose_report(report_new(township, year)), "shortcomings_text")
    assert "普法宣传的力度有所减弱" in text
    assert "专题研究法治建设不够经常" in text  # no meeting recorded


def test_staff_narrative_replaces_the_default_and_keeps_live_figures(ledgers, clerk, year):
    report = report_new(ledgers, year)
    data = {f: getattr(report, f) for f in ("addressee", "title", "signature", "dated")}
    data["measures_text"] = "（一）普法工作。我镇扎实开展普法。【数据：普法】"
    saved = report_save(org=ledgers, year=year, data=data, user=clerk)
    composed = compose_report(saved)
    measures = next(s for s in composed.sections if s.key == "measures_text")
    assert measures.edited
    assert measures.paragraphs[0].runs[0].text == "（一）普法工作。"
    assert measures.paragraphs[0].runs[0].style == "subheading"
    assert measures.paragraphs[0].plain.startswith("（一）普法工作。我镇扎实开展普法。全年开展普法宣传活动3场次")
    # the themes staff left out are still reported, after their text
    assert "排查调处矛盾纠纷4件" in measures.paragraphs[-1].plain or any(
        "排查调处矛盾纠纷4件" in p.plain for p in measures.paragraphs[1:]
    )
    PublicityEventFactory(organisation=ledgers, held_on=on(8, 8))
    assert figures_of(compose_report(AnnualReport.objects.get(pk=saved.pk)))["publicity_events"] == "4"


def test_submitting_the_default_text_keeps_the_section_following_the_data(ledgers, clerk, year):
    from fazhi.reports.compose import default_texts

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
    assert report.title == f"城关街道{year}年度法治政府建设情况报告"
    town = TownshipFactory(code="T904", name="丙镇", parent=county, superior_body="县委全面依法治县委员会办公室")
    assert report_new(town, year).addressee == "县委全面依法治县委员会办公室"
    assert report_new(town, year).signature == "中共丙镇委员会　丙镇人民政府"
