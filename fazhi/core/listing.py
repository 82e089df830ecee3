"""How workflow records (not ledgers) are listed where a figure is traced back to them."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model
from django.urls import reverse


@dataclass(frozen=True)
class WorkflowListing:
    """Shaped like a core Ledger for the generic indicator record pages; records are worked on their own page."""

    model: type[Model]
    slug: str
    title: str
    list_fields: tuple[str, ...]
    detail_route: str
    computed: tuple = ()

    def label(self, name: str) -> str:
        return str(self.model._meta.get_field(name).verbose_name)

    def detail_url(self, obj) -> str:
        return reverse(self.detail_route, args=[obj.pk])

    def computed_cells(self, objects: list) -> list[list[str]]:
        return [[] for _ in objects]
