"""Reads over the disclosure register: clocks of many applications at once, the dashboard, the indicators."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure.choices import RequestStatus
from fazhi.disclosure.deadlines import DUE_SOON_WORKING_DAYS, Clock, ClockState, compute_clock, due_within
from fazhi.disclosure.models import Consultation, DisclosureRequest
from fazhi.disclosure.services import clock_for, clock_input


def with_clock_data(qs: QuerySet[DisclosureRequest]) -> QuerySet[DisclosureRequest]:
    return qs.select_related("organisation", "handler").prefetch_related(
        Prefetch("consultations", queryset=Consultation.objects.active())
    )


@dataclass
class Clocked:
    request: DisclosureRequest
    clock: Clock


def clocked(qs: QuerySet[DisclosureRequest], *, today: dt.date | None = None, calendar=None) -> list[Clocked]:
    today = today or timezone.localdate()
    calendar = calendar or WorkingCalendar.load()
    return [Clocked(r, clock_for(r, calendar=calendar, today=today)) for r in with_clock_data(qs)]


@dataclass
class Dashboard:
    due_soon: list[Clocked]
    overdue: list[Clocked]
    paused: list[Clocked]
    awaiting_correction: list[Clocked]
    running: list[Clocked]
    answered_this_year: int
    answered_on_time_this_year: int


def dashboard(orgs, *, today: dt.date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    calendar = WorkingCalendar.load()
    open_requests = DisclosureRequest.objects.active().filter(organisation__in=orgs).exclude(status=RequestStatus.CLOSED)
    items = clocked(open_requests.order_by("received_on", "sequence"), today=today, calendar=calendar)
    overdue = [i for i in items if i.clock.is_overdue(today)]
    running = [i for i in items if i.clock.state == ClockState.RUNNING and not i.clock.is_overdue(today)]
    due_soon = [i for i in running if due_within(i.clock.due, today, DUE_SOON_WORKING_DAYS, calendar)]
    answered = clocked(
        DisclosureRequest.objects.active().filter(
            organisation__in=orgs, status=RequestStatus.CLOSED, replied_on__year=today.year
        ),
        today=today, calendar=calendar,
    )
    judged = [i for i in answered if i.clock.answered_on_time is not None]
    return Dashboard(
        due_soon=sorted(due_soon, key=lambda i: i.clock.due),
        overdue=sorted(overdue, key=lambda i: i.clock.due),
        paused=[i for i in items if i.clock.state == ClockState.PAUSED],
        awaiting_correction=[i for i in items if i.clock.state == ClockState.AWAITING_CORRECTION],
        running=sorted(running, key=lambda i: i.clock.due),
        answered_this_year=len(judged),
        answered_on_time_this_year=sum(1 for i in judged if i.clock.answered_on_time),
    )


# ---------------------------------------------------------------- indicators

def response_rate_candidates(year: int) -> QuerySet[DisclosureRequest]:
    return DisclosureRequest.objects.filter(Q(replied_on__year=year) | ~Q(status=RequestStatus.CLOSED))


def judge_response(year: int, qs: QuerySet[DisclosureRequest], *, today: dt.date | None = None) -> dict[int, bool]:
    """按期答复率 (INDICATORS.md disclosure_response_rate): which applications were due in the year, and
    whether each was answered in time.

    Denominator: applications answered in the year (closures that need no answer, such as a lapsed
    correction, are left out), plus applications still unanswered whose due date fell in the year and
    has passed. Numerator: those answered on or before their due date.
    """
    today = today or timezone.localdate()
    calendar = WorkingCalendar.load()
    verdicts: dict[int, bool] = {}
    for request, consultations in _with_consultations(qs):
        clock = compute_clock(clock_input(request, consultations), calendar, today=today)
        if clock.state == ClockState.CLOSED:
            if clock.answered_on_time is not None and clock.closed_on.year == year:
                verdicts[request.pk] = clock.answered_on_time
        elif clock.is_overdue(today) and clock.due.year == year:
            verdicts[request.pk] = False
    return verdicts


def _with_consultations(qs: QuerySet[DisclosureRequest]) -> list[tuple[DisclosureRequest, list[Consultation]]]:
    """Each application with its consultations not voided: two queries, and none of a prefetch's per-row querysets
    (a township's register is judged several times per annual report)."""
    requests = list(qs.order_by())
    consultations: dict[int, list[Consultation]] = defaultdict(list)
    for c in Consultation.objects.active().filter(request_id__in=[r.pk for r in requests]).order_by("sent_on", "id"):
        consultations[c.request_id].append(c)
    return [(r, consultations.get(r.pk, [])) for r in requests]
