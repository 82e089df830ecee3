"""行政执法 filters, read by the pages and the API lists (fazhi/enforcement/api.py)."""
from __future__ import annotations

from fazhi.core.kit.filters import OrgFilter, RecordFilter, StatusFilter, YearFilter
from fazhi.enforcement.choices import CaseStatus
from fazhi.enforcement.models import Officer, PenaltyCase


class CaseFilter(RecordFilter):
    """Penalty cases: ``status``, ``year`` filed (立案年度)."""

    status = StatusFilter(CaseStatus.choices)
    year = YearFilter("filed_on")

    class Meta:
        model = PenaltyCase
        fields: list[str] = []


class CaseApiFilter(CaseFilter):
    """The API's list adds ``org`` (a township among those the user reads)."""

    org = OrgFilter()


class OfficerFilter(RecordFilter):
    org = OrgFilter()

    class Meta:
        model = Officer
        fields: list[str] = []

