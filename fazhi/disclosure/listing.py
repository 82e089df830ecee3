"""How disclosure applications are listed wherever a figure is traced back to them (indicator record pages)."""
from __future__ import annotations

from django.urls import reverse

from fazhi.core.workdays import format_date
from fazhi.disclosure.models import DisclosureRequest


def _due_column(requests: list) -> list[str]:
    from fazhi.disclosure.selectors import clocked

    if not requests:
        return []
    clocks = {c.request.pk: c.clock for c in clocked(DisclosureRequest.objects.filter(pk__in=[r.pk for r in requests]))}
    texts = []
    for r in requests:
        clock = clocks[r.pk]
        texts.append(format_date(clock.due) if clock.due else clock.state_label)
    return texts


class RequestListing:
    """Shaped like a core Ledger for the generic record pages (read-only: applications are worked on their own page)."""

    model = DisclosureRequest
    slug = "disclosure-requests"
    title = "依申请公开"
    list_fields = ("tracking_number", "received_on", "channel", "applicant_type", "status", "result", "replied_on")
    computed = (("答复期限", _due_column),)

    def label(self, name: str) -> str:
        return str(self.model._meta.get_field(name).verbose_name)

    def detail_url(self, obj) -> str:
        return reverse("disclosure_request_detail", args=[obj.pk])

    def computed_cells(self, objects: list) -> list[list[str]]:
        return [[text] for text in _due_column(objects)]


REQUEST_LISTING = RequestListing()
