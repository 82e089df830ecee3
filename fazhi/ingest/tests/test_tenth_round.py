"""Clause reading of the tenth round (sentences written for these tests, not taken from any corpus): what the
township's meetings convey, counted in items; a list item that names a thing of its own; a clause that goes on after
",以及"; exam words; the people of an activity named in the clause before; the objects of 对 listed before the verb;
a statement of all of a list's items right after it."""
from __future__ import annotations

import pytest

from fazhi.ingest.extract import extract_figures
from fazhi.ingest.normalise import normalise


def found(text: str) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in extract_figures(normalise(text).text)]


@pytest.mark.parametrize("text, expected", [
    # what the township's meetings convey is its study, in whatever unit the text counts it
    ("镇党委会议传达学习中央和省市法治建设文件精神15项。", [("study_sessions", 15)]),
    ("全年通过党委会传达学习习近平总书记关于法治建设的重要指示精神12个。", [("study_sessions", 12)]),
    ("多次召开党委会议、镇长办公会议传达学习依法行政相关议题9个。", [("study_sessions", 9)]),
    ("开展“第一议题”学习32个。", [("study_sessions", 32)]),
    # …not what the bodies under it convey, nor the things a meeting decided
    ("各村党支部传达学习上级法治建设精神30项。", []),
    ("镇党委会议研究决定重大事项15项。", []),
])
def test_what_the_meetings_convey_is_study_in_any_unit(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list item that names its own meeting is that meeting (no figure unless it says it was about law), not one more
    # object of a study named earlier in the list
    ("全年召开党委会议24次、中心组学习会议12期、班子例会40次。", [("study_sessions", 12)]),
    ("召开政府常务会议20次、中心组学习会12次、周例会45次，传达上级重要会议精神30项。",
     [("study_sessions", 12), ("study_sessions", 30)]),
    # items that name no thing of their own still go with the verb before the list
    ("审查各类合同32份、一般性文件5个。", [("legality_reviews", 32), ("legality_reviews", 5)]),
    ("组织学习习近平法治思想12次、宪法8次。", [("study_sessions", 12), ("study_sessions", 8)]),
])
def test_a_list_item_that_names_its_own_thing_does_not_inherit(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ",以及" adds one more object to the verb of the clause: the count after it counts what that verb did
    ("在党委会议上专题传达学习上级会议精神,以及市委关于法治建设的部署要求共6次，研究部署重点工作。",
     [("study_sessions", 6)]),
    ("组织开展法治宣传活动30余场,以及发放宣传资料2000余份。",
     [("publicity_events", 30), ("publicity_materials", 2000)]),
])
def test_a_clause_goes_on_after_yiji(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("组织全镇126名国家工作人员参加学法网上学考。", [("exam_participants", 126)]),
    ("全镇98名干部参加学法考学活动。", [("exam_participants", 98)]),
    # its 优秀率 and 参考率 are no pass rate
    ("组织全镇443名干部参加法治理论网上学考，优秀率为99.5%。", [("exam_participants", 443)]),
    ("全镇干部职工参加年度学法考试，参考率100%，合格率98.5%。", [("exam_pass_rate", 98.5)]),
])
def test_exam_words(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the people taking part, first count of the sentence, are the people of the activity the clause before names
    ("组织全体干部职工参加网上学法考试，共98人参加。", [("exam_participants", 98)]),
    ("组织旁听庭审活动，共32人参加。", [("court_hearings_attended", 32)]),
    ("开展“法律进乡村”活动，共600余名群众参与。", [("publicity_audience", 600)]),
    # …of those activities only: trainees, meeting-goers, an enforcement exam's candidates are no figure
    ("组织执法人员参加执法资格考试，共14人参加。", []),
    ("组织干部参加法治培训，共50人参加。", []),
    ("召开法治建设专题会议，共30人参加。", []),
    # a count of the activity before them still comes first
    ("举办法治讲座两场，300余名群众参与。", [("publicity_events", 2), ("publicity_audience", 300)]),
])
def test_the_people_of_the_activity_in_the_clause_before(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # each number listed as an object of 对 counts what the verb after the list does to it
    ("对15件重大行政决策、32份合同进行合法性审查。", [("legality_reviews", 15), ("legality_reviews", 32)]),
    ("对镇政府12项重大行政决策和46份合同开展合法性审查。", [("legality_reviews", 12), ("legality_reviews", 46)]),
    ("对3件规范性文件、8项重大决策、40份合同进行了合法性审核。",
     [("legality_reviews", 3), ("legality_reviews", 8), ("legality_reviews", 40)]),
    # a verb that no indicator counts leaves them alone
    ("对全镇18个村、3个社区开展法治宣传。", []),
    ("对辖区12家企业、30户商户开展执法检查。", []),
])
def test_the_objects_of_dui_listed_before_the_verb(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what all of a list's items went through, said right after the list in its clause or in the next clause
    ("全年出台规范性文件2件、重大行政决策3项均经过合法性审查。", [("legality_reviews", 2), ("legality_reviews", 3)]),
    ("全年出台党委文件31个、政府文件14个，均经过合法性前置审查。", [("legality_reviews", 31), ("legality_reviews", 14)]),
    ("镇政府作出的重大行政决策7项全部经过合法性审查。", [("legality_reviews", 7)]),
    ("全年受理行政复议案件2件、行政诉讼案件3件均已办结。", [("reconsideration_cases", 2), ("litigation_cases", 3)]),
])
def test_all_of_a_list_went_through_it(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # numbers and units as written: split by a line break, with 余/多/近/逾, in Chinese numerals
    ("全年召开法治建设专题会议，开展党委理论学习中心组学法\n12次，会前学法8次。",
     [("study_sessions", 12), ("study_sessions", 8)]),
    ("组织开展各类普法宣传活动逾百场。", [("publicity_events", 100)]),
    ("开展普法活动二十余场，发放宣传资料3000多份。", [("publicity_events", 20), ("publicity_materials", 3000)]),
    ("开展法治宣传活动20余次，惠及群众近3000人。", [("publicity_events", 20), ("publicity_audience", 3000)]),
])
def test_numbers_as_written(text, expected):
    assert found(text) == expected
