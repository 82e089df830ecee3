"""The county's own townships side by side, the county roll-up, the .xlsx and the county's summary report — all
from the one computation, ``fazhi.oversight.compare.compare``."""
from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import render

from fazhi.core import clock
from fazhi.oversight.compare import compare
from fazhi.oversight.county_files import comparison_file, summary_file
from fazhi.oversight.views.access import county_for
from fazhi.oversight.views.common import chosen_year, year_choices

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _chart_data(comparison) -> dict:
    """What the chart script draws: one series per year for each indicator (no inline script: read as JSON)."""
    def plain(value):
        return None if value is None else float(value)

    return {
        "labels": [row.label for row in comparison.rows],
        "indicators": [
            {"key": i.key, "label": f"{i.label}（{i.unit}）",
             "values": [plain(row.cells[i.key].value) if i.key in row.cells else None for row in comparison.rows],
             "last": [plain(row.cells[i.key].last) if i.key in row.cells else None for row in comparison.rows]}
            for i in comparison.indicators
        ],
        "year": comparison.year,
    }


@login_required
def compare_page(request):
    county = county_for(request)
    year = chosen_year(request)
    comparison = compare(county, year, for_page=True)
    columns = [(i, comparison.rollup[i.key], comparison.contributors[i.key], comparison.excluded[i.key])
               for i in comparison.indicators]
    table = [(row, [row.cells.get(i.key) for i in comparison.indicators]) for row in comparison.rows]
    return render(request, "oversight/compare.html", {
        "county": county, "year": year, "years": year_choices(), "comparison": comparison, "columns": columns,
        "table": table, "chart": _chart_data(comparison),
    })


@login_required
def compare_xlsx(request):
    name, data = comparison_file(county_for(request), chosen_year(request))
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name, content_type=XLSX_MIME)


@login_required
def summary(request):
    name, data = summary_file(county_for(request), chosen_year(request), clock.today())
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name, content_type=DOCX_MIME)
