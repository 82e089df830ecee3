"""The one ``?year=`` parameter: a four-digit year within the bound every record keeps (fazhi/core/bounds.py)."""
from __future__ import annotations

from fazhi.core.bounds import YEAR_MAX, YEAR_MIN

YEAR_REFUSED = f"年度应为 {YEAR_MIN}–{YEAR_MAX} 之间的四位数字"


def parse_year(raw) -> int | None:
    """The year ``raw`` names, or None when it is absent, unreadable or outside YEAR_MIN–YEAR_MAX."""
    text = str(raw if raw is not None else "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    year = int(text)
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def year_param(request, default: int | None = None, *, latest: int | None = None) -> int | None:
    """``?year=`` of a page or an API call; ``default`` when it is absent or not a year in the bound (or after
    ``latest``, for pages about years that have ended or are running, such as the annual reports)."""
    year = parse_year(request.GET.get("year"))  # a DRF request reads its query string the same way
    if year is None or (latest is not None and year > latest):
        return default
    return year
