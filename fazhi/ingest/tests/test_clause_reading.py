"""Clause-level reading of the ninth round (sentences written for these tests, not taken from any corpus): what a
clause with no subject of its own says was done to the documents counted before it; a verb whose object is named
after the unit is not elliptical; the verbs of sitting an exam or a training; a bare rate after the figures it is
the rate of; a lecture's audience; numbers split by a line break or a full-width thousands comma."""
from __future__ import annotations

import pytest

from fazhi.ingest.extract import extract_figures
from fazhi.ingest.normalise import normalise


def found(text: str) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in extract_figures(normalise(text).text)]


def found_with_qualifier(text: str) -> list[tuple[str, float, str, bool]]:
    return [(f.indicator, f.value, f.unit, f.approx) for f in extract_figures(normalise(text).text)]


@pytest.mark.parametrize("text, expected", [
    # all of them went through it (均/全部), with or without a manner word before the verb
    ("出台规范性文件3件、重大行政决策2项，均经合法性审查。", [("legality_reviews", 3), ("legality_reviews", 2)]),
    ("出台镇政府规范性文件2件，均按程序报县政府备案。", [("normative_docs_filed", 2)]),
    # a clause with no subject of its own goes on with what was done to the documents
    ("今年新制发规范性文件1件，并报区司法局备案。", [("normative_docs_filed", 1)]),
    ("印发行政规范性文件4件，随后报县政府备案。", [("normative_docs_filed", 4)]),
    ("新制定规范性文件1件，经合法性审查后报县司法局备案。", [("legality_reviews", 1), ("normative_docs_filed", 1)]),
    # each thing the statement names
    ("制定行政规范性文件2件，全部经过合法性审查并报区司法局备案。", [("legality_reviews", 2), ("normative_docs_filed", 2)]),
    # the superior body's review of a filing is the filing
    ("制定规范性文件3件，均报县司法局备案审查。", [("normative_docs_filed", 3)]),
    # …only of documents: a meeting reported on is not filed, and a later clause that names another act is not theirs
    ("召开法治建设专题会议2次，并报县委依法治县办备案。", [("rule_of_law_meetings", 2)]),
    ("签订合同12份，并及时归档保存。", []),
])
def test_what_a_clause_without_a_subject_says_was_done_to_the_documents(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the verb (组织, 开展) takes the noun named after the unit, not the activity of the clause before
    ("提高执法人员执法能力、执法水平，今年以来组织14名机关在编人员参与行政执法考试。", []),
    ("加强执法队伍建设，组织12名干部旁听庭审。", [("court_hearings_attended", 12)]),
    # a verb with no noun after the unit still counts the activity of the clause before, or the number before
    ("组织开展法治宣传活动，全年累计开展26场次。", [("publicity_events", 26)]),
    ("围绕民法典开展专题学习，全年共开展8次。", [("study_sessions", 8)]),
    ("为提升执法水平，组织执法人员开展业务培训，全年开展3次。", [("enforcement_training", 3)]),
    ("法治专题宣讲2场次，走进社区开展2场次。", [("publicity_events", 2), ("publicity_events", 2)]),
])
def test_a_verb_whose_object_follows_the_unit_is_not_elliptical(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # who sat an enforcement exam, by whichever verb, or were sent to a training, hold no certificate for it
    ("组织执法人员14名参与执法资格考试。", []),
    ("组织14名执法人员参与行政执法证考试。", []),
    ("今年组织5名干部报考执法证。", []),
    ("组织30名执法人员参加业务培训。", []),
    # who passed it, and who hold one, do
    ("14名在编干部通过行政执法培训及考试。", [("enforcement_officers", 14)]),
    ("全镇现有持证执法人员26名。", [("enforcement_officers", 26)]),
    ("镇综合执法队现有执法人员8人，均持有行政执法证。", [("enforcement_officers", 8)]),
    # the annual law exam's candidates are its participants
    ("组织38名机关干部参加国家工作人员学法用法考试，合格率100%。", [("exam_participants", 38), ("exam_pass_rate", 100)]),
])
def test_sitting_an_exam_or_a_training_is_not_holding_a_certificate(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare success rate after the disputes it is the rate of, in the same sentence
    ("调解矛盾纠纷56起，调解成功54起，成功率96.4%。",
     [("disputes_handled", 56), ("disputes_resolved", 54), ("dispute_success_rate", 96.4)]),
    ("全年排查化解矛盾纠纷100余件，化解率达98%以上。", [("disputes_handled", 100), ("dispute_success_rate", 98)]),
    # a success rate of something else is none
    ("申报省级民主法治示范村1个，创建成功率100%。", []),
])
def test_a_bare_rate_reads_the_sentence_that_leads_to_it(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("举办“民法典”专题讲座，受众群众150余人。", [("publicity_audience", 150)]),
    ("举办法治讲座两场，参与群众300余人。", [("publicity_events", 2), ("publicity_audience", 300)]),
    # a lecture for the staff has no public audience
    ("为机关干部举办法治讲座2场，覆盖干部80人。", []),
])
def test_the_audience_of_a_lecture_for_the_public(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a number split by a line break right after its noun is one number
    ("发放宣传资料1\n200余份。", [("publicity_materials", 1200, "份", True)]),
    ("全年开展普法宣传活动32\n场次，发放宣传资料5000余份。",
     [("publicity_events", 32, "场次", False), ("publicity_materials", 5000, "份", True)]),
    ("全年开展普法宣传活动32场\n次。", [("publicity_events", 32, "场次", False)]),
    ("全年开展普法宣传活动\n32场次。", [("publicity_events", 32, "场次", False)]),
    # full-width digits and a full-width thousands comma before a unit
    ("全年开展普法宣传活动３２场次，发放资料１，２００份。",
     [("publicity_events", 32, "场次", False), ("publicity_materials", 1200, "份", False)]),
    # …while a full-width comma after a unit ends a clause
    ("办理行政复议案件1件，行政诉讼案件200件。", [("reconsideration_cases", 1, "件", False), ("litigation_cases", 200, "件", False)]),
    # 余/多/近/超/以上 and Chinese numerals keep their qualifier
    ("开展法治宣传三十多场，覆盖群众近两百人次。",
     [("publicity_events", 30, "场", True), ("publicity_audience", 200, "人次", True)]),
    ("发放普法资料万余份。", [("publicity_materials", 10000, "份", True)]),
    ("组织中心组学法十余次。", [("study_sessions", 10, "次", True)]),
    ("审查合同超185份。", [("legality_reviews", 185, "份", True)]),
    ("开展普法宣传活动20场以上。", [("publicity_events", 20, "场", True)]),
])
def test_numbers_as_written(text, expected):
    assert found_with_qualifier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # each figure of a list, and a total with its parts
    ("开展送法进校园活动8场次、送法进企业5场次、送法进村居12场次。",
     [("publicity_events", 8), ("publicity_events", 5), ("publicity_events", 12)]),
    ("开展合法性审查46件，其中行政规范性文件2件、重大决策7件、合同37件。",
     [("legality_reviews", 46), ("legality_reviews", 2), ("legality_reviews", 7), ("legality_reviews", 37)]),
    ("审查各类合同32份（其中重大合同5份）。", [("legality_reviews", 32), ("legality_reviews", 5)]),
    ("受理行政复议0件，行政诉讼1件。", [("reconsideration_cases", 0), ("litigation_cases", 1)]),
    ("全年办理行政执法案件23件，其中简易程序15件、普通程序8件。",
     [("penalty_cases", 23), ("penalty_cases", 15), ("penalty_cases", 8)]),
])
def test_figures_in_lists(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a total with no verb and no noun counts the activity of the clause before, also after a frequency
    ("坚持每月召开1次会前学法，全年共12次。", [("study_sessions", 12)]),
    ("按季度召开法治建设专题会议，全年召开4次。", [("rule_of_law_meetings", 4)]),
    # a book's title names a document, not the activity: lectures for the staff are none
    ("组织班子成员参加专题讲座，涉及《民法典》《总体国家安全观学习纲要》等，今年共计8场。", []),
    # what comes next is a plan, however far the verb is from the intention
    ("下一步，计划开展普法宣传活动20场次。", []),
    ("力争全年开展普法活动不少于30场。", []),
    # a plan followed is work done
    ("按照年度普法计划开展普法宣传活动20场次。", [("publicity_events", 20)]),
])
def test_totals_plans_and_titles(text, expected):
    assert found(text) == expected
