"""Townships side by side for a year — reports generated in Fazhi and reports imported — with
rankings, year-on-year change and a county roll-up that adds counts and recomputes rates from
their counts (a county's success rate is Σ成功 ÷ Σ调处, never the average of the townships' rates).

A township whose report for the year was imported and that has not submitted one from Fazhi is
compared on its imported figures; every other township on its records. Imported reports not
attributed to one of the county's townships are compared under the name they carry.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse

from fazhi.core.models import Organisation, OrgKind
from fazhi.indicators import aggregates, registry
from fazhi.indicators.registry import Indicator, Kind
from fazhi.oversight.models import ImportedFigure, ImportedReport, Submission

# For an imported report, a stated rate enters the roll-up only with its counts: (numerator key,
# denominator key); when one of them is missing it is derived from the rate and the other.
RATE_PARTS: dict[str, tuple[str | None, str | None]] = {
    "dispute_success_rate": ("disputes_resolved", "disputes_handled"),
    "exam_pass_rate": (None, "exam_participants"),
    "court_appearance_rate": ("court_appearances", None),
    "disclosure_response_rate": (None, "disclosure_requests"),
}
FAZHI, IMPORTED = "fazhi", "imported"


@dataclass
class Cell:
    value: Decimal | int | None = None
    approx: bool = False
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    link: str = ""
    rank: int | None = None
    last: Decimal | int | None = None

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.last is None:
            return None
        return Decimal(str(self.value)) - Decimal(str(self.last))


@dataclass
class Row:
    label: str
    source: str
    key: str  # stable identity across years: "org:<pk>" or "name:<township name>"
    township: Organisation | None = None
    imported: ImportedReport | None = None
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def source_display(self) -> str:
        return "系统生成" if self.source == FAZHI else "导入"


@dataclass
class Comparison:
    year: int
    indicators: list[Indicator]
    rows: list[Row]
    rollup: dict[str, Cell]
    contributors: dict[str, int]
    excluded: dict[str, int]  # rates: rows with a rate but no counts to weigh it by
    pending: list = field(default_factory=list)  # aggregates.Pending per year, when a page stopped within its budget


def compared_indicators() -> list[Indicator]:
    """The fixed keys of INDICATORS.md: the only ones an imported report can be read into."""
    return [i for i in registry.all_indicators() if i.core]


def _number(value) -> Decimal | int | None:
    if value is None:
        return None
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else number.normalize()


def _imported_cells(report: ImportedReport, indicators: list[Indicator]) -> dict[str, Cell]:
    """One value per indicator: the largest statement of a count (a report's total, not one of its
    parts), the first statement of a rate."""
    kinds = {i.key: i.kind for i in indicators}
    by_key: dict[str, list[ImportedFigure]] = {}
    for fig in report.figures.all():
        by_key.setdefault(fig.indicator, []).append(fig)
    link = reverse("oversight_imported_report", args=[report.pk])
    cells: dict[str, Cell] = {}
    for key, figs in by_key.items():
        if key not in kinds:
            continue
        chosen = figs[0] if kinds[key] == Kind.RATE else max(figs, key=lambda f: f.value)
        cells[key] = Cell(_number(chosen.value), chosen.approx, link=f"{link}#fig-{chosen.pk}")
    for rate_key, (num_key, den_key) in RATE_PARTS.items():
        rate = cells.get(rate_key)
        if rate is None or rate.value is None:
            continue
        num = Decimal(str(cells[num_key].value)) if num_key in cells else None
        den = Decimal(str(cells[den_key].value)) if den_key in cells else None
        value = Decimal(str(rate.value))
        if num is None and den is not None:
            num = value * den / 100
        elif den is None and num is not None and value:
            den = num * 100 / value
        if num is not None and den:
            rate.numerator, rate.denominator = num, den
    return cells


def _fazhi_cells(org: Organisation, figures: dict, year: int, indicators: list[Indicator]) -> dict[str, Cell]:
    cells = {}
    for indicator in indicators:
        fig = figures.get(indicator.key)
        if fig is None or not indicator.connected:
            continue
        link = f"{reverse('indicator_records', args=[indicator.key])}?org={org.code}&year={year}"
        cell = Cell(_number(fig.value), link=link)
        if indicator.kind == Kind.RATE:
            cell.numerator = Decimal(fig.numerator or 0)
            cell.denominator = Decimal(fig.denominator or 0)
        cells[indicator.key] = cell
    return cells


def _rows(county: Organisation, year: int, indicators: list[Indicator], pending: list | None = None) -> list[Row]:
    townships = list(Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP, is_active=True).order_by("code"))
    submitted = set(
        Submission.objects.filter(filing__organisation__in=townships, filing__year=year, filing__voided_at__isnull=True)
        .values_list("filing__organisation_id", flat=True)
    )
    imported = list(
        ImportedReport.objects.active().filter(organisation=county, year=year)
        .select_related("township").prefetch_related("figures").order_by("township__code", "township_name", "pk")
    )
    imported_by_township: dict[int, ImportedReport] = {}
    loose: list[ImportedReport] = []
    for report in imported:
        if report.township_id:
            imported_by_township.setdefault(report.township_id, report)
        else:
            loose.append(report)
    live = [t for t in townships if t.pk in submitted or t.pk not in imported_by_township]
    if pending is not None and live:  # a page: recompute within its time budget, say what is left
        pending.append(aggregates.refresh_for_page(live, year))
    figures = aggregates.by_township(live, year, refresh_first=pending is None) if live else {}
    rows = []
    for township in townships:
        report = imported_by_township.get(township.pk)
        if township.pk in submitted or report is None:
            rows.append(Row(township.name, FAZHI, f"org:{township.pk}", township,
                            cells=_fazhi_cells(township, figures.get(township.pk, {}), year, indicators)))
        else:
            rows.append(Row(township.name, IMPORTED, f"org:{township.pk}", township, report,
                            _imported_cells(report, indicators)))
    seen_names: set[str] = set()
    for report in loose:
        name = report.township_name or report.filename
        if name in seen_names:
            name = f"{name}（{report.filename}）"
        seen_names.add(name)
        rows.append(Row(name, IMPORTED, f"name:{report.township_name or report.filename}", None, report,
                        _imported_cells(report, indicators)))
    return rows


def _rank(rows: list[Row], indicators: list[Indicator]) -> None:
    for indicator in indicators:
        values = sorted({Decimal(str(r.cells[indicator.key].value)) for r in rows
                         if indicator.key in r.cells and r.cells[indicator.key].value is not None}, reverse=True)
        position = {v: n for n, v in enumerate(values, start=1)}  # dense rank: equal values share a place
        for row in rows:
            cell = row.cells.get(indicator.key)
            if cell is not None and cell.value is not None:
                cell.rank = position[Decimal(str(cell.value))]


def _rollup(rows: list[Row], indicators: list[Indicator]) -> tuple[dict[str, Cell], dict[str, int], dict[str, int]]:
    cells, contributors, excluded = {}, {}, {}
    for indicator in indicators:
        present = [r.cells[indicator.key] for r in rows if indicator.key in r.cells and r.cells[indicator.key].value is not None]
        if indicator.kind == Kind.RATE:
            weighed = [c for c in present if c.denominator]
            num = sum((c.numerator for c in weighed), Decimal(0))
            den = sum((c.denominator for c in weighed), Decimal(0))
            value = (num * 100 / den).quantize(Decimal("0.1"), ROUND_HALF_UP) if den else None
            cells[indicator.key] = Cell(_number(value), any(c.approx for c in weighed), num, den)
            contributors[indicator.key] = len(weighed)
            excluded[indicator.key] = len(present) - len(weighed)
        else:
            total = sum((Decimal(str(c.value)) for c in present), Decimal(0))
            cells[indicator.key] = Cell(_number(total) if present else None, any(c.approx for c in present))
            contributors[indicator.key] = len(present)
            excluded[indicator.key] = 0
    return cells, contributors, excluded


def compare(county: Organisation, year: int, *, for_page: bool = False) -> Comparison:
    """The county's townships side by side. Files (Excel, the summary) wait for every figure to be current;
    a page (``for_page``) recomputes within its time budget and lists what is not yet current in ``pending``."""
    indicators = compared_indicators()
    pending = [] if for_page else None
    rows = _rows(county, year, indicators, pending)
    last_rows = {r.key: r for r in _rows(county, year - 1, indicators, pending)}
    for row in rows:
        before = last_rows.get(row.key)
        if before is None:
            continue
        for key, cell in row.cells.items():
            if key in before.cells:
                cell.last = before.cells[key].value
    _rank(rows, indicators)
    rollup, contributors, excluded = _rollup(rows, indicators)
    last_rollup, _, _ = _rollup(list(last_rows.values()), indicators)
    for key, cell in rollup.items():
        cell.last = last_rollup[key].value if key in last_rollup else None
    return Comparison(year, indicators, rows, rollup, contributors, excluded, pending or [])

