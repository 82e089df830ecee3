"""Normative documents' filters, read by the register page and the API list (fazhi/api/rulemaking.py)."""
from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from fazhi.core.kit.filters import OrgFilter, RecordFilter, SearchFilter, StatusFilter, YearFilter
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import NormativeDocument


def in_force_today() -> Q:
    """Published, in effect and not past its validity — on the day the list is read (Beijing time)."""
    today = timezone.localdate()
    return Q(status=DocStatus.PUBLISHED, published_on__lte=today) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))


class NormativeFilter(RecordFilter):
    """``status``: a status, or "in_force" (现行有效); ``year``: the year issued, a draft by the year it was begun."""

    status = StatusFilter(DocStatus.choices, groups={"in_force": in_force_today})
    year = YearFilter("issued_on", undated="created_at")
    q = SearchFilter(("title", "doc_number"))

    class Meta:
        model = NormativeDocument
        fields: list[str] = []


class NormativeApiFilter(NormativeFilter):
    """The API's list (as its schema says): a status, the year issued (drafts have none), a township; no search."""

    status = StatusFilter(DocStatus.choices)
    year = YearFilter("issued_on")
    q = None
    org = OrgFilter()
