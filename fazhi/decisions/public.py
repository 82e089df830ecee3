"""What the public portal shows of decisions: published catalogs and published decisions."""
from __future__ import annotations

from fazhi.decisions.models import DecisionCatalog, MajorDecision


def public_catalogs(organisation):
    return DecisionCatalog.objects.active().filter(organisation=organisation, published_on__isnull=False).order_by("-year")


def published_decisions(organisation):
    return MajorDecision.objects.active().filter(organisation=organisation, published_on__isnull=False).order_by("-published_on")
