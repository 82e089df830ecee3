from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect

from fazhi.core import clock
from fazhi.core.kit.years import year_param


def chosen_year(request) -> int:
    """?year=, the past year by default (reports are written in spring for the past year); no report is of a year to
    come."""
    return year_param(request, clock.current_year() - 1, latest=clock.current_year())


def year_choices() -> list[int]:
    this_year = clock.current_year()
    return list(range(this_year, this_year - 6, -1))


def step_answer(request, progress: dict, page: str, pk: int):
    """The answer to one step of work a page drives (an import batch, a report bundle): the progress as JSON
    for the page's script (static/fazhi/stepper.js), or back to the page for the no-JS “继续处理” button."""
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(progress)
    return redirect(page, pk)
