"""Background recomputation of stored township-year figures that a page could not finish within its budget."""
from __future__ import annotations

from fazhi.core import jobs


@jobs.task("indicators.refresh")
def refresh(year: int, organisation_ids: list[int]) -> None:
    from fazhi.core.models import Organisation
    from fazhi.indicators import aggregates

    aggregates.refresh(list(Organisation.objects.filter(pk__in=organisation_ids)), year)


@jobs.task("indicators.refresh_township")
def refresh_township(organisation_id: int) -> None:
    from fazhi.indicators import aggregates

    aggregates.refresh_township(organisation_id)
