"""Figures attributed to the indicators of INDICATORS.md, on phrases from real reports."""
from __future__ import annotations

import pytest

from fazhi.ingest.extract import extract_figures
from fazhi.ingest.lexicon import INDICATOR_KEYS
from fazhi.ingest.normalise import normalise


def found(text: str) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in extract_figures(normalise(text).text)]


INDICATORS_MD_KEYS = {
    "rule_of_law_meetings", "study_sessions", "exam_participants", "exam_pass_rate", "court_hearings_attended",
    "legality_reviews", "normative_docs_filed", "normative_docs_repealed", "disclosure_proactive",
    "disclosure_requests", "disclosure_response_rate", "enforcement_officers", "enforcement_training",
    "penalty_cases", "case_file_reviews", "publicity_events", "publicity_materials", "legal_consultations",
    "publicity_audience", "legal_literates", "disputes_handled", "disputes_resolved", "dispute_success_rate",
    "reconsideration_cases", "litigation_cases", "court_appearances", "court_appearance_rate", "legal_aid",
    "legal_advisor_coverage",
}


def test_every_indicator_of_the_spec_has_a_rule_and_no_other():
    assert set(INDICATOR_KEYS) == INDICATORS_MD_KEYS


@pytest.mark.parametrize("text, expected", [
    ("安排部署法治建设工作2次，专题听取法治建设工作汇报2次。",
     [("rule_of_law_meetings", 2), ("rule_of_law_meetings", 2)]),
    ("依法治镇委员会召开全体人员会议1次、依法治镇委员会办公室召开专题会议4次，研究部署法治建设工作。",
     [("rule_of_law_meetings", 1), ("rule_of_law_meetings", 4)]),
    ("全年召开党委会专题研究法治政府建设工作3次。", [("rule_of_law_meetings", 3)]),
    ("组织开展中心组理论学习扩大会议10次。", [("study_sessions", 10)]),
    ("全年落实街道党工委会前学法6次，完成重大议题合法性审查2件。",
     [("study_sessions", 6), ("legality_reviews", 2)]),
    ("全年组织镇村干部专题学习习近平法治思想、党的二十大和二十届二中、三中、四中全会精神共12次。",
     [("study_sessions", 12)]),
    ("2023年以来，我镇共开展相关学习活动69次，其中党委会议28次、党组理论学习中心组会议21次。",
     [("study_sessions", 69), ("study_sessions", 28), ("study_sessions", 21)]),
    ("全镇107名干部职工参加普法考试。", [("exam_participants", 107)]),
    ("我镇47公职人员全部通过考试，31名执法人员全部通过考核。",
     [("exam_participants", 47), ("enforcement_officers", 31)]),
    ("我镇11名干部职工报名参加行政执法资格考试，11名同志取得了行政执法证。", [("enforcement_officers", 11)]),
    ("3名领导完成旁听庭审和上报心得体会。", [("court_hearings_attended", 3)]),
    ("审查各类合同232件、一般性文件26个、其他服务事项32件。",
     [("legality_reviews", 232), ("legality_reviews", 26), ("legality_reviews", 32)]),
    ("全年办理群众政府信息公开10件、履职申请9件。", [("disclosure_requests", 10)]),
    ("完成规范性文件备案3个，废除规范性文件1个。", [("normative_docs_filed", 3), ("normative_docs_repealed", 1)]),
    ("镇政府发文主动公开21件，政府信息依申请公开3件。",
     [("disclosure_proactive", 21), ("disclosure_requests", 3)]),
    ("对符合法定条件依申请公开政府信息的答复率达100%。", [("disclosure_response_rate", 100)]),
    ("全年组织执法人员开展法律法规及执法业务知识培训12次。", [("enforcement_training", 12)]),
    ("三是进一步提升执法能力。围绕公职人员法律基础和基层实务开展专题培训会2场。", [("enforcement_training", 2)]),
    ("组织干部职工开展法治培训10场次，覆盖500余人次。", []),
    ("共计立案查处390件（其中简易程序110件，普通程序280件、立案撤销8件）。",
     [("penalty_cases", 390), ("penalty_cases", 110), ("penalty_cases", 280)]),
    ("全年开展案卷评查2次，整改不规范问题7项。", [("case_file_reviews", 2)]),
    ("2023年共开展了5次法治讲座、模拟法庭1次、36次线下普法宣传活动、线上微信群内普法120余次。",
     [("publicity_events", 5), ("publicity_events", 36), ("publicity_events", 120)]),
    ("开展面向镇干部的法治专题讲座2场。", []),
    ("法律顾问到村开展宪法、民法典等各项宣传活动120场次；提供法律咨询服务4520人次。",
     [("publicity_events", 120), ("legal_consultations", 4520)]),
    ("印发各类法律法规宣传手册1500余册。", [("publicity_materials", 1500)]),
    ("对镇域内27个村108名“法治带头人”“法律明白人”开展法治培训。", [("legal_literates", 108)]),
    ("共调处群众各类民间纠纷198件，调处成功188件。", [("disputes_handled", 198), ("disputes_resolved", 188)]),
    ("全年共排查行政争议21件，已化解13件。", [("disputes_handled", 21), ("disputes_resolved", 13)]),
    ("全年共办理6件行政复议、8件行政诉讼，行政机关负责人出庭应诉率与案件胜诉率均达100%。",
     [("reconsideration_cases", 6), ("litigation_cases", 8), ("court_appearance_rate", 100)]),
    ("行政负责人出庭应诉1次，配合法院冻结资金、资产3次。", [("court_appearances", 1)]),
    ("全年帮助群众申请法律援助27次，提供法律援助指引5件。", [("legal_aid", 27), ("legal_aid", 5)]),
    ("全镇25个村（社区）均配备法律顾问。", [("legal_advisor_coverage", 25)]),
])
def test_real_phrases(text, expected):
    assert found(text) == expected


def test_traditional_text_with_pinyin_notes():
    text = "積極組織開(kāi)展法治宣傳活動(dòng)12場(chǎng)次,發(fā)放宣傳資料8000余份。"
    assert found(text) == [("publicity_events", 12), ("publicity_materials", 8000)]


def test_figure_keeps_unit_qualifier_and_evidence():
    [figure] = extract_figures(normalise("今年以来，开展“法律进校园”普法活动67场次。").text)
    assert figure.as_dict() == {"indicator": "publicity_events", "value": 67, "unit": "场次", "approx": False,
                                "evidence": "开展“法律进校园”普法活动67场次"}


def test_table_rows_from_a_docx():
    text = "项目\t数量\n普法宣传活动（场次）\t67\n执法案卷评查\t2\t次\n调处成功率\t95%\n2022年\t2023年"
    assert found(text) == [("publicity_events", 67), ("case_file_reviews", 2), ("dispute_success_rate", 95)]


@pytest.mark.parametrize("text, expected", [
    ("开展“法律进乡村”活动28场，发放宣传材料5000余份，接受法律咨询300余人次。",
     [("publicity_events", 28), ("publicity_materials", 5000), ("legal_consultations", 300)]),
    ("受理矛盾纠纷89起，调处成功87起，调处成功率97.8%。",
     [("disputes_handled", 89), ("disputes_resolved", 87), ("dispute_success_rate", 97.8)]),
    # the indicator's words after the number, past a list of what was reviewed
    ("全年对18件重大行政决策、合同协议进行合法性审查，提出修改意见23条。", [("legality_reviews", 18)]),
    ("共审核重大行政决策5件、合同协议38份、行政规范性文件2件。",
     [("legality_reviews", 5), ("legality_reviews", 38), ("legality_reviews", 2)]),
    ("全年共收到政府信息公开申请3件，在政府网站公开各类信息1200余条。",
     [("disclosure_requests", 3), ("disclosure_proactive", 1200)]),
    ("新增持证人员5人，开展执法培训2次，培训执法人员60人次。",
     [("enforcement_officers", 5), ("enforcement_training", 2)]),
    ("累计开展普法活动120余场次，受益群众2万余人次。", [("publicity_events", 120), ("publicity_audience", 20000)]),
    ("法律顾问列席镇党委会议12次，参与法治建设研究。", []),
    ("调解各类纠纷56件，成功54件。", [("disputes_handled", 56), ("disputes_resolved", 54)]),
    ("组织领导干部旁听庭审1次，参加人员32人。", [("court_hearings_attended", 1), ("court_hearings_attended", 32)]),
    ("开展普法宣传活动12场，共有800人参加。", [("publicity_events", 12), ("publicity_audience", 800)]),
    ("开展专项督查4次，参加人员20人。", []),
    ("公开政务信息120条，依申请公开政府信息3件。", [("disclosure_proactive", 120), ("disclosure_requests", 3)]),
    ("开展安全生产宣传20次，办理审批审核事项1200件。", []),
])
def test_phrasings_beyond_the_corpus(text, expected):
    assert found(text) == expected
