"""The records behind the mediation organisation figures (committees and mediators at the end of the year)."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone

from fazhi.disputes.models import MediationCommittee, Mediator


def _end(year: int) -> dt.date:
    return min(dt.date(year, 12, 31), timezone.localdate())


def committees(scope):
    return MediationCommittee.objects.filter(established_on__lte=_end(scope.year))


def mediators(scope):
    end = _end(scope.year)
    return Mediator.objects.filter(term_start__lte=end, term_end__gte=end, committee__voided_at__isnull=True)
