"""The indicator registry: one definition per figure (see shared INDICATORS.md).

An indicator knows its label and unit, which records produce it for a scope
(organisations + year), how to turn those records into a value, and how to
phrase it. The dashboard, the annual report, the CLI and the record lists that
make every figure traceable all read these definitions. The fixed figures of
INDICATORS.md take their words (label, unit, kind, phrase) from catalogue.py,
which the report reader and the county comparison read too (``fixed``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from django.db.models import Count, Q, QuerySet, Sum

from fazhi.core.models import Organisation, OrgKind
from fazhi.indicators.catalogue import FIXED, Kind  # noqa: F401  (Kind is read from here by the registry's users)


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
    # For figures a query cannot decide (e.g. "answered within a due date computed on the working-day
    # calendar"): rows → {pk: counts in the numerator} for the rows that belong in the denominator.
    judge: Callable[[Scope, QuerySet], dict[int, bool]] | None = None
    # Where the records are listed when they are not a ledger's (an object shaped like core.ledgers.Ledger).
    listing: object | None = None
    # A zero that is itself a result (no absconding, no re-offence): said with this phrase ("{value}" is the 0),
    # as long as the indicator named by zero_requires is not zero (there is someone under supervision).
    zero_phrase: str = ""
    zero_requires: str = ""
    # Counts or sums of other indicators added to this one ("法律咨询" = events' consultations + advisors'),
    # each still traceable through its own records page.
    adds: tuple[str, ...] = ()

    @property
    def connected(self) -> bool:
        return self.rows is not None

    def source(self):
        """The listing that shows this indicator's records (its ledger unless it names another)."""
        if self.listing is not None:
            return self.listing
        from fazhi.core.ledgers.registry import get_ledger

        return get_ledger(self.ledger_slug)

    def _candidates(self, scope: Scope) -> QuerySet:
        if self.rows is None:
            raise LookupError(f"indicator {self.key} is not connected")
        return self.rows(scope).active().filter(organisation__in=scope.org_ids)

    def _verdicts(self, scope: Scope) -> dict[int, bool]:
        return self.judge(scope, self._candidates(scope))

    def records(self, scope: Scope) -> QuerySet:
        qs = self._candidates(scope)
        if self.judge is not None:
            return qs.filter(pk__in=list(self._verdicts(scope)))
        return qs

    def counted_pks(self, scope: Scope) -> set[int]:
        """For rates: the records counted in the numerator."""
        if self.judge is not None:
            return {pk for pk, counted in self._verdicts(scope).items() if counted}
        return set(self.records(scope).filter(self.numerator).values_list("pk", flat=True))

    def compute(self, scope: Scope) -> Figure:
        if not self.connected:
            return Figure(self, scope, None, has_data=False)
        if self.judge is not None:
            verdicts = self._verdicts(scope)
            denominator, numerator = len(verdicts), sum(verdicts.values())
            return Figure(
                self, scope, percentage(numerator, denominator), has_data=denominator > 0, row_count=denominator,
                numerator=numerator, denominator=denominator,
            )
        qs = self.records(scope)
        if self.kind == Kind.COUNT:
            count = qs.count()
            return self._with_parts(Figure(self, scope, count, has_data=count > 0, row_count=count))
        if self.kind == Kind.SUM:  # one query for the sum and the number of rows behind it
            agg = qs.aggregate(total=Sum(self.sum_field), count=Count("pk"))
            count = agg["count"]
            return self._with_parts(Figure(self, scope, agg["total"] or 0, has_data=count > 0, row_count=count))
        agg = qs.aggregate(denominator=Count("pk"), numerator=Count("pk", filter=self.numerator))
        denominator, numerator = agg["denominator"], agg["numerator"]
        return Figure(
            self, scope, percentage(numerator, denominator), has_data=denominator > 0, row_count=denominator,
            numerator=numerator, denominator=denominator,
        )

    def _with_parts(self, figure: Figure) -> Figure:
        if not self.adds:
            return figure
        parts = {}
        for key in self.adds:
            part = get(key).compute(figure.scope)
            parts[key] = part
            figure.value = (figure.value or 0) + (part.value or 0)
            figure.row_count += part.row_count
            figure.has_data = figure.has_data or part.has_data
        figure.extra["parts"] = parts
        return figure

    def phrase_with(self, value_text: str) -> str:
        return (self.phrase or f"{self.label}{{value}}{self.unit}").format(value=value_text)


def percentage(numerator: int, denominator: int) -> Decimal | None:
    """A rate in per cent, to one decimal rounded half up; None without a denominator."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


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


def fixed(key: str, **computation) -> Indicator:
    """A fixed figure of INDICATORS.md: its label, unit, kind and phrase from the catalogue, how Fazhi computes it
    from ``computation`` (rows, numerator, judge, listing…)."""
    definition = FIXED[key]
    return Indicator(key, definition.label, definition.unit, kind=definition.kind, phrase=definition.phrase,
                     **computation)


def register(indicator: Indicator) -> Indicator:
    if indicator.key in _REGISTRY:
        raise ValueError(f"indicator {indicator.key} defined twice")
    if indicator.core != (indicator.key in FIXED):
        raise ValueError(f"indicator {indicator.key}: core=True is for the fixed figures of catalogue.py (fixed())")
    _REGISTRY[indicator.key] = indicator
    return indicator


def connect(key: str, **definition) -> Indicator:
    """Give a registered (so far unconnected) indicator its computation."""
    indicator = _REGISTRY[key]
    for name, value in definition.items():
        setattr(indicator, name, value)
    return indicator


def get(key: str) -> Indicator:
    return _REGISTRY[key]


def all_indicators() -> list[Indicator]:
    return list(_REGISTRY.values())


def compute_all(scope: Scope) -> dict[str, Figure]:
    return {ind.key: ind.compute(scope) for ind in all_indicators()}

