"""The county's collection table: every township's report for a year, its state and its deadlines."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from fazhi.core import clock
from fazhi.oversight.collection import collection
from fazhi.oversight.county_files import audits_for
from fazhi.oversight.deadlines import deadlines_for
from fazhi.oversight.views.access import county_for
from fazhi.oversight.views.common import chosen_year, year_choices


@login_required
def oversight_index(request):
    county = county_for(request)
    year = chosen_year(request)
    today = clock.today()
    rows = collection(county, year, today)
    audits = audits_for(rows)
    for row in rows:
        row.audit = audits.get(row.township.pk)
    return render(request, "oversight/index.html", {
        "county": county, "year": year, "years": year_choices(), "rows": rows,
        "deadlines": deadlines_for(county, year), "today": today,
        "submitted": sum(1 for r in rows if r.submitted_on), "published": sum(1 for r in rows if r.is_published),
        "waiting": sum(1 for r in rows if r.needs_review),
    })
