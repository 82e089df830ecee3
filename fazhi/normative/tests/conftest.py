from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.models import Role
from fazhi.normative import services
from fazhi.normative.models import DocumentSeries
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion
from fazhi.testing.factories import UserFactory


@pytest.fixture
def reviewer(township):
    return UserFactory(username="reviewer_a", organisation=township, role=Role.LEGAL_REVIEWER)


@pytest.fixture
def series(township):
    return DocumentSeries.objects.create(organisation=township, prefix="甲府规")


@pytest.fixture
def make_draft(township, clerk):
    def make(**kw):
        fields = dict(title="甲镇农村人居环境整治村规民约指导办法", drafting_unit="党政办", affects_rights=False,
                      draft_text="第一条 为了……制定本办法。")
        fields.update(kw)
        return services.create_draft(organisation=township, fields=fields, user=clerk)
    return make


@pytest.fixture
def reviewed(make_draft, clerk, reviewer):
    """A draft with a passing legality review (reviewed 2025-03-06)."""
    def make(**kw):
        doc = make_draft(**kw)
        review = services.send_for_legality_review(doc, user=clerk, submitted_on=dt.date(2025, 3, 3))
        reviews.review_conclude(review, user=reviewer, opinion=Opinion.APPROVED, reasons="", concluded_on=dt.date(2025, 3, 6))
        doc.refresh_from_db()
        return doc
    return make


@pytest.fixture
def published(reviewed, clerk, series):
    def make(**kw):
        doc = reviewed(**kw)
        services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="镇政府常务会议")
        services.issue_document(doc, user=clerk, series=series, issued_on=dt.date(2025, 3, 12))
        services.publish_document(doc, user=clerk, published_on=dt.date(2025, 3, 14), channel="镇政府网站")
        doc.refresh_from_db()
        return doc
    return make
