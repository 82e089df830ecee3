"""Demo reconsideration and litigation cases in the seeds' proportions ("完成行政复议案件2件、行政诉讼案件4件的
应诉调处工作，行政诉讼案件无败诉", "行政负责人出庭应诉", "配合法院冻结资金、资产3次"), with a suggestion overdue."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.litigation.models import (
    AbsenceReason, CaseKind, CourtSuggestion, Hearing, HeadPost, LegalCase, Obligation, ObligationKind, Outcome,
)
from fazhi.litigation.rules import answer_due

ACTS = ("责令限期拆除违法建筑决定", "土地承包经营权确认", "政府信息公开答复", "征收补偿安置协议", "行政处罚决定（罚款）",
        "不履行法定职责（道路修缮）")


def generate_litigation(township: Organisation, short: str, leader: User, clerk: User, year: int, *, today: dt.date,
                        rng: random.Random) -> int:
    if LegalCase.objects.filter(organisation=township, received_on__year=year).exists():
        return 0
    made = 0
    cases = []
    for n, kind in enumerate([CaseKind.RECONSIDERATION] * 2 + [CaseKind.LITIGATION] * rng.randint(2, 4)):
        received = dt.date(year, 2 + 2 * n, rng.randint(3, 25))
        if received > today:
            break
        due, _ = answer_due(kind, received)
        concluded = received + dt.timedelta(days=rng.randint(50, 120))
        done = concluded <= today
        case = LegalCase.objects.create(
            organisation=township, created_by=clerk, kind=kind,
            number=f"（{year}）{'示府复' if kind == CaseKind.RECONSIDERATION else '示0421行初'}{rng.randint(10, 99)}号",
            act=rng.choice(ACTS), claimant=rng.choice("王李张刘陈") + "某某",
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
                                       head_appeared=True, head_name=leader.full_name or "镇长", head_post=HeadPost.CHIEF)
    lawsuits = [c for c in cases if c.kind == CaseKind.LITIGATION]
    if len(lawsuits) > 2 and lawsuits[-1].received_on + dt.timedelta(days=70) <= today:
        Hearing.objects.create(organisation=township, created_by=clerk, case=lawsuits[-1],
                               held_on=lawsuits[-1].received_on + dt.timedelta(days=70), venue="示范县人民法院",
                               open_court=True,
                               head_appeared=False, absence_reason=AbsenceReason.DUTY,
                               absence_note="镇长参加县防汛紧急会议，委托司法所所长出庭")
    for n in range(3):
        on = dt.date(year, 3 + 3 * n, 12)
        if on <= today:
            Obligation.objects.create(organisation=township, created_by=clerk, kind=ObligationKind.ASSIST, received_on=on,
                                      content="协助法院冻结被执行人在本镇的征收补偿款", completed_on=on + dt.timedelta(days=2))
    received = dt.date(year, 5, 8)
    if received <= today:
        CourtSuggestion.objects.create(organisation=township, created_by=clerk, kind="procuratorial",
                                       issuer="示范县人民检察院", received_on=received, subject="加强农村集中式饮用水水源地保护",
                                       answered_on=received + dt.timedelta(days=40), answer="已设置保护标志、清理排污口并书面答复")
    received = dt.date(year, 10, 20)
    if received <= today and year == today.year - 1:
        CourtSuggestion.objects.create(organisation=township, created_by=clerk, kind="judicial", issuer="示范县人民法院",
                                       received_on=received, subject="规范征收补偿协议文本")  # still unanswered: overdue
    return made
