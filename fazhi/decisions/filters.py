"""Major decisions' filters, read by the list page and the API list (fazhi/api/decisions.py)."""
from __future__ import annotations

from fazhi.core.kit.filters import OrgFilter, RecordFilter, StatusFilter, YearFilter
from fazhi.decisions.choices import Stage
from fazhi.decisions.models import MajorDecision


class DecisionFilter(RecordFilter):
    """``year``: the catalog's year; a decision outside any catalog by the year it was launched."""

    stage = StatusFilter(Stage.choices, field_name="stage")
    year = YearFilter("catalog__year", exact=True, undated="launched_on")

    class Meta:
        model = MajorDecision
        fields: list[str] = []


class DecisionApiFilter(DecisionFilter):
    """The API's list (as its schema says): ``year`` is the catalog's year only, and ``org`` chooses a township."""

    year = YearFilter("catalog__year", exact=True)
    org = OrgFilter()
