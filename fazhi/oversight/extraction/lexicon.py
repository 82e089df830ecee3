"""How each indicator of INDICATORS.md is phrased in report text.

A rule says: this indicator, counted in these units, is named by these words (the trigger)
near the number. ``requires`` must also appear in the wider context (``scope``), ``excludes``
must not appear in the number's own segment. The extractor picks, for each number, the rule
whose trigger is nearest to it (see extract.py); ``priority`` breaks ties in favour of the more
specific indicator (调处成功 over 调处).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

EVENTS = frozenset({"次", "场", "场次", "期", "轮"})
CASES = frozenset({"件", "起", "宗"})
PEOPLE = frozenset({"人", "名", "位"})
DOCS = frozenset({"件", "个", "份", "部", "项"})
# Every unit the number scanner knows, longest first; units no rule accepts are still read so
# that "20平方米" is not taken for "20" followed by something else.
ALL_UNITS = (
    "人次", "场次", "批次", "件次", "户次", "余场", "平方米", "万元", "公里",
    "次", "场", "件", "起", "宗", "项", "份", "册", "本", "套", "张", "页", "人", "名", "位",
    "个", "条", "期", "轮", "例", "家", "户", "部", "卷", "元", "辆", "台", "处", "所", "支",
)
# A unit followed by one of these characters is part of a word, not a unit (一件事, 名单, 人民).
NOT_UNIT_BEFORE = {
    "人": "民大才", "名": "单义称额", "件": "事", "次": "性办", "个": "体人案", "场": "所景地",
    "条": "例件款线", "本": "地级领", "项": "目", "部": "门署分", "期": "间限", "位": "置于",
    "家": "庭长", "户": "籍口",
}


@dataclass(frozen=True)
class Rule:
    indicator: str
    units: frozenset[str]
    trigger: re.Pattern
    priority: int = 0
    requires: re.Pattern | None = None
    scope: str = "sentence"  # where `requires` is looked for: clause, sentence or item
    excludes: re.Pattern | None = None
    rate: bool = False
    right_prefix: re.Pattern | None = None  # text that must follow the unit directly
    audience: bool = False  # an activity for the public, not for the township's own staff (see extract.py)
    own_body: bool = False  # done by the township itself, not by the bodies under it (see extract.py)


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


_NOT_CLAUSE = r"[^，,。；;：:]"
# Forms of outreach that are publicity when held for the public: talks, classes, village-yard meetings.
OUTREACH_FORMS_PATTERN = r"宣讲|授课|课堂|法治课|普法课|院坝会|坝坝会|板凳会|屋场会|以案释法|知识竞赛|文艺演出|法治电影"
RULE_OF_LAW = _r(r"法治|依法治|法制|依法行政")
# Study for other campaigns, which is not legal study (学法).
OTHER_CAMPAIGNS = _r(r"主题教育|党史学习教育|党纪学习教育|主题党日|三会一课")

RULES: tuple[Rule, ...] = (
    Rule("rule_of_law_meetings", EVENTS,
         _r(rf"会议(?!精神)|专题会(?!议精神)|推进会|部署会|例会|常务会|联席会|党委会|党工委会|(?<!代表)大会|"
            rf"听取{_NOT_CLAUSE}{{0,15}}汇报|部署{_NOT_CLAUSE}{{0,10}}工作|研究{_NOT_CLAUSE}{{0,6}}法治"),
         requires=RULE_OF_LAW, excludes=_r(r"学习|学法|列席|参与|参加")),
    Rule("study_sessions", EVENTS, _r(r"学习|学法|第一议题|读书班"), own_body=True, excludes=OTHER_CAMPAIGNS),
    Rule("exam_participants", PEOPLE, _r(r"考试|考法|参考"), excludes=_r(r"资格考试|执法资格")),
    Rule("exam_pass_rate", frozenset({"%"}), _r(r"合格率|通过率|及格率"), rate=True,
         requires=_r(r"考"), excludes=_r(r"审核通过率|审批通过率")),
    Rule("court_hearings_attended", EVENTS | PEOPLE | {"人次"}, _r(r"旁听|观摩庭审|庭审观摩"), priority=1),
    Rule("legality_reviews", DOCS | {"次", "宗"},
         _r(r"合法性审查|合法合规性审查|合法性审核|法制审核|法律审核|审查|审核"),
         excludes=_r(r"通过率|人员|审批|资格审|审计|资金|补贴|低保|报销|"
                     r"法律顾问[^，,。；;]{0,6}(?:列席|坐班|值班|参[与加](?:研讨|研究|讨论|论证|会议))")),
    Rule("normative_docs_filed", DOCS, _r(r"备案|报备"), priority=1),
    Rule("normative_docs_repealed", DOCS, _r(r"废止|废除|宣布失效|失效"), priority=1),
    Rule("disclosure_proactive", DOCS | {"条", "次"},
         _r(rf"主动公开|(?:公开|发布|公布|更新){_NOT_CLAUSE}{{0,16}}信息(?!公开)")),
    Rule("disclosure_requests", DOCS | {"条", "次"},
         _r(rf"依申请|公开申请|申请公开|(?:办理|受理|收到){_NOT_CLAUSE}{{0,6}}信息公开"), priority=1),
    Rule("disclosure_response_rate", frozenset({"%"}), _r(r"答复率"), rate=True),
    Rule("enforcement_officers", PEOPLE,
         _r(rf"执法人员|执法证|执法资格证|取得{_NOT_CLAUSE}{{0,8}}执法资格|持证|执法队员"),
         excludes=_r(r"辅助|协管|协勤")),
    Rule("enforcement_training", EVENTS, _r(r"培训"), requires=_r(r"执法|业务"), scope="item",
         excludes=_r(r"(?:学法|学习)培训")),  # 学法培训 is the staff's study (study_sessions)
    Rule("penalty_cases", CASES,
         _r(r"行政处罚|处罚案件|处罚决定|立案查处|查处|立案|普通程序|简易程序|处罚|"
            r"违法[\u4e00-\u9fff]{0,4}?(?:行为|案件)|执法案件"),
         excludes=_r(r"撤销|不予|无一例|刑事|移送")),
    Rule("case_file_reviews", EVENTS, _r(r"案卷评查|评查"), priority=1),
    Rule("publicity_events", EVENTS | {"余场"},
         _r(r"普法|法律进|法治进|送法|法治文化活动|[六七八九十]进"), excludes=_r(r"宣传资料|宣传单|手册")),
    Rule("publicity_events", EVENTS | {"余场"}, _r(r"宣传(?!资料|单|册|品|页|手册|材料)"),
         requires=_r(r"法|禁毒|反诈|扫黑"), scope="clause", excludes=_r(r"宣传资料|宣传单|手册")),
    # Activities named by their form: a lecture, a talk, a class — publicity when its audience is the public.
    Rule("publicity_events", EVENTS, _r(rf"讲座|{OUTREACH_FORMS_PATTERN}"), audience=True),
    Rule("publicity_materials", frozenset({"份", "册", "本", "套"}),
         _r(r"发放|印发|散发|派发|分发|赠送|资料|材料|宣传单|宣传页|宣传册|手册|小册子|折页|宣传品|读本|明白纸|单页"),
         priority=1),
    Rule("publicity_materials", frozenset({"张", "页"}), _r(r"发放|印发|散发|派发|分发")),
    Rule("legal_consultations", frozenset({"次", "人次", "人", "件"}), _r(r"咨询|解答"), priority=1),
    Rule("publicity_audience", frozenset({"人", "人次"}),
         _r(rf"受众|受益|惠及|覆盖{_NOT_CLAUSE}{{0,4}}群众|参与群众|教育群众|受教育|群众达|参与人数|观看"),
         requires=_r(r"普法|宣传")),
    Rule("publicity_audience", frozenset({"人", "人次"}), _r(r"覆盖|惠及"),
         requires=_r(r"普法|宣传|法律进|法治进|送法")),
    Rule("legal_literates", PEOPLE, _r(r"明白人|带头人|学法用法示范户"), priority=1),
    Rule("disputes_handled", CASES | {"个", "例"}, _r(r"纠纷|矛盾|争议|调处|调解|化解|排查"),
         requires=_r(r"纠纷|矛盾|争议"), scope="clause"),
    Rule("disputes_resolved", CASES | {"个", "例"},
         _r(rf"调处成功|调解成功|化解成功|成功调处|成功调解|成功化解|已化解|调解结案|达成{_NOT_CLAUSE}{{0,4}}协议"),
         priority=2),
    Rule("disputes_resolved", CASES | {"个", "例"}, _r(r"成功"), priority=2, requires=_r(r"纠纷|矛盾|争议"),
         excludes=_r(r"成功率|创建|申报|争创")),
    Rule("dispute_success_rate", frozenset({"%"}), _r(r"成功率|化解率|调解率|调处率"), rate=True,
         requires=_r(r"纠纷|矛盾|争议|调解|调处|化解"), scope="clause"),
    Rule("reconsideration_cases", CASES | {"个"}, _r(r"行政复议|复议"), priority=1),
    Rule("litigation_cases", CASES | {"个"}, _r(r"行政诉讼|行政应诉|应诉案件|被诉"), priority=1),
    Rule("court_appearances", EVENTS | PEOPLE | CASES | {"人次"}, _r(r"出庭应诉|出庭"), priority=2),
    Rule("court_appearance_rate", frozenset({"%"}), _r(r"出庭应诉率|出庭率"), rate=True),
    Rule("legal_aid", frozenset({"件", "次", "人次", "宗", "起", "人"}), _r(r"法律援助"), priority=1),
    Rule("legal_advisor_coverage", frozenset({"个"}), _r(r"法律顾问"), priority=3,
         right_prefix=_r(r"^(?:行政村|村|社区|居委会)")),
)

# Who an activity is for, and who does it (extract.py reads the nearest of these words).
PUBLIC_AUDIENCE = _r(
    r"群众|村民|居民|学生|青少年|师生|老年人?|妇女|儿童|商户|企业|行政村|村（社区）|村\(社区\)|\d+个村|"
    r"进(?:社区|村|校园|学校|企业|机关|家庭|农村|乡村|网格|小区|单位|工地|市场|园区)|走进|下沉|走村|入户|"
    r"[六七八九十]进|送法"
)
CADRE_AUDIENCE = _r(r"干部|职工|党员|公职人员|工作人员|执法人员|班子|中心组|两委")
PUBLICITY_KIND = _r(r"宣传|普法")
# Bodies under the township whose own study is not the township's (各支部, 14个党委, 基层党组织, 村居党支部),
# and the township's own (中心组, 党委会, 班子, 机关干部…): the nearer one before the number says who studied.
SUBORDINATE_BODY = _r(
    r"(?:各|\d+个|[两三四五六七八九十]+个)(?:党委|党组织|党支部|支部|村|社区|单位|部门)|"
    r"(?:基层|各级)党组织|党组织|(?:村居?|社区)党(?:支部|组织|委)|各支部|党支部"
)
OWN_BODY = _r(r"中心组|班子|党委会|党工委会|党委(?!书记)|党工委|机关|干部|职工|全镇|全乡|全街")

INDICATOR_KEYS = tuple(dict.fromkeys(rule.indicator for rule in RULES))
RATE_RULES = tuple(rule for rule in RULES if rule.rate)
COUNT_RULES = tuple(rule for rule in RULES if not rule.rate)

# Chinese labels of INDICATORS.md, for summaries.
INDICATOR_LABELS = {
    "rule_of_law_meetings": "专题研究部署法治建设会议",
    "study_sessions": "集中学法",
    "exam_participants": "参加学法考法人数",
    "exam_pass_rate": "学法考试合格率",
    "court_hearings_attended": "旁听庭审",
    "legality_reviews": "合法性审查",
    "normative_docs_filed": "规范性文件备案",
    "normative_docs_repealed": "规范性文件废止",
    "disclosure_proactive": "主动公开政府信息",
    "disclosure_requests": "依申请公开申请",
    "disclosure_response_rate": "依申请公开按期答复率",
    "enforcement_officers": "持证执法人员",
    "enforcement_training": "执法人员培训",
    "penalty_cases": "行政处罚案件",
    "case_file_reviews": "执法案卷评查",
    "publicity_events": "普法宣传活动",
    "publicity_materials": "发放普法宣传资料",
    "legal_consultations": "法律咨询",
    "publicity_audience": "普法受众",
    "legal_literates": "培养法律明白人",
    "disputes_handled": "排查调处矛盾纠纷",
    "disputes_resolved": "调解成功",
    "dispute_success_rate": "调处成功率",
    "reconsideration_cases": "行政复议案件",
    "litigation_cases": "行政诉讼案件",
    "court_appearances": "负责人出庭应诉",
    "court_appearance_rate": "负责人出庭应诉率",
    "legal_aid": "法律援助",
    "legal_advisor_coverage": "法律顾问覆盖村（社区）",
}
