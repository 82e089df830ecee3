"""What the check knows about the indicators, in one place: the parts of each rate, which figure is part of
which whole, the words a shortcoming uses to deny a figure, and the disclosure report's cells.

Every key is a registry key (fazhi/indicators/definitions.py); a part without a key is found by the words
that state it ("办结37件"). Rates not listed here are not checked against their parts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CASES = frozenset({"件", "起", "宗", "个", "例"})
EVENTS = frozenset({"次", "场", "场次", "期", "轮", "人次"})
PEOPLE = frozenset({"人", "名", "位", "人次"})
DOCS = frozenset({"件", "个", "份", "部", "项", "条"})
ITEMS = frozenset({"项", "件", "个"})


@dataclass(frozen=True)
class Part:
    """One side of a rate, or the part of a whole."""

    words: str  # how a message names it: "办结件数"
    key: str = ""  # the registry key that states it, if any
    pattern: re.Pattern | None = None  # words stating it in text, with the number right after or before
    units: frozenset[str] = CASES


@dataclass(frozen=True)
class RateParts:
    rate: str
    numerator: Part
    base: Part
    basis: str  # how the rate is counted, for messages: "调处成功率按办结件数计算"
    apparent_whole: str = ""  # the key a reader divides by when the base is not written


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def rate_parts() -> dict[str, RateParts]:
    """Rate key → its numerator, its base and the whole a reader would take for the base."""
    from fazhi.litigation import rules as litigation_rules

    if litigation_rules.appearance_basis() == "case":
        appearance = RateParts(
            "court_appearance_rate",
            Part("负责人出庭的案件数", pattern=_p(r"负责人出庭(?:应诉)?的?(?:案件)?"), units=CASES),
            Part("开庭审理的案件数", pattern=_p(r"(?<!旁听)开庭审理(?:的)?(?:案件)?|(?<!旁听)开庭"), units=CASES),
            "负责人出庭应诉率按开庭审理的案件计算", "litigation_cases")
    else:
        appearance = RateParts(
            "court_appearance_rate",
            Part("负责人出庭次数", "court_appearances", _p(r"出庭应诉|出庭"), EVENTS | CASES),
            Part("开庭审理次数", pattern=_p(r"(?<!旁听)(?:开庭审理|开庭|庭审)|庭次"), units=EVENTS),
            "负责人出庭应诉率按开庭次数（庭次）计算，一件案件可能多次开庭", "litigation_cases")
    table = (
        RateParts("dispute_success_rate",
                  Part("调解成功件数", "disputes_resolved",
                       _p(r"调解成功|调处成功|成功调解|成功调处|化解成功|成功化解")),
                  Part("办结件数", pattern=_p(r"办结|结案|调结")),
                  "调处成功率按本年办结件数计算", "disputes_handled"),
        appearance,
        RateParts("exam_pass_rate", Part("合格人数", pattern=_p(r"合格|通过"), units=PEOPLE),
                  Part("参加考试人数", "exam_participants", _p(r"参考|参加(?:学法)?考试"), PEOPLE),
                  "合格率按参加考试人数计算"),
        RateParts("exam_excellent_rate", Part("优秀人数", pattern=_p(r"优秀"), units=PEOPLE),
                  Part("参加考试人数", "exam_participants", _p(r"参考|参加(?:学法)?考试"), PEOPLE),
                  "优秀率按参加考试人数计算"),
        RateParts("disclosure_response_rate", Part("按期答复件数", pattern=_p(r"按期答复|按时答复|按期办结")),
                  Part("应答复件数", pattern=_p(r"应(?:当)?答复|到期")),
                  "按期答复率按本年应答复的申请（本年作出答复和到期仍未答复的）计算", "disclosure_requests"),
        RateParts("decision_review_coverage", Part("经合法性审查的决策数", pattern=_p(r"经合法性审查|经法制审核"), units=ITEMS),
                  Part("作出的重大行政决策数", "decisions_completed", units=ITEMS),
                  "重大行政决策合法性审查率按本年作出的决策计算"),
        RateParts("contract_review_coverage", Part("经合法性审查的合同数", pattern=_p(r"经合法性审查|经审查"), units=DOCS),
                  Part("签订的合同数", "contracts_signed", units=DOCS), "合同合法性审查率按本年签订的合同计算"),
        RateParts("normative_review_coverage",
                  Part("经合法性审核的文件数", pattern=_p(r"经合法性审核|经合法性审查|经审核"), units=DOCS),
                  Part("制发的规范性文件数", "normative_docs_issued", units=DOCS),
                  "规范性文件合法性审核率按本年印发的文件计算"),
        RateParts("normative_filing_on_time_rate", Part("按期报备件数", pattern=_p(r"按期报备|按期备案"), units=DOCS),
                  Part("应报备件数", pattern=_p(r"应报备|应备案|应当报备|应当备案"), units=DOCS),
                  "按期报备率按本年备案期限届满或已报备的文件计算", "normative_docs_filed"),
        RateParts("vice_principal_coverage", Part("配备法治副校长的学校数", pattern=_p(r"配备(?:了)?法治副校长"),
                                                  units=frozenset({"所"})),
                  Part("中小学校数", "schools_counted", units=frozenset({"所"})), "配备率按年末在办的中小学校计算"),
        RateParts("deputy_suggestions_on_time_rate", Part("按期答复件数", pattern=_p(r"按期答复|按时答复")),
                  Part("应答复件数", pattern=_p(r"应(?:当)?答复|到期")),
                  "按期答复率按已答复或答复期限已过的建议计算", "deputy_suggestions"),
    )
    return {entry.rate: entry for entry in table}


@dataclass(frozen=True)
class Whole:
    part: Part
    whole: str  # registry key
    explained_by: re.Pattern | None  # words in the part's sentence that explain a part larger than its whole
    hint: str


def wholes() -> tuple[Whole, ...]:
    """Figures that count a subset of another figure: the part never exceeds the whole without a word why."""
    return (
        Whole(Part("负责人出庭应诉", "court_appearances"), "litigation_cases", _p(r"开庭|庭审|庭次"),
              "出庭应诉按开庭次数计算、一件案件可能多次开庭，请在同句写明开庭审理次数"),
        Whole(Part("调解成功", "disputes_resolved"), "disputes_handled", _p(r"结转|上年"),
              "调解成功的纠纷含上年受理、本年办结的，请在同句说明"),
        Whole(Part("合格人数", pattern=_p(r"考试合格|合格|通过"), units=PEOPLE), "exam_participants", None,
              "合格人数不能多于参加考试人数"),
        Whole(Part("合法性审查不予通过", "legality_reviews_rejected"), "legality_reviews", None,
              "不予通过的审查是完成的合法性审查的一部分"),
        Whole(Part("审查合同协议", "contract_reviews"), "legality_reviews", None,
              "合同审查是合法性审查的一部分"),
        Whole(Part("人大执法检查", "congress_law_checks"), "congress_inspections", None,
              "执法检查是人大视察、评议、执法检查的一部分"),
        Whole(Part("人大监督意见建议已整改", "congress_inspection_rectified"), "congress_inspection_issues", _p(r"上年|结转"),
              "已整改的意见建议不能多于提出的意见建议"),
        Whole(Part("主要负责人主持研究法治建设", "principal_chaired_meetings"), "rule_of_law_meetings", None,
              "主要负责人主持的会议是研究法治建设会议的一部分"),
        Whole(Part("主要负责人领学", "principal_led_studies"), "study_sessions", None,
              "主要负责人领学是集中学法的一部分"),
        Whole(Part("人大代表建议超期答复或超期未答复", "deputy_suggestions_overdue"), "deputy_suggestions", None,
              "超期的建议是本年办理的建议的一部分"),
        Whole(Part("按台账数据计分的考核指标", "assessment_data_criteria"), "assessment_criteria", None,
              "按台账数据计分的指标是考核指标的一部分"),
        Whole(Part("处罚决定被撤销或变更", "penalty_cases_overturned"), "penalty_cases_challenged", _p(r"上年|结转"),
              "被撤销、变更的处罚决定是被申请复议或起诉的一部分"),
        Whole(Part("行政复议、诉讼败诉案件", "litigation_cases_lost"), "cases_concluded", None,
              "败诉案件是审结案件的一部分"),
        Whole(Part("作出重大行政决策", "decisions_completed"), "decision_catalog_items", _p(r"目录外|未列入"),
              "目录外作出的决策须在同句说明"),
        Whole(Part("目录内法制审核尚未启动的决策", "decisions_without_review"), "decision_catalog_items", None,
              "尚未审查的事项是目录事项的一部分"),
    )


# ---------------------------------------------------------------- shortcomings that deny a figure

REVIEW_DENIED = (r"(?:尚未|未经|没有|未能|未)(?:启动|开展|进行|经过?|送请|提请|履行|落实|纳入)?"
                 r"(?:合法性审查|法制审核|合法性审核)|未(?:能)?(?:做到|实现)(?:应审尽审|全覆盖)")
LATE = r"未(?:能)?(?:全部|完全|均)?(?:按期|按时|及时|在规定期限内|在.{0,8}期限内)|超期|逾期|超过.{0,6}期限"
NOT_COVERED = r"未(?:能)?(?:实现|做到)?.{0,2}全覆盖|未(?:能)?全部"


@dataclass(frozen=True)
class Denial:
    key: str
    subject: re.Pattern  # what the statement is about
    denies: re.Pattern  # how it says the figure is not so
    full: bool  # True: denies a rate of 100 %; False: denies a count above zero ("无…")
    unless: re.Pattern | None = None  # words in the clause that make it about something else ("无一起行政诉讼败诉")


def denials() -> tuple[Denial, ...]:
    full = (
        ("decision_review_coverage", r"重大行政决策|重大决策|决策事项", REVIEW_DENIED),
        ("contract_review_coverage", r"合同|协议", REVIEW_DENIED),
        ("normative_review_coverage", r"规范性文件", REVIEW_DENIED),
        ("court_appearance_rate", r"出庭", NOT_COVERED + r"|未(?:能)?(?:全部|全面)?出庭|没有出庭"),
        ("disclosure_response_rate", r"信息公开|依申请|公开申请", LATE),
        ("deputy_suggestions_on_time_rate", r"代表建议|议案|建议、", LATE),
        ("normative_filing_on_time_rate", r"备案|报备", LATE),
        ("legality_review_on_time_rate", r"合法性审查|审查意见|法制审核", LATE),
        ("penalty_decided_on_time_rate", r"处罚", LATE),
        ("responsibility_on_time_rate", r"责任清单|工作任务|任务", LATE + r"|未(?:能)?(?:全部)?(?:按期)?完成"),
        ("exam_pass_rate", r"考试|学法考|考法", r"未(?:能)?全部(?:合格|通过)|不合格|(?:尚)?未达到(?:百分之百|100%)"),
        ("vice_principal_coverage", r"法治副校长", NOT_COVERED + r"|未(?:能)?配齐|(?:尚)?未配备"),
        ("dispute_success_rate", r"纠纷|调解|调处", r"未(?:能)?(?:成功)?(?:调解|化解|调处)|调解不成功|未调解成功"),
    )
    # "无" as a word of its own, not 无法/无缝/无讼…; the subject follows within two characters ("未开展过普法活动")
    none = r"(?:无(?![法缝讼论偿序疑])|没有|未(?:发生|办理|开展|组织|召开|举办|进行|收到|受理|制定|印发|作出|聘请|培养))"
    outcome = _p(r"败诉|纠错|撤销|变更|确认违法")
    counts = (
        ("litigation_cases", r"行政诉讼", outcome),
        ("reconsideration_cases", r"行政复议", outcome),
        ("court_hearings_attended", r"旁听庭审"),
        ("court_appearances", r"出庭应诉|负责人出庭"),
        ("rule_of_law_meetings", r"(?:专题)?研究(?:部署)?法治|法治建设(?:专题)?会议"),
        ("study_sessions", r"集中学法|学法活动"),
        ("exam_participants", r"学法考试"),
        ("publicity_events", r"普法(?:宣传)?活动"),
        ("legal_literates", r"法律明白人"),
        ("disputes_handled", r"矛盾纠纷"),
        ("decisions_completed", r"重大行政决策"),
        ("normative_docs_issued", r"规范性文件"),
        ("penalty_cases", r"行政处罚|处罚案件"),
        ("case_file_reviews", r"案卷评查"),
        ("enforcement_training", r"执法(?:人员)?培训"),
        ("principal_law_reports", r"述法"),
        ("work_plans", r"工作要点"),
        ("legal_advisors", r"法律顾问"),
    )
    return (
        *(Denial(key, _p(subject), _p(denies), True) for key, subject, denies in full),
        *(Denial(key, _p(subject), _p(rf"{none}[^，,。；;：:、]{{0,2}}(?:{subject})"), False, *unless)
          for key, subject, *unless in counts),
    )


# A rule, not a fact: "未经合法性审查的，不得提交讨论" (a condition, then 不得… in the same sentence);
# an aim, not a fact: "杜绝未经审查…", "确保应审尽审" (in the clause itself).
RULE_WORDS = _p(r"不得|不能|严禁|禁止|一律")
CONDITION = _p(r"未经|的$")
AIM_WORDS = _p(r"杜绝|防止|避免|严防|确保|坚决|坚持|力争|争取")
# A partial statement ("个别单位未开展…") does not deny a count above zero.
PARTIAL = _p(r"部分|个别|有的|少数|一些|仍有|尚有|多数|有些")


# ---------------------------------------------------------------- the disclosure annual report

# (table, row, column) of fazhi.disclosure.annual_report's to_json() → the registry key of the same figure.
DISCLOSURE_CELLS: tuple[tuple[tuple[str, str, str], str, str], ...] = (
    (("table2", "行政规范性文件", "本年制发件数"), "normative_docs_issued", "表二“行政规范性文件·本年制发件数”"),
    (("table2", "行政规范性文件", "本年废止件数"), "normative_docs_repealed", "表二“行政规范性文件·本年废止件数”"),
    (("table2", "行政规范性文件", "现行有效件数"), "normative_docs_in_force", "表二“行政规范性文件·现行有效件数”"),
    (("table2", "行政处罚", "本年处理决定数量"), "penalty_decisions", "表二“行政处罚·本年处理决定数量”"),
    (("table3", "一、本年新收政府信息公开申请数量", "总计"), "disclosure_requests", "表三“本年新收政府信息公开申请数量·总计”"),
)
