"""The county's own townships side by side for a year — reports generated in Fazhi and reports imported — with
rankings, year-on-year change and a county roll-up that adds counts and recomputes rates from their counts (a
county's success rate is Σ成功 ÷ Σ调处, never the average of the townships' rates).

Only the county's own townships count: those under it in the organisation tree. The tree keeps no history, so
"the townships of that year" is the current tree (its active townships) for every year. An imported report that
is not attributed to one of them (another county's township, or one not yet attributed) is kept apart in
``Comparison.outside``, labelled 非本县, and is never in a total, a rank, the chart or an export.

A township whose report for the year was imported and that has not submitted one from Fazhi is compared on its
imported figures; every other township on its records.

Year on year compares the same townships both years: last year's county figure is taken over this year's
contributing townships only, and says how many of them had no data last year (then no change is stated).

``compare`` is the one computation behind the compare page, the .xlsx, the county summary .docx and
``fazhi county-summary``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse

from fazhi.core.models import Organisation, OrgKind
from fazhi.indicators import aggregates, registry
from fazhi.indicators.catalogue import FIXED
from fazhi.indicators.registry import Indicator, Kind, format_value
from fazhi.oversight.models import ImportedFigure, ImportedReport, Submission

# For an imported report, a stated rate enters the roll-up only with its counts: (numerator key,
# denominator key); when one of them is missing it is derived from the rate and the other.
RATE_PARTS: dict[str, tuple[str | None, str | None]] = {key: d.rate_parts for key, d in FIXED.items() if d.rate_parts}
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
    last_missing: int = 0  # county roll-up: townships compared that had no data last year
    has_data: bool = True  # False: a 0 (or no rate) because the township recorded nothing of the kind that year

    @property
    def change(self) -> Decimal | None:
        """This year minus last year, only where last year's figure exists and covers the same townships."""
        if self.value is None or self.last is None or self.last_missing:
            return None
        return _number(Decimal(str(self.value)) - Decimal(str(self.last)))

    @property
    def arrow(self) -> str:
        """"↑2.7", "↓2.7" (one sign, never "↓-2.7"), "持平", or "" where there is no comparable previous figure."""
        change = self.change
        if change is None:
            return ""
        if change == 0:
            return "持平"
        return f"{'↑' if change > 0 else '↓'}{format_value(abs(change))}"

    @property
    def last_note(self) -> str:
        if self.last_missing:
            return f"上年有{self.last_missing}个乡镇无数据，不作同比"
        return ""


@dataclass
class Row:
    label: str
    source: str
    key: str  # stable identity across years: "org:<pk>"
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
    townships: list[Organisation] = field(default_factory=list)  # the county's own townships, in code order
    outside: list[ImportedReport] = field(default_factory=list)  # imported, not the county's: never counted


def county_townships(county: Organisation) -> list[Organisation]:
    """The county's own townships (the current organisation tree: it keeps no history)."""
    return list(Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP, is_active=True).order_by("code"))


def compared_indicators() -> list[Indicator]:
    """The fixed keys of INDICATORS.md: the only ones an imported report can be read into."""
    return [i for i in registry.all_indicators() if i.core]


def connected_indicators() -> list[Indicator]:
    """Every indicator computed from records (``fazhi county-summary`` totals all of them)."""
    return [i for i in registry.all_indicators() if i.connected]


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
        cell = Cell(_number(fig.value), link=link, has_data=bool(fig.has_data))
        if indicator.kind == Kind.RATE:
            cell.numerator = Decimal(fig.numerator or 0)
            cell.denominator = Decimal(fig.denominator or 0)
        cells[indicator.key] = cell
    return cells


def _rows(townships: list[Organisation], county: Organisation, year: int, indicators: list[Indicator],
          pending: list | None = None) -> tuple[list[Row], list[ImportedReport]]:
    """One row per own township, and the imported reports of the year that are not the county's (kept apart)."""
    own = {t.pk for t in townships}
    submitted = set(
        Submission.objects.filter(filing__organisation__in=townships, filing__year=year, filing__voided_at__isnull=True)
        .values_list("filing__organisation_id", flat=True)
    )
    imported = list(
        ImportedReport.objects.active().filter(organisation=county, year=year)
        .select_related("township").prefetch_related("figures").order_by("township__code", "township_name", "pk")
    )
    imported_by_township: dict[int, ImportedReport] = {}
    outside: list[ImportedReport] = []
    for report in imported:
        if report.township_id in own:
            imported_by_township.setdefault(report.township_id, report)
        else:
            outside.append(report)
    live = [t for t in townships if t.pk in submitted or t.pk not in imported_by_township]
    if pending is not None and live:  # a page: recompute within its time budget, say what is left
        pending.append(aggregates.refresh_for_page(live, year))
    figures = aggregates.by_township(live, year, refresh_first=pending is None) if live else {}
    rows = []
    for township in townships:
        report = imported_by_township.get(township.pk)
        if township.pk in submitted or report is None:
            own_figures = figures.get(township.pk, {})
            rows.append(Row(township.name, FAZHI, f"org:{township.pk}", township,
                            cells=_fazhi_cells(township, own_figures, year, indicators)))
        else:
            rows.append(Row(township.name, IMPORTED, f"org:{township.pk}", township, report,
                            _imported_cells(report, indicators)))
    return rows, outside


def _rank(rows: list[Row], indicators: list[Indicator]) -> None:
    for indicator in indicators:
        values = sorted({Decimal(str(r.cells[indicator.key].value)) for r in rows
                         if indicator.key in r.cells and r.cells[indicator.key].value is not None}, reverse=True)
        position = {v: n for n, v in enumerate(values, start=1)}  # dense rank: equal values share a place
        for row in rows:
            cell = row.cells.get(indicator.key)
            if cell is not None and cell.value is not None:
                cell.rank = position[Decimal(str(cell.value))]


def _rollup(rows: list[Row], indicators: list[Indicator], last: dict[str, Row] | None = None
            ) -> tuple[dict[str, Cell], dict[str, int], dict[str, int]]:
    """The county's figure per indicator: counts and sums added up, rates recomputed from the summed numerators and
    denominators. With ``last`` (last year's rows by key), each figure's ``last`` is taken over the same townships:
    those with data either year (rates: those weighed this year); ``last_missing`` says how many had none last year."""
    cells, contributors, excluded = {}, {}, {}
    for indicator in indicators:
        key = indicator.key
        present = [r for r in rows if key in r.cells and r.cells[key].value is not None]
        if indicator.kind == Kind.RATE:
            weighed = [r for r in present if r.cells[key].denominator]
            cell = _rate_cell([r.cells[key] for r in weighed])
            contributors[key] = len(weighed)
            excluded[key] = len(present) - len(weighed)
            compared = weighed
        else:
            cell = _sum_cell([r.cells[key] for r in present])  # a township without records adds its 0
            contributors[key] = sum(1 for r in present if r.cells[key].has_data)
            excluded[key] = 0
            compared = [r for r in present if r.cells[key].has_data
                        or (last is not None and _last_cell(last.get(r.key), key) is not None)]
        if last is not None and compared:
            known = [c for r in compared if (c := _last_cell(last.get(r.key), key)) is not None]
            if indicator.kind == Kind.RATE:
                known = [c for c in known if c.denominator]  # a stated rate without counts cannot be weighed
                cell.last = _rate_cell(known).value if known else None
            else:
                cell.last = _sum_cell(known).value if known else None
            cell.last_missing = len(compared) - len(known) if known else 0
        cells[key] = cell
    return cells, contributors, excluded


def _rate_cell(cells: list[Cell]) -> Cell:
    num = sum((c.numerator for c in cells), Decimal(0))
    den = sum((c.denominator for c in cells), Decimal(0))
    value = (num * 100 / den).quantize(Decimal("0.1"), ROUND_HALF_UP) if den else None
    return Cell(_number(value), any(c.approx for c in cells), num, den)


def _sum_cell(cells: list[Cell]) -> Cell:
    total = sum((Decimal(str(c.value)) for c in cells), Decimal(0))
    return Cell(_number(total) if cells else None, any(c.approx for c in cells))


def _last_cell(row: Row | None, key: str) -> Cell | None:
    """Last year's cell of a township for an indicator, if the township had data of that kind last year (a rate:
    with a denominator). A 0 that only means "nothing was recorded" is no previous figure: no arrow, no change."""
    cell = row.cells.get(key) if row is not None else None
    if cell is None or cell.value is None or not cell.has_data:
        return None
    if cell.numerator is not None and not cell.denominator:
        return None
    return cell


def compare(county: Organisation, year: int, *, for_page: bool = False,
            indicators: list[Indicator] | None = None) -> Comparison:
    """The county's own townships side by side, and the county's figures. Files (Excel, the summary, the
    ``county-summary`` command) wait for every figure to be current; a page (``for_page``) recomputes within its
    time budget and lists what is not yet current in ``pending``. ``indicators``: the core ones by default."""
    indicators = indicators or compared_indicators()
    pending = [] if for_page else None
    townships = county_townships(county)
    rows, outside = _rows(townships, county, year, indicators, pending)
    last_rows = {r.key: r for r in _rows(townships, county, year - 1, indicators, pending)[0]}
    for row in rows:
        for key, cell in row.cells.items():
            before = _last_cell(last_rows.get(row.key), key)
            cell.last = before.value if before is not None else None
    _rank(rows, indicators)
    rollup, contributors, excluded = _rollup(rows, indicators, last_rows)
    return Comparison(year, indicators, rows, rollup, contributors, excluded, pending or [],
                      townships, outside)


def county_summary(county: Organisation, year: int) -> dict:
    """What ``fazhi county-summary --json`` prints: the county's own townships and its total of every connected
    indicator (counts and sums added up over the townships, rates from the summed numerators and denominators)."""
    comparison = compare(county, year, indicators=connected_indicators())
    totals = {}
    for indicator in comparison.indicators:
        value = comparison.rollup[indicator.key].value
        totals[indicator.key] = float(value) if isinstance(value, Decimal) else value
    return {"county": county.code, "year": year, "townships": [t.code for t in comparison.townships],
            "totals": totals}
