"""The legality-review queue's filters, read by the queue page and the API list (fazhi/api/rulemaking.py)."""
from __future__ import annotations

from django.db.models import Q

from fazhi.core.kit.filters import OrgFilter, RecordFilter, StatusFilter, YearFilter
from fazhi.reviews.choices import OPEN_STATUSES, ReviewStatus, SubjectKind
from fazhi.reviews.models import LegalityReview


class ReviewFilter(RecordFilter):
    """``status``: a status, "open" (待审查和审查中) or "all"; ``kind``; ``year`` submitted; ``org``."""

    status = StatusFilter(ReviewStatus.choices, groups={"open": Q(status__in=OPEN_STATUSES), "all": Q()})
    kind = StatusFilter(SubjectKind.choices, field_name="kind")
    year = YearFilter("submitted_on")
    org = OrgFilter()

    class Meta:
        model = LegalityReview
        fields: list[str] = []
