"""The supervision standard the seed reports describe: "日日有电联、月月有集中教育" — every day under
correction a contact (call, visit or report at the office), every month a group education session.

It is the townships' working standard (岔河镇's report), stricter than 《社区矫正法实施办法》's
minimums, and applies to 社区矫正对象; the dashboard and the yearly rate use the same functions.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from fazhi.core.models import Organisation
from fazhi.corrections.models import DAILY_CONTACT_KINDS, ContactKind, ContactLog, Supervisee, SuperviseeKind


def supervised_on(township: Organisation, day: dt.date):
    """Correction subjects under supervision on ``day`` (not voided)."""
    return (Supervisee.objects.active().filter(organisation=township, kind=SuperviseeKind.CORRECTION,
                                               period_start__lte=day)
            .exclude(ended_on__lt=day).exclude(ended_on__isnull=True, period_end__lt=day))


def missing_contact(township: Organisation, day: dt.date) -> list[Supervisee]:
    contacted = ContactLog.objects.active().filter(organisation=township, on=day,
                                                   kind__in=DAILY_CONTACT_KINDS).values("supervisee")
    return list(supervised_on(township, day).exclude(pk__in=contacted).order_by("number"))


def missing_education(township: Organisation, day: dt.date) -> list[Supervisee]:
    """Under supervision this month and no group education recorded in it yet."""
    first = day.replace(day=1)
    educated = ContactLog.objects.active().filter(organisation=township, on__gte=first, on__lte=day,
                                                  kind=ContactKind.EDUCATION).values("supervisee")
    return list(supervised_on(township, day).exclude(pk__in=educated).order_by("number"))


def _days(start: dt.date, end: dt.date):
    while start <= end:
        yield start
        start += dt.timedelta(days=1)


def kept_on_schedule(supervisees: list[Supervisee], year: int, today: dt.date) -> dict[int, bool]:
    """For each person supervised in ``year``: a contact every day under supervision up to today, and a
    group education in every month of it that has ended (the current month is still open)."""
    if not supervisees:
        return {}
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
    contact_days: dict[int, set[dt.date]] = defaultdict(set)
    education_months: dict[int, set[int]] = defaultdict(set)
    logs = ContactLog.objects.active().filter(supervisee__in=[s.pk for s in supervisees], on__gte=first,
                                              on__lte=last).values_list("supervisee_id", "on", "kind")
    for pk, on, kind in logs:
        if kind in DAILY_CONTACT_KINDS:
            contact_days[pk].add(on)
        elif kind == ContactKind.EDUCATION:
            education_months[pk].add(on.month)
    verdicts = {}
    for person in supervisees:
        start, end = max(person.period_start, first), min(person.last_day, last)
        if end < start:
            verdicts[person.pk] = True
            continue
        days_ok = all(d in contact_days[person.pk] for d in _days(start, end))
        months = {d.month for d in _days(start, end)
                  if dt.date(year, d.month, calendar.monthrange(year, d.month)[1]) < today}
        verdicts[person.pk] = days_ok and months <= education_months[person.pk]
    return verdicts
