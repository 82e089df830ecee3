"""The fixed figures of INDICATORS.md as plain data: what each is called, counted in, said with and read by.

This is the one definition of those figures' words. The registry (registry.py, definitions.py) takes each one's
label, unit, kind and report phrase from here and adds how Fazhi computes it from records; the report reader
(fazhi.ingest) recognises it in an outside report by the words given here; the county comparison weighs a stated
rate by its parts given here. Plain Python — no Django, no models — so the reader can use it without the apps.

A recognition says: this figure, counted in these units, is named by these words (the trigger) near the number.
``requires`` must also appear in the wider context (``scope``: clause, sentence or item), ``excludes`` must not
appear in the number's own segment; the reader picks, for each number, the recognition whose trigger is nearest to
it, and ``priority`` breaks ties in favour of the more specific figure (调处成功 over 调处).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


class Kind:
    COUNT = "count"  # number of records
    SUM = "sum"  # sum of a field over the records
    RATE = "rate"  # numerator records ÷ denominator records × 100


@dataclass(frozen=True)
class Recognition:
    units: frozenset[str]
    trigger: re.Pattern
    priority: int = 0
    requires: re.Pattern | None = None
    # where `requires` is looked for: clause, sentence, item, count (the count's clause; its sentence when that
    # clause names no one the activity was for), or leading (the count's clause and the clauses of its sentence before)
    scope: str = "sentence"
    excludes: re.Pattern | None = None
    excludes_scope: str = "segment"  # where `excludes` is looked for: the number's segment, or its whole clause
    right_prefix: re.Pattern | None = None  # text that must follow the unit directly
    audience: bool = False  # an activity for the public, not for the township's own staff (fazhi/ingest/extract.py)
    own_body: bool = False  # done by the township itself, not by the bodies under it (fazhi/ingest/extract.py)


@dataclass(frozen=True)
class Definition:
    key: str
    label: str
    unit: str
    kind: str
    phrase: str  # how the report states it: "开展普法宣传活动{value}场次"
    recognitions: tuple[Recognition, ...]
    # A rate's parts among these figures, (numerator key, denominator key); None where no figure is that part.
    rate_parts: tuple[str | None, str | None] | None = None


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


EVENTS = frozenset({"次", "场", "场次", "期", "轮"})
CASES = frozenset({"件", "起", "宗"})
PEOPLE = frozenset({"人", "名", "位"})
DOCS = frozenset({"件", "个", "份", "部", "项"})
PERCENT = frozenset({"%"})
CONVEYED_ITEMS = frozenset({"个", "项", "条", "篇", "份", "件"})

_NOT_CLAUSE = r"[^，,。；;：:]"
# Forms of outreach that are publicity when held for the public: talks, classes, village-yard meetings.
OUTREACH_FORMS_PATTERN = r"宣讲|讲解|授课|课堂|法治课|普法课|院坝会|坝坝会|板凳会|屋场会|以案释法|知识竞赛|文艺演出|文艺晚会|法治电影"
RULE_OF_LAW = _r(r"法治|依法治|法制|依法行政")
# Other kinds of study, which are not legal study (学法): other campaigns, and business study (业务学习). A 学习教育
# is a campaign (党史学习教育, 党纪学习教育, the 2025 "中央八项规定精神学习教育", called bare "学习教育" once named)
# unless it is the study of a topic it names (理论学习教育, 法治思想学习教育, 党内法规学习教育, 民法典学习教育).
OTHER_CAMPAIGNS = _r(r"主题教育|(?<![论想治规律法典])学习教育|主题党日|三会一课|业务学习")
_PUBLICITY_MATERIALS = _r(r"宣传资料|宣传单|手册")
_DISPUTE = _r(r"纠纷|矛盾|争议")

_DEFINITIONS = (
    Definition("rule_of_law_meetings", "专题研究部署法治建设会议", "次", Kind.COUNT, "召开专题研究部署法治建设会议{value}次", (
        Recognition(EVENTS, _r(rf"会议(?!精神)|专题会(?!议精神)|推进会|部署会|例会|常务会|联席会|党委会|党工委会|(?<!代表)大会|"
                               rf"听取{_NOT_CLAUSE}{{0,15}}汇报|部署{_NOT_CLAUSE}{{0,10}}工作|研究{_NOT_CLAUSE}{{0,6}}法治"),
                    # the topic is named in the meeting's own clause or in the clauses that lead to it, not in a later
                    # clause about something else ("召开政府常务会议20次，传达学习法治相关精神30项": no meeting)
                    requires=RULE_OF_LAW, scope="leading", excludes=_r(r"学习|学法|列席|参与|参加")),
    )),
    Definition("study_sessions", "集中学法（中心组学法、会前学法、集中学习）", "次", Kind.COUNT, "开展集中学法{value}次", (
        # "通过街道党工委、党政联席会议传达法治相关议题31次": what a meeting conveys to the staff is their study
        Recognition(EVENTS, _r(r"学习|学法|第一议题|读书班|传达"), own_body=True, excludes=OTHER_CAMPAIGNS),
        # what the township's meetings convey is counted in whatever unit the text counts it: the items, topics or
        # speeches conveyed ("传达学习法治建设相关议题7个", "传达…重要讲话、重要指示批示精神64项", "第一议题学习内容20项")
        Recognition(CONVEYED_ITEMS, _r(r"传达|第一议题"), own_body=True, excludes=OTHER_CAMPAIGNS),
    )),
    Definition("exam_participants", "参加学法考法人数", "人", Kind.COUNT, "{value}名干部职工参加学法考试", (
        # An enforcement-certificate exam is not the annual law exam: who passed it holds the certificate
        # (enforcement_officers), who only sat it is no figure.
        Recognition(PEOPLE, _r(r"考试|考法|学考|考学|参考|测试"), excludes=_r(r"资格考试|执法资格|执法证|执法[^，,。；;]{0,6}考试")),
    )),
    Definition("exam_pass_rate", "学法考试合格率", "%", Kind.RATE, "考试合格率{value}%", (
        Recognition(PERCENT, _r(r"合格率|通过率|及格率"), requires=_r(r"考"), excludes=_r(r"审核通过率|审批通过率")),
    ), rate_parts=(None, "exam_participants")),
    Definition("court_hearings_attended", "旁听庭审", "次", Kind.COUNT, "组织旁听庭审{value}次", (
        Recognition(EVENTS | PEOPLE | {"人次"}, _r(r"旁听|观摩庭审|庭审观摩"), priority=1),
    )),
    Definition("legality_reviews", "合法性审查/法制审核", "件", Kind.COUNT, "完成合法性审查{value}件", (
        # "起草、审查、修改各种法律文书32份": drafting and amending are an adviser's general work, not reviews; "参与
        # 审核修改重要合同及法律文件3份" reviewed them (and amended what the review found).
        Recognition(DOCS | {"次", "宗", "件次"}, _r(r"合法性审查|合法合规性审查|合法性审核|法制审核|法律审核|审查|审核"),
                    excludes=_r(r"通过率|人员|审批|资格审|审计|资金|补贴|低保|报销|起草|(?<!审核)(?<!审查)修改|"
                                r"法律顾问[^，,。；;]{0,6}(?:列席|坐班|值班|参[与加](?:研讨|研究|讨论|论证|会议))")),
    )),
    Definition("normative_docs_filed", "规范性文件备案", "件", Kind.COUNT, "报备规范性文件{value}件", (
        Recognition(DOCS, _r(r"备案|报备"), priority=1),
    )),
    Definition("normative_docs_repealed", "规范性文件废止", "件", Kind.COUNT, "废止规范性文件{value}件", (
        Recognition(DOCS, _r(r"废止|废除|宣布失效|失效"), priority=1),
    )),
    Definition("disclosure_proactive", "主动公开政府信息", "条", Kind.COUNT, "主动公开政府信息{value}条", (
        Recognition(DOCS | {"条", "次"}, _r(rf"主动公开|(?:公开|发布|公布|更新){_NOT_CLAUSE}{{0,16}}信息(?!公开)")),
    )),
    Definition("disclosure_requests", "依申请公开申请", "件", Kind.COUNT, "收到政府信息公开申请{value}件", (
        Recognition(DOCS | {"条", "次"}, _r(rf"依申请|公开申请|申请公开|(?:办理|受理|收到){_NOT_CLAUSE}{{0,6}}信息公开"),
                    priority=1),
    )),
    Definition("disclosure_response_rate", "依申请公开按期答复率", "%", Kind.RATE, "按期答复率{value}%", (
        # "答复及时率" is the 按期答复率 named with its qualifier after the noun
        Recognition(PERCENT, _r(r"答复率|答复(?:及时|按时|按期)率")),
    ), rate_parts=(None, "disclosure_requests")),
    Definition("enforcement_officers", "持证执法人员", "人", Kind.COUNT, "取得执法资格人员{value}人", (
        # "14名在编干部通过行政执法培训及考试": who passed the enforcement exam hold the certificate; who only
        # sit it ("2名领导干部带头参加执法证考试") do not yet.
        Recognition(PEOPLE, _r(rf"执法人员|执法证|执法资格证|取得{_NOT_CLAUSE}{{0,8}}执法资格|持证|执法队员|"
                               rf"通过{_NOT_CLAUSE}{{0,8}}执法{_NOT_CLAUSE}{{0,6}}考试"),
                    # the verbs of sitting an exam, whichever is used (参加, 参与, 报考, 应考); staff sent to a training
                    # ("组织30名执法人员参加业务培训") are its trainees, not a headcount of holders
                    excludes=_r(rf"辅助|协管|协勤|(?:参[加与]|应考){_NOT_CLAUSE}{{0,8}}(?:考试|培训|轮训)|报考")),
    )),
    Definition("enforcement_training", "执法人员培训", "次", Kind.COUNT, "开展执法人员培训{value}次", (
        # The training's own topic or trainees are enforcement (执法, 业务, 实务) in the clause of its count — or, when
        # that clause names no trainees ("加强执法人员培训，参加专题培训2期"), in its sentence: "对乡村干部…开展法律培训
        # 4次" trains cadres, whatever the item says about 业务 elsewhere. 学法培训 is the staff's study.
        Recognition(EVENTS, _r(r"培训"), requires=_r(r"执法|业务|实务"), scope="count", excludes=_r(r"(?:学法|学习)培训")),
    )),
    Definition("penalty_cases", "行政处罚案件（普通程序）", "件", Kind.COUNT, "办理普通程序处罚案件{value}件", (
        Recognition(CASES, _r(r"行政处罚|处罚案件|处罚决定|立案查处|查处|立案|普通程序|简易程序|处罚|"
                              r"违法[\u4e00-\u9fff]{0,4}?(?:行为|案件)|执法[^，,。；;、]{0,8}案件"),
                    # "协助处理重大执法案件2宗": cases an adviser helped with are not the township's penalties
                    excludes=_r(r"撤销|不予|无一例|刑事|移送|协助")),
    )),
    Definition("case_file_reviews", "执法案卷评查", "次", Kind.COUNT, "开展执法案卷评查{value}次", (
        Recognition(EVENTS, _r(r"案卷评查|评查"), priority=1),
    )),
    Definition("publicity_events", "普法宣传活动", "场次", Kind.COUNT, "开展普法宣传活动{value}场次", (
        # 普法骨干, 普法志愿者 are people, not an activity: "对普法骨干开展学法培训4次" trains them
        Recognition(EVENTS | {"余场"}, _r(r"普法(?!骨干|志愿)|法律进|法治进|送法|法治文化活动|[六七八九十]进"),
                    excludes=_PUBLICITY_MATERIALS),
        # "宣传活动" is legal publicity when its item of the report is about law ("二是全民普法宣传教育…。…
        # 组织开展各类宣传活动10余次"), the constitution (宪) or the campaigns publicity serves.
        Recognition(EVENTS | {"余场"}, _r(r"宣传(?!资料|单|册|品|页|手册|材料)"), requires=_r(r"法|宪|禁毒|反诈|扫黑"),
                    scope="item", excludes=_PUBLICITY_MATERIALS),
        # Activities named by their form: a lecture, a talk, a class — publicity when its audience is the public.
        Recognition(EVENTS, _r(rf"讲座|{OUTREACH_FORMS_PATTERN}"), audience=True),
        # An activity named only by its quoted title ("开展“典亮校园”活动5次", "“法润童心”校园活动"), in an item about
        # legal publicity, is publicity when its audience is the public — the title or its clause names them (校园, 群众,
        # 进社区…) — and the township held it: the villages' events its advisers took part in ("参加村（社区）“援法议事”
        # 活动110场次") are not. A title followed by a study, training, meeting or exam word is that, not publicity.
        Recognition(EVENTS | {"余场"}, _r(r"[”\"」』](?:(?!学|训|会|考|党|团|廉)[\u4e00-\u9fff]){0,4}活动(?![室中阵场基])"),
                    requires=_r(r"普法|法治宣传|法制宣传|法律宣传|宪法|民法典|法治文化"), scope="item", audience=True,
                    excludes=_r(rf"{_PUBLICITY_MATERIALS.pattern}|(?<![众民生])(?:参加|参与)|出席|列席|应邀"),
                    excludes_scope="clause"),
    )),
    Definition("publicity_materials", "发放普法宣传资料", "份", Kind.SUM, "发放宣传资料{value}份", (
        Recognition(frozenset({"份", "册", "本", "套"}),
                    _r(r"发放|印发|散发|派发|分发|赠送|资料|材料|宣传单|宣传页|宣传册|手册|小册子|折页|宣传品|读本|明白纸|单页"),
                    priority=1),
        Recognition(frozenset({"张", "页"}), _r(r"发放|印发|散发|派发|分发")),
    )),
    Definition("legal_consultations", "法律咨询", "人次", Kind.SUM, "解答法律咨询{value}人次", (
        Recognition(frozenset({"次", "人次", "人", "件"}), _r(r"咨询|解答"), priority=1),
    )),
    Definition("publicity_audience", "普法受众", "人次", Kind.SUM, "受众群众{value}人次", (
        Recognition(frozenset({"人", "人次"}),
                    _r(rf"受众|受益|惠及|获宣|覆盖{_NOT_CLAUSE}{{0,4}}群众|参与群众|教育群众|受教育|群众达|参与人数|观看"),
                    # a lecture for the public is publicity (its audience=True says the public was there)
                    requires=_r(rf"普法|宣传|讲座|{OUTREACH_FORMS_PATTERN}"), audience=True),
        Recognition(frozenset({"人", "人次"}), _r(r"覆盖|惠及"),
                    requires=_r(rf"普法|宣传|法律进|法治进|送法|讲座|{OUTREACH_FORMS_PATTERN}"), audience=True),
    )),
    Definition("legal_literates", "培养法律明白人", "人", Kind.COUNT, "培养“法律明白人”“法治带头人”{value}人", (
        Recognition(PEOPLE, _r(r"明白人|带头人|学法用法示范户"), priority=1),
    )),
    Definition("disputes_handled", "排查调处矛盾纠纷", "件", Kind.COUNT, "排查调处矛盾纠纷{value}件", (
        Recognition(CASES | {"个", "例"}, _r(r"纠纷|矛盾|争议|调处|调解|化解|排查"), requires=_DISPUTE, scope="clause"),
    )),
    Definition("disputes_resolved", "调解成功", "件", Kind.COUNT, "调解成功{value}件", (
        Recognition(CASES | {"个", "例"},
                    _r(rf"调处成功|调解成功|化解成功|成功调处|成功调解|成功化解|已化解|调解结案|达成{_NOT_CLAUSE}{{0,4}}协议"),
                    priority=2),
        Recognition(CASES | {"个", "例"}, _r(r"成功"), priority=2, requires=_DISPUTE,
                    excludes=_r(r"成功率|创建|申报|争创")),
    )),
    Definition("dispute_success_rate", "调处成功率", "%", Kind.RATE, "调处成功率{value}%", (
        # the rate's own clause names the disputes, or — a bare "成功率96%" after "调解矛盾纠纷56起，调解成功54起" —
        # the clauses of its sentence that lead to it
        Recognition(PERCENT, _r(r"成功率|化解率|调解率|调处率"), requires=_r(r"纠纷|矛盾|争议|调解|调处|化解"),
                    scope="count"),
    ), rate_parts=("disputes_resolved", "disputes_handled")),
    Definition("reconsideration_cases", "行政复议案件", "件", Kind.COUNT, "办理行政复议案件{value}件", (
        Recognition(CASES | {"个"}, _r(r"行政复议|复议"), priority=1),
    )),
    Definition("litigation_cases", "行政诉讼案件", "件", Kind.COUNT, "办理行政诉讼案件{value}件", (
        Recognition(CASES | {"个"}, _r(r"行政诉讼|行政应诉|应诉案件|被诉"), priority=1),
    )),
    Definition("court_appearances", "负责人出庭应诉", "次", Kind.COUNT, "负责人出庭应诉{value}次", (
        Recognition(EVENTS | PEOPLE | CASES | {"人次"}, _r(r"出庭应诉|出庭"), priority=2),
    )),
    Definition("court_appearance_rate", "负责人出庭应诉率", "%", Kind.RATE, "出庭应诉率{value}%", (
        Recognition(PERCENT, _r(r"出庭应诉率|出庭率|应诉率")),
    ), rate_parts=("court_appearances", None)),
    Definition("legal_aid", "法律援助（申请、指引）", "件", Kind.COUNT, "帮助群众申请法律援助{value}件", (
        Recognition(frozenset({"件", "次", "人次", "宗", "起", "人"}), _r(r"法律援助"), priority=1),
    )),
    Definition("legal_advisor_coverage", "法律顾问覆盖村（社区）", "个", Kind.COUNT, "{value}个村（社区）配备法律顾问", (
        Recognition(frozenset({"个"}), _r(r"法律顾问"), priority=3, right_prefix=_r(r"^(?:行政村|嘎查村?|村|社区|居委会)")),
    )),
)

# The fixed figures by key, in the order of INDICATORS.md.
FIXED: dict[str, Definition] = {definition.key: definition for definition in _DEFINITIONS}
