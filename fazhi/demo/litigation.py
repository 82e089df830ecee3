"""Demo reconsideration and litigation cases in the seeds' proportions (a few of each a year, none lost, the head
appearing in court at most hearings, each absence with its own reason and the people who went instead), court-ordered
assistance, the civil judgments the township performed (what it paid, to whom), and the 司法建议 and 检察建议 on its
own business — answered in time except where the township's profile says one was answered late."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.demo.days import OfficeDays
from fazhi.demo.pools import pool
from fazhi.demo.profiles import NameBook, pick, profile, residue
from fazhi.litigation.models import (
    CaseKind, CourtSuggestion, Hearing, HeadPost, LegalCase, Obligation, ObligationKind, Outcome,
)
from fazhi.litigation.rules import answer_due, suggestion_due

DISCLOSURE_ACT = "政府信息公开答复"
PENALTY_ACT = "行政处罚决定（罚款）"

ACTS = ("责令限期拆除违法建筑决定", "土地承包经营权确认", DISCLOSURE_ACT, "征收补偿安置协议", PENALTY_ACT,
        "不履行法定职责（道路修缮）")


def generate_litigation(township: Organisation, short: str, leader: User, clerk: User, year: int, *, today: dt.date,
                        rng: random.Random, deputy: str = "", judicial: str = "") -> int:
    """One year of reconsiderations and lawsuits, court-ordered assistance and judicial and procuratorial suggestions;
    how many is the township's own (profiles.pick), never the seeds' 行政复议案件2件、行政诉讼案件4件、冻结资金资产3次.
    Where the profile says ("court_reply"), the latest year's last suggestion is answered after its two months and
    one of the running year is still unanswered past its due date (the ledger shows it overdue)."""
    if LegalCase.objects.filter(organisation=township, received_on__year=year).exists():
        return 0
    traits = profile(township.code)
    slot = traits.slot
    names = NameBook(township.code, rng)
    unit = "乡" if township.name.endswith("乡") else "镇"
    made = 0
    cases = []
    kinds = ([CaseKind.RECONSIDERATION] * pick(rng, 1, 5, slot, item="reconsideration_cases", avoid=(2,))
             + [CaseKind.LITIGATION] * pick(rng, 2, 6, slot, item="litigation_cases", avoid=(4,)))
    rng.shuffle(kinds)
    plans = []
    for kind, month in zip(kinds, sorted(rng.choice(range(1, 12)) for _ in kinds)):
        received = dt.date(year, month, rng.randint(3, 25))
        if received > today:
            break
        plans.append([kind, received, received + dt.timedelta(days=rng.randint(50, 120))])
    # the cases concluded in the year (earlier years' included) fall in the township's residue class: the latest of
    # this year's cases are concluded only in the next year until they do, so no two townships 审结 as many
    concluded_before = LegalCase.objects.filter(organisation=township, concluded_on__year=year).count()
    for plan in sorted(plans, key=lambda p: p[1], reverse=True):
        in_year = concluded_before + sum(1 for p in plans if p[2].year == year and p[2] <= today)
        if in_year % 3 == residue(slot, "cases_concluded"):
            break
        if plan[2].year == year:
            plan[2] = dt.date(year + 1, 1, 12) + dt.timedelta(days=rng.randint(0, 40))
    for kind, received, concluded in plans:
        due, _ = answer_due(kind, received)
        done = concluded <= today
        case = LegalCase.objects.create(
            organisation=township, created_by=clerk, kind=kind,
            number=f"（{year}）{'示府复' if kind == CaseKind.RECONSIDERATION else '示0421行初'}{rng.randint(10, 99)}号",
            act=rng.choice(ACTS), claimant=names.surname() + "某",
            body="示范县人民政府" if kind == CaseKind.RECONSIDERATION else "示范县人民法院",
            court_level="" if kind == CaseKind.RECONSIDERATION else "first", received_on=received,
            answered_on=min(due, today) - dt.timedelta(days=1) if due > received + dt.timedelta(days=1) else due,
            outcome=rng.choice((Outcome.UPHELD, Outcome.DISMISSED, Outcome.WITHDRAWN)) if done else "",
            concluded_on=concluded if done else None,
        )
        _register_elsewhere(case, clerk)
        cases.append(case)
        made += 1
    _hearings(township, clerk, [c for c in cases if c.kind == CaseKind.LITIGATION], today=today, rng=rng, unit=unit,
              head=leader.full_name or f"{unit}长", deputy=deputy, judicial=judicial,
              absent=2 if traits.falls_short("appearance", latest=year == today.year - 1) else 1)
    assists = pick(rng, 1, 7, slot, item="court_assistance", avoid=(3,))
    for month in sorted(rng.sample(range(1, 12), assists)):
        on = dt.date(year, month, rng.randint(5, 25))
        if on <= today:
            Obligation.objects.create(organisation=township, created_by=clerk, kind=ObligationKind.ASSIST, received_on=on,
                                      content=rng.choice(("协助法院冻结被执行人在本镇的征收补偿款", "协助法院划拨被执行人的土地流转收益",
                                                          "协助法院查询被执行人的补贴发放信息")).replace("本镇", f"本{unit}"),
                                      completed_on=on + dt.timedelta(days=rng.randint(1, 4)))
    # civil judgments the township carries out as a party (a contractor's or supplier's claim): how many is its own,
    # so 履行生效法律文书 is not the same number as 协助执行; each says what was paid, to whom and for what
    days = OfficeDays()
    judgments = pool(township.code, "judgments")
    for n in range(pick(rng, 0, 2, slot, item="judgments_performed")):
        on = days.on_or_after(dt.date(year, 4 + 4 * n, rng.randint(5, 25)))
        if on + dt.timedelta(days=30) <= today:
            Obligation.objects.create(organisation=township, created_by=clerk, kind=ObligationKind.JUDGMENT, received_on=on,
                                      content=judgments[n % len(judgments)].format(y=year, p=year - 2, n=rng.randint(120, 980),
                                                                                   m=rng.randint(18, 96) * 1000 + rng.choice((0, 500))),
                                      due_on=on + dt.timedelta(days=30),
                                      completed_on=days.on_or_after(on + dt.timedelta(days=rng.randint(8, 26))))
    # 司法建议 and 检察建议 on the township's own business, each answered within its two months — except, where the
    # profile says, one answered late (the report's 不足)
    late_reply = traits.falls_short("court_reply", latest=year == today.year - 1)
    subjects = rng.sample(pool(township.code, "court_suggestions"), pick(rng, 1, 3, slot, item="court_suggestions", year=year))
    for n, (kind, issuer, subject, answer) in enumerate(subjects):
        received = days.on_or_after(dt.date(year, 3 + 3 * n, rng.randint(5, 20)))
        if received > today:
            continue
        due = suggestion_due(received)
        answered = days.on_or_before(received + dt.timedelta(days=rng.randint(25, 50)))
        if late_reply and n == len(subjects) - 1:
            answered = days.on_or_after(due + dt.timedelta(days=rng.randint(9, 16)))
            answer += "（超过答复期限）"
        CourtSuggestion.objects.create(organisation=township, created_by=clerk, kind=kind, issuer=issuer, received_on=received,
                                       subject=subject, due_on=due, answered_on=answered if answered <= today else None,
                                       answer=answer if answered <= today else "")
    if late_reply:  # and in the running year one not yet answered past its due date: the ledger shows it overdue
        received = days.on_or_before(today - dt.timedelta(days=75))
        if received.year == today.year:
            CourtSuggestion.objects.create(organisation=township, created_by=clerk, kind="judicial", issuer="示范县人民法院",
                                           received_on=received, subject="规范征收补偿协议文本")
    return made


def _hearings(township, clerk, lawsuits: list[LegalCase], *, today: dt.date, rng: random.Random, unit: str, head: str,
              deputy: str, judicial: str, absent: int) -> None:
    """A hearing of each lawsuit some forty days after it was received, the 镇（乡）长 — or the 分管副职 — appearing;
    where there are three lawsuits or more, ``absent`` of them heard without a head appearing, each for its own reason
    (fazhi/demo/pools.py "absences") and with the people who went instead; the last lawsuit is heard twice."""
    days = OfficeDays()
    reasons = list(pool(township.code, "absences"))
    missing = set(range(len(lawsuits) - absent, len(lawsuits))) if len(lawsuits) > 2 else set()
    for n, case in enumerate(lawsuits):
        held = days.on_or_after(case.received_on + dt.timedelta(days=40))
        if case.concluded_on and held > case.concluded_on:  # withdrawn or decided early: heard before that
            held = days.on_or_after(max(case.received_on + dt.timedelta(days=1), case.concluded_on - dt.timedelta(days=10)))
        if held > today or (case.concluded_on and held > case.concluded_on):
            continue
        row = dict(organisation=township, created_by=clerk, case=case, held_on=held, venue="示范县人民法院", open_court=True)
        if n in missing:
            reason, note = reasons.pop(0) if reasons else ("duty", "{h}当日参加县级紧急会议，委托党政综合办公室工作人员出庭")
            Hearing.objects.create(**row, head_appeared=False, absence_reason=reason,
                                   absence_note=note.format(h=f"{unit}长{head}", d=judicial or "")[:200])
        elif deputy and n % 3 == 1:
            Hearing.objects.create(**row, head_appeared=True, head_name=deputy, head_post=HeadPost.IN_CHARGE)
        else:
            Hearing.objects.create(**row, head_appeared=True, head_name=head, head_post=HeadPost.CHIEF)
    if len(lawsuits) > 2:
        again = days.on_or_after(lawsuits[0].received_on + dt.timedelta(days=75))
        if again <= today and not (lawsuits[0].concluded_on and again > lawsuits[0].concluded_on):
            Hearing.objects.create(organisation=township, created_by=clerk, case=lawsuits[0], held_on=again,
                                   venue="示范县人民法院", open_court=True, head_appeared=True, head_name=head,
                                   head_post=HeadPost.CHIEF)


def _register_elsewhere(case: LegalCase, clerk: User) -> None:
    """A case against a disclosure reply is also in the disclosure appeals register (the annual report's 表四), and one
    against a fine in the penalty case's remedies (the rule-of-law report's "处罚决定被申请复议或起诉"), as a clerk
    registers it in both: the demo's registers never contradict each other (review G8). A fine with no decided
    penalty case before it to point at is named as the demolition order it can stand for instead."""
    from fazhi.disclosure.choices import AppealKind, AppealOutcome
    from fazhi.disclosure.models import DisclosureAppeal
    from fazhi.enforcement.choices import RemedyKind, RemedyResult
    from fazhi.enforcement.models import PenaltyCase

    reconsideration = case.kind == CaseKind.RECONSIDERATION
    if case.act == DISCLOSURE_ACT:
        outcome = {Outcome.UPHELD: AppealOutcome.UPHELD, Outcome.DISMISSED: AppealOutcome.UPHELD,
                   Outcome.WITHDRAWN: AppealOutcome.OTHER}.get(case.outcome, AppealOutcome.PENDING)
        DisclosureAppeal.objects.create(
            organisation=case.organisation, created_by=clerk, case_number=case.number, filed_on=case.received_on,
            kind=AppealKind.RECONSIDERATION if reconsideration else AppealKind.LITIGATION_DIRECT,
            outcome=outcome if case.concluded_on else AppealOutcome.PENDING, decided_on=case.concluded_on)
    elif case.act == PENALTY_ACT:
        penalty = (PenaltyCase.objects.filter(organisation=case.organisation, decided_on__lt=case.received_on,
                                              decided_on__gte=case.received_on - dt.timedelta(days=180))
                   .order_by("-decided_on").first())
        if penalty is None:
            case.act = ACTS[0]
            case.save(update_fields=["act"])
            return
        result = {Outcome.UPHELD: RemedyResult.UPHELD, Outcome.DISMISSED: RemedyResult.UPHELD,
                  Outcome.WITHDRAWN: RemedyResult.WITHDRAWN}.get(case.outcome, RemedyResult.PENDING)
        penalty.remedies_filed.create(
            organisation=case.organisation, created_by=clerk, filed_on=case.received_on,
            kind=RemedyKind.RECONSIDERATION if reconsideration else RemedyKind.LITIGATION,
            result=result if case.concluded_on else RemedyResult.PENDING, result_on=case.concluded_on)
