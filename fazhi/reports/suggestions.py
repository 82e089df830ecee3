"""Shortcomings suggested from the data, for section 二 (存在的不足和原因).

They are drafts: staff confirm or rewrite them. The printed wording carries no
numbers (those belong to the live figures); the ``basis`` line tells staff which
figure triggered the suggestion and is shown on the edit page only.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fazhi.indicators.registry import Figure, Kind, format_value

MAX_FROM_DATA = 4
GENERIC_BASIS = "常见不足（非数据提示）"
ADVISOR_GAP_TITLE = "村（社区）法律顾问尚未全覆盖"
ADVISOR_GAP = "advisor_gap"
MIN_TOTAL = 3

# A rate below its threshold suggests a shortcoming. Our own heuristics, not statutory values.
RATE_THRESHOLDS: dict[str, tuple[Decimal, str, str, str]] = {
    "responsibility_on_time_rate": (Decimal(100), "组织领导", "责任清单任务未能全部按期完成",
                                    "部分法治建设任务完成滞后于时限要求，年度工作要点的分解落实和过程督办需进一步加强。"),
    "corrections_schedule_rate": (Decimal(100), "社区矫正", "社区矫正日常管理还有薄弱环节",
                                  "个别社区矫正对象未做到日日有电联、月月有集中教育，日常监管的规范化水平有待提高。"),
    "exam_pass_rate": (Decimal(100), "学法用法", "学法用法的实效还需提升",
                       "学法考试合格率尚未达到百分之百，部分干部职工学法的主动性和系统性不够，运用法治思维和法治方式解决问题的能力有待提高。"),
    "dispute_success_rate": (Decimal(95), "矛盾纠纷", "矛盾纠纷化解质效还需提高",
                             "部分矛盾纠纷调处未能达成协议，多元化解机制衔接还不够顺畅，专业调解力量相对不足。"),
    "disclosure_response_rate": (Decimal(100), "依法行政", "依申请公开答复还不够及时",
                                 "个别政府信息公开申请未能在法定期限内答复，办理流程和时限管理有待规范。"),
    "deputy_suggestions_on_time_rate": (Decimal(100), "人大监督", "人大代表建议办理还不够及时",
                                        "个别人大代表建议未在规定期限内答复，承办单位办理和答复的时限意识不强。"),
    "deputy_satisfaction_rate": (Decimal(80), "人大监督", "人大代表建议办理质量有待提高",
                                 "部分代表对建议办理结果不满意，承办单位与代表沟通不够，办理措施的针对性不强。"),
    "legality_review_on_time_rate": (Decimal(100), "依法行政", "合法性审查办理还不够及时",
                                     "个别送审事项未能在审查期限内出具审查意见，审查力量和时限管理有待加强。"),
    "normative_filing_on_time_rate": (Decimal(100), "依法行政", "规范性文件备案不够及时",
                                      "个别行政规范性文件未在公布后规定期限内报送备案，“有件必备”的时限要求落实不够严格。"),
}

# Statutory time limits missed: a late answer to a disclosure application (条例第三十三条) or a late filing of a
# normative document is reported whatever else is, so the report agrees with the disclosure annual report.
ALWAYS_REPORTED = ("disclosure_response_rate", "normative_filing_on_time_rate")

# A count that should be zero: any record is a shortcoming, listed before every other suggestion
# (so that, e.g., a catalogued major decision without legality review cannot go unreported).
PROBLEM_COUNTS: dict[str, tuple[str, str, str]] = {
    "responsibility_tasks_overdue": ("组织领导", "法治建设责任清单落实不够到位",
                                     "责任清单中部分任务未能按期完成，“谁分管、谁负责”的责任传导和督促检查还不够有力。"),
    "litigation_cases_lost": ("依法行政", "行政行为合法性还有差距",
                              "有行政复议、行政诉讼案件被撤销、变更或确认违法，个别行政行为在事实认定、程序和法律适用上还不够严谨。"),
    "corrections_incidents": ("社区矫正", "社区矫正监督管理存在漏洞",
                              "个别社区矫正对象发生脱管、漏管或重新违法犯罪，日常监督管理和教育帮扶措施落实还不够严密。"),
    "decisions_without_review": ("依法行政", "重大行政决策合法性审查还不到位",
                                 "部分列入年度目录的重大行政决策事项尚未启动合法性审查，重大行政决策程序的刚性约束需进一步强化。"),
}

# A connected figure without any record this year.
NO_RECORDS: dict[str, tuple[str, str, str]] = {
    "rule_of_law_meetings": ("组织领导", "专题研究法治建设不够经常",
                             "全年未召开专题研究部署法治建设的会议，党委、政府定期研究法治建设工作的制度还需严格落实。"),
    "study_sessions": ("学法用法", "干部集中学法不够经常", "全年未组织集中学法，会前学法、中心组学法等制度落实不到位。"),
    "exam_participants": ("学法用法", "学法考试组织不够到位", "全年没有干部职工参加学法考试，以考促学的作用未能发挥。"),
    "court_hearings_attended": ("学法用法", "旁听庭审制度落实不到位", "全年未组织干部职工旁听庭审，以案释法、以案促学的作用发挥不够。"),
    "disclosure_proactive": ("依法行政", "政府信息主动公开不够到位",
                             "全年没有登记主动公开的政府信息，涉农政策、社会救助等群众关心的信息公开不够及时全面。"),
    "publicity_events": ("普法", "面向群众的普法宣传存在薄弱环节", "全年未开展线下普法宣传活动，法治宣传教育的覆盖面不够。"),
    "legal_literates": ("普法", "基层普法骨干队伍建设有待加强",
                        "全年未新培养“法律明白人”“法治带头人”，村（社区）普法和依法治理的骨干力量补充不足。"),
}

# A count lower than last year's.
DECLINES: dict[str, tuple[str, str, str]] = {
    "rule_of_law_meetings": ("组织领导", "研究部署法治建设的力度有所减弱", "专题研究部署法治建设的会议较上年减少，统筹推进的力度需进一步加大。"),
    "study_sessions": ("学法用法", "集中学法的频次有所下降", "集中学法次数较上年减少，学法制度的经常性有待加强。"),
    "publicity_events": ("普法", "普法宣传的力度有所减弱", "普法宣传活动场次较上年减少，普法工作的经常性和覆盖面有待加强。"),
    "legal_literates": ("普法", "“法律明白人”培养有所放缓", "新培养的“法律明白人”“法治带头人”较上年减少，骨干队伍建设需持续用力。"),
}

GENERIC: tuple[tuple[str, str, str], ...] = (
    ("队伍", "法治工作队伍建设仍需加强",
     "{unit}村两级法治工作力量相对薄弱，具有法律专业背景的工作人员较少，部分干部运用法治思维和法治方式推动工作、化解矛盾的能力还有差距。"),
    ("普法", "普法宣传的针对性和实效性有待提高",
     "普法形式仍以发放资料、集中宣讲为主，面向农村老年人、青少年等重点群体的精准普法不够，部分群众“信访不信法”的观念尚未根本转变。"),
    ("依法行政", "依法行政的制度执行还需从严",
     "重大行政决策、合法性审查等制度在执行中还存在程序记录不够完整、审查意见落实跟踪不够等问题。"),
)


@dataclass(frozen=True)
class Suggestion:
    theme: str
    title: str
    detail: str
    basis: str  # why it was suggested (for staff, not printed)
    # what triggered it: an indicator key, "decline:<key>", "none:<key>", ADVISOR_GAP or "generic" — the report
    # writer states the figures and causes of that trigger (fazhi/reports/writing/sections.py)
    trigger: str = "generic"

    @property
    def generic(self) -> bool:
        """A common shortcoming offered to fill the section, not drawn from this township's data."""
        return self.basis == GENERIC_BASIS


def suggest(figures: dict[str, Figure], previous: dict[str, Figure], *, unit: str = "镇",
            villages_without_advisor: list[str] = ()) -> list[Suggestion]:
    found: list[Suggestion] = []
    if villages_without_advisor:  # 一村（社区）一法律顾问: a gap is a shortcoming, listed with the problem counts
        names = "、".join(villages_without_advisor[:5]) + ("等" if len(villages_without_advisor) > 5 else "")
        found.append(Suggestion("普法", ADVISOR_GAP_TITLE,
                                "“一村（社区）一法律顾问”尚未实现全覆盖，部分村（社区）群众就近获得法律服务还不够便利。",
                                f"未配备法律顾问的村（社区）：{names}", ADVISOR_GAP))
    for key, (theme, title, detail) in PROBLEM_COUNTS.items():
        fig = figures.get(key)
        if fig and fig.has_data and fig.value:
            found.append(Suggestion(theme, title, detail, f"{fig.indicator.label}{format_value(fig.value)}{fig.indicator.unit}", key))
    for key, (threshold, theme, title, detail) in RATE_THRESHOLDS.items():
        fig = figures.get(key)
        if fig and fig.has_data and fig.value is not None and fig.value < threshold:
            basis = f"{fig.indicator.label}为{format_value(fig.value)}%，低于{format_value(threshold)}%"
            found.append(Suggestion(theme, title, detail, basis, key))
    for key, (theme, title, detail) in DECLINES.items():
        fig, last = figures.get(key), previous.get(key)
        if not (fig and last and fig.has_data and last.has_data) or fig.indicator.kind == Kind.RATE:
            continue
        if fig.value < last.value and (last.value - fig.value) >= max(3, last.value / 5):  # only a material drop
            basis = f"{fig.indicator.label}{format_value(fig.value)}{fig.indicator.unit}，上年{format_value(last.value)}{fig.indicator.unit}"
            found.append(Suggestion(theme, title, detail, basis, f"decline:{key}"))
    for key, (theme, title, detail) in NO_RECORDS.items():
        fig = figures.get(key)
        if fig and fig.indicator.connected and not fig.has_data:
            found.append(Suggestion(theme, title, detail, f"台账中没有本年度“{fig.indicator.label}”记录", f"none:{key}"))
    found = _pick(found)
    themes = {s.theme for s in found}
    for theme, title, detail in GENERIC:
        if len(found) >= MIN_TOTAL:
            break
        if theme not in themes:
            found.append(Suggestion(theme, title, detail.format(unit=unit), GENERIC_BASIS, f"generic:{theme}"))
    return found


def _pick(items: list[Suggestion]) -> list[Suggestion]:
    """Problem counts and statutory time limits missed always; then up to MAX_FROM_DATA in all, in priority order,
    covering as many themes as possible."""
    problems = {title for _, title, _ in PROBLEM_COUNTS.values()} | {ADVISOR_GAP_TITLE} | {
        RATE_THRESHOLDS[key][2] for key in ALWAYS_REPORTED}
    kept = [i for i in items if i.title in problems]
    others = [i for i in items if i.title not in problems]
    first, rest, themes = [], [], {i.theme for i in kept}
    for item in others:
        (rest if item.theme in themes else first).append(item)
        themes.add(item.theme)
    chosen = (first + rest)[:max(MAX_FROM_DATA - len(kept), 0)]
    return kept + [item for item in others if item in chosen]
