"""The indicator registry: one definition per figure (see shared INDICATORS.md).

An indicator knows its label and unit, which records produce it for a scope
(organisations + year), how to turn those records into a value, and how to
phrase it. The dashboard, the annual report, the CLI and the record lists that
make every figure traceable all read these definitions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from django.db.models import Q, QuerySet, Sum

from fazhi.core.models import Organisation, OrgKind


@dataclass(frozen=True)
class Scope:
    organisations: tuple[Organisation, ...]
    year: int

    @classmethod
    def for_org(cls, org: Organisation, year: int) -> Scope:
        if org.kind == OrgKind.COUNTY:
            townships = tuple(Organisation.objects.filter(parent=org, kind=OrgKind.TOWNSHIP).order_by("code"))
            return cls(townships, year)
        return cls((org,), year)

    @property
    def org_ids(self) -> list[int]:
        return [o.pk for o in self.organisations]

    def previous_year(self) -> Scope:
        return Scope(self.organisations, self.year - 1)


class Kind:
    COUNT = "count"  # number of records
    SUM = "sum"  # sum of a field over the records
    RATE = "rate"  # numerator records ÷ denominator records × 100


@dataclass
class Indicator:
    key: str
    label: str
    unit: str
    kind: str = Kind.COUNT
    rows: Callable[[Scope], QuerySet] | None = None  # the records that produce the figure
    sum_field: str = ""
    numerator: Q | None = None  # for rates: which of the rows count as "yes"
    phrase: str = ""  # "开展普法宣传活动{value}场次"
    description: str = ""
    ledger_slug: str = ""
    core: bool = True  # one of the fixed keys of INDICATORS.md

    @property
    def connected(self) -> bool:
        return self.rows is not None

    def records(self, scope: Scope) -> QuerySet:
        if self.rows is None:
            raise LookupError(f"indicator {self.key} is not connected")
        return self.rows(scope).filter(organisation__in=scope.org_ids, voided_at__isnull=True)

    def compute(self, scope: Scope) -> Figure:
        if not self.connected:
            return Figure(self, scope, None, has_data=False)
        qs = self.records(scope)
        if self.kind == Kind.COUNT:
            count = qs.count()
            return Figure(self, scope, count, has_data=count > 0, row_count=count)
        if self.kind == Kind.SUM:
            agg = qs.aggregate(total=Sum(self.sum_field))
            count = qs.count()
            return Figure(self, scope, agg["total"] or 0, has_data=count > 0, row_count=count)
        denominator = qs.count()
        numerator = qs.filter(self.numerator).count() if denominator else 0
        value = None
        if denominator:
            value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return Figure(
            self, scope, value, has_data=denominator > 0, row_count=denominator,
            numerator=numerator, denominator=denominator,
        )

    def phrase_with(self, value_text: str) -> str:
        return (self.phrase or f"{self.label}{{value}}{self.unit}").format(value=value_text)


@dataclass
class Figure:
    indicator: Indicator
    scope: Scope
    value: int | Decimal | None
    has_data: bool
    row_count: int = 0
    numerator: int | None = None
    denominator: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.indicator.key

    @property
    def display(self) -> str:
        if not self.indicator.connected:
            return "未接入"
        if self.value is None:
            return "—"
        return format_value(self.value)

    def json_value(self):
        if self.value is None:
            return None
        if isinstance(self.value, Decimal):
            return float(self.value)
        return self.value


def format_value(value) -> str:
    if isinstance(value, Decimal):
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text
    return str(value)


_REGISTRY: dict[str, Indicator] = {}


def register(indicator: Indicator) -> Indicator:
    if indicator.key in _REGISTRY:
        raise ValueError(f"indicator {indicator.key} defined twice")
    _REGISTRY[indicator.key] = indicator
    return indicator


def connect(key: str, **definition) -> Indicator:
    """Give a registered (so far unconnected) indicator its computation."""
    indicator = _REGISTRY[key]
    for name, value in definition.items():
        setattr(indicator, name, value)
    return indicator


def get(key: str) -> Indicator:
    _ensure_loaded()
    return _REGISTRY[key]


def all_indicators() -> list[Indicator]:
    _ensure_loaded()
    return list(_REGISTRY.values())


def compute_all(scope: Scope) -> dict[str, Figure]:
    return {ind.key: ind.compute(scope) for ind in all_indicators()}


def _ensure_loaded() -> None:
    from fazhi.indicators import definitions  # noqa: F401  (registers on import)
