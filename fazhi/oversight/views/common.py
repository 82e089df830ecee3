from __future__ import annotations

from django.utils import timezone


def chosen_year(request) -> int:
    default = timezone.localdate().year - 1  # reports are written in spring for the past year
    try:
        year = int(request.GET.get("year", default))
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= timezone.localdate().year else default


def year_choices() -> list[int]:
    this_year = timezone.localdate().year
    return list(range(this_year, this_year - 6, -1))
