"""Valid web-form POSTs for the ledgers of reconsideration and litigation, legal advisors, governance and
mediation (merged into fazhi/testing/ledger_data.py). A record they point at is created first, in the
village's township — the clerk's own — as a clerk registers a case before its hearings."""
from __future__ import annotations

import datetime as dt

from fazhi.core import clock
from fazhi.testing import institution_factories as f

YEAR = clock.current_year() - 1

COUNT_FIELD = {"advisor-services": "quantity"}


def _township(village):
    if village is not None:
        return village.parent
    from fazhi.testing.factories import TownshipFactory

    return TownshipFactory()


def valid_post(slug: str, village=None) -> dict[str, str] | None:
    day = f"{YEAR}-05-20"
    if slug == "legal-cases":
        return {"kind": "litigation", "number": f"（{YEAR}）示0421行初9号", "act": "责令限期拆除决定", "claimant": "王某",
                "body": "示范县人民法院", "court_level": "first", "received_on": day}
    if slug == "court-hearings":
        case = f.LegalCaseFactory(organisation=_township(village), received_on=dt.date(YEAR, 1, 5))
        return {"case": str(case.pk), "held_on": day, "venue": "示范县人民法院", "open_court": "on", "head_appeared": "on", "head_name": "吴海燕",
                "head_post": "chief"}
    if slug == "case-obligations":
        case = f.LegalCaseFactory(organisation=_township(village), received_on=dt.date(YEAR, 1, 5))
        return {"case": str(case.pk), "kind": "judgment", "received_on": day, "content": "重新作出决定"}
    if slug == "court-suggestions":
        return {"kind": "procuratorial", "issuer": "示范县人民检察院", "received_on": day, "subject": "加强水源地保护"}
    if slug == "legal-advisors":
        return {"name": "赵律师", "kind": "lawyer", "firm": "示范律师事务所", "contract_start": day,
                "contract_end": f"{YEAR + 2}-12-31"}
    if slug == "advisor-assignments":
        advisor = f.LegalAdvisorFactory(organisation=_township(village))
        target = village or f.VillageFactory(parent=advisor.organisation)
        return {"village": str(target.pk), "advisor": str(advisor.pk), "starts_on": day, "mode": "visit",
                "note": "每月驻村服务"}
    if slug == "advisor-services":
        advisor = f.LegalAdvisorFactory(organisation=_township(village))
        data = {"held_on": day, "advisor": str(advisor.pk), "kind": "consultation", "quantity": "15", "note": "解答咨询"}
        if village is not None:
            data["village"] = str(village.pk)
        return data
    if slug == "legal-aid":
        return {"received_on": day, "applicant": "张三", "matter": "劳动报酬", "referred_to": "县法律援助中心",
                "outcome": "granted"}
    if slug == "leading-group":
        return {"name": "周建国", "post": "镇党委书记", "group_role": "head", "joined_on": day}
    if slug == "work-plans":
        return {"year": str(YEAR), "kind": "key_points", "title": f"{YEAR}年法治政府建设工作要点", "adopted_on": day}
    if slug == "responsibility-tasks":
        plan = f.WorkPlanFactory(organisation=_township(village), adopted_on=dt.date(YEAR, 2, 1))
        return {"plan": str(plan.pk), "assigned_on": day, "task": "修订村规民约", "lead": "分管副镇长", "department": "党政办",
                "owner": "李某", "due_on": f"{YEAR}-09-30", "status": "ongoing"}
    if slug == "law-reports":
        return {"held_on": day, "reporter": "周建国", "post": "镇党委书记", "principal": "on", "occasion": "meeting"}
    if slug == "rule-of-law-budget":
        return {"year": str(YEAR), "item": "普法宣传经费", "source": "own_budget", "amount": "50000", "approved_on": day}
    if slug == "mediation-committees":
        data = {"name": "石桥村人民调解委员会", "level": "village", "established_on": day}
        if village is not None:
            data["village"] = str(village.pk)
        return data
    if slug == "mediators":
        committee = f.MediationCommitteeFactory(organisation=_township(village))
        return {"committee": str(committee.pk), "name": "王调解", "role": "member", "term_start": day,
                "term_end": f"{YEAR + 2}-12-31"}
    return None
