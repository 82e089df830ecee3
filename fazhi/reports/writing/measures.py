"""Part 一 (主要举措和成效), organised as the seeds organise it: one "（一）……。" paragraph per area, each a
framing sentence and then "一是……二是……", the items stating what the records show — names, titles and
dates from the records, numbers from the registry. An area without records is left out."""
from __future__ import annotations

from fazhi.reports.structure import Run
from fazhi.reports.writing import facts, records
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
        lead = f"以{facts.join(heads)}为组长的" if heads else ""
        s.add(f"健全{lead}法治建设领导小组，领导小组成员", members, "，明确分管领导和各办（所、中心）职责分工")
    meetings = w.run("rule_of_law_meetings")
    if meetings:
        topics = facts.meeting_topics(w.scope)
        kinds = facts.meeting_kinds(w.scope, w.terms.unit)
        s.add(f"全年召开{facts.join(kinds, more=len(kinds) > 1)}研究部署法治建设工作" if kinds else "全年召开会议研究部署法治建设工作",
              meetings, w.change("rule_of_law_meetings"),
              f"，先后{facts.join(topics, more=more(meetings, topics))}" if topics else "")
    plan = facts.work_plan(w.scope)
    tasks = w.rate_clause("responsibility_on_time_rate", full="年内到期的{den}任务均按期完成",
                          partial="年内到期的{den}任务中，{num}按期完成，按期完成率{rate}")
    if plan or tasks:
        s.add(f"年初印发{plan.cited}，" if plan else "", "将法治建设任务逐项分解到班子成员和各办（所、中心）",
              ["，", tasks] if tasks else "")
    budget = w.run("rule_of_law_budget")
    if budget:
        s.add("将法治建设经费纳入财政预算，全年安排", budget)
    criteria = w.run("assessment_criteria")
    if criteria:
        from fazhi.assessment.report import anchor

        leaders = facts.assessment_leaders(w.data.org, w.data.year)
        scores: list = []
        for i, result in enumerate(leaders):
            scores += ["、" if i else "", f"{result.name}（", records.score_run(w, result, anchor), "）"]
        s.add("把法治建设纳入村（社区）和机关站所年度目标管理考核，设置考核指标", criteria,
              ["，年终逐项考核评分，", scores, "得分居前"] if scores else "")
    return s


# ---------------------------------------------------------------- （二）依法决策、合法性审查、规范性文件、合同

def decisions(w: Writer) -> Subsection:
    s = w.subsection("decisions")
    catalog, made = w.run("decision_catalog_items"), w.run("decisions_completed")
    if catalog or made:
        titles = [facts.quoted(x) for x in facts.decisions_made(w.scope)]
        parts: list = []
        if catalog:
            parts += ["公布年度重大行政决策事项目录，列入", catalog]
        if made:
            if parts:
                parts.append("；")
            parts += [f"作出{''.join(titles)}{etc(made, titles)}重大行政决策" if titles else "作出重大行政决策", made]
            steps = facts.decision_steps(w.scope)
            if w.is_full("decision_review_coverage") and steps:
                parts.append(f"，均经{'、'.join(steps)}等法定程序")
            else:
                reviewed = w.part("decision_review_coverage", NUMERATOR)
                if reviewed:
                    parts += ["，其中经合法性审查", reviewed, "，审查率", w.run("decision_review_coverage")]
        s.add(parts)
    reviews = w.run("legality_reviews")
    if reviews:
        contracts = w.run("contract_reviews")
        rejected = w.run("legality_reviews_rejected")
        on_time = w.rate_clause("legality_review_on_time_rate", full="均在规定时限内出具",
                                partial="其中{num}在审查期限内出具，按期办结率{rate}")
        kinds = listing([runs(label, w.run(key)) for key, label in (
            ("decision_reviews", "重大行政决策"), ("normative_reviews", "规范性文件"), ("contract_reviews", "合同协议"),
            ("enforcement_reviews", "重大执法决定"), ("other_reviews", "其他事项")) if w.has(key)], "、")
        due_all = w.is_full("legality_review_on_time_rate") and w.part(
            "legality_review_on_time_rate", DENOMINATOR) and w.part("legality_review_on_time_rate", DENOMINATOR).amount == reviews.amount
        s.add("全年司法所和政府法律顾问出具合法性审查意见", reviews, w.change("legality_reviews"),
              ["，其中", kinds] if kinds else "",
              ["，", on_time] if on_time and due_all else "",
              ["；对", rejected, "提出不予通过意见"] if rejected else "",
              ["。", on_time] if on_time and not due_all else "")
    issued = w.run("normative_docs_issued")
    filed, repealed = w.run("normative_docs_filed"), w.run("normative_docs_repealed")
    if issued or filed or repealed:
        parts = []
        if issued:
            papers = facts.normative_issued(w.scope)
            names = "、".join(p.cited for p in papers)
            parts += [f"制发{names}{etc(issued, papers)}行政规范性文件" if names else "制发行政规范性文件", issued]
            if w.is_full("normative_review_coverage"):
                parts.append("，均经合法性审核")
            else:
                reviewed = w.part("normative_review_coverage", NUMERATOR)
                if reviewed:
                    parts += ["，其中经合法性审核", reviewed]
        if filed:
            parts += ["。" if parts else "", "向备案机关报送备案", filed]
            on_time = w.rate_clause("normative_filing_on_time_rate", full="，均在规定期限内报备",
                                    partial="，需报送备案的{den}中{num}按期报备，按期报备率{rate}")
            parts.append(on_time)
        if repealed:
            gone = facts.normative_repealed(w.scope)
            names = "、".join(p.cited for p in gone)
            parts += ["；" if parts else "", "开展规范性文件清理，废止", names + etc(repealed, gone), "规范性文件", repealed]
        s.add(parts)
    signed = w.run("contracts_signed")
    if signed:
        titles = [facts.quoted(x) for x in facts.contracts_signed(w.scope)]
        parts = [f"签订{''.join(titles)}{etc(signed, titles)}合同协议" if titles else "签订合同协议", signed]
        if w.is_full("contract_review_coverage"):
            parts.append("，均经合法性审查")
        else:
            reviewed = w.part("contract_review_coverage", NUMERATOR)
            if reviewed:
                parts += ["，其中经合法性审查", reviewed, "，审查率", w.run("contract_review_coverage")]
        s.add(parts)
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
        s.add(f"全{t.unit}取得行政执法证件人员", officers, ["，配备", kit] if kit else "", "，执法人员持证上岗、亮证执法")
    training = w.run("enforcement_training")
    if training:
        topics = facts.training_topics(w.scope)
        s.add(f"组织执法人员开展{facts.join(topics, more=more(training, topics))}业务培训" if topics else "组织执法人员开展业务培训",
              training)
    cases, simple = w.run("penalty_cases"), w.run("simple_penalties")
    if cases or simple:
        parts: list = []
        if cases:
            parts += ["立案办理普通程序行政处罚案件", cases, w.change("penalty_cases")]
            decided = w.rate_clause("penalty_decided_on_time_rate", full="，作出处罚决定{den}，均在法定期限内作出",
                                    partial="，作出处罚决定{den}，其中在法定期限内作出{num}，按期决定率{rate}")
            parts.append(decided)
        if simple:
            parts += ["；" if parts else "", "适用简易程序当场处罚", simple]
        total = w.run("penalty_decisions") if w.figure("penalty_decisions") else None
        if total and cases and simple:
            parts += ["，全年共作出行政处罚决定", total]
        challenged = w.run("penalty_cases_challenged")
        if challenged:
            overturned = w.run("penalty_cases_overturned")
            parts += ["。处罚决定被申请行政复议或提起行政诉讼", challenged,
                      ["，其中被撤销、变更或确认违法", overturned] if overturned else "，均未被撤销或变更"]
        elif cases and w.none("penalty_cases_challenged"):
            parts += ["，", w.none("penalty_cases_challenged"), "一例因处罚引发行政复议、行政诉讼"]
        s.add(parts)
    audits, inspections = w.run("case_file_reviews"), w.run("enforcement_inspections")
    if audits or inspections:
        fixes = w.run("case_file_rectifications")
        s.add("司法所加强行政执法监督，开展",
              listing([runs("执法案卷评查", audits) if audits else [],
                       runs("现场执法检查", inspections) if inspections else []], "、"),
              ["，提出整改建议", fixes] if fixes else "")
    return s


# ---------------------------------------------------------------- （四）政务公开

def disclosure(w: Writer, service: list[list[Run]] = ()) -> Subsection:
    s = w.subsection("disclosure")
    proactive = w.run("disclosure_proactive")
    if proactive:
        venues = facts.release_venues(w.scope)
        kinds = facts.release_categories(w.scope)
        s.add(f"通过{facts.join(venues)}" if venues else "", "主动公开",
              f"{facts.join(kinds, more=True)}" if kinds else "", "政府信息", proactive, w.change("disclosure_proactive"))
    requests = w.run("disclosure_requests")
    if requests:
        answered = w.rate_clause("disclosure_response_rate", full="，本年办理的{den}申请（含上年结转）均在法定期限内答复，按期答复率{rate}",
                                 partial="，本年办理的{den}申请（含上年结转）中，{num}在法定期限内答复，按期答复率{rate}")
        appeals = w.run("disclosure_appeals")
        s.add("受理政府信息公开申请", requests, w.change("disclosure_requests"), answered,
              ["；因政府信息公开被申请行政复议、提起行政诉讼", appeals] if appeals else "")
    centre = w.run("service_centre_cases")
    if centre or service:
        s.add("推进政务服务“一窗受理、一站式办理”", ["，便民服务中心全年办件量", centre] if centre else "",
              *[["，", sentence] for sentence in service])
    return s


# ---------------------------------------------------------------- （五）学法用法

def study(w: Writer) -> Subsection:
    s = w.subsection("study")
    sessions = w.run("study_sessions")
    if sessions:
        laws = facts.laws_studied(w.scope)
        what = "等法律法规" if all(facts.is_law(t) for t in laws) else "等法律法规和重要文件"
        s.add("全年开展中心组学法、会前学法等集中学法", sessions, w.change("study_sessions"),
              f"，系统学习{''.join(laws)}{what}" if laws else "")
    sat = w.run("exam_participants")
    if sat:
        passed = w.part("exam_pass_rate", NUMERATOR)
        excellent = w.part("exam_excellent_rate", NUMERATOR) if w.has("exam_excellent_rate") else None
        if w.is_full("exam_pass_rate"):
            result = runs("，全部合格，合格率", w.run("exam_pass_rate"), ["，其中优秀", excellent] if excellent else "")
        else:
            result = runs("，合格", passed, "，合格率", w.run("exam_pass_rate"), ["，其中优秀", excellent] if excellent else "")
        s.add("组织干部职工参加国家工作人员年度学法考试，参考", sat, result)
    observed = w.run("court_hearings_attended")
    if observed:
        cases = facts.observed_cases(w.scope)
        people = w.run("court_observation_attendees")
        s.add(f"组织干部职工旁听{facts.join(cases, more=more(observed, cases))}庭审" if cases else "组织干部职工旁听庭审", observed,
              ["，参加旁听", people] if people else "", "，以案释法、以案促学")
    return s


# ---------------------------------------------------------------- （六）普法宣传

def publicity(w: Writer) -> Subsection:
    s = w.subsection("publicity")
    events = w.run("publicity_events")
    if events:
        campaigns = facts.campaigns(w.scope)[:2]
        places = facts.law_into_places(w.scope)
        lead = f"利用{'、'.join(campaigns)}等重要节点，" if campaigns else ""
        into = f"深入开展“{'”“'.join(places[:3])}”等活动，" if places else ""
        reach = listing([
            runs("覆盖群众", w.run("publicity_audience")) if w.has("publicity_audience") else [],
            runs("发放宣传资料", w.run("publicity_materials")) if w.has("publicity_materials") else [],
            runs("解答法律咨询", w.run("legal_consultations")) if w.has("legal_consultations") else [],
        ])
        biggest = facts.biggest_events(w.scope, 1)
        example = ""
        if biggest and biggest[0].title:
            e = biggest[0]
            where = f"在{e.place}" if e.place else ""
            example = f"。如{facts.month_day(e.held_on)}{where}开展“{facts.event_title(e.title)}”宣传活动"
        s.add(lead, into, "全年开展线下普法宣传活动", events, w.change("publicity_events"), ["，", reach] if reach else "", example)
    online = w.run("publicity_online")
    if online:
        channels = [facts.event_title(c) for c in facts.online_channels(w.scope)]
        names = "、".join(f"“{c}”" for c in channels)
        s.add(f"开展{names}{etc(online, channels)}线上普法活动" if names else "依托网络平台开展线上普法活动", online)
    liaisons = w.run("legal_literates")
    if liaisons:
        trainings = w.run("liaison_trainings")
        topics = facts.liaison_topics(w.scope)
        train = ""
        if trainings:
            trainees = w.run("liaison_training_participants")
            train = runs(f"。以{'、'.join(topics)}为主题，组织法律明白人培训" if topics
                         else "。组织法律明白人培训", trainings, ["，参训", trainees] if trainees else "")
        s.add("实施“法律明白人”培养工程，全年新培养“法律明白人”“法治带头人”", liaisons, w.change("legal_literates"), train)
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
        teach = runs(f"，法治副校长到校开展{facts.join(topics, more=more(lessons, topics))}法治教育" if topics else "，法治副校长到校开展法治教育",
                     lessons, ["，受教育师生", audience] if audience else "") if lessons else []
        s.add("深化法治进校园，", cover, teach)
    return s


# ---------------------------------------------------------------- （七）矛盾纠纷化解、公共法律服务、社区矫正

def disputes(w: Writer) -> Subsection:
    t = w.terms
    s = w.subsection("disputes")
    committees, mediators = w.run("mediation_committees"), w.run("mediators")
    if committees:
        s.add(f"全{t.unit}建立人民调解委员会", committees, ["，配备人民调解员", mediators] if mediators else "")
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
        typical = (f"。{case.summary}等一批矛盾纠纷经调解达成{'书面' if case.written else ''}协议，"
                   "做到案结事了") if case else ""
        s.add("全年受理矛盾纠纷", handled, w.change("disputes_handled"),
              f"，主要涉及{facts.join(kinds, more=True)}" if kinds else "", outcome, typical)
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
        s.add(coverage, ["。" if coverage else "", "法律顾问全年", services] if services else "",
              ["；" if coverage or services else "", "帮助群众申请法律援助", aid] if aid else "")
    on_roll, resettled = w.run("corrections_on_roll"), w.run("resettlement_on_roll")
    if on_roll or resettled:
        supervised = w.part("corrections_schedule_rate", DENOMINATOR)
        roll = listing([runs("社区矫正对象", on_roll) if on_roll else [],
                        runs("安置帮教对象", resettled) if resettled else []], "、")
        parts: list = ["扎实做好社区矫正和安置帮教工作",
                       ["，全年在矫社区矫正对象", supervised, "，年末在册"] if supervised else "，年末在册", roll]
        if supervised:
            parts.append("。对社区矫正对象坚持每日电话联系、每月集中教育" if w.is_full("corrections_schedule_rate") else
                         runs("。对社区矫正对象坚持每日电话联系、每月集中教育，全年落实到位的", w.part(
                             "corrections_schedule_rate", NUMERATOR), "，落实率", w.run("corrections_schedule_rate")))
        nothing = w.none("corrections_incidents") if on_roll else None
        if nothing:
            parts += ["，社区矫正对象", nothing, "脱管、漏管和重新犯罪"]
        else:
            incidents = w.run("corrections_incidents")
            if incidents:
                parts += ["；发生脱管、漏管、重新犯罪", incidents, "，均已依法处置"]
        s.add(parts)
    return s


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
            received = (w.value("reconsideration_cases") or 0) + (w.value("litigation_cases") or 0)
            earlier = "（含以前年度的案件）" if concluded.amount > received else ""
            outcome = runs("。全年审结", concluded, earlier, ["，其中行政行为被撤销、变更或确认违法", lost] if lost else
                           ["，", w.none("litigation_cases_lost"), "行政行为被撤销、变更或确认违法的情形"])
        s.add(w.terms.we, listing([runs("作为被申请人参加行政复议案件", reconsider) if reconsider else [],
                                   runs("作为被告参加行政诉讼案件", suits) if suits else []], "，"), outcome)
    assistance, performed = w.run("court_assistance"), w.run("judgments_performed")
    if assistance or performed:
        s.add(listing([runs("自觉履行生效判决、裁定和复议决定", performed) if performed else [],
                       runs("协助人民法院冻结、划拨被执行人资金资产等", assistance) if assistance else []]))
    suggestions = w.run("court_suggestions")
    if suggestions:
        on_time = facts.suggestions_answered_on_time(w.scope)
        answered = facts.suggestions_all_answered(w.scope)
        s.add("收到司法建议、检察建议", suggestions,
              "，均按期书面回复并落实整改" if on_time else ("，均已书面回复" if answered else "，已逐项研究，正在办理回复"))
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
                                  partial="；代表反馈意见的{den}中，{num}表示满意或基本满意，满意率{rate}")
        s.add("办理人大代表建议、议案", suggestions, w.change("deputy_suggestions"), answered, satisfied)
    inspections = w.run("congress_inspections")
    if inspections:
        subjects = facts.inspection_subjects(w.scope)
        issues, fixed = w.run("congress_inspection_issues"), w.run("congress_inspection_rectified")
        s.add(f"接受{congress}视察、评议、执法检查等监督", inspections,
              f"，围绕{facts.join(subjects, more=more(inspections, subjects))}" if subjects else "",
              ["，代表提出意见建议", issues] if issues else "", ["，已整改", fixed] if fixed and issues else "")
    return s
