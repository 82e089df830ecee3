"""Where the corrections figures are traced back: only for the township's 司法所 (counts for everyone else)."""
from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.listing import WorkflowListing
from fazhi.corrections.access import judicial_township
from fazhi.corrections.models import Incident, Supervisee


@dataclass(frozen=True)
class SensitiveListing(WorkflowListing):
    def may_list(self, user, scope) -> bool:
        township = judicial_township(user)
        return township is not None and [o.pk for o in scope.organisations] == [township.pk]


SUPERVISEE_LISTING = SensitiveListing(
    Supervisee, "supervisees", "社区矫正和安置帮教对象",
    ("number", "name", "kind", "village", "period_start", "period_end", "ended_on"), "corrections_person",
)


@dataclass(frozen=True)
class IncidentListing(SensitiveListing):
    def detail_url(self, obj) -> str:
        from django.urls import reverse

        return reverse("corrections_person", args=[obj.supervisee_id])


INCIDENT_LISTING = IncidentListing(Incident, "correction-incidents", "脱管、漏管、重新犯罪", ("on", "kind", "supervisee", "note"),
                                   "corrections_person")
