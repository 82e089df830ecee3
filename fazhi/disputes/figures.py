"""The records behind the mediation organisation figures (committees and mediators at the end of the year)."""
from __future__ import annotations

from fazhi.core.periods import as_of
from fazhi.disputes.models import MediationCommittee, Mediator


def committees(scope):
    return MediationCommittee.objects.filter(established_on__lte=as_of(scope.year))


def mediators(scope):
    end = as_of(scope.year)
    return Mediator.objects.filter(term_start__lte=end, term_end__gte=end, committee__voided_at__isnull=True)
