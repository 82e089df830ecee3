"""Demo reconsideration and litigation cases in the seeds' proportions (a few of each a year, none lost, the head
appearing in court but once), court-ordered assistance and suggestions, with a suggestion overdue."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.demo.profiles import NameBook, pick, profile, residue
from fazhi.litigation.models import (
    AbsenceReason, CaseKind, CourtSuggestion, Hearing, HeadPost, LegalCase, Obligation, ObligationKind, Outcome,
)
from fazhi.litigation.rules import answer_due

ACTS = ("责令限期拆除违法建筑决定", "土地承包经营权确认", "政府信息公开答复", "征收补偿安置协议", "行政处罚决定（罚款）",
        "不履行法定职责（道路修缮）")


JUDGMENTS = (
    "履行（{y}）示0421民初{n}号民事判决，支付村道硬化工程尾款", "履行（{y}）示0421民初{n}号民事判决，支付办公设备采购余款",
    "履行（{y}）示0421民初{n}号民事调解书，支付集镇绿化养护费用",
)
SUBJECTS = (
    ("procuratorial", "示范县人民检察院", "加强农村集中式饮用水水源地保护", "已设置保护标志、清理排污口并书面答复"),
    ("procuratorial", "示范县人民检察院", "规范农村建房审批和违法建设查处", "已完善审批流程并开展专项整治"),
    ("judicial", "示范县人民法院", "规范行政执法送达程序", "已组织执法人员学习送达规定并修订文书模板"),
    ("procuratorial", "示范县人民检察院", "加强耕地保护和违法占地查处", "已开展耕地保护专项巡查，立案查处2起"),
)


def generate_litigation(township: Organisation, short: str, leader: User, clerk: User, year: int, *, today: dt.date,
                        rng: random.Random) -> int:
    """One year of reconsiderations and lawsuits, court-ordered assistance and judicial and procuratorial suggestions;
    how many is the township's own (profiles.pick), never the seeds' 行政复议案件2件、行政诉讼案件4件、冻结资金资产3次.
    The latest year leaves a judicial suggestion unanswered (overdue)."""
    if LegalCase.objects.filter(organisation=township, received_on__year=year).exists():
        return 0
    slot = profile(township.code).slot
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
        cases.append(case)
        made += 1
        if kind == CaseKind.LITIGATION:
            held = received + dt.timedelta(days=40)
            if held <= today:
                Hearing.objects.create(organisation=township, created_by=clerk, case=case, held_on=held, venue="示范县人民法院",
                                       open_court=True,
                                       head_appeared=True, head_name=leader.full_name or f"{unit}长", head_post=HeadPost.CHIEF)
    lawsuits = [c for c in cases if c.kind == CaseKind.LITIGATION]
    if len(lawsuits) > 2 and lawsuits[-1].received_on + dt.timedelta(days=70) <= today:
        Hearing.objects.create(organisation=township, created_by=clerk, case=lawsuits[-1],
                               held_on=lawsuits[-1].received_on + dt.timedelta(days=70), venue="示范县人民法院",
                               open_court=True,
                               head_appeared=False, absence_reason=AbsenceReason.DUTY,
                               absence_note=f"{unit}长参加县防汛紧急会议，委托司法所所长出庭")
    assists = pick(rng, 1, 7, slot, item="court_assistance", avoid=(3,))
    for month in sorted(rng.sample(range(1, 12), assists)):
        on = dt.date(year, month, rng.randint(5, 25))
        if on <= today:
            Obligation.objects.create(organisation=township, created_by=clerk, kind=ObligationKind.ASSIST, received_on=on,
                                      content=rng.choice(("协助法院冻结被执行人在本镇的征收补偿款", "协助法院划拨被执行人的土地流转收益",
                                                          "协助法院查询被执行人的补贴发放信息")).replace("本镇", f"本{unit}"),
                                      completed_on=on + dt.timedelta(days=rng.randint(1, 4)))
    # civil judgments the township carries out as a party (a contractor's or supplier's claim): how many is its own,
    # so 履行生效法律文书 is not the same number as 协助执行
    for n in range(pick(rng, 0, 2, slot, item="judgments_performed")):
        on = dt.date(year, 4 + 4 * n, rng.randint(5, 25))
        if on + dt.timedelta(days=30) <= today:
            Obligation.objects.create(organisation=township, created_by=clerk, kind=ObligationKind.JUDGMENT, received_on=on,
                                      content=rng.choice(JUDGMENTS).format(y=year, n=rng.randint(120, 980)),
                                      due_on=on + dt.timedelta(days=30), completed_on=on + dt.timedelta(days=rng.randint(8, 28)))
    suggestions = pick(rng, 1, 3, slot, item="court_suggestions")
    for n, (kind, issuer, subject, answer) in enumerate(rng.sample(SUBJECTS[:2] + SUBJECTS[3:], suggestions - 1)):
        received = dt.date(year, 3 + 3 * n, rng.randint(5, 20))
        if received <= today:
            CourtSuggestion.objects.create(organisation=township, created_by=clerk, kind=kind, issuer=issuer,
                                           received_on=received, subject=subject,
                                           answered_on=received + dt.timedelta(days=rng.randint(25, 50)), answer=answer)
    received = dt.date(year, 10, 20)
    if received <= today:
        judicial = dict(kind="judicial", issuer="示范县人民法院", received_on=received, subject="规范征收补偿协议文本")
        if year == today.year - 1:  # still unanswered: overdue
            CourtSuggestion.objects.create(organisation=township, created_by=clerk, **judicial)
        else:
            CourtSuggestion.objects.create(organisation=township, created_by=clerk, **judicial,
                                           answered_on=received + dt.timedelta(days=40), answer="已修订征收补偿协议范本并报县司法局审核")
    return made
