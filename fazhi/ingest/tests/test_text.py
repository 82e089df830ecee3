"""Normalisation, attribution and the statutory sections, on text from real reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.ingest.attribution import attribute, looks_like_report
from fazhi.ingest.normalise import normalise
from fazhi.ingest.sections import SECTIONS, find_sections, plan_spans

CORPUS = Path(__file__).parent / "corpus"


def test_pinyin_notes_and_traditional_script():
    result = normalise("黔江區馬喇鎮人民政府關(guān)于馬喇鎮2023年度法治政府建設工作情況的報告\n"
                       "穩步推進(jìn)法治政府建設提質(zhì)增效,社會(huì )主義")
    assert result.script == "traditional"
    assert result.text == ("黔江区马喇镇人民政府关于马喇镇2023年度法治政府建设工作情况的报告\n"
                           "稳步推进法治政府建设提质增效,社会主义")


def test_broken_character_with_its_note_becomes_a_full_stop():
    assert normalise("依法行政水平得到提升?,F(xiàn)將2024年度").text == "依法行政水平得到提升。將2024年度"


def test_simplified_text_is_left_in_its_script():
    result = normalise("米易县攀莲镇人民政府2023年法治政府建设工作报告")
    assert result.script == "simplified"
    assert result.text == "米易县攀莲镇人民政府2023年法治政府建设工作报告"


@pytest.mark.parametrize("raw, clean", [
    ("开展了**5**次法治讲座", "开展了5次法治讲座"),
    ("[bookmark: _GoBack]四是加快建设高素质法治队伍", "四是加快建设高素质法治队伍"),
    ("普法受众群众达**3** 万余人", "普法受众群众达3万余人"),
    ("全镇 2023 年共培养", "全镇2023年共培养"),
    ("达１００％，ＡＢＣ", "达100%，ABC"),
    ("??? 二是进一步丰富", "二是进一步丰富"),
    ("æ³•æ²»æ”¿åºœ", "法治政府"),
    ("法治政府建设".encode("utf-8").decode("gb18030"), "法治政府建设"),  # UTF-8 read as GBK
    ("正文\n版权所有：某某县人民政府  ICP备12345号\n正文二", "正文\n\n正文二"),
    ("mm131杨晨晨喷水视频,mm137美女大尺度写真|mm356快播_mm625亚洲人成电影网\n正文", "正文"),
    ("法 治 政 府 建 设 ， 开 展 普 法 宣 传 活 动 12 场 次 。", "法治政府建设，开展普法宣传活动12场次。"),
])
def test_scraping_artefacts(raw, clean):
    assert normalise(raw).text == clean


def test_lines_broken_by_a_page_are_joined_but_headings_are_not():
    text = ("三是制定年度工作计划，明确职责分工，定期召开\n\n专题会议，及时研究。\n"
            "一、提高政治站位,健全法治政府建设体制机制\n东里镇深入贯彻")
    assert normalise(text).text == ("三是制定年度工作计划，明确职责分工，定期召开专题会议，及时研究。\n"
                                    "一、提高政治站位,健全法治政府建设体制机制\n东里镇深入贯彻")


@pytest.mark.parametrize("text, organisation, year", [
    (" 中共仲山镇委员会 仲山镇人民政府\n\n2023年度法治政府建设报告\n县委、县政府：\n2023年，仲山镇在县委…",
     "仲山镇人民政府", 2023),
    ("如东县岔河镇人民政府\n2023年度法治政府工作报告\n\n2023年，岔河镇坚持…", "岔河镇人民政府", 2023),
    ("商家镇人民政府2024年度法治政府建设工作报告\n一、党政主要负责人…", "商家镇人民政府", 2024),
    ("长沙市天心区坡子街街道办事处2022年法治政府建设年度报告\n发布时间 : 2023-01-29", "坡子街街道办事处", 2022),
    ("2024年法治政府建设工作报告\n(城南街道)\n今年来,在市委、市政府的正确领导下", "城南街道", 2024),
    ("2024年,在各级区委区政府的坚强领导下,浦沿街道深入贯彻习近平新时代中国特色社会主义思想", "浦沿街道", 2024),
    ("2023年以来，攀莲镇政府依法履行政府法定职责。\n正文……\n米易县攀莲镇人民政府\n2024年1月5日", "攀莲镇人民政府", 2023),
    ("今年以来，我局认真贯彻落实法治建设部署要求。", None, None),
])
def test_attribution(text, organisation, year):
    who = attribute(normalise(text).text)
    assert (who.organisation, who.year) == (organisation, year)


def test_signing_date_in_the_following_year_is_not_the_year_covered():
    text = "关于法治政府建设情况的报告\n2023年以来，我镇坚持依法行政。\n某某镇人民政府\n2024年1月10日"
    assert attribute(normalise(text).text).year == 2023


def test_attribution_of_every_dev_report_matches_its_index():
    import csv

    with open(CORPUS / "dev" / "INDEX.tsv", encoding="utf-8") as handle:
        index = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    wrong_year, wrong_name = [], []
    for name, row in index.items():
        text = normalise((CORPUS / "dev" / "texts" / name).read_text(encoding="utf-8")).text
        who = attribute(text)
        if who.year != int(row["year_covered"]):
            wrong_year.append(name)
        if who.organisation and who.organisation.removesuffix("人民政府").removesuffix("办事处") not in row["issuing_body"]:
            wrong_name.append((name, who.organisation))
    assert wrong_year == [] and wrong_name == []


def test_sections_of_a_full_report():
    text = (CORPUS / "seeds" / "000_24babedf76a34ae2.txt").read_text(encoding="utf-8")
    assert find_sections(normalise(text).text) == ["measures", "shortcomings", "leaders_duty", "plans"]
    assert list(SECTIONS) == ["measures", "shortcomings", "leaders_duty", "plans", "other"]


def test_sections_by_heading_and_other_matters():
    text = ("一、2023年法治政府建设主要举措和成效\n…\n二、存在的不足和原因\n…\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n…\n四、2024年工作计划\n…\n五、其他需要报告的事项\n无。")
    assert find_sections(text) == ["measures", "shortcomings", "leaders_duty", "plans", "other"]
    [(start, end)] = plan_spans(text)
    assert text[start:end].startswith("四、2024年工作计划") and "其他" not in text[start:end]


def test_a_report_without_headings_has_only_what_its_words_show():
    assert find_sections("我镇深入学习贯彻习近平法治思想。下一步工作中，我们将继续努力。") == ["plans"]


def test_what_looks_like_a_report():
    assert looks_like_report("法治政府建设年度报告\n依法行政")
    assert not looks_like_report("会议通知：请各单位于周五下午三点参加安全生产会议。")


def test_the_corpus_in_traditional_script_gives_the_same_figures_and_attribution():
    import opencc

    from fazhi.ingest.pipeline import analyse_text

    to_traditional = opencc.OpenCC("s2t")
    for path in sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "dev" / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        simplified, traditional = analyse_text(text), analyse_text(to_traditional.convert(text))
        assert traditional.script == "traditional", path.name
        assert (traditional.organisation, traditional.year) == (simplified.organisation, simplified.year), path.name
        assert [(f["indicator"], f["value"]) for f in traditional.figures] == \
            [(f["indicator"], f["value"]) for f in simplified.figures], path.name


@pytest.mark.parametrize("heading, section", [
    ("一、2023年主要举措和成效", "measures"),
    ("一、2023年重点工作开展情况", "measures"),
    ("二、存在的不足和原因", "shortcomings"),
    ("三、党政主要负责人履行推进法治建设第一责任人职责情况", "leaders_duty"),
    ("三、下一步工作举措", "plans"),
    ("四、2024年工作重点", "plans"),
    ("五、下步工作打算", "plans"),
    ("五、其他需要报告的事项", "other"),
    ("一、强化组织领导，夯实法治基础", None),
])
def test_heading_classification(heading, section):
    from fazhi.ingest.sections import classify_heading

    assert classify_heading(heading) == section
