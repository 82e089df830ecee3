"""Part 一 (主要举措和成效), organised as the seeds organise it: one "（一）……。" paragraph per area, each a
framing sentence and then "一是……二是……", the items stating what the records show — names, titles and
dates from the records, numbers from the registry. An area without records is left out."""
from __future__ import annotations

import re

from fazhi.reports.structure import Run
from fazhi.reports.writing import casefacts, facts, records
from fazhi.reports.writing.context import DENOMINATOR, NUMERATOR, Writer
from fazhi.reports.writing.prose import Subsection, listing, present, runs

# Where a figure from the "其他数据" ledger goes (its report theme → our area).
OTHER_FIGURE_AREAS = {
    "组织领导": "organisation", "组织保障": "organisation", "依法行政": "decisions", "政务服务": "service",
    "人大监督": "supervision", "学法用法": "study", "普法": "publicity", "矛盾纠纷": "disputes",
}


def measures(w: Writer, extra: dict[str, list[list[Run]]]) -> list[Subsection]:
    """The areas of part 一 in the seeds' order; ``extra`` holds sentences from other ledgers by area."""
    areas = [
        ("organisation", organisation), ("decisions", decisions), ("enforcement", enforcement),
        ("disclosure", disclosure), ("study", study), ("publicity", publicity), ("disputes", disputes),
        ("litigation", litigation), ("supervision", supervision),
    ]
    out = []
    for name, write in areas:
        # 政务服务 figures (licensing decisions, online cases …) join the service-centre item of 政务公开
        section = disclosure(w, extra.get("service", [])) if write is disclosure else write(w)
        for sentence in extra.get(name, []):
            section.add(sentence)
        out.append(section)
    return out


def more(run, listed: list) -> bool:
    """Whether the figure beside a list of names counts more than are named (the list then ends in "等")."""
    return run is not None and run.amount is not None and run.amount > len(listed)


def etc(run, listed: list) -> str:
    return "等" if more(run, listed) else ""


# ---------------------------------------------------------------- （一）组织领导

def organisation(w: Writer) -> Subsection:
    t = w.terms
    s = w.subsection("organisation")
    members = w.run("leading_group_members")
    if members:
        heads = facts.group_heads(w.scope)
        roles = []
        if facts.has_committee(w.scope):
            roles = w.say("org.roles", (
                "；依法治{unit}委员会负责统筹谋划、审议年度工作要点，领导小组负责日常调度和督促落实",
                "；依法治{unit}委员会管方向、定要点，领导小组抓调度、促落实",
                "；年度工作要点由依法治{unit}委员会审议，日常推进和督办由领导小组负责",
            ), unit=t.unit)
        s.add(w.say("org.group", (
            "健全[以{heads}为组长的]法治建设领导小组，成员{members}，明确分管领导和各办（所、中心）职责分工",
            "法治建设领导小组[由{heads}任组长，]现有成员{members}，各办（所、中心）按职责分工抓落实",
            "[{heads}任组长的]法治建设领导小组共有成员{members}，分管领导和各办（所、中心）各负其责",
        ), heads=facts.join(heads), members=members), roles)
    meetings = w.run("rule_of_law_meetings")
    if meetings:
        topics = facts.meeting_topics(w.scope)
        kinds = facts.meeting_kinds(w.scope, w.terms.unit)
        listed = facts.join(topics, more=more(meetings, topics))
        s.add(w.say("org.meetings", (
            "全年召开{kinds}研究部署法治建设工作{n}{change}[，先后{topics}]",
            "先后{n}在{kinds}上研究法治建设工作[，议题包括{topics}]{change}",
            "{kinds}全年研究法治建设{n}{change}[，内容涉及{topics}]",
        ), kinds=facts.join(kinds, more=len(kinds) > 1) or "会议", n=meetings, change=w.change("rule_of_law_meetings"),
            topics=listed))
    plan = facts.work_plan(w.scope)
    tasks = w.rate_clause("responsibility_on_time_rate", full=w.choose("org.tasks.full", (
        "年内到期的{den}任务均按期完成", "到期的{den}工作要点任务全部按期完成", "{den}到期任务均已按期办结")),
        partial=w.choose("org.tasks.partial", (
            "年内到期的{den}任务中，{num}按期完成，按期完成率{rate}", "到期的{den}任务按期完成{num}，按期完成率{rate}",
            "{den}到期任务中按期办结{num}，按期完成率{rate}")))
    if plan or tasks:
        s.add(w.say("org.plan", (
            "年初印发{plan}，将法治建设任务逐项分解到班子成员和各办（所、中心）[，{tasks}]",
            "以{plan}为抓手，逐项明确责任领导、责任部门和完成时限[，{tasks}]",
            "制定{plan}，年度任务分解到人、限时完成[，{tasks}]",
        ), plan=plan.cited if plan else "年度法治建设工作要点", tasks=tasks))
    budget = w.run("rule_of_law_budget")
    if budget:
        s.add(w.say("org.budget", (
            "将法治建设经费纳入财政预算，全年安排{b}[，主要用于{items}]",
            "落实法治建设工作经费{b}[，用于{items}]，列入{unit}级财政预算",
            "{unit}财政全年安排法治建设专项经费{b}[，保障{items}等工作]",
        ), b=budget, items=facts.join(facts.budget_items(w.scope)), unit=t.unit))
    criteria = w.run("assessment_criteria")
    if criteria:
        from fazhi.assessment.report import anchor

        leaders = facts.assessment_leaders(w.data.org, w.data.year)
        scores: list = []
        for i, result in enumerate(leaders):
            scores += ["、" if i else "", f"{result.name}（", records.score_run(w, result, anchor), "）"]
        s.add(w.say("org.assessment", (
            "把法治建设纳入村（社区）和机关站所年度目标管理考核，设置考核指标{criteria}[，年终逐项考核评分，{scores}得分居前]",
            "设置法治建设考核指标{criteria}，纳入村（社区）和机关站所年度目标管理考核[，{scores}得分位居前列]",
            "年度目标管理考核中设法治建设指标{criteria}，覆盖各村（社区）和机关站所[，{scores}考核得分领先]",
        ), criteria=criteria, scores=runs(*scores)))
    _own_order(w, s)
    return s


def _own_order(w: Writer, s: Subsection) -> None:
    """The items after the first (the leading group) in this township's order, so that three townships of one
    county do not list meetings, plan, budget and assessment in one sequence (review G6 B6)."""
    rest = list(range(1, len(s.items)))
    if len(rest) < 3:
        return
    swapped = [rest[i ^ 1] if (i ^ 1) < len(rest) else rest[i] for i in range(len(rest))]
    order = [0, *w.choose("org.order", (rest, rest[1:] + rest[:1], swapped))]
    s.items, s.weights = [s.items[i] for i in order], [s.weights[i] for i in order]


# ---------------------------------------------------------------- （二）依法决策、合法性审查、规范性文件、合同

def decisions(w: Writer) -> Subsection:
    s = w.subsection("decisions")
    catalog, made = w.run("decision_catalog_items"), w.run("decisions_completed")
    if catalog or made:
        titles = [facts.quoted(x) for x in facts.decisions_made(w.scope)]
        parts: list = []
        if catalog:
            parts += w.say("dec.catalog", ("公布年度重大行政决策事项目录，列入{catalog}",
                                           "年度重大行政决策事项目录列入{catalog}并向社会公布",
                                           "编制并公布重大行政决策事项目录，共{catalog}"), catalog=catalog)
        if made:
            if parts:
                parts.append("；")
            parts += w.say("dec.made", ("作出[{titles}]重大行政决策{made}", "[{titles}]{made}重大行政决策经集体讨论作出",
                                        "全年完成[{titles}]重大行政决策{made}"),
                           titles=f"{''.join(titles)}{etc(made, titles)}" if titles else "", made=made)
            steps = facts.decision_steps(w.scope)
            if w.is_full("decision_review_coverage") and steps:
                parts += w.say("dec.steps", ("，均经{steps}等法定程序", "，{steps}等程序一项不少",
                                             "，每项决策均履行{steps}程序"), steps="、".join(steps))
            else:
                reviewed = w.part("decision_review_coverage", NUMERATOR)
                if reviewed:
                    parts += ["，其中经合法性审查", reviewed, "，审查率", w.run("decision_review_coverage")]
        s.add(parts)
    reviews = w.run("legality_reviews")
    if reviews:
        rejected = w.run("legality_reviews_rejected")
        on_time = w.rate_clause("legality_review_on_time_rate", full="均在规定时限内出具",
                                partial="其中{num}在审查期限内出具，按期办结率{rate}")
        kinds = listing([runs(label, w.run(key)) for key, label in (
            ("decision_reviews", "重大行政决策"), ("normative_reviews", "规范性文件"), ("contract_reviews", "合同协议"),
            ("enforcement_reviews", "重大执法决定"), ("other_reviews", "其他事项")) if w.has(key)], "、")
        den = w.part("legality_review_on_time_rate", DENOMINATOR)
        due_all = w.is_full("legality_review_on_time_rate") and den and den.amount == reviews.amount
        s.add(w.say("dec.reviews", (
            "全年司法所和政府法律顾问出具合法性审查意见{n}{change}[，其中{kinds}][，{on_time}][；对{rejected}提出不予通过意见]",
            "司法所会同法律顾问全年审查各类事项{n}{change}[，包括{kinds}][，{on_time}][，其中{rejected}未予通过]",
            "合法性审查全年出具意见{n}{change}[，涉及{kinds}][，{on_time}][；{rejected}因存在合法性问题未予通过]",
        ), n=reviews, change=w.change("legality_reviews"), kinds=kinds, on_time=on_time if due_all else [],
            rejected=rejected), ["。", on_time] if on_time and not due_all else "")
    issued = w.run("normative_docs_issued")
    filed, repealed = w.run("normative_docs_filed"), w.run("normative_docs_repealed")
    if issued or filed or repealed:
        parts = []
        if issued:
            papers = facts.normative_issued(w.scope)
            names = "".join(p.cited for p in papers)
            review: list = []
            if w.is_full("normative_review_coverage"):
                review = ["均经合法性审核"]
            elif w.part("normative_review_coverage", NUMERATOR):
                review = ["其中经合法性审核", w.part("normative_review_coverage", NUMERATOR)]
            parts += w.say("dec.normative", (
                "制发[{names}]行政规范性文件{n}[，{review}]", "出台[{names}]行政规范性文件{n}[，{review}]",
                "行政规范性文件方面，印发[{names}]{n}[，{review}]",
            ), names=names + etc(issued, papers) if names else "", n=issued, review=runs(*review))
            # a document published late is part 二's shortcoming (problems.LATE_PUBLICATION), told there once
        if filed:
            parts += ["。" if parts else "", w.say("dec.filed", ("向备案机关报送备案{filed}", "按“有件必备”要求报送备案{filed}",
                                                                 "规范性文件报备{filed}"), filed=filed)]
            late_filed = facts.late_filings(w.scope)
            parts.append(w.rate_clause("normative_filing_on_time_rate", full="，均在规定期限内报备",
                                       partial="，应在规定期限内报备的{den}中按期报备{num}，按期报备率{rate}"))
            if late_filed and not w.is_full("normative_filing_on_time_rate"):
                parts.append(f"，{''.join(facts.quoted(t) for t in late_filed)}逾期报备")
        if repealed:
            gone = facts.normative_repealed(w.scope)
            names = "".join(p.cited for p in gone)
            parts += ["；" if parts else "", w.say("dec.repealed", (
                "开展规范性文件清理，废止[{names}]规范性文件{n}", "清理后废止[{names}]规范性文件{n}",
                "经评估清理，[{names}]{n}规范性文件予以废止"), names=names + etc(repealed, gone) if names else "",
                n=repealed)]
        s.add(parts)
    signed = w.run("contracts_signed")
    if signed:
        titles = [facts.quoted(x) for x in facts.contracts_signed(w.scope)]
        review: list = []
        if w.is_full("contract_review_coverage"):
            review = ["均经合法性审查"]
        elif w.part("contract_review_coverage", NUMERATOR):
            review = ["其中经合法性审查", w.part("contract_review_coverage", NUMERATOR), "，审查率",
                      w.run("contract_review_coverage")]
        s.add(w.say("dec.contracts", (
            "签订[{titles}]合同协议{n}[，{review}]", "对外签订[{titles}]合同协议{n}[，签订前{review}]",
            "全年签订合同协议{n}[（{titles}）][，{review}]",
        ), titles="".join(titles) + etc(signed, titles) if titles else "", n=signed, review=runs(*review)))
    return s


# ---------------------------------------------------------------- （三）行政执法

def enforcement(w: Writer) -> Subsection:
    t = w.terms
    s = w.subsection("enforcement")
    officers = w.run("enforcement_officers")
    kit = listing([
        runs("执法辅助人员", w.run("enforcement_auxiliaries")) if w.has("enforcement_auxiliaries") else [],
        runs("执法车辆", w.run("enforcement_vehicles")) if w.has("enforcement_vehicles") else [],
        runs("执法记录仪", w.run("enforcement_body_cameras")) if w.has("enforcement_body_cameras") else [],
    ], "、")
    if officers:
        s.add(w.say("enf.officers", (
            "全{unit}取得行政执法证件人员{n}[，配备{kit}]，执法人员持证上岗、亮证执法",
            "现有持证执法人员{n}[，{kit}]，做到持证上岗、亮证执法",
            "执法队伍持证人员{n}[，另有{kit}]，执法时全部亮证、全程记录",
        ), unit=t.unit, n=officers, kit=kit))
    training = w.run("enforcement_training")
    if training:
        topics = [re.sub(r"(业务)?培训(班)?$", "", x) for x in facts.training_topics(w.scope)]
        listed = "、".join(topics) + ("等" if more(training, topics) else "")
        s.add(w.say("enf.training", (
            "组织执法人员开展[{topics}]业务培训{n}", "举办[{topics}]业务培训{n}，提升执法人员办案能力",
            "开展执法业务培训{n}[，内容包括{topics}]",
        ), topics=listed if topics else "", n=training))
    cases, simple = w.run("penalty_cases"), w.run("simple_penalties")
    if cases or simple:
        parts: list = []
        if cases:
            parts += ["立案办理普通程序行政处罚案件", cases, w.change("penalty_cases")]
            decided = w.rate_clause("penalty_decided_on_time_rate", full="，作出处罚决定{den}，均在法定期限内作出",
                                    partial="，作出处罚决定{den}，其中在法定期限内作出{num}，按期决定率{rate}")
            parts.append(decided)
            days = casefacts.penalty_publicity_days(w.scope)
            if days is not None and days <= PENALTY_PUBLICITY_DAYS:
                parts.append(w.choose("enf.publicity", (
                    f"，均在作出之日起{PENALTY_PUBLICITY_DAYS}个工作日内在政府网站公示",
                    f"，处罚决定书均在{PENALTY_PUBLICITY_DAYS}个工作日内上网公示",
                    f"，全部按规定在{PENALTY_PUBLICITY_DAYS}个工作日内公开")))
        if simple:
            parts += ["；" if parts else "", "适用简易程序当场处罚", simple]
        total = w.run("penalty_decisions") if w.figure("penalty_decisions") else None
        if total and cases and simple:
            parts += ["，全年共作出行政处罚决定", total]
        challenged = w.run("penalty_cases_challenged")
        if challenged:
            overturned = w.run("penalty_cases_overturned")
            parts += ["。处罚决定被申请行政复议或提起行政诉讼", challenged,
                      ["，其中被撤销、变更或确认违法", overturned] if overturned else
                      ("，均未被撤销或变更" if challenged.amount and challenged.amount > 1 else "，未被撤销或变更")]
        elif cases and w.none("penalty_cases_challenged"):
            parts += w.say("enf.unchallenged", ("，{none}一例因处罚引发行政复议、行政诉讼", "，处罚决定{none}被申请复议或起诉",
                                                "，未发生因处罚引起的复议、诉讼"), none=w.none("penalty_cases_challenged"))
        s.add(parts)
    audits, inspections = w.run("case_file_reviews"), w.run("enforcement_inspections")
    if audits or inspections:
        fixes = w.run("case_file_rectifications")
        checks = listing([runs("执法案卷评查", audits) if audits else [],
                          runs("现场执法检查", inspections) if inspections else []], "、")
        s.add(w.say("enf.supervision", (
            "司法所加强行政执法监督，开展{checks}[，提出整改建议{fixes}]",
            "通过{checks}开展执法监督[，发现问题后提出整改建议{fixes}]",
            "执法监督方面，司法所开展{checks}[，督促整改{fixes}]",
        ), checks=checks, fixes=fixes))
    return s


# Licensing and penalty decisions are publicised within 7 working days (LAW.md §5, 行政执法公示).
PENALTY_PUBLICITY_DAYS = 7


# ---------------------------------------------------------------- （四）政务公开

def disclosure(w: Writer, service: list[list[Run]] = ()) -> Subsection:
    s = w.subsection("disclosure")
    proactive = w.run("disclosure_proactive")
    if proactive:
        venues = facts.release_venues(w.scope)
        kinds = facts.release_categories(w.scope)
        s.add(w.say("dis.proactive", (
            "[通过{venues}]主动公开[{kinds}]政府信息{n}{change}",
            "主动公开政府信息{n}{change}[，重点是{kinds}][，发布渠道为{venues}]",
            "全年在[{venues}]发布政府信息{n}{change}[，涵盖{kinds}]",
        ), venues=facts.join(venues), kinds=facts.join(kinds, more=True), n=proactive,
            change=w.change("disclosure_proactive")))
    requests = w.run("disclosure_requests")
    if requests:
        due = w.part("disclosure_response_rate", DENOMINATOR)
        carried = "（含上年结转）" if due is not None and due.amount and requests.amount and due.amount > requests.amount else ""
        answered = w.rate_clause("disclosure_response_rate", full=f"，本年办理的{{den}}申请{carried}均在法定期限内答复，按期答复率{{rate}}",
                                 partial=f"，本年办理的{{den}}申请{carried}中，{{num}}在法定期限内答复，按期答复率{{rate}}")
        appeals = w.run("disclosure_appeals")
        s.add(w.choose("dis.requests", ("受理政府信息公开申请", "依申请公开方面，受理申请", "全年收到政府信息公开申请")),
              requests, w.change("disclosure_requests"), answered,
              ["；因政府信息公开被申请行政复议、提起行政诉讼", appeals] if appeals else "")
    centre = w.run("service_centre_cases")
    if centre or service:
        s.add(w.say("dis.centre", (
            "推进政务服务“一窗受理、一站式办理”[，便民服务中心全年办件量{centre}]",
            "便民服务中心实行“一窗受理”[，全年办件{centre}]",
            "[便民服务中心全年办理各类事项{centre}，]推动政务服务就近办、一次办",
        ), centre=centre), *[["，", sentence] for sentence in service])
    return s


# ---------------------------------------------------------------- （五）学法用法

def study(w: Writer) -> Subsection:
    s = w.subsection("study")
    s.ordered = True
    sessions = w.run("study_sessions")
    if sessions:
        laws = facts.laws_studied(w.scope)
        what = facts.law_kinds(laws)
        s.add(w.say("study.sessions", (
            "全年开展中心组学法、会前学法等集中学法{n}{change}[，系统学习{laws}]",
            "坚持会前学法、中心组专题学法，全年集中学法{n}{change}[，重点学习{laws}]",
            "集中学法全年{n}{change}[，学习内容包括{laws}]",
        ), n=sessions, change=w.change("study_sessions"), laws=f"{''.join(laws)}等{what}" if laws else ""),
            weight=sessions.amount or 0)
    sat = w.run("exam_participants")
    if sat:
        passed = w.part("exam_pass_rate", NUMERATOR)
        excellent = w.part("exam_excellent_rate", NUMERATOR) if w.has("exam_excellent_rate") else None
        if w.is_full("exam_pass_rate"):
            result = runs("，全部合格，合格率", w.run("exam_pass_rate"), ["，其中优秀", excellent] if excellent else "")
        else:
            result = runs("，合格", passed, "，合格率", w.run("exam_pass_rate"), ["，其中优秀", excellent] if excellent else "")
        s.add(w.choose("study.exam", ("组织干部职工参加国家工作人员年度学法考试，参考", "国家工作人员年度学法考试参考",
                                      "年度学法考试中，全体干部职工参考")), sat, result, weight=(sat.amount or 0) / 4)
    observed = w.run("court_hearings_attended")
    if observed:
        cases = facts.observed_cases(w.scope)
        people = w.run("court_observation_attendees")
        s.add(w.say("study.court", (
            "组织干部职工旁听[{cases}]庭审{n}[，参加旁听{people}]，以案释法、以案促学",
            "旁听庭审{n}[，{people}参加][，旁听案件有{cases}]，以身边案例警示教育干部",
            "[围绕{cases}，]组织旁听庭审{n}[，旁听{people}]",
        ), cases=facts.join(cases, more=more(observed, cases)), n=observed, people=people), weight=observed.amount or 0)
    return s


# ---------------------------------------------------------------- （六）普法宣传

def publicity(w: Writer) -> Subsection:
    from fazhi.reports.writing import series as series_facts

    s = w.subsection("publicity")
    s.ordered = True
    found = series_facts.all_series(w.scope)
    for one in found[:2]:
        s.add(_series(w, one), weight=1000 + one.count)
    events = w.run("publicity_events")
    if events:
        campaigns = facts.campaigns(w.scope)[:2]
        places = facts.law_into_places(w.scope)
        reach = listing([
            runs("覆盖群众", w.run("publicity_audience")) if w.has("publicity_audience") else [],
            runs("发放宣传资料", w.run("publicity_materials")) if w.has("publicity_materials") else [],
            runs("解答法律咨询", w.run("legal_consultations")) if w.has("legal_consultations") else [],
        ])
        example = _example(w, found)
        s.add(w.say("pub.events", (
            "[利用{campaigns}等重要节点，][开展{places}等活动，]全年开展线下普法宣传活动{n}{change}[，{reach}]",
            "全年组织线下普法宣传{n}{change}[，{reach}][，结合{campaigns}集中宣传][，{places}常态开展]",
            "[以{campaigns}为契机，]线下普法活动全年{n}{change}[，{reach}]",
        ), campaigns="、".join(campaigns), places="“" + "”“".join(places[:3]) + "”" if places else "", n=events,
            change=w.change("publicity_events"), reach=reach), example, weight=events.amount or 0)
    online = w.run("publicity_online")
    if online:
        channels = [facts.event_title(c) for c in facts.online_channels(w.scope) if not series_facts.in_series(c, found)]
        s.add(w.say("pub.online", (
            "开展[{names}]线上普法活动{n}", "线上普法推送{n}[，{names}反响较好]", "依托微信群、公众号开展线上普法{n}[，如{names}]",
        ), names="".join(f"“{c}”" for c in channels) + etc(online, channels) if channels else "", n=online),
            weight=online.amount or 0)
    liaisons = w.run("legal_literates")
    if liaisons:
        trainings = w.run("liaison_trainings")
        topics = facts.liaison_topics(w.scope)
        train: list = []
        if trainings:
            trainees = w.run("liaison_training_participants")
            train = runs("。", w.say("pub.liaison_training", (
                "[围绕{topics}，]组织法律明白人培训{n}[，参训{people}]", "法律明白人培训{n}[，培训内容为{topics}][，参训{people}]",
                "全年培训法律明白人{n}[，参训{people}][，主题包括{topics}]",
            ), topics="、".join(topics), n=trainings, people=trainees))
        s.add(w.say("pub.liaisons", (
            "实施“法律明白人”培养工程，全年新培养“法律明白人”“法治带头人”{n}{change}",
            "新培养“法律明白人”“法治带头人”{n}{change}，充实村（社区）普法骨干",
            "村（社区）普法骨干队伍持续壮大，全年新增“法律明白人”“法治带头人”{n}{change}",
        ), n=liaisons, change=w.change("legal_literates")), train, weight=liaisons.amount or 0)
    schools = w.run("schools_counted")
    if schools:
        if w.is_full("vice_principal_coverage"):
            cover = runs("辖区", schools, "中小学校均配备法治副校长")
        else:
            covered = w.part("vice_principal_coverage", NUMERATOR)
            cover = runs("辖区", schools, "中小学校中", covered, "配备法治副校长") if covered else runs("辖区", schools, "中小学校")
        lessons = w.run("school_lessons")
        topics = facts.lesson_topics(w.scope)
        audience = w.run("school_lesson_audience")
        teach = w.say("pub.schools", (
            "，法治副校长到校开展[{topics}]法治教育{n}[，受教育师生{people}]",
            "，全年上法治课、办模拟法庭{n}[，如{topics}][，师生{people}参加]",
            "，法治副校长进校园{n}[，受教育师生{people}][，开展{topics}]",
        ), topics=facts.join(topics, more=more(lessons, topics)), n=lessons, people=audience) if lessons else []
        s.add(w.choose("pub.schools.lead", ("深化法治进校园，", "推进青少年法治教育，", "落实法治副校长制度，")), cover, teach,
              weight=lessons.amount if lessons else 0)
    return s


def _series(w: Writer, one) -> list[Run]:
    """The township's branded series in one item: its name, how many, on what and where."""
    topics = [t for t in one.topics if t][:3]
    count = records.series_run(w, one)
    places = facts.join(one.places[:2])
    return w.say("pub.series", (
        "打造“{name}”普法品牌，全年举办{n}[，先后围绕{topics}等群众关心的问题释法答疑][，活动走进{places}]",
        "“{name}”系列活动全年开展{n}[，主题涵盖{topics}][，在{places}等地开讲]，成为群众身边的普法阵地",
        "坚持办好“{name}”[，在{places}等地]全年开展{n}[，讲{topics}等群众身边的法律问题]",
    ), name=one.name, n=count, topics="、".join(topics), places=places)


def _example(w: Writer, found: list) -> str:
    """One developed example of the year's largest event (what, where, for whom), unless a series already tells it."""
    from fazhi.reports.writing import series as series_facts

    if found:
        return ""
    biggest = [e for e in facts.biggest_events(w.scope, 3) if e.title and not series_facts.in_series(e.title, found)]
    if not biggest or not biggest[0].place:
        return ""
    e = biggest[0]
    return w.say("pub.example", ("。如{day}在{place}举办{what}", "。其中{day}的{what}在{place}举办",
                                 "。{day}，在{place}开展{what}"),
                 day=facts.month_day(e.held_on), place=e.place, what=facts.event_named(e.title))


# ---------------------------------------------------------------- （七）矛盾纠纷化解、公共法律服务、社区矫正

def disputes(w: Writer) -> Subsection:
    t = w.terms
    s = w.subsection("disputes")
    committees, mediators = w.run("mediation_committees"), w.run("mediators")
    if committees:
        s.add(w.say("dsp.committees", (
            "全{unit}建立人民调解委员会{n}[，配备人民调解员{m}]", "{n}人民调解委员会[、{m}人民调解员]扎根村（社区）",
            "全{unit}共有人民调解委员会{n}[、人民调解员{m}]",
        ), unit=t.unit, n=committees, m=mediators))
    handled = w.run("disputes_handled")
    if handled:
        kinds = facts.dispute_kinds(w.scope)
        closed = w.part("dispute_success_rate", DENOMINATOR)
        resolved = w.run("disputes_resolved")
        if present(closed, resolved) and w.is_full("dispute_success_rate"):
            outcome = runs("，办结", closed, "，全部调解成功，调解成功率", w.run("dispute_success_rate"))
        else:
            outcome = runs("，办结", closed, "，其中调解成功", resolved, "，调解成功率", w.run("dispute_success_rate"),
                           w.change("dispute_success_rate")) if present(closed, resolved) else []
        case = facts.typical_dispute(w.scope)
        typical = w.say("dsp.typical", (
            "。{case}经调解达成{form}协议，做到案结事了", "。其中，{case}经调解员上门调解，双方达成{form}协议",
            "。{case}调解成功，当事人达成{form}协议",
        ), case=case.summary, form="书面" if case.written else "口头") if case else []
        s.add(_handled(w, handled, kinds, outcome), typical)
    covered = w.run("legal_advisor_coverage")
    services = listing([
        runs("提供法律咨询", w.run("advisor_consultations")) if w.has("advisor_consultations") else [],
        runs("开展法治讲座", w.run("advisor_publicity_events")) if w.has("advisor_publicity_events") else [],
        runs("参与调处矛盾纠纷", w.run("advisor_disputes")) if w.has("advisor_disputes") else [],
        runs("为村（社区）审查合同", w.run("advisor_contracts")) if w.has("advisor_contracts") else [],
        runs("提出法律建议", w.run("advisor_suggestions")) if w.has("advisor_suggestions") else [],
    ], "、")
    aid = w.run("legal_aid")
    if covered or services or aid:
        gaps = _advisor_gaps(w)
        coverage = runs("推进“一村（社区）一法律顾问”，", covered, "村（社区）配备法律顾问",
                        f"，{'、'.join(gaps[:3])}{'等' if len(gaps) > 3 else ''}尚未配备" if gaps else "，实现全覆盖") if covered else []
        s.add(coverage, ["。" if coverage else "", w.choose("dsp.advisors", ("法律顾问全年", "村（社区）法律顾问全年",
                                                                            "一年来法律顾问累计")), services] if services else "",
              ["；" if coverage or services else "", w.choose("dsp.aid", ("帮助群众申请法律援助", "为困难群众代办法律援助申请",
                                                                         "受理和转交法律援助申请")), aid] if aid else "")
    on_roll, resettled = w.run("corrections_on_roll"), w.run("resettlement_on_roll")
    if on_roll or resettled:
        supervised = w.part("corrections_schedule_rate", DENOMINATOR)
        roll = listing([runs("社区矫正对象", on_roll) if on_roll else [],
                        runs("安置帮教对象", resettled) if resettled else []], "、")
        parts: list = [w.choose("dsp.corrections", ("扎实做好社区矫正和安置帮教工作", "加强特殊人群服务管理",
                                                    "社区矫正和安置帮教工作平稳有序")),
                       ["，全年在矫社区矫正对象", supervised, "，年末在册"] if supervised else "，年末在册", roll]
        if supervised:
            routine = w.choose("dsp.routine", ("对社区矫正对象坚持每日电话联系、每月集中教育",
                                               "落实日常电话报告和每月集中教育", "矫正对象每日电话报到、每月参加集中教育"))
            # below 100 % the routine is the requirement, not a claim: "按…要求，全年落实到位的N人"
            parts.append(f"。{routine}" if w.is_full("corrections_schedule_rate") else
                         runs("。按每日电话报到、每月集中教育的要求，全年落实到位的",
                              w.part("corrections_schedule_rate", NUMERATOR), "，落实率", w.run("corrections_schedule_rate")))
        nothing = w.none("corrections_incidents") if on_roll else None
        if nothing:
            parts += ["，", nothing, "脱管、漏管和重新犯罪"]
        else:
            incidents = w.run("corrections_incidents")
            if incidents:
                parts += ["；发生脱管、漏管、重新犯罪", incidents, "，均已依法处置"]
        s.add(parts)
    return s


def _handled(w: Writer, handled, kinds: list[str], outcome: list[Run]) -> list[Run]:
    return w.say("dsp.handled", (
        "全年受理矛盾纠纷{n}{change}[，主要涉及{kinds}]",
        "调解组织全年受理各类纠纷{n}{change}[，以{kinds}纠纷为主]",
        "[围绕{kinds}多发纠纷，]全年受理矛盾纠纷{n}{change}",
    ), n=handled, change=w.change("disputes_handled"), kinds=facts.join(kinds, more=True)) + outcome


def _advisor_gaps(w: Writer) -> list[str]:
    from fazhi.indicators.gaps import advisor_gaps

    return advisor_gaps(w.data.org, w.data.year)


# ---------------------------------------------------------------- （八）复议应诉

def litigation(w: Writer) -> Subsection:
    s = w.subsection("litigation")
    reconsider, suits = w.run("reconsideration_cases"), w.run("litigation_cases")
    if reconsider or suits:
        concluded = w.run("cases_concluded")
        outcome: list = []
        if concluded:
            lost = w.run("litigation_cases_lost")
            carried, still_open = casefacts.cases_carried(w.scope)
            earlier = f"（含以前年度受理的{carried}件）" if carried else ""
            if still_open:
                earlier += f"，本年受理的案件中年末尚有{still_open}件未审结"
            outcome = runs("。全年审结", concluded, earlier, ["，其中行政行为被撤销、变更或确认违法", lost] if lost else
                           ["，", w.none("litigation_cases_lost"), "行政行为被撤销、变更或确认违法的情形"])
        we = w.terms.we
        review_, suit_, suit_alone = w.choose("lit.cases", (  # (复议, 诉讼 after 复议, 诉讼 alone)
            (f"{we}作为被申请人参加行政复议案件", "作为被告参加行政诉讼案件", f"{we}作为被告参加行政诉讼案件"),
            ("全年共发生行政复议案件", "行政诉讼案件", "全年共发生行政诉讼案件"),
            (f"{we}被申请行政复议", "被提起行政诉讼", f"{we}被提起行政诉讼"),
        ))
        s.add(listing([runs(review_, reconsider) if reconsider else [],
                       runs(suit_ if reconsider else suit_alone, suits) if suits else []], "，"), outcome)
    assistance, performed = w.run("court_assistance"), w.run("judgments_performed")
    if assistance or performed:
        done = casefacts.judgments_performed(w.scope)
        if len(done) > 1 and all(p.completed_on for p in done):
            # one example and the rest counted: a sentence of several judgments in brackets runs past 150 characters
            what = f"{done[0].content}等，均已履行完毕"
        else:
            what = "；".join(p.content + (f"，已于{facts.month_day(p.completed_on)}履行完毕" if p.completed_on else "")
                            for p in done)
        # a 民事调解书 is neither a judgment nor a ruling: the list then names what they all are (review G10)
        kinds = "生效法律文书" if any("调解书" in p.content for p in done) else "生效判决、裁定和复议决定"
        s.add(listing([runs(f"自觉履行{kinds}", performed, f"（{what}）" if what else "") if performed else [],
                       runs("协助人民法院冻结、划拨被执行人资金资产等", assistance) if assistance else []]))
    suggestions = w.run("court_suggestions")
    if suggestions:
        advice = casefacts.court_advice(w.scope)
        on_time = all(a.answered_on and not a.overdue for a in advice)
        subjects = [re.split(r"[，；]", a.subject.strip().rstrip("。"), maxsplit=1)[0].removeprefix("关于")
                    for a in advice[:2] if a.subject.strip()]
        about = f"，涉及{'、'.join(subjects)}{'等' if len(advice) > len(subjects) else ''}" if subjects else ""
        if len(advice) == 1 and on_time:
            one = advice[0]
            s.add("收到", one.named, suggestions, "，", one.status)
        elif on_time:  # what they were about, not each one's reply date
            s.add("收到司法建议、检察建议", suggestions, about, "，均已逐项研究并按期书面回复")
        elif advice:  # one answered late or still open is part 二's shortcoming (problems.ADVICE_OVERDUE), told there
            s.add("收到司法建议、检察建议", suggestions, about, "，逐项研究办理")
    return s


# ---------------------------------------------------------------- （九）接受监督

def supervision(w: Writer) -> Subsection:
    congress = facts.congress_name(w.terms.unit)
    s = w.subsection("supervision")
    suggestions = w.run("deputy_suggestions")
    if suggestions:
        answered = w.rate_clause("deputy_suggestions_on_time_rate", full="，均按期答复",
                                 partial="，答复期限已到的{den}中，{num}按期答复，按期答复率{rate}")
        satisfied = w.rate_clause("deputy_satisfaction_rate", full="；代表反馈意见的{den}均表示满意或基本满意",
                                  partial=w.choose("sup.satisfied", (
                                      "；代表反馈意见的{den}中，{num}表示满意或基本满意，满意率{rate}",
                                      "；征询代表意见{den}，满意或基本满意{num}，满意率{rate}",
                                      "；已反馈意见的{den}中代表满意或基本满意{num}，满意率{rate}")))
        # a suggestion still unanswered is part 二's shortcoming (problems.DEPUTY_ON_TIME), named there once
        s.add(w.choose("sup.deputies", ("办理人大代表建议、议案", "承办人大代表建议、议案", "全年交办的人大代表建议、议案共")),
              suggestions, w.change("deputy_suggestions"), answered, satisfied)
    inspections = w.run("congress_inspections")
    if inspections:
        subjects = facts.inspection_subjects(w.scope)
        issues, fixed = w.run("congress_inspection_issues"), w.run("congress_inspection_rectified")
        s.add(w.say("sup.inspections", (
            "接受{congress}视察、评议、执法检查等监督{n}[，围绕{subjects}][，代表提出意见建议{issues}][，已整改{fixed}]",
            "{congress}全年开展视察、评议、执法检查{n}[，内容包括{subjects}][；代表所提{issues}意见建议][已整改{fixed}]",
            "[围绕{subjects}，]{congress}开展视察、评议、执法检查{n}[，提出意见建议{issues}][，已整改落实{fixed}]",
        ), congress=congress, n=inspections, subjects=facts.join(subjects, more=more(inspections, subjects)),
            issues=issues, fixed=fixed if issues else None))
    return s
