"""Disclosure applications' filters, read by the back-office list and the API list (fazhi/api/disclosure.py)."""
from __future__ import annotations

from django.db.models import Q

from fazhi.core.kit.filters import OrgFilter, RecordFilter, SearchFilter, StatusFilter, YearFilter
from fazhi.disclosure.choices import ApplicantType, RequestStatus
from fazhi.disclosure.models import DisclosureRequest


class DisclosureFilter(RecordFilter):
    """``status``: a status or "open" (未办结); ``year`` received; ``applicant_type``; ``org``; ``q`` in the tracking
    number, the applicant's name and the description."""

    status = StatusFilter(RequestStatus.choices, groups={"open": ~Q(status=RequestStatus.CLOSED)})
    year = YearFilter("received_on")
    applicant_type = StatusFilter(ApplicantType.choices, field_name="applicant_type")
    org = OrgFilter()
    q = SearchFilter(("tracking_number", "applicant_name", "description"))

    class Meta:
        model = DisclosureRequest
        fields: list[str] = []


class DisclosureApiFilter(DisclosureFilter):
    """The API's list (as its schema says): status, year, org."""

    applicant_type = None
    q = None
