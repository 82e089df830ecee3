"""Parts 二、三、四 and the opening: shortcomings with their own figures and causes, the principal leaders'
duties as the seeds report them, next year's plan answering each shortcoming with a target, and a closing
paragraph as real reports end."""
from __future__ import annotations

from typing import Callable

import datetime as dt
import re

from fazhi.reports.structure import Paragraph, Run, SUBHEADING, Text
from fazhi.reports.suggestions import ADVISOR_GAP, Suggestion
from fazhi.reports.writing import casefacts, facts, leaders, problems, records, wording
from fazhi.reports.writing.context import DENOMINATOR, NUMERATOR, Writer, rate_parts
from fazhi.reports.writing.prose import Subsection, chinese_number, merge, numbered, runs


def _sentence(w: Writer, name: str) -> str:
    t, year = w.terms, w.data.year
    return wording.sentence(w.rank, name, year=year, next=year + 1, we=t.we, name=t.name, unit=t.unit,
                            short=t.short)


def intro(w: Writer) -> list[Paragraph]:
    return [Paragraph(runs(_sentence(w, "intro")))]


# ---------------------------------------------------------------- 二、存在的不足和原因

def shortcomings(w: Writer, suggestions: list[Suggestion]) -> list[Paragraph]:
    """Each shortcoming with what the records show and a cause drawn from them."""
    paragraphs = [Paragraph(runs(_sentence(w, "shortcomings_open")))]
    for number, suggestion in enumerate(suggestions, start=1):
        body = _evidence(w, suggestion)
        paragraphs.append(Paragraph(merge([
            Text(f"（{chinese_number(number)}）{suggestion.title}。", SUBHEADING), *body])))
    return paragraphs


def _evidence(w: Writer, s: Suggestion) -> list[Run]:
    write = EVIDENCE.get(s.trigger) or EVIDENCE.get(s.trigger.split(":")[0])
    found = write(w, s) if write else []
    return found or runs(s.detail)


def _tasks(w: Writer, s: Suggestion) -> list[Run]:
    """Which tasks of the year's work points slipped and whose they were — the counts are in part 一 already."""
    late = facts.late_tasks(w.scope, 3)
    overdue = w.run("responsibility_tasks_overdue")
    if not late and not overdue:
        return []
    names = [t.task.replace("“", "‘").replace("”", "’") for t in late]
    named = f"“{'”“'.join(names)}”{'等' if len(late) == 3 else ''}任务未按期完成" if late else ""
    still = runs("，至年底仍有", overdue, "任务逾期未完成") if overdue else ""
    departments = facts.join(list(dict.fromkeys(t.department for t in late if t.department)))
    cause = w.choose("cause.tasks", (
        f"主要是{departments}等责任部门对任务时限把握不严，分管领导过程督办不够及时。" if departments else
        "主要是任务分解后跟踪督办不够及时，时限要求传导不到位。",
        f"原因在于任务分解后缺少节点管理，{departments or '责任部门'}未及时报告进度，督办滞后。",
        f"{departments or '责任部门'}统筹本职工作和法治任务不够，任务推进“前松后紧”，督查通报未跟上。"))
    return runs("年度法治建设工作要点中，", named or "部分任务未按期完成", still, "。", cause)


def _exam(w: Writer, s: Suggestion) -> list[Run]:
    sat = w.run("exam_participants")
    passed = w.part("exam_pass_rate", NUMERATOR)
    if not (sat and passed):
        return []
    posts = _failed_posts(w)
    failed = sat.amount - passed.amount if sat.amount is not None and passed.amount is not None else None
    few = failed is not None and failed <= 2
    who = (runs("参考", sat, "、合格", passed, f"，{failed}名{facts.join(posts) if posts else '干部'}未通过")
           if failed else runs("个别干部未通过考试"))
    whom = "个别干部" if few else "部分干部"
    cause = w.choose("cause.exam", ("主要是日常学法投入不足，学法的主动性和系统性不够。",
                                    "反映出日常学法流于形式、以考促学的压力传导不够。",
                                    f"原因是{whom}忙于具体事务，平时学法不经常、不系统。"))
    return runs("国家工作人员学法考试尚未实现全员合格，", who, "。", cause)


def _failed_posts(w: Writer) -> list[str]:
    rows = facts.records("exam_pass_rate", w.scope)
    if rows is None:
        return []
    posts = [p for p in rows.filter(passed=False).values_list("post", flat=True) if p]
    kinds = []
    for post in posts:
        kind = "村（社区）干部" if ("村" in post or "社区" in post) else "机关干部"
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def _disputes(w: Writer, s: Suggestion) -> list[Run]:
    closed = w.part("dispute_success_rate", DENOMINATOR)
    resolved = w.run("disputes_resolved")
    if not (closed and resolved):
        return []
    kinds = facts.failed_dispute_kinds(w.scope)
    cause = (f"调解未成功的主要是{facts.join(kinds)}纠纷，当事人利益诉求差异大，专业调解力量和部门联动还不够。" if kinds else
             "部分纠纷当事人利益诉求差异大，专业调解力量和部门联动还不够。")
    return runs("部分矛盾纠纷经调解未能达成协议。", cause)


def _disclosure(w: Writer, s: Suggestion) -> list[Run]:
    """The cause follows what the late applications went through (their history, report_findings.late_answers)."""
    from fazhi.disclosure import report_findings

    if not facts.late_disclosure_answers(w.scope):
        return []
    late = report_findings.late_answers(w.data.org, w.data.year)
    consulted = any(report_findings.third_party(kind) for answer in late for kind, *_ in answer.consulted)
    corrected = any(answer.corrected for answer in late)
    if consulted:
        cause = "主要是征求第三方意见后未及时重新核定答复期限，意见返回后的办理进度跟踪不够。"
    elif corrected:
        cause = "主要是收到补正材料后未及时重新计算答复期限，临近期限时提醒督办不够。"
    else:
        cause = "主要是答复期限跟踪提醒不够，临近期限的申请未及时报分管领导督办。"
    return runs("个别政府信息公开申请超过法定期限答复。", cause)


def _appearance(w: Writer, s: Suggestion) -> list[Run]:
    clause = _hearings(w, reasons=False)
    if not clause:
        return []
    year = casefacts.hearing_year(w.scope)
    absences = year.absences if year else []
    told = "；".join(casefacts.absence_clause(a) for a in absences[:2])
    if absences and all(a.reason for a in absences):
        # every absence had a recorded excuse (最高人民法院关于行政机关负责人出庭应诉若干问题的规定 第八条、第九条): the
        # head was rightly elsewhere, so what fell short is that no deputy head (第二条) went in the head's place
        cause = w.choose("cause.appearance_excused", (
            "正职负责人因公务不能出庭时，没有安排分管副职等其他负责人出庭，副职替补出庭的机制尚未建立。",
            "主要是正职不能出庭时由谁出庭没有预案，分管被诉行政行为实施工作的副职负责人未能及时替补出庭。",
            "原因在于只把出庭当作正职的事，正职有正当事由不能出庭时，未由分管副职出庭应诉。"))
    else:
        cause = w.choose("cause.appearance", (
            "出庭与其他公务冲突时统筹安排不够，“能出尽出”的要求落实还不到位。",
            "主要是开庭日期与其他工作安排冲突时未提前协调，分管负责人出庭的替补机制也未建立。",
            "负责人出庭应诉的日程统筹不够，开庭通知到达后未及时调整工作安排。"))
    return runs(clause, "。", f"{told}。" if told else "", cause)


def _hearings(w: Writer, reasons: bool = True) -> list[Run]:
    """Cases and hearings both: "本年开庭审理行政诉讼案件7件、庭审8次，行政机关负责人出庭应诉7次，出庭应诉率87.5%".
    The rate is counted per hearing (INDICATORS.md, 最高人民法院《关于行政机关负责人出庭应诉若干问题的规定》), so the
    hearings stand beside it; the cases tell the reader how many lawsuits they were, and each absence is named with its
    reason and who appeared instead."""
    key = "court_appearance_rate"
    fig = w.figure(key)
    den = w.part(key, DENOMINATOR)
    if fig is None or den is None:
        return []
    appeared = w.run("court_appearances")
    by_hearing = rate_parts(key)[2] == "次"
    num = appeared if (appeared and by_hearing and appeared.amount == fig.numerator) else w.part(key, NUMERATOR)
    cases = records.detail(w, key, records.CASES_HEARD) if by_hearing else None
    opening = runs("本年开庭审理行政诉讼案件", cases, "、庭审", den) if cases else runs(
        "本年开庭审理行政诉讼案件" if not by_hearing else "本年行政诉讼开庭审理", den)
    if w.is_full(key):
        all_of = "均" if den.amount and den.amount > 1 else ""
        return runs(opening, f"，{all_of}由行政机关负责人出庭应诉，出庭应诉率", w.run(key))
    out = runs(opening, "，行政机关负责人出庭应诉", num, "，出庭应诉率", w.run(key))
    if reasons:
        year = casefacts.hearing_year(w.scope)
        told = "；".join(casefacts.absence_clause(a) for a in (year.absences if year else [])[:2])
        out = runs(out, f"；{told}" if told else "")
    return out


def _reviews_on_time(w: Writer, s: Suggestion) -> list[Run]:
    clause = w.rate_clause("legality_review_on_time_rate", full="",
                           partial="本年到期的{den}送审事项中按期出具审查意见{num}，按期办结率{rate}")
    return runs("个别送审事项未能在审查期限内出具意见。主要是司法所审查力量有限，部分送审材料不齐全，补充材料耗时较长。") if clause else []


def _filing(w: Writer, s: Suggestion) -> list[Run]:
    late = facts.late_filings(w.scope)
    if not late:
        return []
    return runs(f"{''.join(facts.quoted(t) for t in late)}未在公布后规定期限内报送备案，"
                "“有件必备”的时限要求落实不够严格。主要是文件印发与报备衔接不紧，缺少到期提醒。")


def _unreviewed_decisions(w: Writer, s: Suggestion) -> list[Run]:
    count = w.run("decisions_without_review")
    if not count:
        return []
    listed = facts.decisions_unreviewed(w.scope, 2)
    titles = "".join(facts.quoted(t) for t in listed)
    more = "等" if count.amount > len(listed) else ""
    cause = w.choose("cause.decisions", (
        "主要是决策承办单位前期论证不充分，目录事项推进计划不够明确、督办不够有力。",
        "原因在于目录编制时对项目资金和前期工作估计不足，列入目录后缺少推进节点。",
        "主要是目录事项未落实承办单位的推进时间表，年中调度未发现滞后。"))
    return runs("列入年度目录的重大行政决策事项中，", f"{titles}{more}" if titles else "有", count if not titles else "",
                "未按计划推进，至年底尚未启动。", cause)


def overdue_span(due: dt.date, until: dt.date) -> str:
    """How long past ``due`` ``until`` is, in whole calendar months and the days left over ("6个月零14天"; 6月17日 to
    12月31日), counted as a reader counts them on the calendar (no "近/约" that could understate it)."""
    if until <= due:
        return ""
    months = (until.year - due.year) * 12 + until.month - due.month
    if until.day < due.day:
        months -= 1
    # the same day ``months`` months after the due day (clamped to the month's end: 1月31日 + 1个月 = 2月28/29日)
    year, month = due.year + (due.month - 1 + months) // 12, (due.month - 1 + months) % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    days = (until - dt.date(year, month, min(due.day, last))).days
    if not months:
        return f"{days}天"
    return f"{months}个月" + (f"零{days}天" if days else "")


def _deputies(w: Writer, s: Suggestion) -> list[Run]:
    """The 人大 suggestion still unanswered at the year's end, named, with the satisfaction when it is low."""
    open_ = casefacts.unanswered_suggestions(w.scope)
    satisfied = w.rate_clause("deputy_satisfaction_rate", full="",
                              partial="代表反馈意见的{den}中表示满意或基本满意的{num}，满意率{rate}")
    parts: list = []
    if open_:
        first = open_[0]
        delay = "超过答复期限" + overdue_span(first.due_on, dt.date(w.data.year, 12, 31))
        parts += [f"“{first.title.strip('“”')}”（承办单位：{first.department}）答复期限为{facts.month_day(first.due_on)}，"
                  f"至年底仍未答复，{delay}。"]
    else:
        parts.append("个别人大代表建议未在规定期限内答复。")
    if satisfied:
        unsatisfied = casefacts.unsatisfied_suggestions(w.scope)
        parts += [satisfied, f"，代表对{'、'.join(f'“{t}”' for t in unsatisfied)}的办理结果不满意" if unsatisfied else "", "。"]
    parts.append(w.choose("cause.deputies", (
        "主要是未建立建议办理台账，承办单位对答复时限不清楚，办理前与代表沟通不够。",
        "原因在于建议交办后缺少跟踪督办，承办单位办理中未与领衔代表见面沟通。",
        "主要是办理责任未压实到人，答复期限临近时没有提醒，办理过程中听取代表意见不够。")))
    return runs(*parts)


def _advice(w: Writer, s: Suggestion) -> list[Run]:
    late = [a for a in casefacts.court_advice(w.scope) if a.overdue]
    if not late:
        return []
    one = late[0]
    return runs(f"{facts.month_day(one.received_on)}收到的{one.named}，{one.status}。",
                w.choose("cause.advice", ("主要是承办单位对建议所涉问题整改周期估计不足，未及时报告进度。",
                                          "原因在于建议办理未纳入督办事项，答复期限临近时缺少提醒。",
                                          "主要是整改涉及多个部门，牵头单位协调不够，书面回复拖延。")))


def _late_publication(w: Writer, s: Suggestion) -> list[Run]:
    late = casefacts.late_publications(w.scope)
    if not late:
        return []
    doc = late[0]
    return runs(f"{doc.cited}{facts.month_day(doc.issued_on)}印发，{facts.month_day(doc.published_on)}才在政府网站公布，"
                "超过20个工作日的公开时限。",
                w.choose("cause.publication", ("主要是文件印发后未同步移交政务公开办，公布环节衔接不紧。",
                                               "原因在于起草单位与政务公开办对文件公布职责不清，缺少发文后的公布提醒。",
                                               "主要是文件印发、公布分属不同科室办理，未建立发文即公布的衔接机制。")))


def _off_website(w: Writer, s: Suggestion) -> list[Run]:
    titles = [t for t in casefacts.off_website_releases(w.scope) if t != "…"]
    if not titles:
        return []
    more = "等" if len(casefacts.off_website_releases(w.scope)) > len(titles) else ""
    return runs(f"{''.join(f'《{t}》' for t in titles)}{more}主动公开信息仅在政务公开栏公布，未在政府网站发布。",
                w.choose("cause.website", ("主要是村级公示材料由村（社区）张贴，未同步报送网站发布。",
                                           "原因在于政务公开栏和政府网站分别由不同人员维护，发布清单未统一。",
                                           "主要是对政府网站作为第一公开平台的要求理解不到位。")))


def _off_website_unfixed(w: Writer, s: Suggestion) -> list[Run]:
    """Last year's disclosure problems still there (the disclosure report's own account of each), and why."""
    found = problems.disclosure_unfixed(w)
    if not found:
        return []
    told = "；".join(p.text for p in found)
    return runs(f"政府信息公开工作中，{told}，上年度政府信息公开工作年度报告确定的整改措施没有按期落实。",
                w.choose("cause.website_unfixed", ("主要是整改任务没有明确到人，落实情况缺少逐项核对。",
                                                   "原因在于对上年度整改事项跟踪不够，未按月核对落实情况。",
                                                   "主要是整改措施提出后缺少督办，未纳入政务公开日常工作。")))


def _lost(w: Writer, s: Suggestion) -> list[Run]:
    lost = w.run("litigation_cases_lost")
    if not lost:
        return []
    return runs("本年审结的行政复议、诉讼案件中败诉（被纠错）", lost,
                "。主要是个别行政行为在事实认定、程序和法律适用上不够严谨，事前合法性审查把关不严。")


def _incidents(w: Writer, s: Suggestion) -> list[Run]:
    incidents = w.run("corrections_incidents")
    if not incidents:
        return []
    return runs("社区矫正对象发生脱管、漏管、重新犯罪", incidents, "。主要是日常监管和信息化核查措施落实不够严密。")


def _schedule(w: Writer, s: Suggestion) -> list[Run]:
    clause = w.rate_clause("corrections_schedule_rate", full="",
                           partial="本年在矫社区矫正对象{den}中，做到日日有电联、月月有集中教育的{num}，落实率{rate}")
    return runs(clause, "。主要是司法所人手紧张，个别对象请假外出期间联系不够及时。") if clause else []


def _advisors(w: Writer, s: Suggestion) -> list[Run]:
    from fazhi.indicators.gaps import advisor_gaps

    names = advisor_gaps(w.data.org, w.data.year)
    if not names:
        return []
    listed = "、".join(names[:4]) + ("等" if len(names) > 4 else "")
    return runs(f"{listed}尚未配备法律顾问，“一村（社区）一法律顾问”尚未实现全覆盖。主要是法律服务资源相对不足，"
                "律师事务所驻村服务力量分布不均。")


def _decline(w: Writer, s: Suggestion) -> list[Run]:
    key = s.trigger.split(":", 1)[1]
    now, change = w.run(key), w.change_run(key)
    if not (now and change):
        return []
    label = w.figure(key).indicator.phrase.split("{value}")[0] or w.figure(key).indicator.label
    return runs(f"全年{label}", now, "，", change, "。", s.detail)


EVIDENCE: dict[str, Callable[[Writer, Suggestion], list[Run]]] = {
    "responsibility_on_time_rate": _tasks, "responsibility_tasks_overdue": _tasks,
    "exam_pass_rate": _exam, "dispute_success_rate": _disputes, "disclosure_response_rate": _disclosure,
    "court_appearance_rate": _appearance, "legality_review_on_time_rate": _reviews_on_time,
    "normative_filing_on_time_rate": _filing, "decisions_without_review": _unreviewed_decisions,
    "litigation_cases_lost": _lost, "corrections_incidents": _incidents, "corrections_schedule_rate": _schedule,
    ADVISOR_GAP: _advisors, "decline": _decline,
    problems.DEPUTY_ON_TIME: _deputies, problems.DEPUTY_SATISFACTION: _deputies, problems.ADVICE_OVERDUE: _advice,
    problems.LATE_PUBLICATION: _late_publication, problems.OFF_WEBSITE: _off_website,
    problems.OFF_WEBSITE_UNFIXED: _off_website_unfixed,
}


# ---------------------------------------------------------------- 三、第一责任人

def duties(w: Writer, extra: list[list[Run]] = (), told: list[Suggestion] = ()) -> list[Paragraph]:
    """Part 三; ``told`` are part 二's shortcomings, whose particulars (each absent hearing) are not repeated here."""
    t = w.terms
    lead = w.subsection("duty_lead")
    chaired = w.run("principal_chaired_meetings")
    by_role = leaders.chaired(w.scope)
    if chaired:
        secretary, head = by_role.get(leaders.SECRETARY), by_role.get(leaders.HEAD)
        heard = records.detail(w, "principal_chaired_meetings", records.REPORTS_HEARD)
        # the meetings a principal chaired are some of part 一's rule-of-law meetings, and the reports heard some of
        # those: when the counts differ the sentence says so, so part 一's figure and this one never seem to clash
        total = records.detail(w, "principal_chaired_meetings", records.ALL_MEETINGS)
        total = total if total is not None and total.amount != chaired.amount else None
        lead.add(w.say("duty.chaired", (
            "[全年研究法治建设的会议共{total}，]{principals}主持召开会议研究法治建设{n}"
            "[；{party}书记主持{sec}][，{headpost}主持{head}][；全年听取法治建设工作汇报{heard}]",
            "[全年研究法治建设的会议共{total}，][{party}书记先后主持{sec}，][{headpost}主持{head}，]"
            "由主要负责人主持研究法治建设的会议{n}[，全年共听取汇报{heard}]",
            "[全年研究法治建设的会议共{total}，]主要负责人亲自主持研究法治建设{n}"
            "[，其中{party}书记主持{sec}][；{headpost}主持{head}][。全年听取法治建设工作专题汇报{heard}]",
        ), principals=t.principals, n=chaired, total=total, heard=heard if heard and heard.amount else None,
            party=t.party, headpost="办事处主任" if t.unit == "街道" else f"{t.unit}长",
            sec=facts.join(secretary.topics[:2], more=secretary.count > 2) if secretary else "",
            head=facts.join(head.topics[:2], more=head.count > 2) if head else ""))
    titles = leaders.deliberated(w.scope)
    if titles:
        lead.add(w.say("duty.deliberated", ("主持集体审议{titles}等规范性文件和重大行政决策，审议前均听取合法性审查意见",
                                            "{titles}等文件和决策由主要负责人主持集体讨论，先审查、后上会",
                                            "亲自把关{titles}等事项，坚持未经合法性审查不上会"), titles="".join(titles)))
    for sentence in extra:
        lead.add(sentence)
    if not lead.items:
        lead.add("坚持把法治建设纳入全局工作统筹谋划，定期听取法治建设工作汇报，及时研究解决法治建设中的重大问题")

    study = w.subsection("duty_study")
    led = w.run("principal_led_studies")
    if led:
        study.add(w.say("duty.led", ("{principals}在中心组学法和会前学法中带头领学{n}", "主要负责人带头领学{n}，带动班子成员学法",
                                     "{principals}坚持带头讲法，全年领学{n}"), principals=t.principals, n=led))
    occasions = leaders.law_reports(w.scope)
    if occasions:
        others = w.run("law_reports")
        study.add(_law_report(w, occasions),
                  ["，组织领导班子成员和村（社区）党组织书记述法", others] if others else "")
    if not study.items:
        study.add("带头参加中心组学法，在重大决策、重要事项上主动听取法律顾问意见，做到依法决策、依法办事")

    justice = w.subsection("duty_justice")
    if any(s.trigger == problems.LOW_APPEARANCE for s in told):
        # part 二 states the hearings, the rate and each absence; here only the count, and no claim of leading by
        # example under a rate part 二 calls short (review G7)
        justice.heading, justice.framing = "支持司法机关依法独立公正行使职权", runs("尊重人民法院依法受理和审理行政案件。")
        appeared = w.run("court_appearances")
        if appeared:
            justice.add(w.say("duty.appeared", ("全年行政机关负责人出庭应诉{n}，未出庭庭次的原因和整改措施已在前文说明",
                                                "行政机关负责人全年出庭应诉{n}，出庭应诉率未达到要求的问题列入整改",
                                                "全年行政机关负责人出庭应诉{n}，出庭应诉率偏低的问题已列入下一年度工作安排"),
                              n=appeared))
    else:
        hearings = _hearings(w)
        if hearings:
            justice.add(hearings)
    justice.add(w.choose("duty.no_interference", (
        "支持司法机关依法独立公正行使职权，严格落实领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定，"
        "全年未发生领导干部干预司法活动、插手具体案件处理的情况",
        "认真执行领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定，全年没有领导干部干预司法、插手具体案件的情况",
        "严守不干预司法的纪律，落实干预司法活动、插手具体案件处理“三个规定”，班子成员全年无干预司法活动、插手具体案件处理的情况",
    )))
    return numbered([lead, study, justice])


def _law_report(w: Writer, occasions) -> list[Run]:
    """Where the principal leaders reported on their duty: "在12月22日召开的年终述职述法会议上专题述法，并将履行法治建设
    第一责任人职责情况纳入年度述职"."""
    t = w.terms
    day = facts.month_day(occasions.meeting[-1]) if occasions.meeting else ""
    parts = []
    if day:
        parts.append(w.choose("duty.law_report", (
            f"{t.principals}在{day}召开的述职述法会议上专题述法",
            f"{day}，{t.principals}在述职述法会议上现场述法",
            f"{t.principals}于{day}在年度述职述法会上作专题述法",
        )))
        if occasions.appraisal:
            parts.append(w.choose("duty.appraisal", ("，评议结果为“{a}”", "，测评等次为“{a}”", "，参会人员评议为“{a}”"))
                         .format(a=occasions.appraisal))
    if occasions.year_end:
        parts.append(("，并" if parts else f"{t.principals}") + "将履行法治建设第一责任人职责情况纳入年度述职")
    if occasions.written:
        parts.append(("，同时" if parts else f"{t.principals}") + "向县委依法治县办书面述法")
    return runs(*parts)


# ---------------------------------------------------------------- 四、下一年度工作安排

# What next year's plan answers to each shortcoming: a heading and a measure with a concrete target.
PLANS: dict[str, tuple[str, str]] = {
    "responsibility_on_time_rate": ("压实法治建设责任", "将年度法治建设任务逐项明确责任领导、责任部门和完成时限，实行月调度、季通报，"
                                    "确保工作要点任务按期完成率达到100%"),
    "exam_pass_rate": ("提升干部学法用法实效", "把学法考试结果纳入干部年度考核，对未合格人员组织补学补考，"
                       "确保国家工作人员学法考试参考率、合格率均达到100%"),
    "dispute_success_rate": ("提高矛盾纠纷化解质效", "加强人民调解委员会和专业调解力量建设，对疑难复杂纠纷建立会商研判机制，"
                             "调解成功率提高到95%以上"),
    "disclosure_response_rate": ("规范依申请公开办理", "建立依申请公开办理时限台账，逐件跟踪补正、征求意见和延期环节，"
                                 "确保依申请公开按期答复率达到100%"),
    "court_appearance_rate": ("落实负责人出庭应诉制度", "对开庭审理的行政诉讼案件做到行政机关负责人应出尽出，出庭应诉率达到100%"),
    "legality_review_on_time_rate": ("提升合法性审查质效", "充实司法所和法律顾问审查力量，建立送审事项时限提醒，"
                                     "确保合法性审查按期办结率达到100%"),
    "normative_filing_on_time_rate": ("严格规范性文件备案管理", "落实“有件必备”，规范性文件公布后在规定期限内报送备案，按期报备率达到100%"),
    "decisions_without_review": ("严格重大行政决策程序", "对年度目录内的重大行政决策事项制定推进计划，未经合法性审查的一律不提交集体讨论，"
                                 "目录内决策事项合法性审查率达到100%"),
    "litigation_cases_lost": ("从源头减少行政争议", "对被纠错案件逐案分析原因，完善行政行为事前合法性审查和执法案卷评查，"
                              "力争行政复议、诉讼案件不再发生败诉"),
    "corrections_incidents": ("严密社区矫正监督管理", "落实日常电话联系、每月集中教育和信息化核查，杜绝社区矫正对象脱管、漏管和重新犯罪"),
    "corrections_schedule_rate": ("规范社区矫正日常管理", "落实日日有电联、月月有集中教育要求，落实率达到100%"),
    ADVISOR_GAP: ("实现村（社区）法律顾问全覆盖", "为{villages}配备法律顾问，实现“一村（社区）一法律顾问”全覆盖"),
    "deputy_suggestions_on_time_rate": ("提高人大代表建议办理质效", "建立代表建议办理台账，逐件明确承办单位和办理时限，确保按期答复率达到100%"),
    "deputy_satisfaction_rate": ("提高人大代表建议办理质效", "办理前当面听取代表意见，办理后及时反馈，代表满意和基本满意率达到90%以上"),
    "decline:rule_of_law_meetings": ("加强法治建设统筹部署", "党委、政府每季度至少专题研究一次法治建设工作"),
    "decline:study_sessions": ("坚持经常性集中学法", "严格执行会前学法和中心组学法制度，集中学法次数不少于上年"),
    "decline:court_hearings_attended": ("用好旁听庭审以案促学", "每半年至少组织一次干部职工旁听庭审"),
    "decline:publicity_events": ("加大普法宣传力度", "围绕重要时间节点和农村老年人、青少年等重点群体开展主题普法，普法宣传活动场次不少于上年"),
    "decline:legal_literates": ("加强普法骨干队伍建设", "持续实施“法律明白人”培养工程，每个村（社区）至少培养一名“法律明白人”"),
    "none:rule_of_law_meetings": ("加强法治建设统筹部署", "党委、政府每季度至少专题研究一次法治建设工作"),
    "none:study_sessions": ("落实集中学法制度", "严格执行会前学法和中心组学法制度，每季度至少组织一次集中学法"),
    "none:exam_participants": ("组织好年度学法考试", "组织全体干部职工参加国家工作人员年度学法考试，参考率达到100%"),
    "none:court_hearings_attended": ("落实旁听庭审制度", "每半年至少组织一次干部职工旁听庭审"),
    "none:disclosure_proactive": ("做好政府信息主动公开", "建立主动公开目录，涉农政策、社会救助等信息及时公开"),
    "none:publicity_events": ("加大普法宣传力度", "围绕重要时间节点开展主题普法，每个村（社区）每年至少开展一次线下普法活动"),
    "none:legal_literates": ("加强普法骨干队伍建设", "每个村（社区）至少培养一名“法律明白人”"),
    "generic:队伍": ("加强法治工作队伍建设", "常态化开展干部学法和执法人员业务培训，着力提升运用法治思维和法治方式推动发展、化解矛盾的能力"),
    "generic:普法": ("提高普法针对性和实效性", "针对农村老年人、青少年等重点群体开展精准普法，推广以案释法"),
    "generic:依法行政": ("严格依法行政", "完善重大行政决策、合法性审查等制度执行记录，逐项跟踪审查意见落实"),
}
PLAN_OF = {"responsibility_tasks_overdue": "responsibility_on_time_rate"}


def plans(w: Writer, suggestions: list[Suggestion]) -> list[Paragraph]:
    t, year = w.terms, w.data.year
    paragraphs = [Paragraph(runs(_sentence(w, "plans_open")))]
    items: list[tuple[str, str]] = [_leadership(w)]
    seen = set()
    for s in suggestions:
        plan = _specific_plan(w, s) or PLANS.get(PLAN_OF.get(s.trigger, s.trigger))
        if plan is None or plan[0] in seen:
            continue
        seen.add(plan[0])
        items.append(plan)
    if not any("普法" in heading for heading, _ in items):
        items.append(_publicity_plan(w))
    from fazhi.indicators.gaps import advisor_gaps

    villages = "、".join(advisor_gaps(w.data.org, year)[:4]) or "尚未配备法律顾问的村（社区）"
    items = [(heading, _not_below(w, text.replace("{villages}", villages))) for heading, text in items]
    for number, (heading, text) in enumerate(items, start=1):
        paragraphs.append(Paragraph(merge([Text(f"（{chinese_number(number)}）{heading}。", SUBHEADING), Text(text + "。")])))
    paragraphs.append(Paragraph(runs(_closing(w))))
    return paragraphs


QUARTERLY_MEETINGS = "每季度至少专题研究一次法治建设工作"


def _not_below(w: Writer, text: str) -> str:
    """A plan's target is never below what the year already did: "每季度至少专题研究一次" (4 a year) becomes
    "全年专题研究法治建设工作不少于9次" after a year of 9 such meetings."""
    held = w.value("rule_of_law_meetings") or 0
    if QUARTERLY_MEETINGS in text and held > 4:
        text = text.replace(QUARTERLY_MEETINGS, f"全年专题研究法治建设工作不少于{held}次、每季度至少一次")
    return text


def _leadership(w: Writer) -> tuple[str, str]:
    t = w.terms
    # two hearings a year (年中、年末) at the least, and never fewer than the principals heard this year
    heard = max(2, leaders.reports_heard(w.scope))
    hearings = "年中、年末各听取一次法治建设专题汇报" if heard == 2 else f"全年听取法治建设专题汇报不少于{heard}次"
    return w.choose("plan.lead", (
        ("持续加强党对法治建设的领导", f"压紧压实{t.principals}推进法治建设第一责任人职责，{t.party}{QUARTERLY_MEETINGS}，"
                                       "把法治建设成效纳入年度目标考核"),
        ("压实第一责任人职责", f"{t.principals}{hearings}，班子成员年终述职一并述法，"
                               "考核结果与评先评优挂钩"),
        ("健全法治建设推进机制", f"年初印发{w.data.year + 1}年法治建设工作要点，逐项明确责任领导、责任部门和完成时限，"
                                 "实行季度调度、半年通报、年终考核"),
    ))


def _publicity_plan(w: Writer) -> tuple[str, str]:
    from fazhi.reports.writing.series import all_series

    found = all_series(w.scope)
    new_plan = "，谋划实施“九五”普法规划" if w.data.year == 2025 else ""
    if found:
        name = found[0].name
        return w.choose("plan.brand", (
            ("擦亮普法品牌", f"继续办好“{name}”，围绕群众反映集中的法律问题确定每期主题{new_plan}，"
                             "把“法律明白人”培训与品牌活动结合起来"),
            (f"深化“{name}”普法品牌", f"每期活动结束后收集群众意见、确定下一期主题{new_plan}，推动“{name}”走进更多村（社区）"),
            ("提升普法品牌影响力", f"把“{name}”与以案释法、“法律明白人”培养结合起来{new_plan}，让群众在身边案例中学法懂法"),
        ))
    return w.choose("plan.publicity", (
        ("深入推进普法依法治理", f"把学习宣传习近平法治思想作为普法首要任务{new_plan}，加强“法律明白人”培训管理，"
                                 "推动民主法治示范村（社区）创建"),
        ("提高普法针对性", f"针对农村老年人、留守儿童家长和外出务工人员分类开展普法{new_plan}，每个村（社区）每年至少举办一次以案释法活动"),
        ("推动普法与依法治理融合", f"结合村规民约修订和矛盾纠纷排查开展普法{new_plan}，培育一批学法用法示范户"),
    ))


# shortcomings the disclosure annual report also tells: (its problem key, the plan's heading, the target added)
DISCLOSURE_MEASURES = {
    "disclosure_response_rate": ("late_answer", "规范依申请公开办理", "确保依申请公开按期答复率达到100%"),
    problems.LATE_PUBLICATION: ("late_release", "严格规范性文件公布程序",
                                "行政规范性文件均在印发之日起20个工作日内公开，未经公布的不得作为行政管理依据"),
}


def _disclosure_measure(w: Writer, s: Suggestion) -> tuple[str, str] | None:
    """The measure the disclosure annual report gives the same shortcoming, in this report's words (the statute
    named in full: 《条例》 is defined only in that report), so the two reports promise one thing."""
    from fazhi.disclosure.report_texts import SHORT, STATUTE

    key, heading, target = DISCLOSURE_MEASURES.get(s.trigger, (None, "", ""))
    found = w.disclosure_findings.get(key) if key else None
    if found is None or not found.fix:
        return None
    return heading, f"{found.fix.replace(SHORT, STATUTE)}，{target}"


def _specific_plan(w: Writer, s: Suggestion) -> tuple[str, str] | None:
    """A plan that names the matter of its shortcoming (the decision not started, the suggestion unanswered…)."""
    shared = _disclosure_measure(w, s)
    if shared is not None:
        return shared
    if s.trigger == problems.OFF_WEBSITE_UNFIXED:
        from fazhi.disclosure.report_texts import SHORT, STATUTE

        fixes = "；".join(p.fix.replace(SHORT, STATUTE) for p in problems.disclosure_unfixed(w))
        return ("落实政务公开整改措施", f"{fixes}；由分管领导每月调度整改进度") if fixes else None
    if s.trigger == "decisions_without_review":
        listed = "".join(facts.quoted(x) for x in facts.decisions_unreviewed(w.scope, 2))
        return ("推进重大行政决策目录事项落地", f"对{listed or '目录事项'}等目录事项逐项制定推进计划，明确承办单位和时间节点，"
                                               "按季度调度，未按期推进的在党政联席会议上说明原因")
    if s.trigger in (problems.DEPUTY_ON_TIME, problems.DEPUTY_SATISFACTION):
        open_ = casefacts.unanswered_suggestions(w.scope)
        first = f"对“{open_[0].title.strip('“”')}”于{w.plan_deadline()}书面答复；" if open_ else ""
        return ("提高人大代表建议办理质效", f"{first}建立代表建议办理台账，逐件明确承办单位和答复期限，期限届满前15日提醒；"
                                           "办理前当面听取领衔代表意见，答复后回访，代表满意和基本满意率达到90%以上")
    if s.trigger == problems.LOW_APPEARANCE:
        return ("落实负责人出庭应诉制度", "收到开庭通知后即排定出庭负责人，正职确有正当事由不能出庭的由分管被诉行政行为实施工作的副职负责人出庭，"
                                         "出庭应诉率达到90%以上")
    if s.trigger == problems.ADVICE_OVERDUE:
        # only a suggestion still unanswered at the year's end gets a reply date; one answered late is done
        open_advice = [a for a in casefacts.court_advice(w.scope) if a.overdue and not a.answered_on]
        first = f"对{open_advice[0].named}于{w.plan_deadline()}书面回复；" if open_advice else ""
        return ("规范司法建议、检察建议办理", f"{first}将司法建议、检察建议纳入督办事项，逐件明确牵头单位和回复期限，按期书面回复并抄送发出机关")
    if s.trigger == problems.LATE_PUBLICATION:
        return ("严格规范性文件公布程序", "规范性文件印发后5个工作日内在政府网站公布，公布前不得作为实施依据，"
                                         "由党政办在发文登记时同步登记公布日期")
    if s.trigger == problems.OFF_WEBSITE:
        return ("统一政务公开发布平台", f"{w.plan_deadline()}将仅在政务公开栏公布的信息在政府网站补充发布，"
                                       "此后主动公开的政府信息均在政府网站同步发布")
    if s.trigger == "exam_pass_rate":
        return ("提升干部学法用法实效", "对未通过考试的人员组织补学补考，把学法考试结果纳入干部年度考核，"
                                       "国家工作人员学法考试参考率、合格率均达到100%")
    return None


def _closing(w: Writer) -> str:
    t, next_year = w.terms, w.data.year + 1
    made = facts.decisions_made(w.scope, 1)
    decision = facts.quoted(made[0]) if made else ""
    # the brand is part 四's own item: the closing names what the year decided, each township in its own words
    return w.choose("closing", (
        f"{next_year}年，{t.name}将" + (f"把{decision}等决策的实施纳入法治轨道，" if decision else "")
        + f"以更实举措推进法治政府建设，为全{t.unit}经济社会高质量发展提供有力法治保障。",
        f"下一步，{t.name}将坚持问题导向，" + (f"依法推进{decision}落地见效，" if decision else "")
        + f"逐项抓好上述工作的落实，推动“法治{t.short}”建设再上新台阶。",
        f"{t.name}将把各项整改措施落到实处，" + (f"在{decision}的实施中严格依法办事，" if decision else "")
        + "让群众在每一项决策、每一次执法中感受到公平正义。",
    ))
