"""Demo roster of community corrections and resettlement, with the daily contacts and monthly education that
keep most people on schedule — and the gaps the 司法所 dashboard shows (missed today, no class this month)."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.demo.profiles import NameBook, profile
from fazhi.corrections.models import (
    ContactKind, ContactLog, CorrectionType, EndReason, Incident, IncidentKind, Supervisee, SuperviseeKind,
)

OFFENCES = ("危险驾驶罪", "盗窃罪", "故意伤害罪", "诈骗罪", "交通肇事罪", "寻衅滋事罪", "非法捕捞水产品罪")
TYPES = (CorrectionType.PROBATION, CorrectionType.PROBATION, CorrectionType.PROBATION, CorrectionType.PAROLE,
         CorrectionType.CONTROL, CorrectionType.MEDICAL_PAROLE)


def _days(start: dt.date, end: dt.date):
    while start <= end:
        yield start
        start += dt.timedelta(days=1)


def generate_corrections(township: Organisation, short: str, user: User, villages: list[Organisation], *,
                         first_year: int, today: dt.date, rng: random.Random, corrections: int, resettlement: int) -> int:
    if Supervisee.objects.filter(organisation=township).exists():
        return 0
    people: list[Supervisee] = []
    names = NameBook(township.code, rng)
    for n in range(corrections + resettlement):
        kind = SuperviseeKind.CORRECTION if n < corrections else SuperviseeKind.RESETTLEMENT
        start = dt.date(first_year, 1, 1) + dt.timedelta(days=rng.randint(-400, 600))
        start = min(start, today - dt.timedelta(days=20))
        end = start + dt.timedelta(days=rng.choice((180, 365, 540, 730, 1095)))
        ended_on = end if end < today else None
        people.append(Supervisee(
            organisation=township, created_by=user, kind=kind,
            number=f"{short}{'矫' if kind == SuperviseeKind.CORRECTION else '帮'}{start.year}-{n + 1:03d}",
            name=names.name(), gender=rng.choice("男男男女"),
            village=rng.choice(villages) if villages else None,
            correction_type=rng.choice(TYPES) if kind == SuperviseeKind.CORRECTION else CorrectionType.RELEASED,
            offence=rng.choice(OFFENCES), period_start=start, period_end=end, ended_on=ended_on,
            end_reason=EndReason.EXPIRED if ended_on else "",
        ))
    Supervisee.objects.bulk_create(people)
    people = list(Supervisee.objects.filter(organisation=township).order_by("number"))
    logs: list[ContactLog] = []
    active = [p for p in people if p.kind == SuperviseeKind.CORRECTION and p.under_supervision_on(today)]
    missed_today = active[0] if active else None  # the dashboard's "今日尚未联系"
    no_class = active[1] if len(active) > 1 else None  # and "本月尚未集中教育"
    missed_day = dt.date(first_year, 6, 14)  # where the profile says, one call missed in the first year
    missed_once = next((p for p in people if p.kind == SuperviseeKind.CORRECTION and p.under_supervision_on(missed_day)
                        and profile(township.code).falls_short("contact", latest=False)), None)
    for p in people:
        if p.kind != SuperviseeKind.CORRECTION:
            continue
        first = max(p.period_start, dt.date(first_year, 1, 1))
        for day in _days(first, min(p.last_day, today)):
            if (p is missed_today and day == today) or (p is missed_once and day == missed_day):
                continue  # a missed call
            logs.append(ContactLog(organisation=township, created_by=user, supervisee=p, on=day,
                                   kind=ContactKind.VISIT if day.day == 15 else ContactKind.PHONE))
            if (day.day == 1 or day == p.period_start) and not (p is no_class and day.month == today.month and day.year == today.year):
                logs.append(ContactLog(organisation=township, created_by=user, supervisee=p, on=day,
                                       kind=ContactKind.EDUCATION, note="集中学习《社区矫正法》并参加公益活动"))
    ContactLog.objects.bulk_create(logs, batch_size=2000)
    corrected = [p for p in people if p.kind == SuperviseeKind.CORRECTION]
    if corrected:
        Incident.objects.create(organisation=township, created_by=user, supervisee=corrected[-1],
                                on=max(corrected[-1].period_start, dt.date(first_year, 7, 3)), kind=IncidentKind.WARNING,
                                note="未经批准外出，给予训诫并加强教育")
    return len(people)
