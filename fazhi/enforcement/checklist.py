"""The 案卷评查 checklist: each item with its points, judged from the case file itself (never typed in)."""
from __future__ import annotations

from fazhi.enforcement import deadlines
from fazhi.enforcement import evidence as evidence_files
from fazhi.enforcement.choices import OfficerKind


def _item(key: str, label: str, points: int, ok: bool, finding: str) -> dict:
    return {"key": key, "label": label, "points": points, "score": points if ok else 0, "ok": ok,
            "finding": "" if ok else finding}


def score_case(case) -> tuple[int, list[dict]]:
    steps = list(case.evidence.active().prefetch_related("officers", "files"))
    two_officers = bool(steps) and all(
        len([o for o in s.officers.all() if o.kind == OfficerKind.OFFICER and o.certificate_on(s.taken_on)]) >= 2
        and s.certificates_shown for s in steps)
    files = [f for s in steps for f in s.files.all() if not f.is_void]
    recorded = bool(steps) and all(any(not f.is_void for f in s.files.all()) for s in steps) and all(
        evidence_files.intact(f) for f in files)
    limit = deadlines.decision_deadline(case.filed_on, list(case.extensions.active()))
    on_time = bool(case.decided_on) and case.decided_on <= limit.due
    served_on_time = bool(case.served_on) and (case.party_present or case.served_on <= deadlines.service_deadline(case.decided_on).due)
    hearing_ok = not case.hearing_requested_on or bool(case.hearing_on and case.hearing_notice_on)
    review_ok = not case.review_grounds or bool(case.passing_review_id)
    six = all([case.party_name, case.party_address, case.decision_facts, case.decision_basis, case.performance,
               case.remedies, case.organ_name, case.decided_on, case.sealed])
    executed = bool(case.executed_on and case.closed_on and case.archive_number)
    checks = [
        _item("filing", "立案审批（来源、当事人、涉嫌违法行为、依据、负责人批准）", 10,
              bool(case.source and case.party_name and case.alleged_violation and case.legal_basis and case.filing_approver),
              "立案审批表要素不全"),
        _item("two_officers", "调查取证：每次不少于两名持有效执法证的执法人员并出示证件（第四十二条、第五十五条）", 20, two_officers,
              "存在执法人员不足两人、无有效执法证或未出示证件的取证"),
        _item("records", "全过程记录：每次取证附笔录、照片或音像记录，文件校验一致（第四十七条）", 10, recorded,
              "取证记录文件缺失或校验值不一致"),
        _item("notice", "告知拟处罚的事实、理由、依据及陈述、申辩、听证权利（第四十四条）", 10, bool(case.notice_on and case.notice_facts),
              "缺少行政处罚事先告知书"),
        _item("hearing", "申请听证的，提前7个工作日通知并由非调查人员主持（第六十四条）", 10, hearing_ok, "听证程序不完整"),
        _item("review", "须法制审核的，经审核通过后决定（第五十八条）", 10, review_ok, "应当法制审核而未经审核通过"),
        _item("decision", "决定书载明六项内容、引用法律依据并加盖印章（第五十九条）", 10, six, "处罚决定书要素不全"),
        _item("deadlines", "90日内作出决定，当事人不在场的7个工作日内送达（第六十条、第六十一条）", 10, on_time and served_on_time,
              "办案期限或送达期限超期"),
        _item("execution", "处罚执行到位（按期缴款或依法加处罚款）、结案归档（第六十六条至第七十二条）", 10, executed,
              "执行或结案归档材料不全"),
    ]
    return sum(c["score"] for c in checks), checks
