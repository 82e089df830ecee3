"""The records behind the enforcement figures. Each takes a scope (``.year``, ``.org_ids``) and returns a QuerySet;
the indicator registry filters by organisation and leaves out voided rows itself."""
from __future__ import annotations

import datetime as dt

from django.db.models import Q

from fazhi.core import periods
from fazhi.enforcement import deadlines
from fazhi.enforcement.choices import OVERTURNED, EquipmentKind, OfficerKind
from fazhi.enforcement.models import (
    CaseAudit, EnforcementInspection, Equipment, Officer, PenaltyCase, Rectification, SimplePenalty, TrainingSession,
)


def reference_day(year: int) -> dt.date:
    """Staff and equipment are counted as they stood at the end of the year (today, for the current year)."""
    return periods.as_of(year)


def certified_officers(scope):
    """取得执法资格人员: officers holding a certificate valid at the end of the year."""
    day = reference_day(scope.year)
    valid = Q(certificates__voided_at__isnull=True, certificates__valid_until__gte=day) & (
        Q(certificates__issued_on__isnull=True) | Q(certificates__issued_on__lte=day))
    return Officer.objects.filter(valid, kind=OfficerKind.OFFICER, active=True).distinct()


def auxiliaries(scope):
    day = reference_day(scope.year)
    return Officer.objects.filter(kind=OfficerKind.AUXILIARY, active=True).filter(Q(joined_on__isnull=True) | Q(joined_on__lte=day))


def trainings(scope):
    return TrainingSession.objects.filter(held_on__year=scope.year)


def equipment(kind: str):
    def rows(scope):
        day = reference_day(scope.year)
        return Equipment.objects.filter(kind=kind, in_service=True).filter(Q(acquired_on__isnull=True) | Q(acquired_on__lte=day))
    return rows


vehicles = equipment(EquipmentKind.VEHICLE)
body_cameras = equipment(EquipmentKind.BODY_CAMERA)


def penalty_cases(scope):
    """普通程序行政处罚案件: cases filed (立案) in the year."""
    return PenaltyCase.objects.filter(filed_on__year=scope.year)


def decided(scope):
    return PenaltyCase.objects.filter(decided_on__year=scope.year)


def judge_decided_on_time(scope, qs) -> dict[int, bool]:
    """Decided within 90 days of 立案 plus approved extensions, rolled past rest days (第六十条)."""
    out = {}
    for case in qs.prefetch_related("extensions"):
        limit = deadlines.decision_deadline(case.filed_on, [e for e in case.extensions.all() if not e.is_void])
        out[case.pk] = case.decided_on <= limit.due
    return out


def challenged(scope):
    """Decisions against which reconsideration was applied for or a suit filed in the year."""
    return PenaltyCase.objects.filter(remedies_filed__filed_on__year=scope.year, remedies_filed__voided_at__isnull=True).distinct()


def overturned(scope):
    """Decisions changed or annulled (撤销、确认违法) by reconsideration or a court in the year."""
    return PenaltyCase.objects.filter(remedies_filed__result__in=list(OVERTURNED), remedies_filed__result_on__year=scope.year,
                                      remedies_filed__voided_at__isnull=True).distinct()


def simple_penalties(scope):
    return SimplePenalty.objects.filter(decided_on__year=scope.year)


def inspections(scope):
    return EnforcementInspection.objects.filter(held_on__year=scope.year)


def audits(scope):
    return CaseAudit.objects.filter(held_on__year=scope.year)


def rectifications(scope):
    return Rectification.objects.filter(audit__held_on__year=scope.year)
