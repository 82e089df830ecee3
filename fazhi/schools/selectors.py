"""Reads of the school roster: which schools are open, who is in office, coverage on a day."""
from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from fazhi.core import periods
from fazhi.schools.models import COUNTED_STAGES, School, VicePrincipal

as_of = periods.as_of  # the day a roster figure of ``year`` is read on


def open_schools(day: dt.date) -> QuerySet[School]:
    return School.objects.filter(listed_on__lte=day).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def counted_schools(day: dt.date) -> QuerySet[School]:
    """中小学校 open on ``day`` (the denominator of the coverage)."""
    return open_schools(day).filter(stage__in=COUNTED_STAGES)


def in_office(day: dt.date) -> QuerySet[VicePrincipal]:
    return VicePrincipal.objects.active().filter(appointed_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=day)
    )


def serving(day: dt.date) -> QuerySet[VicePrincipal]:
    """Vice-principals in office on ``day`` at a school then open (one at a merged school no longer serves)."""
    return in_office(day).filter(school__in=open_schools(day).active())


def covered_school_ids(school_ids, day: dt.date) -> set[int]:
    return set(in_office(day).filter(school_id__in=list(school_ids)).values_list("school_id", flat=True))


def vice_principal_names(schools: list[School], day: dt.date) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {s.pk: [] for s in schools}
    for vp in in_office(day).filter(school__in=schools).order_by("appointed_on"):
        names[vp.school_id].append(vp.name)
    return names
