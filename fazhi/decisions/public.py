"""What the public portal shows of decisions: published catalogs and published decisions (never drafts, never
voided records, never an unpublished catalog)."""
from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from fazhi.decisions.models import DecisionCatalog, MajorDecision


def public_catalogs(organisation) -> QuerySet[DecisionCatalog]:
    """Every published catalog of the township, newest year first."""
    return DecisionCatalog.objects.active().filter(organisation=organisation, published_on__isnull=False).order_by("-year")


def public_catalog(organisation, year: int) -> DecisionCatalog | None:
    """The year's published catalog with its (non-void) items prefetched as ``items``, or None."""
    return public_catalogs(organisation).filter(year=year).prefetch_related(
        Prefetch("decisions", queryset=MajorDecision.objects.active().order_by("id"), to_attr="items"),
    ).first()


def published_decisions(organisation) -> QuerySet[MajorDecision]:
    """Decisions the township has published (条例第三十二条), newest first."""
    return MajorDecision.objects.active().filter(
        organisation=organisation, published_on__isnull=False,
    ).select_related("catalog").order_by("-published_on", "-id")
