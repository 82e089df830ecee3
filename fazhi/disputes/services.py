"""Saving a mediation case: the dossier number (卷宗号) of a closed case, 青山调字〔2025〕第001号.

人民调解法第二十七条 asks the committee to keep each case's records as a dossier; the number is given when the case is
closed, in order per township and year, without gaps (fazhi/core/numbering.py). A number typed by hand is kept, and
the series continues after it.
"""
from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Max

from fazhi.core import numbering
from fazhi.core.models import Organisation
from fazhi.disputes.models import DisputeCase, DisputeOutcome

TYPED_NUMBER = re.compile(r"第(\d+)号$")


def dossier_number(organisation: Organisation, year: int, sequence: int) -> str:
    return f"{_head(organisation, year)}{sequence:03d}号"


def _head(organisation: Organisation, year: int) -> str:
    return f"{organisation.issuing_prefix}调字〔{year}〕第"


def _highest_issued(organisation: Organisation, year: int) -> int:
    ours = DisputeCase.objects.filter(organisation=organisation)
    issued = ours.filter(dossier_year=year).aggregate(m=Max("dossier_sequence"))
    typed = ours.filter(dossier_sequence__isnull=True, dossier_no__startswith=_head(organisation, year)).values_list(
        "dossier_no", flat=True)
    numbers = [int(m.group(1)) for m in (TYPED_NUMBER.search(n) for n in typed) if m]
    return max([issued["m"] or 0, *numbers])


def needs_dossier_number(case: DisputeCase) -> bool:
    return case.outcome != DisputeOutcome.OPEN and bool(case.closed_on) and not case.dossier_no and not case.voided_at


def assign_dossier_number(case: DisputeCase) -> None:
    """A closed case without a dossier number gets the next one of its township and year. Call it in the transaction
    that saves the case (the ledger's save hook does), so the number is given back if the save fails."""
    if not needs_dossier_number(case):
        return
    org, year = case.organisation, case.closed_on.year
    sequence = numbering.next_number(org, numbering.MEDIATION_DOSSIER, year,
                                     highest_issued=lambda: _highest_issued(org, year))
    case.dossier_year, case.dossier_sequence, case.dossier_no = year, sequence, dossier_number(org, year, sequence)


def case_save(case: DisputeCase, *, user=None) -> DisputeCase:
    """Save a mediation case (new or changed), numbering it if it is closed."""
    with transaction.atomic():
        assign_dossier_number(case)
        if user is not None:
            case._history_user = user
            if case.pk is None:
                case.created_by = user
        case.save()
    return case
