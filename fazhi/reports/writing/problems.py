"""Shortcomings the records show beyond fazhi/reports/suggestions.py's figures, and titles that match what the
evidence says — so part 二 names every missed statutory term the rest of the report or the disclosure annual
report states, and part 四 answers each.

- a head absent from hearings (出庭应诉率 below 80 %, LAW.md §7);
- a judicial or procuratorial suggestion answered late or still unanswered past its term;
- a normative document published more than 20 working days after it was issued (条例第二十六条);
- releases kept off the website, which the disclosure annual report names (条例第二十四条);
- a 人大 suggestion still unanswered at the year's end (its on-time and satisfaction items become one).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from fazhi.reports.suggestions import Suggestion

APPEARANCE_FLOOR = Decimal(80)
LOW_APPEARANCE = "court_appearance_rate"
ADVICE_OVERDUE = "court_advice_overdue"
LATE_PUBLICATION = "normative_published_late"
OFF_WEBSITE = "releases_off_website"
OFF_WEBSITE_UNFIXED = "releases_off_website_unfixed"  # last year's, still not on the website
DEPUTY_ON_TIME, DEPUTY_SATISFACTION = "deputy_suggestions_on_time_rate", "deputy_satisfaction_rate"
BASIS = "台账记录"

# Titles that say what the evidence shows (the suggestion's own title promised something else).
TITLES = {
    "decisions_without_review": "重大行政决策目录事项推进不力",
    "responsibility_on_time_rate": "法治建设工作要点任务未能全部按期完成",
    "responsibility_tasks_overdue": "法治建设工作要点任务落实不够到位",
    DEPUTY_ON_TIME: "人大代表建议办理不够及时",
}


def adjust(found: list[Suggestion], data) -> list[Suggestion]:
    """The suggestions with the record-based ones added after the problem counts, the titles made to match their
    evidence, and the two 人大 items merged into one."""
    from fazhi.reports.writing import casefacts

    scope = data.writer.scope
    extra: list[Suggestion] = []
    rate = data.figures.get(LOW_APPEARANCE)
    if rate and rate.has_data and rate.value is not None and rate.value < APPEARANCE_FLOOR:
        extra.append(Suggestion("依法行政", "行政机关负责人出庭应诉还有差距",
                                "负责人未能出庭的庭次较多，“能出尽出”的要求落实不到位。",
                                f"负责人出庭应诉率{rate.value}%，低于{APPEARANCE_FLOOR}%", LOW_APPEARANCE))
    if any(a.overdue for a in casefacts.court_advice(scope)):
        extra.append(Suggestion("依法行政", "司法建议、检察建议回复不够及时",
                                "个别司法建议、检察建议未在答复期限内书面回复。", BASIS, ADVICE_OVERDUE))
    if casefacts.late_publications(scope):
        extra.append(Suggestion("依法行政", "规范性文件公布不够及时",
                                "个别行政规范性文件印发后未在20个工作日内公布。", BASIS, LATE_PUBLICATION))
    if [t for t in casefacts.off_website_releases(scope) if t != "…"]:
        extra.append(Suggestion("依法行政", "政务公开平台发布不够规范",
                                "个别主动公开信息仅在政务公开栏等载体公布，未在政府网站发布。", BASIS, OFF_WEBSITE))
    if disclosure_unfixed(data.writer):
        # the disclosure report says last year's measures were not carried out: this report is not silent (G8, G9)
        extra.append(Suggestion("依法行政", "上年度政务公开整改措施未落实到位",
                                "上年度政府信息公开工作年度报告提出的整改措施未按期落实。", BASIS, OFF_WEBSITE_UNFIXED))
    triggers = {s.trigger for s in found}
    out = []
    for s in found:
        if s.trigger == DEPUTY_SATISFACTION and DEPUTY_ON_TIME in triggers:
            continue  # one item on the 人大 suggestions: the on-time item states both
        title = TITLES.get(s.trigger)
        out.append(replace(s, title=title) if title else s)
    problems = [s for s in out if not s.generic]
    generic = [s for s in out if s.generic]
    # a generic filler gives way to a shortcoming the records show
    from fazhi.reports.suggestions import MIN_TOTAL

    return problems + extra + generic[:max(MIN_TOTAL - len(problems) - len(extra), 0)]


# disclosure problems this report tells under triggers of its own (OFF_WEBSITE, LATE_PUBLICATION, the response rate,
# DEPUTY_ON_TIME): not told again among last year's unfixed ones
TOLD_ELSEWHERE = frozenset({"off_website", "late_release", "late_answer", "deputy_overdue"})


def disclosure_unfixed(writer) -> list:
    """The disclosure annual report's problems whose last year's measure was not carried out (report_texts.findings:
    ``last_fix``), and last year's items still off the website; in that report's order."""
    return [p for p in writer.disclosure_findings.values()
            if p.key == "off_website_unfixed" or (p.last_fix and p.key not in TOLD_ELSEWHERE)]
