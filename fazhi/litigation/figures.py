"""The records behind the reconsideration and litigation figures (scope: ``.year``; the registry filters by
organisation and leaves out voided rows)."""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from fazhi.litigation.models import LOST_OUTCOMES, CaseKind, CourtSuggestion, Hearing, LegalCase, Obligation, ObligationKind


def reconsiderations(scope):
    return LegalCase.objects.filter(kind=CaseKind.RECONSIDERATION, received_on__year=scope.year)


def lawsuits(scope):
    return LegalCase.objects.filter(kind=CaseKind.LITIGATION, received_on__year=scope.year)


def open_court_hearings(scope):
    """Lawsuit hearings held in open court in the year (written hearings do not count)."""
    return Hearing.objects.filter(held_on__year=scope.year, open_court=True, case__kind=CaseKind.LITIGATION,
                                  case__voided_at__isnull=True)


def appearances(scope):
    return open_court_hearings(scope).filter(head_appeared=True)


APPEARED = Q(head_appeared=True)


def cases_heard(scope):
    """Lawsuits with at least one open-court hearing in the year (the per-case basis of the rate)."""
    heard = Hearing.objects.active().filter(case=OuterRef("pk"), held_on__year=scope.year, open_court=True)
    return LegalCase.objects.filter(kind=CaseKind.LITIGATION).filter(Exists(heard))


def judge_case_appearance(scope, rows) -> dict[int, bool]:
    attended = set(Hearing.objects.active().filter(case__in=rows, held_on__year=scope.year, open_court=True,
                                                   head_appeared=True).values_list("case_id", flat=True))
    return {pk: pk in attended for pk in rows.values_list("pk", flat=True)}


def lost(scope):
    return LegalCase.objects.filter(concluded_on__year=scope.year, outcome__in=LOST_OUTCOMES)


def concluded(scope):
    return LegalCase.objects.filter(concluded_on__year=scope.year).exclude(outcome="")


def assistance(scope):
    return Obligation.objects.filter(kind=ObligationKind.ASSIST, received_on__year=scope.year)


def suggestions(scope):
    return CourtSuggestion.objects.filter(received_on__year=scope.year)


def judgments_performed(scope):
    """The township's own duties under judgments, rulings and reconsideration decisions, carried out in the year."""
    return Obligation.objects.filter(completed_on__year=scope.year).exclude(kind=ObligationKind.ASSIST)


def obligations_completed(scope):
    """Judgments, rulings and decisions carried out, and assistance given, completed in the year."""
    return Obligation.objects.filter(completed_on__year=scope.year)
