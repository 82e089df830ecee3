"""Read-side questions: certificates about to expire, each case's clock (every time limit in its unit, explained),
what is overdue, and the counts the enforcement dashboard shows."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from fazhi.core.kit.progress import Rung, StepState, mark_current
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.enforcement import deadlines
from fazhi.enforcement.choices import CaseStatus, OfficerKind
from fazhi.enforcement.models import Certificate, Officer, PenaltyCase, Rectification

EXPIRY_WARNING_DAYS = 60


@dataclass
class CertificateAlert:
    officer: Officer
    certificate: Certificate | None
    state: str  # expiring / expired / none
    days_left: int | None

    @property
    def text(self) -> str:
        if self.state == "expiring":
            return f"{self.officer.name}的行政执法证（{self.certificate.number}）将于{format_date(self.certificate.valid_until)}到期，还有{self.days_left}天"
        if self.state == "expired":
            return f"{self.officer.name}的行政执法证（{self.certificate.number}）已于{format_date(self.certificate.valid_until)}到期，不得从事执法活动"
        return f"{self.officer.name}没有登记有效的行政执法证，不得从事执法活动"


def certificate_alerts(organisations, today: dt.date, days: int = EXPIRY_WARNING_DAYS) -> list[CertificateAlert]:
    """Officers (not auxiliaries) whose certificate runs out within ``days`` days, has run out, or who have none."""
    out = []
    officers = Officer.objects.active().filter(organisation__in=organisations, kind=OfficerKind.OFFICER, active=True)
    for officer in officers.prefetch_related("certificates").order_by("name"):
        certs = sorted((c for c in officer.certificates.all() if not c.is_void), key=lambda c: c.valid_until, reverse=True)
        current = next((c for c in certs if c.valid_until >= today and (c.issued_on is None or c.issued_on <= today)), None)
        if current is None:
            out.append(CertificateAlert(officer, certs[0] if certs else None, "expired" if certs else "none", None))
        elif (current.valid_until - today).days <= days:
            out.append(CertificateAlert(officer, current, "expiring", (current.valid_until - today).days))
    return out


@dataclass
class Clock:
    """Every time limit that applies to a case now, with its explanation and whether it was missed."""

    case: PenaltyCase
    today: dt.date
    rows: list[dict] = field(default_factory=list)

    @property
    def overdue(self) -> list[dict]:
        return [r for r in self.rows if r["late"]]


def case_clock(case: PenaltyCase, today: dt.date, calendar: WorkingCalendar | None = None) -> Clock:
    cal = calendar or WorkingCalendar.load()
    clock = Clock(case, today)

    def add(d: deadlines.Deadline, done: dt.date | None, what: str) -> None:
        late = (done or today) > d.due if (done or d.due < today) else False
        state = (f"{format_date(done)}{what}" + ("（逾期）" if late else "（按期）")) if done else (
            "已逾期" if late else f"还有{(d.due - today).days}天")
        clock.rows.append({"label": d.label, "basis": d.basis, "unit": d.unit, "days": d.days, "due": d.due, "done": done,
                           "late": late, "state": state, "steps": d.steps, "key": d.label})

    extensions = [e for e in case.extensions.all() if e.voided_at is None]  # .all(): uses a prefetch when there is one
    limit = deadlines.decision_deadline(case.filed_on, extensions, cal)
    add(limit, case.decided_on, "作出决定")
    if case.notice_on and case.hearing_eligible:
        req = deadlines.hearing_request_deadline(case.notice_on, cal)
        clock.rows.append({"label": req.label, "basis": req.basis, "unit": req.unit, "days": req.days, "due": req.due,
                           "done": case.hearing_requested_on, "late": False, "steps": req.steps, "key": req.label,
                           "state": f"{format_date(case.hearing_requested_on)}申请听证" if case.hearing_requested_on
                           else ("期限已过，当事人未申请" if today > req.due else f"还有{(req.due - today).days}天")})
    if case.hearing_notice_on:
        earliest = deadlines.hearing_earliest(case.hearing_notice_on, cal)
        clock.rows.append({"label": earliest.label, "basis": earliest.basis, "unit": earliest.unit, "days": earliest.days,
                           "due": earliest.due, "done": case.hearing_on, "late": False, "steps": earliest.steps,
                           "key": earliest.label, "state": f"最早{format_date(earliest.due)}举行；{format_date(case.hearing_on)}举行"})
    if case.decided_on and not (case.served_on and case.party_present):
        add(deadlines.service_deadline(case.decided_on, cal), case.served_on, "送达")
    if case.served_on and case.fine_amount:
        add(deadlines.payment_deadline(case.served_on, cal), case.executed_on, "缴款")
    if case.decided_on and case.publish_required and not case.changed_on:
        add(deadlines.publicity_deadline(case.decided_on, cal), case.published_on, "公示")
    if case.changed_on and case.published_on:
        add(deadlines.withdrawal_deadline(case.changed_on, cal), case.withdrawn_on, "撤回公示")
    return clock


def open_cases(organisations) -> QuerySet[PenaltyCase]:
    return PenaltyCase.objects.active().filter(organisation__in=organisations)


def overdue_cases(organisations, today: dt.date) -> list[tuple[PenaltyCase, list[dict]]]:
    """Cases with a missed time limit still open (not decided in time, not served, not paid, not published, not withdrawn)."""
    cal = WorkingCalendar.load()
    out = []
    candidates = open_cases(organisations).filter(
        Q(decided_on__isnull=True) | Q(status__in=[CaseStatus.SERVING, CaseStatus.EXECUTING])
        | Q(publish_required=True, published_on__isnull=True) | Q(changed_on__isnull=False, published_on__isnull=False, withdrawn_on__isnull=True)
    ).exclude(status=CaseStatus.CLOSED, published_on__isnull=False, changed_on__isnull=True)
    for case in candidates.prefetch_related("extensions").select_related("organisation"):
        late = [r for r in case_clock(case, today, cal).overdue if r["done"] is None]
        if late:
            out.append((case, late))
    return out


def open_rectifications(organisations) -> QuerySet[Rectification]:
    return Rectification.objects.active().filter(organisation__in=organisations, fixed_on__isnull=True).select_related("audit", "case")


def dashboard(organisations, today: dt.date) -> dict:
    cases = PenaltyCase.objects.active().filter(organisation__in=organisations)
    by_status = {s: 0 for s in CaseStatus}
    for status in cases.values_list("status", flat=True):
        by_status[CaseStatus(status)] += 1
    return {
        "by_status": [(s, by_status[s]) for s in CaseStatus],
        "overdue": overdue_cases(organisations, today),
        "alerts": certificate_alerts(organisations, today),
        "rectifications": open_rectifications(organisations),
    }


def case_steps(case: PenaltyCase) -> list[Rung]:
    """The ladder of the ordinary procedure: each step done (with its date), not applicable, current or to do."""
    from fazhi.enforcement.services import review_grounds

    grounds = review_grounds(case)
    heard = case.rights_waived_on or case.statement_on or case.hearing_on
    rows = [
        ("立案", "第五十四条", case.filed_on, True),
        ("调查取证", "第四十二条、第四十七条、第五十五条", case.evidence.active().order_by("-taken_on").values_list("taken_on", flat=True).first(), True),
        ("告知", "第四十四条", case.notice_on, True),
        ("陈述申辩、听证", "第四十五条、第六十三条、第六十四条", heard, True),
        ("法制审核", "第五十八条", case.passing_review.concluded_on if case.passing_review_id else None, bool(grounds)),
        ("作出决定", "第五十七条、第五十九条、第六十条", case.decided_on, True),
        ("送达", "第六十一条", case.served_on, True),
        ("执行", "第六十六条至第七十二条", case.executed_on, True),
        ("结案归档", "", case.closed_on, True),
    ]
    ladder = []
    for label, article, day, applies in rows:
        if not applies:
            state = StepState.SKIPPED
        elif day or (label == "陈述申辩、听证" and case.decided_on):
            state = StepState.DONE
        else:
            state = StepState.TODO
        ladder.append(Rung(label, state, article=article, day=day))
    return mark_current(ladder)
