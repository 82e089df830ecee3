"""The records behind the decision figures (the registry filters by organisation and voids)."""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from fazhi.decisions.models import MajorDecision
from fazhi.reviews.models import LegalityReview


def decided(scope):
    """Decisions made in the year; by construction each passed every mandatory step before it."""
    return MajorDecision.objects.filter(decided_on__year=scope.year)


def catalogued(scope):
    return catalogued_in(scope.year)


def catalogued_in(year: int):
    return MajorDecision.objects.filter(catalog__year=year, catalog__voided_at__isnull=True)


def without_review(scope):
    return without_review_in(scope.year)


def without_review_in(year: int):
    """Catalogued decisions of the year for which legality review has not even been started (法制审核尚未启动)."""
    reviews = LegalityReview.objects.filter(
        subject_type=ContentType.objects.get_for_model(MajorDecision), subject_id=OuterRef("pk"), voided_at__isnull=True,
    )
    return catalogued_in(year).filter(~Exists(reviews))
