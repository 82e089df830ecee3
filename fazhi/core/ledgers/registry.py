from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from django.db import models
from django.forms import ModelForm
from django.http import Http404


@dataclass
class Ledger:
    model: type[models.Model]
    slug: str
    title: str
    form_class: type[ModelForm]
    date_field: str
    list_fields: tuple[str, ...]
    group: str
    filter_fields: tuple[str, ...] = ()
    search_fields: tuple[str, ...] = ()
    excel_fields: tuple[str, ...] = ()
    attachments: bool = False
    order: int = 100
    help_text: str = ""
    extra: dict = field(default_factory=dict)
    # Derived columns (never stored), each (label, function of a list of records → one text per record).
    computed: tuple[tuple[str, Callable[[list], list[str]]], ...] = ()
    # Extra buttons on a record's page, e.g. the mediation agreement as .docx: record → [(label, url)].
    detail_links: Callable[[models.Model], list[tuple[str, str]]] | None = None
    # The app's service run in the saving transaction just before a record is saved (e.g. a closed mediation case
    # takes its dossier number): record → None.
    before_save: Callable[[models.Model], None] | None = None
    # The fields that identify "the same record" (e.g. a publicity event: date, name, village): an imported row
    # equal to an active record on all of them is a duplicate (fazhi/core/ledgers/duplicates.py). Every ledger of
    # the project declares one (a test checks); left empty, every stored field of the form is compared.
    natural_key: tuple[str, ...] = ()
    natural_key_declared: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        if not self.excel_fields:
            self.excel_fields = tuple(self.form_class._meta.fields)
        self.natural_key_declared = bool(self.natural_key)
        if not self.natural_key:
            self.natural_key = tuple(
                name for name in self.form_class._meta.fields
                if (f := self.model._meta.get_field(name)).concrete and not f.many_to_many
            )
        for name in self.natural_key:
            self.field(name)  # a misspelt key fails at start-up, not at the first import

    def field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)

    def label(self, name: str) -> str:
        return str(self.field(name).verbose_name)

    def detail_url(self, obj) -> str:
        from django.urls import reverse

        return reverse("ledger_detail", args=[self.slug, obj.pk])

    def computed_cells(self, objects: list) -> list[list[str]]:
        """One row of derived texts per record, in the order of ``computed``."""
        columns = [compute(objects) for _, compute in self.computed]
        return [list(cells) for cells in zip(*columns)] if columns else [[] for _ in objects]


_REGISTRY: dict[str, Ledger] = {}


def register(ledger: Ledger) -> Ledger:
    if ledger.slug in _REGISTRY and _REGISTRY[ledger.slug].model is not ledger.model:
        raise ValueError(f"ledger slug {ledger.slug} registered twice")
    _REGISTRY[ledger.slug] = ledger
    return ledger


def get_ledger(slug: str) -> Ledger:
    try:
        return _REGISTRY[slug]
    except KeyError:
        raise Http404("没有这个台账")


def ledger_for_model(model: type[models.Model]) -> Ledger | None:
    for ledger in _REGISTRY.values():
        if ledger.model is model:
            return ledger
    return None


def all_ledgers() -> list[Ledger]:
    return sorted(_REGISTRY.values(), key=lambda item: (item.order, item.slug))
