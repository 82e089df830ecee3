"""Demo legal advisors: one per village except one village of the last township (the coverage gap the
dashboard shows), a year of service logs in the seeds' proportions, and legal-aid referrals."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.advisors.models import (
    AdvisorAssignment, AdvisorService, AidOutcome, LegalAdvisor, LegalAidReferral, ServiceKind,
)
from fazhi.core.models import Organisation, User
from fazhi.demo.profiles import NameBook, adjust_to_class, pick, profile

FIRMS = ("正衡", "明理", "维民", "博信", "天平", "致远", "守正", "兴业", "公信")
NOTES = {
    ServiceKind.CONSULTATION: "驻村解答土地承包、婚姻家庭、劳动报酬等法律咨询",
    ServiceKind.PUBLICITY: "开展民法典进村法治讲座",
    ServiceKind.CONTRACT: "审查村集体经济合同",
    ServiceKind.SUGGESTION: "就村规民约修订、集体资产处置提出法律意见",
    ServiceKind.DISPUTE: "参与调处邻里、土地纠纷",
    ServiceKind.COUNCIL: "参加村“援法议事”会议",
}
MATTERS = ("劳动报酬", "工伤赔偿", "婚姻家庭", "交通事故", "农民工欠薪", "赡养纠纷")


def generate_advisors(township: Organisation, clerk: User, years: tuple[int, ...], *, today: dt.date, rng: random.Random,
                      leave_one_village_without: bool) -> int:
    if LegalAdvisor.objects.filter(organisation=township).exists():
        return 0
    first = dt.date(years[0], 1, 1)
    traits = profile(township.code)
    names = NameBook(township.code, rng)
    firms = FIRMS[traits.slot % 3::3]  # each township contracts its own firms
    advisors = [LegalAdvisor.objects.create(
        organisation=township, created_by=clerk, name=names.name(), kind="lawyer", firm=f"示范县{firm}律师事务所",
        for_government=(n == 0), contract_start=first, contract_end=dt.date(years[-1] + 2, 12, 31),
    ) for n, firm in enumerate(firms)]
    villages = list(township.villages().order_by("code"))
    if leave_one_village_without and villages:
        villages = villages[:-1]
    for n, village in enumerate(villages):
        AdvisorAssignment.objects.create(organisation=township, created_by=clerk, advisor=advisors[n % len(advisors)],
                                         village=village, starts_on=first, mode="visit", note="每月驻村服务一次，微信群随时解答")
    logs = []
    for year in years:
        first_of_year = len(logs)
        for month in range(1, 13):
            day = dt.date(year, month, rng.randint(3, 26))
            if day > today:
                break
            for kind, low, high in ((ServiceKind.CONSULTATION, 20, 60), (ServiceKind.PUBLICITY, 1, 3),
                                    (ServiceKind.CONTRACT, 0, 3), (ServiceKind.SUGGESTION, 1, 6), (ServiceKind.DISPUTE, 0, 2),
                                    (ServiceKind.COUNCIL, 0, 1)):
                quantity = rng.randint(low, high)
                if quantity:
                    logs.append(AdvisorService(organisation=township, created_by=clerk, advisor=rng.choice(advisors),
                                               held_on=day, kind=kind, quantity=quantity, note=NOTES[kind],
                                               village=rng.choice(villages) if villages else None))
        # each kind's total of the year is the township's own (法律顾问提出法律建议N条 differs from the others')
        for kind in NOTES:
            mine = [log for log in logs[first_of_year:] if log.kind == kind]
            if mine:
                mine[-1].quantity += adjust_to_class(sum(log.quantity for log in mine), traits.slot, f"advisor_{kind}", year)
        for n in range(pick(rng, 5, 16, traits.slot, item="legal_aid", avoid=(11,))):  # seed: 提供法律帮助11件
            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
            if day <= today:
                LegalAidReferral.objects.create(organisation=township, created_by=clerk, received_on=day,
                                                applicant=names.name(),
                                                matter=rng.choice(MATTERS),
                                                outcome=rng.choice((AidOutcome.GRANTED, AidOutcome.GRANTED, AidOutcome.GUIDED)))
    AdvisorService.objects.bulk_create(logs)
    return len(advisors)
