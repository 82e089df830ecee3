"""Test builders for major decisions. Everything goes through the services, so a decision built here has passed
the same gates as one built on the pages. Dates follow one fixed 2025 schedule, in step order."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Role
from fazhi.decisions import services
from fazhi.decisions.choices import Stage
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion
from fazhi.testing.factories import UserFactory

D = dt.date
YEAR = 2025

# The day each step is taken on (the legality step: sent on the first day, concluded on the second).
SCHEDULE = {
    Stage.LAUNCH: D(2025, 2, 10), Stage.DRAFTING: D(2025, 2, 20), Stage.PARTICIPATION: (D(2025, 3, 1), D(2025, 4, 1)),
    Stage.EXPERT: D(2025, 4, 8), Stage.RISK: D(2025, 4, 15), Stage.LEGALITY: (D(2025, 4, 16), D(2025, 4, 25)),
    Stage.DISCUSSION: D(2025, 4, 28), Stage.DECISION: D(2025, 4, 28), Stage.PARTY_REPORT: D(2025, 4, 29),
    Stage.PUBLICATION: D(2025, 5, 8), Stage.ARCHIVING: D(2025, 6, 1), Stage.EVALUATION: D(2025, 12, 1),
}


def pdf(name: str = "意见.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 test", "application/pdf")


def make_reviewer(organisation, username: str = "reviewer_a"):
    return UserFactory(username=username, organisation=organisation, role=Role.LEGAL_REVIEWER)


def make_catalog(organisation, user=None, *, year: int = YEAR, published: bool = True, title: str = "") -> DecisionCatalog:
    return services.create_catalog(
        organisation=organisation, year=year, title=title or f"{organisation.name}{year}年度重大行政决策事项目录",
        party_approved_on=D(year, 1, 20) if published else None, published_on=D(year, 1, 25) if published else None,
        user=user,
    )


def launch(organisation, user, *, catalog: DecisionCatalog | None = None, title: str = "甲镇集镇农贸市场搬迁方案",
           launched_on: dt.date = SCHEDULE[Stage.LAUNCH], **fields) -> MajorDecision:
    if catalog is None:
        fields.setdefault("off_catalog_reason", "年中上级部署的新任务")
    return services.launch_decision(organisation=organisation, user=user, launched_on=launched_on, fields=dict(
        title=title, catalog=catalog, lead_unit=fields.pop("lead_unit", "经济发展办"), summary="农贸市场搬迁", **fields))


# One valid call per step: (decision, clerk, reviewer) → the service's result.
def _participation(d, clerk, reviewer):
    opens, done = SCHEDULE[Stage.PARTICIPATION]
    services.open_public_participation(d, user=clerk, opens_on=opens, closes_on=opens + dt.timedelta(days=29),
                                       draft_text="草案全文", explanation="起草说明")
    return services.close_public_participation(d, user=clerk, done_on=done, comments_adoption="收到意见12条，采纳8条")


def _legality(d, clerk, reviewer):
    sent, concluded = SCHEDULE[Stage.LEGALITY]
    review = services.send_for_legality_review(d, user=clerk, submitted_on=sent)
    reviews.review_take(review, user=reviewer, on=sent)
    return reviews.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=concluded)


STEPS: dict[Stage, Callable] = {
    Stage.DRAFTING: lambda d, c, r: services.record_drafting(
        d, user=c, drafted_on=SCHEDULE[Stage.DRAFTING], options_considered="方案一：原址改造；方案二：整体搬迁",
        consulted_units="各村（社区）"),
    Stage.PARTICIPATION: _participation,
    Stage.EXPERT: lambda d, c, r: services.record_expert_review(
        d, user=c, reviewed_on=SCHEDULE[Stage.EXPERT], experts="张教授（规划）、李律师", files=[pdf()]),
    Stage.RISK: lambda d, c, r: services.record_risk_assessment(
        d, user=c, assessed_on=SCHEDULE[Stage.RISK], assessor="县社会稳定风险评估中心", conclusion="低风险",
        files=[pdf("报告.pdf")]),
    Stage.LEGALITY: _legality,
    Stage.DISCUSSION: lambda d, c, r: services.hold_collective_discussion(
        d, user=c, discussed_on=SCHEDULE[Stage.DISCUSSION], meeting_kind="executive", chair="吴镇长",
        attendees="镇长、副镇长、党政办主任", chief_spoke_last=True, dissent="一名委员建议暂缓"),
    Stage.DECISION: lambda d, c, r: services.make_decision(
        d, user=c, decided_on=SCHEDULE[Stage.DECISION], decision_text="同意整体搬迁", doc_number="甲府发〔2025〕12号"),
    Stage.PARTY_REPORT: lambda d, c, r: services.report_to_party_committee(
        d, user=c, reported_on=SCHEDULE[Stage.PARTY_REPORT]),
    Stage.PUBLICATION: lambda d, c, r: services.publish_decision(
        d, user=c, published_on=SCHEDULE[Stage.PUBLICATION], channel="镇政府网站", adoption_explanation="采纳意见8条"),
    Stage.ARCHIVING: lambda d, c, r: services.archive_decision(
        d, user=c, archived_on=SCHEDULE[Stage.ARCHIVING], archive_number="2025-JC-01"),
    Stage.EVALUATION: lambda d, c, r: services.evaluate_decision(
        d, user=c, evaluated_on=SCHEDULE[Stage.EVALUATION], evaluator="某大学法学院", trigger="群众意见较多",
        conclusion="效果良好"),
}
ORDERED = list(STEPS)  # the steps after launch, in the regulation's order


def advance(decision: MajorDecision, *, clerk, reviewer, until: Stage | None = None) -> MajorDecision:
    """Take the decision through every step before ``until`` (all of them when None)."""
    for stage in ORDERED:
        if stage == until:
            break
        STEPS[stage](decision, clerk, reviewer)
    decision.refresh_from_db()
    return decision


def decision_before(organisation, clerk, reviewer, until: Stage | None, **launch_fields) -> MajorDecision:
    return advance(launch(organisation, clerk, **launch_fields), clerk=clerk, reviewer=reviewer, until=until)
