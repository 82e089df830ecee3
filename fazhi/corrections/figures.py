"""The records behind the corrections figures. Counts only ever leave this module: who they are stays here."""
from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from fazhi.core.periods import as_of
from fazhi.corrections.models import SERIOUS_INCIDENTS, Incident, Supervisee, SuperviseeKind
from fazhi.corrections.schedule import kept_on_schedule


def _on_roll(kind: str, year: int):
    end = as_of(year)
    return Supervisee.objects.filter(kind=kind, period_start__lte=end).filter(
        Q(ended_on__isnull=True, period_end__gte=end) | Q(ended_on__gte=end))


def corrections_on_roll(scope):
    """社区矫正对象 on the roll at the end of the year (today, for the current year)."""
    return _on_roll(SuperviseeKind.CORRECTION, scope.year)


def resettlement_on_roll(scope):
    return _on_roll(SuperviseeKind.RESETTLEMENT, scope.year)


def supervised_in_year(scope):
    """社区矫正对象 under supervision on any day of the year up to today: the denominator of the schedule rate."""
    end = as_of(scope.year)
    return Supervisee.objects.filter(kind=SuperviseeKind.CORRECTION, period_start__lte=end).filter(
        Q(ended_on__isnull=True, period_end__gte=dt.date(scope.year, 1, 1)) | Q(ended_on__gte=dt.date(scope.year, 1, 1)))


def judge_schedule(scope, rows) -> dict[int, bool]:
    return kept_on_schedule(list(rows), scope.year, timezone.localdate())


def serious_incidents(scope):
    """脱管、漏管、重新犯罪 in the year: 0 is a figure the reports state ("无脱管、漏管，无重新犯罪")."""
    return Incident.objects.filter(on__year=scope.year, kind__in=SERIOUS_INCIDENTS)
