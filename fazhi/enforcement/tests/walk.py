"""Security-walk entries for every enforcement URL (merged into fazhi/core/tests/test_security_walk.py TABLE).

Township A's records are built on first use with the real services (fazhi.enforcement.journey), each case left at
the step its URL takes next, dated in the past so every time limit is met."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from fazhi.testing.url_walk import COUNTY, OTHER, Access, Entry

PARTY = "WALKMARK-A-PARTY"
OFFICER = "WALKMARK-A-OFFICER"
TRAINING = "WALKMARK-A-TRAINING"
EQUIPMENT = "WALKMARK-A-EQUIPMENT"
ITEM = "WALKMARK-A-ITEM"
SIMPLE = "WALKMARK-A-SIMPLE"
AUDIT = "WALKMARK-A-AUDIT"


def _day(w, days: int = 0) -> str:
    return (w.today - dt.timedelta(days=days)).isoformat()


def _officers(w):
    from fazhi.enforcement import journey

    def make():
        until = w.today + dt.timedelta(days=3650)
        return [
            journey.certified_officer(w.township, f"{OFFICER}-1", valid_until=until, number="WALK-A-001", user=w.clerk),
            journey.certified_officer(w.township, f"{OFFICER}-2", valid_until=until, number="WALK-A-002", user=w.clerk),
        ]
    return w.once("enforcement_officers", make)


def _reviewer(w):
    from fazhi.core.models import Role
    from fazhi.testing.factories import UserFactory

    return w.once("enforcement_reviewer", lambda: UserFactory(organisation=w.township, role=Role.LEGAL_REVIEWER))


def _case(w, until: str, *, age: int = 60, **kw):
    """A's case filed ``age`` days ago and taken to ``until`` (fazhi.enforcement.journey.STOPS)."""
    from fazhi.enforcement import journey, services

    def make():
        case = services.case_file(organisation=w.township, fields=journey.case_fields(PARTY), user=w.clerk,
                                  filed_on=w.today - dt.timedelta(days=age))
        journey.take(case, until=until, officers=_officers(w), user=w.clerk, reviewer=_reviewer(w), **kw)
        case.refresh_from_db()
        return case
    return w.once(f"enforcement_case_{until}_{age}_{sorted(kw.items())}", make)


def _evidenced(w):
    from fazhi.enforcement import journey, services

    def make():
        case = _case(w, "investigating", age=30)
        services.evidence_record(case, kind="inspection", taken_on=w.today - dt.timedelta(days=20), place="集镇",
                                 description="现场检查", officers=_officers(w), certificates_shown=True,
                                 files=[journey.photo()], user=w.clerk)
        return case
    return w.once("enforcement_evidenced", make)


def _remedy(w, annulled: bool):
    from fazhi.enforcement import services

    def make():
        case = _case(w, "closed")
        remedy = services.remedy_record(case, kind="reconsideration", filed_on=case.closed_on, user=w.clerk)
        if annulled:
            services.remedy_conclude(remedy, result="annulled", result_on=w.today, user=w.clerk)
        return remedy
    return w.once(f"enforcement_remedy_{annulled}", make)


def _audit(w):
    from fazhi.enforcement import services

    return w.once("enforcement_audit", lambda: services.audit_run(
        organisation=w.township, held_on=w.today, title=f"{AUDIT} 案卷评查", auditors="司法所", cases=[_case(w, "closed")],
        user=w.clerk))


def _rectification(w):
    from fazhi.enforcement import services

    return w.once("enforcement_rectification", lambda: services.rectification_suggest(
        _audit(w), suggestion="补充询问笔录签名", due_on=w.today + dt.timedelta(days=30), user=w.clerk))


def _equipment(w):
    from fazhi.enforcement import services

    return w.once("enforcement_equipment", lambda: services.equipment_register(
        organisation=w.township, fields={"kind": "vehicle", "name": EQUIPMENT, "identifier": "X-1"}, user=w.clerk))


def _training(w):
    from fazhi.enforcement import services

    return w.once("enforcement_training", lambda: services.training_record(
        organisation=w.township, held_on=w.today, topic=TRAINING, attendees=_officers(w), user=w.clerk))


def _item(w):
    from fazhi.enforcement import services

    return w.once("enforcement_item", lambda: services.item_register(
        organisation=w.township, fields={"name": ITEM, "category": "penalty", "basis": "条例第十四条"}, user=w.clerk))


def _simple(w):
    from decimal import Decimal

    from fazhi.enforcement import services

    return w.once("enforcement_simple", lambda: services.simple_penalty_register(
        organisation=w.township, officers=_officers(w)[:1], user=w.clerk, fields=dict(
            form_number=SIMPLE, decided_on=w.today, place="集镇", party_kind="citizen", party_name="路人",
            violation="乱扔垃圾", legal_basis="条例第三十四条", penalty="fine", fine_amount=Decimal("50"),
            registered_on=w.today)))


def _inspection(w):
    from fazhi.enforcement import services

    return w.once("enforcement_inspection", lambda: services.inspection_record(organisation=w.township, user=w.clerk, fields={
        "held_on": w.today, "topic": "WALKMARK-A-INSPECTION 执法记录仪使用情况", "place": "集镇", "inspectors": "司法所"}))


def _pk(make):
    return lambda w: {"pk": make(w).pk}


def _decide_body(w) -> dict[str, Any]:
    from fazhi.enforcement import journey

    case = _case(w, "deciding")
    kw = journey.decide_kwargs(case, w.today, "走查罚决1号")
    return {"decided_on": _day(w), "decision_number": kw["decision_number"], "kinds": kw["kinds"],
            "fine_amount": str(kw["fine_amount"]), "facts": kw["facts"], "basis": kw["basis"],
            "performance": kw["performance"], "remedies": kw["remedies"], "organ_name": kw["organ_name"], "sealed": "on"}


def _case_body(w) -> dict[str, str]:
    return {"source": "complaint", "party_kind": "citizen", "party_name": "走查当事人", "party_address": "集镇街1号",
            "alleged_violation": "占道经营", "legal_basis": "条例第十四条", "filed_on": _day(w), "filing_approver": "镇长"}


def _evidence_body(w) -> dict[str, Any]:
    from fazhi.enforcement import journey

    return {"kind": "inspection", "taken_on": _day(w), "place": "集镇", "description": "检查",
            "officers": [str(o.pk) for o in _officers(w)], "certificates_shown": "on", "files": [journey.photo()]}


def _evidence_file(w):
    return _case(w, "defence").evidence.first().files.first()


def _remedy_result_body(w) -> dict[str, str]:
    r = _remedy(w, False)
    return {f"r{r.pk}-result": "upheld", f"r{r.pk}-result_on": _day(w)}


def _fix_body(w) -> dict[str, str]:
    r = _rectification(w)
    return {f"fix{r.pk}-fixed_on": _day(w), f"fix{r.pk}-note": "已整改"}


def _audit_body(w) -> dict[str, str]:
    _case(w, "closed")  # A's closed case, built with the world, not during the write
    return {"held_on": _day(w), "title": "走查评查", "auditors": "司法所", "sample": "1"}


def _simple_body(w) -> dict[str, Any]:
    return {"form_number": "走查-0002", "decided_on": _day(w), "place": "集镇", "party_kind": "citizen", "party_name": "某",
            "violation": "乱扔垃圾", "legal_basis": "条例", "penalty": "warning", "fine_amount": "",
            "officers": [str(_officers(w)[0].pk)], "registered_on": _day(w)}


def _built(w, make) -> str:
    """Build what the write body names with the world (before the walk fingerprints the database); no query."""
    make(w)
    return "walk=1"


# Township B's clerk posts A's officers (or has no closed case to sample): the service refuses on the form (400).
REFUSED_FOR_OTHER = {("POST", OTHER): 400}

ENTRIES: dict[str, Entry] = {
    "enforcement_index": Entry(Access.LIST, marker=lambda w: _case(w, "deciding").party_name),
    "enforcement_case_create": Entry(Access.CREATE, write=_case_body),
    "enforcement_case": Entry(Access.READ, kwargs=_pk(lambda w: _case(w, "deciding"))),
    "enforcement_case_evidence": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "investigating")), write=_evidence_body),
    "enforcement_case_notice": Entry(Access.ACTION, kwargs=_pk(_evidenced), write=lambda w: {
        "notice_on": _day(w), "facts": "占道经营", "proposed_kinds": ["fine"], "proposed_fine": "500"}),
    "enforcement_case_statement": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "defence")),
                                        write=lambda w: {"statement_on": _day(w), "waives": "on"}),
    "enforcement_case_hearing_request": Entry(
        Access.ACTION, kwargs=_pk(lambda w: _case(w, "defence", age=5, fine=Decimal("20000"))),
        write=lambda w: {"requested_on": _day(w)}),
    "enforcement_case_hearing": Entry(
        Access.ACTION, kwargs=_pk(lambda w: _case(w, "hearing", fine=Decimal("20000"), hearing=True)),
        write=lambda w: {"notice_sent_on": _day(w, 30), "held_on": _day(w), "host": "李法制", "summary": "听证笔录"}),
    "enforcement_case_review": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "defence")), write=lambda w: {
        "submitted_on": _day(w), "grounds": ["complex"], "days_allowed": "5"}),
    "enforcement_case_extend": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "investigating")), write=lambda w: {
        "days": "30", "approved_by": "镇长", "approved_on": _day(w), "reason": "案情复杂"}),
    "enforcement_case_decide": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "deciding")), write=_decide_body),
    "enforcement_case_serve": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "serving")),
                                    write=lambda w: {"served_on": _day(w), "method": "post"}),
    "enforcement_case_execute": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "executing")),
                                      write=lambda w: {"executed_on": _day(w), "amount_paid": "1000"}),
    "enforcement_case_close": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "executed")),
                                    write=lambda w: {"closed_on": _day(w), "archive_number": "走查-001"}),
    "enforcement_case_publish": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "serving")),
                                      write=lambda w: {"published_on": _day(w)}),
    "enforcement_case_withdraw": Entry(Access.ACTION, kwargs=lambda w: {"pk": _remedy(w, True).case_id},
                                       write=lambda w: {"withdrawn_on": _day(w)}),
    "enforcement_case_remedy": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "closed")),
                                     write=lambda w: {"kind": "reconsideration", "filed_on": _day(w)}),
    "enforcement_case_remedy_result": Entry(
        Access.ACTION, kwargs=lambda w: {"pk": _remedy(w, False).case_id, "remedy_pk": _remedy(w, False).pk},
        write=_remedy_result_body),
    "enforcement_case_void": Entry(Access.ACTION, kwargs=_pk(lambda w: _case(w, "investigating")),
                                   write=lambda w: {"reason": "走查作废"}),
    "enforcement_case_document": Entry(Access.READ, kwargs=lambda w: {"pk": _case(w, "deciding").pk, "slug": "notice"}, kind="file"),
    # evidence never leaves the township: even the county supervisor is answered 404
    "enforcement_evidence": Entry(Access.READ, kwargs=_pk(_evidence_file), kind="file", expect={("GET", COUNTY): 404}),
    "enforcement_officers": Entry(Access.LIST, marker=lambda w: _officers(w)[0].name),
    "enforcement_officer_create": Entry(Access.CREATE, write=lambda w: {"name": "走查人员", "kind": "auxiliary", "unit": "执法队"}),
    "enforcement_officer": Entry(Access.READ, kwargs=_pk(lambda w: _officers(w)[0])),
    "enforcement_certificate_add": Entry(Access.ACTION, kwargs=_pk(lambda w: _officers(w)[0]), write=lambda w: {
        "number": "WALK-NEW-1", "issued_by": "县政府", "valid_until": (w.today + dt.timedelta(days=900)).isoformat()}),
    "enforcement_trainings": Entry(Access.LIST, marker=lambda w: _training(w).topic),
    "enforcement_training_create": Entry(Access.CREATE, write=lambda w: {"held_on": _day(w), "topic": "走查培训", "hours": "2"}),
    "enforcement_equipment": Entry(Access.LIST, marker=lambda w: _equipment(w).name),
    "enforcement_equipment_create": Entry(Access.CREATE, write=lambda w: {"kind": "body_camera", "name": "记录仪"}),
    "enforcement_items": Entry(Access.LIST, marker=lambda w: _item(w).name),
    "enforcement_item_create": Entry(Access.CREATE, write=lambda w: {"name": "走查事项", "category": "penalty", "basis": "条例"}),
    "enforcement_simple_list": Entry(Access.LIST, marker=lambda w: _simple(w).form_number),
    "enforcement_simple_create": Entry(Access.CREATE, write=_simple_body, expect=REFUSED_FOR_OTHER,
                                       query=lambda w: _built(w, _officers)),
    "enforcement_inspections": Entry(Access.LIST, marker=lambda w: _inspection(w).topic),
    "enforcement_inspection_create": Entry(Access.CREATE, write=lambda w: {
        "held_on": _day(w), "topic": "走查检查", "place": "集镇", "inspectors": "司法所"}),
    "enforcement_audits": Entry(Access.LIST, marker=lambda w: _audit(w).title),
    "enforcement_audit_create": Entry(Access.CREATE, write=_audit_body, expect=REFUSED_FOR_OTHER,
                                      query=lambda w: _built(w, lambda w: _case(w, "closed"))),
    "enforcement_audit": Entry(Access.READ, kwargs=_pk(_audit)),
    "enforcement_rectification_add": Entry(Access.ACTION, kwargs=_pk(_audit), write=lambda w: {
        "suggestion": "规范送达回证", "due_on": (w.today + dt.timedelta(days=30)).isoformat()}),
    "enforcement_rectification_fix": Entry(Access.ACTION, kwargs=_pk(_rectification), write=_fix_body),
    "enforcement_register_void": Entry(Access.ACTION, kwargs=lambda w: {"kind": "equipment", "pk": _equipment(w).pk},
                                       write=lambda w: {"reason": "走查作废"}),
    "portal_enforcement": Entry(Access.PUBLIC, kwargs=lambda w: {"code": w.township.code}),
    "api_enforcement_cases": Entry(Access.LIST, marker=lambda w: _case(w, "deciding").party_name),
    "api_enforcement_case": Entry(Access.READ, kwargs=_pk(lambda w: _case(w, "deciding"))),
    "api_enforcement_officers": Entry(Access.LIST, marker=lambda w: _officers(w)[0].name),
}
