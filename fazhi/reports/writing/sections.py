"""Parts 二、三、四 and the opening: shortcomings with their own figures and causes, the principal leaders'
duties as the seeds report them, next year's plan answering each shortcoming with a target, and a closing
paragraph as real reports end."""
from __future__ import annotations

from typing import Callable

from fazhi.reports.structure import Paragraph, Run, SUBHEADING, Text
from fazhi.reports.suggestions import ADVISOR_GAP, Suggestion
from fazhi.reports.writing import facts, wording
from fazhi.reports.writing.context import DENOMINATOR, NUMERATOR, Writer, rate_parts
from fazhi.reports.writing.prose import Subsection, chinese_number, merge, numbered, runs


def _sentence(w: Writer, name: str) -> str:
    t, year = w.terms, w.data.year
    return wording.sentence(w.data.org.code, name, year=year, next=year + 1, we=t.we, name=t.name, unit=t.unit,
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
    """Which tasks slipped and whose they were — the counts are in part 一 already."""
    late = facts.late_tasks(w.scope, 3)
    overdue = w.run("responsibility_tasks_overdue")
    if not late and not overdue:
        return []
    names = [t.task.replace("“", "‘").replace("”", "’") for t in late]
    named = f"“{'”“'.join(names)}”{'等' if len(late) == 3 else ''}任务未按期完成" if late else ""
    still = runs("，至年底仍有", overdue, "任务逾期未完成") if overdue else ""
    departments = facts.join(list(dict.fromkeys(t.department for t in late if t.department)))
    cause = (f"主要是{departments}等责任部门对任务时限把握不严，分管领导过程督办不够及时。" if departments else
             "主要是任务分解后跟踪督办不够及时，时限要求传导不到位。")
    return runs("年度法治建设工作要点中，", named or "部分任务未按期完成", still, "。", cause)


def _exam(w: Writer, s: Suggestion) -> list[Run]:
    sat = w.run("exam_participants")
    passed = w.part("exam_pass_rate", NUMERATOR)
    if not (sat and passed):
        return []
    posts = _failed_posts(w)
    cause = "个别干部日常学法投入不足，学法的主动性和系统性不够，已安排未通过考试的人员补学补考。"
    return runs("国家工作人员学法考试尚未实现全员合格。", cause)


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
    late = facts.late_disclosure_answers(w.scope)
    if not late:
        return []
    return runs("个别政府信息公开申请超过法定期限答复。主要是补正、征求第三方意见等环节衔接不紧，答复期限跟踪提醒不够。")


def _appearance(w: Writer, s: Suggestion) -> list[Run]:
    clause = _hearings(w)
    if not clause:
        return []
    reasons = facts.absence_reasons(w.scope)
    cause = (f"负责人未出庭的庭次主要因{facts.join(reasons)}，“能出尽出”的要求落实还不到位。" if reasons else
             "部分行政机关负责人依法出庭应诉的意识不强，“能出尽出”的要求落实还不到位。")
    return runs(clause, "。", cause)


def _hearings(w: Writer) -> list[Run]:
    """"本年行政诉讼开庭审理6次，负责人出庭应诉4次，出庭应诉率66.7%": appearances against the hearings they
    are counted over, never against the number of cases (最高人民法院《关于行政机关负责人出庭应诉若干问题的规定》)."""
    key = "court_appearance_rate"
    fig = w.figure(key)
    den = w.part(key, DENOMINATOR)
    if fig is None or den is None:
        return []
    appeared = w.run("court_appearances")
    by_hearing = rate_parts(key)[2] == "次"
    num = appeared if (appeared and by_hearing and appeared.amount == fig.numerator) else w.part(key, NUMERATOR)
    what = "行政诉讼开庭审理" if by_hearing else "开庭审理的行政诉讼案件"
    if w.is_full(key):
        all_of = "均" if den.amount and den.amount > 1 else ""
        return runs(f"本年{what}", den, f"，{all_of}由行政机关负责人出庭应诉，出庭应诉率", w.run(key))
    reasons = facts.absence_reasons(w.scope)
    # 最高人民法院《关于行政机关负责人出庭应诉若干问题的规定》第八至十条: with a valid excuse the head entrusts staff
    rest = f"；负责人未能出庭的，因{facts.join(reasons)}，依法委托相应工作人员出庭" if reasons else ""
    return runs(f"本年{what}", den, "，行政机关负责人出庭应诉", num, "，出庭应诉率", w.run(key), rest)


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
    return runs("列入年度目录的重大行政决策事项中，", f"{titles}{more}" if titles else "有", count if not titles else "",
                "未按计划推进，至年底尚未启动合法性审查。主要是决策承办单位前期论证不充分，目录事项推进计划不够明确、督办不够有力。")


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
                           partial="本年在矫的{den}社区矫正对象中，做到日日有电联、月月有集中教育的{num}，落实率{rate}")
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
}


# ---------------------------------------------------------------- 三、第一责任人

def duties(w: Writer, extra: list[list[Run]] = ()) -> list[Paragraph]:
    t = w.terms
    lead = w.subsection("duty_lead")
    chaired, meetings = w.run("principal_chaired_meetings"), w.run("rule_of_law_meetings")
    if chaired:
        if meetings and chaired.amount == meetings.amount:
            lead.add("全年研究部署法治建设工作的会议均由党政主要负责人主持召开")
        else:
            topics = facts.meeting_topics(w.scope, 2, key="principal_chaired_meetings")
            listed = facts.join(topics, more=chaired.amount > len(topics))
            lead.add("党政主要负责人主持召开会议专题研究法治建设", chaired, f"，研究了{listed}事项" if topics else "")
    for sentence in extra:
        lead.add(sentence)
    if not lead.items:
        lead.add("坚持把法治建设纳入全局工作统筹谋划，定期听取法治建设工作汇报，及时研究解决法治建设中的重大问题")

    study = w.subsection("duty_study")
    led = w.run("principal_led_studies")
    if led:
        study.add(f"{t.principals}在中心组学法和会前学法中带头领学，共", led)
    reports = w.run("principal_law_reports")
    if reports:
        others = w.run("law_reports")
        occasions = facts.law_report_occasions(w.scope)
        where = ("分别" if len(occasions) > 1 else "") + "、".join(occasions)
        study.add(f"{t.principals}{where}述法，共", reports,
                  ["，组织领导班子成员和村（社区）党组织书记述法", others] if others and others.amount != reports.amount else "")
    if not study.items:
        study.add("带头参加中心组学法，在重大决策、重要事项上主动听取法律顾问意见，做到依法决策、依法办事")

    justice = w.subsection("duty_justice")
    hearings = _hearings(w)
    if hearings:
        justice.add(hearings)
    justice.add("支持司法机关依法独立公正行使职权，严格落实领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定，"
                "全年未发生领导干部干预司法活动、插手具体案件处理的情况")
    return numbered([lead, study, justice])


# ---------------------------------------------------------------- 四、下一年度工作安排

# What next year's plan answers to each shortcoming: a heading and a measure with a concrete target.
PLANS: dict[str, tuple[str, str]] = {
    "responsibility_on_time_rate": ("压实法治建设责任", "将年度法治建设任务逐项明确责任领导、责任部门和完成时限，实行月调度、季通报，"
                                    "确保责任清单任务按期完成率达到100%"),
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
    items: list[tuple[str, str]] = [("持续加强党对法治建设的领导", "压紧压实党政主要负责人推进法治建设第一责任人职责，"
                                     "定期听取法治建设工作汇报，把法治建设成效纳入年度目标考核")]
    seen = set()
    for s in suggestions:
        plan = PLANS.get(PLAN_OF.get(s.trigger, s.trigger))
        if plan is None or plan[0] in seen:
            continue
        seen.add(plan[0])
        items.append(plan)
    if not any("普法" in heading for heading, _ in items):
        new_plan = "，谋划实施新一轮普法规划" if year == 2025 else ""
        items.append(("深入推进普法依法治理", f"把学习宣传习近平法治思想作为普法首要任务{new_plan}，加强“法律明白人”培训管理，"
                      "推动民主法治示范村（社区）创建"))
    from fazhi.indicators.gaps import advisor_gaps

    villages = "、".join(advisor_gaps(w.data.org, year)[:4]) or "尚未配备法律顾问的村（社区）"
    items = [(heading, text.replace("{villages}", villages)) for heading, text in items]
    for number, (heading, text) in enumerate(items, start=1):
        paragraphs.append(Paragraph(merge([Text(f"（{chinese_number(number)}）{heading}。", SUBHEADING), Text(text + "。")])))
    paragraphs.append(Paragraph(runs(_sentence(w, "closing"))))
    return paragraphs
