"""Factories of the ledgers of reconsideration and litigation, legal advisors, governance and mediation
(registered in LEDGER_FACTORIES at the end of fazhi/testing/factories.py). A record that points at another
(a hearing at its case) creates that one in the same township, so ``build()`` gives a valid form too."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from fazhi.advisors.models import AdvisorAssignment, AdvisorService, LegalAdvisor, LegalAidReferral
from fazhi.disputes.models import MediationCommittee, Mediator
from fazhi.governance.models import LawReport, LeadingGroupMember, ResponsibilityTask, RuleOfLawBudget, WorkPlan
from fazhi.litigation.tests.factories import CourtSuggestionFactory, LegalCaseFactory
from fazhi.litigation.models import Hearing, Obligation
from fazhi.testing.factories import RecordFactory, VillageFactory  # noqa: F401  (VillageFactory used by institution_data)


class ReconsiderationCaseFactory(LegalCaseFactory):
    """The ledger's sample: a 复议 case needs no 审级, so a row with only the required columns is valid."""

    kind = "reconsideration"
    court_level = ""
    body = "示范县人民政府"
    number = factory.Sequence(lambda n: f"示府复〔2025〕{n + 1}号")


class HearingRecordFactory(RecordFactory):
    class Meta:
        model = Hearing

    case = factory.LazyAttribute(lambda o: LegalCaseFactory(organisation=o.organisation, received_on=dt.date(o.held_on.year, 1, 5)))
    held_on = dt.date(2025, 6, 10)
    venue = "示范县人民法院第二审判庭"
    open_court = True
    head_appeared = True
    head_name = "吴海燕"
    head_post = "chief"


class ObligationRecordFactory(RecordFactory):
    class Meta:
        model = Obligation

    case = factory.LazyAttribute(lambda o: LegalCaseFactory(organisation=o.organisation))
    kind = "judgment"
    received_on = dt.date(2025, 7, 1)
    content = "重新作出行政行为"
    completed_on = dt.date(2025, 7, 20)


class LegalAdvisorFactory(RecordFactory):
    class Meta:
        model = LegalAdvisor

    name = factory.Sequence(lambda n: f"律师{n}")
    kind = "lawyer"
    firm = "示范律师事务所"
    contract_start = dt.date(2025, 1, 1)
    contract_end = dt.date(2026, 12, 31)


class AdvisorAssignmentFactory(RecordFactory):
    class Meta:
        model = AdvisorAssignment

    advisor = factory.LazyAttribute(lambda o: LegalAdvisorFactory(organisation=o.organisation))
    village = factory.LazyAttribute(lambda o: VillageFactory(parent=o.organisation))
    starts_on = dt.date(2025, 1, 1)
    note = "每月第一个周三驻村服务"


class AdvisorServiceFactory(RecordFactory):
    class Meta:
        model = AdvisorService

    advisor = factory.LazyAttribute(lambda o: LegalAdvisorFactory(organisation=o.organisation))
    held_on = dt.date(2025, 5, 20)
    kind = "consultation"
    quantity = 12
    note = "解答土地承包、婚姻家庭咨询"


class LegalAidReferralFactory(RecordFactory):
    class Meta:
        model = LegalAidReferral

    received_on = dt.date(2025, 4, 1)
    applicant = "张三丰"
    matter = "劳动报酬"
    outcome = "granted"


class LeadingGroupMemberFactory(RecordFactory):
    class Meta:
        model = LeadingGroupMember

    name = "周建国"
    post = "镇党委书记"
    group_role = "head"
    joined_on = dt.date(2025, 1, 15)


class WorkPlanFactory(RecordFactory):
    class Meta:
        model = WorkPlan

    year = factory.LazyAttribute(lambda o: o.adopted_on.year)
    title = factory.Sequence(lambda n: f"法治政府建设工作要点（第{n}号）")
    adopted_on = dt.date(2025, 2, 20)


class ResponsibilityTaskFactory(RecordFactory):
    class Meta:
        model = ResponsibilityTask

    plan = factory.LazyAttribute(lambda o: WorkPlanFactory(organisation=o.organisation,
                                                           adopted_on=dt.date(o.assigned_on.year, 1, 10)))
    assigned_on = dt.date(2025, 3, 1)
    task = "修订村规民约"
    lead = "分管副镇长"
    department = "党政办"
    owner = "李某"
    due_on = factory.LazyAttribute(lambda o: o.assigned_on + dt.timedelta(days=90))
    status = "ongoing"  # not yet done: counted as overdue once its deadline has passed


class LawReportFactory(RecordFactory):
    class Meta:
        model = LawReport

    held_on = dt.date(2025, 12, 20)
    reporter = "周建国"
    post = "镇党委书记"
    principal = True
    occasion = "meeting"


class RuleOfLawBudgetFactory(RecordFactory):
    class Meta:
        model = RuleOfLawBudget

    year = factory.LazyAttribute(lambda o: o.approved_on.year)
    item = "普法宣传经费"
    amount = Decimal("50000")
    approved_on = dt.date(2025, 1, 10)


class MediationCommitteeFactory(RecordFactory):
    class Meta:
        model = MediationCommittee

    name = factory.Sequence(lambda n: f"第{n}人民调解委员会")
    established_on = dt.date(2025, 1, 5)


class MediatorFactory(RecordFactory):
    class Meta:
        model = Mediator

    committee = factory.LazyAttribute(lambda o: MediationCommitteeFactory(organisation=o.organisation))
    name = "王调解"
    role = "member"
    term_start = dt.date(2025, 1, 5)
    term_end = dt.date(2027, 12, 31)


INSTITUTION_LEDGER_FACTORIES = {
    "legal-cases": ReconsiderationCaseFactory,
    "court-hearings": HearingRecordFactory,
    "case-obligations": ObligationRecordFactory,
    "court-suggestions": CourtSuggestionFactory,
    "legal-advisors": LegalAdvisorFactory,
    "advisor-assignments": AdvisorAssignmentFactory,
    "advisor-services": AdvisorServiceFactory,
    "legal-aid": LegalAidReferralFactory,
    "leading-group": LeadingGroupMemberFactory,
    "work-plans": WorkPlanFactory,
    "responsibility-tasks": ResponsibilityTaskFactory,
    "law-reports": LawReportFactory,
    "rule-of-law-budget": RuleOfLawBudgetFactory,
    "mediation-committees": MediationCommitteeFactory,
    "mediators": MediatorFactory,
}
