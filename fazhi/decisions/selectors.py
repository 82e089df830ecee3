"""Read-side questions about major decisions, for the decision page, the dashboard and the annual report.

- ``decision_progress``: each step with its state (done / skipped with the reason / current / todo);
- ``missing_steps``: what the decision still lacks before it is complete;
- ``pending_legality_review``: catalogued decisions of a year whose legality review has not started — the
  shortcoming the seeds report as "重大决策…法制审核尚未启动", which Fazhi never lets go unseen;
- ``dashboard``: the counts a township's dashboard shows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from fazhi.decisions import figures, steps
from fazhi.decisions.choices import Stage
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.decisions.steps import DecisionStep
from fazhi.participation.models import CommentPeriod


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def decision_progress(decision: MajorDecision, today: dt.date | None = None) -> list[DecisionStep]:
    """The steps in the regulation's order. Each has ``stage``, ``label``, ``state`` (done / skipped / current /
    todo), ``detail`` (dates, reasons, review state), ``optional`` and ``article``."""
    return steps.progress(decision, _today(today))


def missing_steps(decision: MajorDecision, today: dt.date | None = None) -> list[DecisionStep]:
    """What is missing before the decision is complete (decided, published, archived): mandatory steps not done
    and optional ones neither taken nor declined with a reason. Post-evaluation is as needed and never missing."""
    return steps.missing_steps(decision, _today(today))


def pending_legality_review(organisation_ids: Iterable[int], year: int) -> QuerySet[MajorDecision]:
    """Catalogued decisions of ``year`` (non-void, in a non-void catalog) of these organisations whose legality
    review has not been started (never sent, or the only review withdrawn)."""
    return figures.without_review_in(year).active().filter(
        organisation_id__in=list(organisation_ids),
    ).select_related("organisation", "catalog").order_by("organisation_id", "launched_on", "id")


def dashboard(organisation, year: int | None = None, today: dt.date | None = None) -> dict:
    """Counts for one township's dashboard (``year`` defaults to the current one).

    Keys: ``catalog`` (the year's catalog or None), ``catalog_published`` (bool), ``catalogued``, ``in_progress``
    (not yet decided), ``by_stage`` ({stage value: count} of those in progress), ``pending_legality_review``,
    ``in_legality_review``, ``open_for_comment`` (comment periods open today), ``decided``, ``published``,
    ``awaiting_publication`` (decided, not published), ``archived``, ``evaluated``, ``overdue`` (planned
    completion date passed, not decided).
    """
    today = _today(today)
    year = year or today.year
    active = MajorDecision.objects.active().filter(organisation=organisation)
    catalog = DecisionCatalog.objects.active().filter(organisation=organisation, year=year).first()
    in_progress = active.filter(decided_on__isnull=True)
    by_stage = dict(in_progress.values_list("stage").annotate(n=Count("id")).order_by())
    in_review = in_progress.filter(stage=Stage.LEGALITY).filter(figures.review_started()).count()
    periods = CommentPeriod.objects.active().filter(
        organisation=organisation, subject_type__app_label="decisions", subject_type__model="majordecision",
        opens_on__lte=today, closes_on__gte=today,
    )
    counts = active.aggregate(
        decided=Count("id", filter=Q(decided_on__year=year)),
        published=Count("id", filter=Q(published_on__year=year)),
        awaiting_publication=Count("id", filter=Q(decided_on__isnull=False, published_on__isnull=True)),
        archived=Count("id", filter=Q(archived_on__year=year)),
        evaluated=Count("id", filter=Q(evaluated_on__year=year)),
        overdue=Count("id", filter=Q(decided_on__isnull=True, planned_on__lt=today)),
    )
    return {
        "year": year, "catalog": catalog, "catalog_published": bool(catalog and catalog.published_on),
        "catalogued": catalog.decisions.active().count() if catalog else 0,
        "in_progress": sum(by_stage.values()), "by_stage": by_stage,
        "pending_legality_review": pending_legality_review([organisation.pk], year).count(),
        "in_legality_review": in_review, "open_for_comment": periods.count(), **counts,
    }
