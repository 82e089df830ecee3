"""The records behind the decision figures. Each function takes a scope (``.year``, ``.org_ids``) and returns a
QuerySet of MajorDecision; the indicator registry filters by organisation and leaves out voided rows itself."""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q

from fazhi.decisions.models import MajorDecision
from fazhi.reviews.choices import ReviewStatus
from fazhi.reviews.models import LegalityReview

# For the rate ``decision_review_coverage``: which of its rows count as reviewed.
REVIEWED = Q(passing_review__isnull=False)


def decided(scope):
    """Decisions made in the year; by construction each passed every mandatory step before it."""
    return MajorDecision.objects.filter(decided_on__year=scope.year)


def catalogued(scope):
    return catalogued_in(scope.year)


def catalogued_in(year: int):
    """Decisions listed in the year's (non-void) catalog."""
    return MajorDecision.objects.filter(catalog__year=year, catalog__voided_at__isnull=True)


def review_started():
    """Exists(): the decision has been sent for legality review (a review not voided and not withdrawn)."""
    return Exists(LegalityReview.objects.active().filter(
        subject_type=ContentType.objects.get_for_model(MajorDecision), subject_id=OuterRef("pk"),
    ).exclude(status=ReviewStatus.WITHDRAWN))


def without_review(scope):
    return without_review_in(scope.year)


def without_review_in(year: int):
    """Catalogued decisions of the year for which legality review has not even been started (法制审核尚未启动).
    A review withdrawn and not sent again counts as not started."""
    return catalogued_in(year).filter(~review_started())


# The names the indicator registry is wired with (the brief's names; the short names above stay for callers).

def decisions_completed(scope):
    """作出重大行政决策: decisions decided in ``scope.year``."""
    return decided(scope)


def decision_review_coverage(scope):
    """重大行政决策合法性审查率 rows: decisions decided in the year; numerator ``REVIEWED``."""
    return decided(scope)


def catalog_items(scope):
    """列入目录的重大行政决策事项: decisions in that year's catalog."""
    return catalogued(scope)


def decisions_without_review(scope):
    """目录内法制审核尚未启动的决策: catalogued decisions of that year not yet sent for legality review."""
    return without_review(scope)
