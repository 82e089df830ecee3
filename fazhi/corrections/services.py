"""State changes of the corrections module; each logs who did it (the records keep their history)."""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core.models import Organisation, User
from fazhi.corrections.models import AccessLog, ContactLog, Supervisee


def log_access(user: User, township: Organisation, action: str, supervisee: Supervisee | None = None) -> None:
    """Every view of a person's record and every export of the roster leaves a row (who, what, when)."""
    AccessLog.objects.create(user=user, organisation=township, supervisee=supervisee, action=action)


def record_contacts(township: Organisation, people: list[Supervisee], *, on: dt.date, kind: str, user: User) -> int:
    """The day's contacts for several people at once; people not under supervision that day are refused."""
    outside = [p for p in people if not p.under_supervision_on(on)]
    if outside:
        raise ValidationError({"people": f"{'、'.join(p.number for p in outside)}在{on:%Y-%m-%d}不在矫正（帮教）期内"})
    existing = set(ContactLog.objects.active().filter(organisation=township, on=on, kind=kind,
                                                      supervisee__in=people).values_list("supervisee_id", flat=True))
    with transaction.atomic():
        made = [ContactLog(organisation=township, created_by=user, supervisee=p, on=on, kind=kind)
                for p in people if p.pk not in existing]
        for log in made:
            log._history_user = user
            log.save()
    return len(made)
