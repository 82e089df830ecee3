from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import Role
from fazhi.decisions import services
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion
from fazhi.testing.factories import UserFactory

D = dt.date


def pdf(name="意见.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", "application/pdf")


@pytest.fixture
def reviewer(township):
    return UserFactory(username="reviewer_a", organisation=township, role=Role.LEGAL_REVIEWER)


@pytest.fixture
def catalog(township, clerk):
    return services.create_catalog(organisation=township, year=2025, title="甲镇2025年度重大行政决策事项目录",
                                   party_approved_on=D(2025, 1, 20), published_on=D(2025, 1, 25), user=clerk)


@pytest.fixture
def launched(township, clerk, catalog):
    def make(title="甲镇集镇农贸市场搬迁方案"):
        return services.launch_decision(organisation=township, user=clerk, launched_on=D(2025, 2, 10), fields=dict(
            title=title, catalog=catalog, lead_unit="经济发展办", summary="农贸市场搬迁"))
    return make


@pytest.fixture
def to_legality(launched, clerk):
    """A decision drafted, through public participation, expert review and risk assessment (ready for review)."""
    def make(**kw):
        d = launched(**kw)
        services.record_drafting(d, user=clerk, drafted_on=D(2025, 2, 20), options_considered="方案一：原址改造；方案二：整体搬迁")
        services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案全文")
        services.close_public_participation(d, user=clerk, done_on=D(2025, 4, 1), comments_adoption="收到意见12条，采纳8条")
        services.record_expert_review(d, user=clerk, reviewed_on=D(2025, 4, 8), experts="张教授（规划）、李律师", files=[pdf()])
        services.record_risk_assessment(d, user=clerk, assessed_on=D(2025, 4, 15), assessor="县社会稳定风险评估中心",
                                        conclusion="低风险", files=[pdf("报告.pdf")])
        d.refresh_from_db()
        return d
    return make


@pytest.fixture
def reviewed(to_legality, clerk, reviewer):
    def make(**kw):
        d = to_legality(**kw)
        review = services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16))
        reviews.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=D(2025, 4, 25))
        d.refresh_from_db()
        return d
    return make
