"""Gaps that are not a figure of the registry but a shortcoming the report should name (section 二)."""
from __future__ import annotations

from fazhi.advisors.figures import villages_without_advisor
from fazhi.core.models import Organisation


def advisor_gaps(org: Organisation, year: int) -> list[str]:
    """Names of the villages/communities without a legal advisor at the end of the year."""
    return [village.name for village in villages_without_advisor(org, year)]
