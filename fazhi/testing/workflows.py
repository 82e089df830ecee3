"""Records taken through their real workflow services, for tests that need one in a given state."""
from __future__ import annotations

import datetime as dt

from fazhi.core.models import Role
from fazhi.normative import services as normative
from fazhi.normative.models import DocumentSeries, NormativeDocument
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion
from fazhi.testing.factories import UserFactory


def reviewer_for(township):
    return UserFactory(organisation=township, role=Role.LEGAL_REVIEWER)


def published_document(township, clerk, *, title="甲镇村规民约指导办法", prefix="甲府规",
                       published_on=dt.date(2025, 3, 14)) -> NormativeDocument:
    """Draft → review passed → deliberated → issued → published (dates in March 2025 unless given)."""
    doc = normative.create_draft(organisation=township, user=clerk, fields=dict(
        title=title, drafting_unit="党政办", affects_rights=False, draft_text="第一条 为了……制定本办法。"))
    start = published_on - dt.timedelta(days=11)
    review = normative.send_for_legality_review(doc, user=clerk, submitted_on=start)
    reviews.review_conclude(review, user=reviewer_for(township), opinion=Opinion.APPROVED, reasons="",
                            concluded_on=start + dt.timedelta(days=3))
    normative.record_deliberation(doc, user=clerk, deliberated_on=start + dt.timedelta(days=7), meeting="镇政府常务会议")
    series, _ = DocumentSeries.objects.get_or_create(organisation=township, prefix=prefix)
    normative.issue_document(doc, user=clerk, series=series, issued_on=start + dt.timedelta(days=9))
    normative.publish_document(doc, user=clerk, published_on=published_on, channel="镇政府网站")
    doc.refresh_from_db()
    return doc
