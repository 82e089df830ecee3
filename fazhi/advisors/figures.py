"""The records behind the advisor and legal-aid figures."""
from __future__ import annotations

from django.db.models import Min, Q

from fazhi.advisors.models import AdvisorAssignment, AdvisorService, LegalAidReferral, ServiceKind
from fazhi.core.models import Organisation, OrgKind
from fazhi.core.periods import as_of


def active_assignments(year: int):
    end = as_of(year)
    return AdvisorAssignment.objects.filter(starts_on__lte=end, advisor__voided_at__isnull=True).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=end))


def _covered(year: int, org_ids: list[int]):
    active = active_assignments(year).active().filter(organisation__in=org_ids, village__is_active=True)
    first = active.values("village").annotate(first=Min("pk")).values("first")
    return AdvisorAssignment.objects.filter(pk__in=first)


def covered_villages(scope):
    """One assignment per village still in force at the end of the year: the villages with an advisor."""
    return _covered(scope.year, scope.org_ids)


def _uncovered(townships: list[Organisation], year: int):
    covered = _covered(year, [t.pk for t in townships]).values("village")
    return Organisation.objects.filter(parent__in=townships, kind=OrgKind.VILLAGE, is_active=True).exclude(pk__in=covered)


def villages_without_advisor(township: Organisation, year: int) -> list[Organisation]:
    return list(_uncovered([township], year).order_by("code"))


def count_villages_without_advisor(townships, year: int) -> int:
    """Across several townships in one query (a county's page)."""
    return _uncovered(list(townships), year).count()


def services_of(kind: str):
    def rows(scope):
        return AdvisorService.objects.filter(held_on__year=scope.year, kind=kind)
    return rows


consultations = services_of(ServiceKind.CONSULTATION)
publicity = services_of(ServiceKind.PUBLICITY)
disputes = services_of(ServiceKind.DISPUTE)
contracts = services_of(ServiceKind.CONTRACT)
suggestions = services_of(ServiceKind.SUGGESTION)


def legal_aid(scope):
    return LegalAidReferral.objects.filter(received_on__year=scope.year)


def advisors_engaged(scope):
    """Advisors under contract at the end of the year."""
    from fazhi.advisors.models import LegalAdvisor

    end = as_of(scope.year)
    return LegalAdvisor.objects.filter(contract_start__lte=end, contract_end__gte=end)
