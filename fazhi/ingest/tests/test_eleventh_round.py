"""Clause reading of the eleventh round (sentences written for these tests, not taken from any corpus): an activity
named only by its quoted title; visits (观摩学习) that are not study; where a meeting's rule-of-law topic is looked for; a figure
that starts a line after a short line; a stated zero against a worded absence; what documents went through, said over
several clauses; and phrasing variants that recur (余/多/近, lists, 均经…审查)."""
from __future__ import annotations

import pytest

from fazhi.ingest.extract import extract_figures
from fazhi.ingest.normalise import normalise


def found(text: str) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in extract_figures(normalise(text).text)]


@pytest.mark.parametrize("text, expected", [
    # an activity named only by its quoted title, in an item about legal publicity, for the public, held by the township
    ("二是深化普法宣传，开展“法润童心”校园活动6场，“宪法进万家”活动4次。",
     [("publicity_events", 6), ("publicity_events", 4)]),
    ("三是创新法治宣传形式，打造“法护夕阳”系列活动，为辖区老年人开展“法护夕阳”活动8次。", [("publicity_events", 8)]),
    ("一是落实普法责任制，组织群众参与“法治护航”主题活动5次。", [("publicity_events", 5)]),
    # …not in an item about something else, not for the staff, not the villages' events its people took part in
    ("二是加强党建引领，开展“我为群众办实事”活动12次。", []),
    ("三是深化法治宣传，组织机关干部开展“清廉机关”活动3次。", []),
    ("四是推进普法宣传，法律顾问参加村（社区）“援法议事”活动40场次。", []),
])
def test_an_activity_named_by_its_title(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a visit to see how others work is no study session
    ("全镇干部集中学习法律法规12次，观摩学习3次，专题学习4次。", [("study_sessions", 12), ("study_sessions", 4)]),
    ("组织机关干部赴法治教育基地参观学习4次。", []),
    ("组织班子成员外出考察学习2次。", []),
    # …unless it was a court hearing, named in its own item
    ("组织干部旁听庭审、观摩学习2次。", [("court_hearings_attended", 2)]),
    ("组织执法人员庭审观摩学习3次。", [("court_hearings_attended", 3)]),
    ("集中学法10次、旁听庭审1次、观摩学习5次。", [("study_sessions", 10), ("court_hearings_attended", 1)]),
])
def test_a_visit_is_no_study(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the topic is looked for in the meeting's clause, the clauses leading to it and the clauses saying what it did…
    ("召开政府常务会议20次，传达学习法治相关精神30项。", [("study_sessions", 30)]),
    ("召开党委会议24次，开展法治宣传活动12场。", [("publicity_events", 12)]),
    ("坚持把法治建设纳入重要议事日程，全年召开党委会议研究部署5次。", [("rule_of_law_meetings", 5)]),
    ("全年召开党委专题会议6次，研究部署法治政府建设重点工作。", [("rule_of_law_meetings", 6)]),
    ("通过3次专题研判会，分析基层依法治理难点。", [("rule_of_law_meetings", 3)]),
    # …and a body named bare is the one named in full before it
    ("成立由党委书记任主任的依法治镇委员会。全年召开委员会会议4次，将法治建设纳入年度规划。", [("rule_of_law_meetings", 4)]),
    ("成立安全生产委员会。全年召开委员会会议4次，将法治建设纳入年度规划。", []),
])
def test_where_a_meetings_topic_is_looked_for(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a figure does not start a line of its own, also after a short line
    ("开展普法宣传活动\n26场次。", [("publicity_events", 26)]),
    ("普法宣传\n12场次，发放资料\n3000余份。", [("publicity_events", 12), ("publicity_materials", 3000)]),
    ("开展普法宣传活动\n6\n场次。", [("publicity_events", 6)]),
    ("全年开展法治宣传活动\n18场，受众群众\n2000余人次。", [("publicity_events", 18), ("publicity_audience", 2000)]),
    # …but a heading or a line ending in a figure of its own stays apart
    ("一、普法宣传\n26场次活动全部完成。", []),
    ("第3页\n12次会议。", []),
])
def test_a_figure_after_a_short_line(text, expected):
    assert found(text) == expected


def test_a_line_after_a_short_line_is_joined_only_before_a_figure():
    assert normalise("开展普法宣传活动\n26场次。").text == "开展普法宣传活动26场次。"
    assert normalise("第3页\n12次会议。").text == "第3页\n12次会议。"
    assert normalise("一、普法宣传\n26场次。").text == "一、普法宣传\n26场次。"


@pytest.mark.parametrize("text, expected", [
    # a stated zero is a figure (bench/corpus conventions of 100–123); a worded absence is none (019 is labelled so)
    ("新增行政复议案件0件，行政诉讼案件1件。", [("reconsideration_cases", 0), ("litigation_cases", 1)]),
    ("全年无行政复议、行政诉讼案件。", []),
    ("全年未发生行政复议案件。", []),
])
def test_a_stated_zero_and_a_worded_absence(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what all the documents went through, said over several clauses with no subject of their own
    ("全年共制发行政规范性文件3件，全部经过合法性审核，并报县司法局备案。",
     [("legality_reviews", 3), ("normative_docs_filed", 3)]),
    ("出台规范性文件2件，均经合法性审查。", [("legality_reviews", 2)]),
    ("全年共制发文件3件，全部经过合法性审核，并在政府网站公开。", [("legality_reviews", 3)]),
    ("出台党委文件12个、政府文件5个，均经过合法性审查。", [("legality_reviews", 12), ("legality_reviews", 5)]),
])
def test_what_all_of_them_went_through(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # qualifiers, lists and totals that recur
    ("全年开展普法宣传活动30余场次，发放宣传资料近千份。", [("publicity_events", 30), ("publicity_materials", 1000)]),
    ("开展法律进社区、进学校、进企业等活动25场，发放资料3000多份，解答群众法律咨询200余人次。",
     [("publicity_events", 25), ("publicity_materials", 3000), ("legal_consultations", 200)]),
    ("调处矛盾纠纷120余起，调解成功118起，成功率98%以上。",
     [("disputes_handled", 120), ("disputes_resolved", 118), ("dispute_success_rate", 98)]),
    ("全年召开党委会专题研究法治工作4次、听取法治建设工作汇报2次。",
     [("rule_of_law_meetings", 4), ("rule_of_law_meetings", 2)]),
    ("全年召开党委会议36次，其中专题研究法治建设工作3次。", [("rule_of_law_meetings", 3)]),
    ("镇党委理论学习中心组集中学法12次，会前学法20余次。", [("study_sessions", 12), ("study_sessions", 20)]),
])
def test_recurring_variants(text, expected):
    assert found(text) == expected


def test_qualifiers_are_kept():
    figures = extract_figures(normalise("全年开展普法宣传活动30余场次，发放宣传资料近千份，解答咨询50人次。").text)
    assert [(f.value, f.approx) for f in figures] == [(30, True), (1000, True), (50, False)]
