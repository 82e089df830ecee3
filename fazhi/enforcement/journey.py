"""Taking a penalty case through its steps with the real services — for the demo data, the security walk and the tests.

``STOPS`` name the places a case can be left: before 告知, during the defence period, with a hearing requested, in
法制审核, awaiting decision, awaiting service, in execution, executed, archived."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.workdays import WorkingCalendar
from fazhi.enforcement import deadlines, services
from fazhi.enforcement.choices import CaseSource, OfficerKind, PartyKind, PenaltyKind, ReviewGround
from fazhi.enforcement.models import Officer, PenaltyCase

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 48
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

STOPS = ("investigating", "defence", "hearing", "legal_review", "deciding", "serving", "executing", "executed", "closed")


def photo(name: str = "现场照片.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, "image/png")


def record(name: str = "询问笔录.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def certified_officer(organisation, name: str, *, valid_until: dt.date, number: str, user=None, issued_on=None) -> Officer:
    officer = services.officer_register(organisation=organisation, fields={"name": name, "kind": OfficerKind.OFFICER},
                                        user=user)
    services.certificate_add(officer, number=number, issued_by="县人民政府", valid_until=valid_until,
                             issued_on=issued_on or dt.date(2020, 1, 1), user=user)
    return officer


def case_fields(party: str = "张某某", *, kind: str = PartyKind.CITIZEN, violation: str = "在集镇主街道违规占道经营") -> dict:
    return {
        "source": CaseSource.INSPECTION, "party_kind": kind, "party_name": party, "party_address": "示范县青山镇集镇街12号",
        "party_contact": "13800000000", "alleged_violation": violation,
        "legal_basis": "《城市市容和环境卫生管理条例》第十四条", "filing_approver": "吴镇长",
    }


def decide_kwargs(case: PenaltyCase, on: dt.date, number: str) -> dict:
    kinds = case.kinds("proposed_kinds")
    return dict(
        decided_on=on, decision_number=number, kinds=kinds, fine_amount=case.proposed_fine,
        facts=f"经查，{case.party_name}{case.alleged_violation}，有现场检查笔录、询问笔录、现场照片为证",
        basis=f"依据{case.legal_basis}，决定给予{'、'.join(PenaltyKind(k).label for k in kinds)}",
        performance=services.default_performance(kinds), remedies=services.default_remedies(case.organisation),
        organ_name=case.organisation.name, sealed=True,
    )


def take(case: PenaltyCase, *, until: str, officers, user, reviewer=None, start: dt.date | None = None,
         fine: Decimal = Decimal("500"), kinds=(PenaltyKind.FINE,), hearing: bool = False, late_payment: int = 0) -> PenaltyCase:
    """Take a filed case through the steps, stopping at ``until`` (one of STOPS). Dates run from ``start`` (the
    filing date by default) and stay within every time limit."""
    cal = WorkingCalendar.load()
    day = start or case.filed_on

    def later(days: int) -> dt.date:
        nonlocal day
        day = day + dt.timedelta(days=days)
        return day

    stop = STOPS.index(until)
    if stop == 0:
        return case
    services.evidence_record(case, kind="inspection", taken_on=later(1), place="集镇主街道", description="现场检查，拍摄照片3张",
                             officers=officers[:2], certificates_shown=True, files=[photo()], user=user)
    services.evidence_record(case, kind="inquiry", taken_on=later(2), place="镇综合行政执法队询问室",
                             description="询问当事人，制作询问笔录", officers=officers[:2], certificates_shown=True,
                             files=[record()], user=user)
    services.case_notify(case, notice_on=later(2), facts="当事人违规占道经营，经责令改正拒不改正",
                         proposed_kinds=list(kinds), proposed_fine=fine, user=user)
    if stop == 1:
        return case
    case.refresh_from_db()
    if hearing:
        services.hearing_request(case, requested_on=later(1), user=user)
        if stop == 2:
            return case
        sent = later(1)
        held = deadlines.hearing_earliest(sent, cal).due
        services.hearing_hold(case, notice_sent_on=sent, held_on=held, host="李法制", summary="当事人陈述了经营困难，承认违法事实",
                              user=user)
        day = held
    else:
        services.statement_record(case, statement_on=later(1), waives=True, user=user)
        if stop == 2:
            return case
    case.refresh_from_db()
    if hearing or stop == 3:
        from fazhi.reviews import services as reviews

        grounds = [] if hearing else [ReviewGround.COMPLEX]
        review = services.send_for_legal_review(case, submitted_on=later(1), grounds=grounds, user=user)
        if stop == 3:
            return case
        reviews.review_conclude(review, user=reviewer, opinion="approved", reasons="", concluded_on=later(3))
    if stop == 4:
        return case
    case.refresh_from_db()
    decided = later(2)
    services.case_decide(case, **decide_kwargs(case, decided, f"{case.number.replace('罚', '罚决')}"), user=user)
    if stop == 5:
        return case
    case.refresh_from_db()
    services.case_serve(case, served_on=decided, method="direct", party_present=True, user=user)
    services.case_publish(case, published_on=later(2), user=user)
    if stop == 6:
        return case
    case.refresh_from_db()
    paid_on = deadlines.payment_deadline(case.served_on, cal).due + dt.timedelta(days=late_payment) if late_payment else later(5)
    fee = deadlines.late_fee(case.fine_amount or 0, deadlines.payment_deadline(case.served_on, cal).due, paid_on).amount
    services.case_execute(case, executed_on=paid_on, amount_paid=(case.fine_amount or 0) + fee if case.fine_amount else None,
                          note="" if case.fine_amount else "已当场训诫并责令改正", user=user)
    day = max(day, paid_on)
    if stop == 7:
        return case
    services.case_close(case, closed_on=later(3), archive_number=f"{case.filed_on.year}-执法-{case.pk:03d}", user=user)
    case.refresh_from_db()
    return case
