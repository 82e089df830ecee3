"""Keep the precomputed figures honest: a change to any record that feeds an indicator, or to the working-day
calendar, marks the affected township's figures stale (they are recomputed before they are read)."""
from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from fazhi.core import jobs
from fazhi.indicators import aggregates


def _record_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    org_id = getattr(instance, "organisation_id", None)
    aggregates.mark_stale(org_id)
    if org_id and jobs.redis_url():
        transaction.on_commit(lambda: aggregates.schedule_refresh(org_id))


def _calendar_changed(sender, instance, **kwargs):
    aggregates.mark_all_stale()


def _remember_place(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._aggregate_place = sender.objects.filter(pk=instance.pk).values_list("kind", "parent_id").first()


def _organisation_changed(sender, instance, created=False, **kwargs):
    """A township moved to another county, or stopped or started being a township: the county sums change."""
    from fazhi.core.models import OrgKind

    if kwargs.get("raw") or created:
        return
    before = getattr(instance, "_aggregate_place", None)
    if kwargs.get("signal") is post_delete:
        moved = instance.kind == OrgKind.TOWNSHIP
    else:
        moved = before is not None and before != (instance.kind, instance.parent_id) and OrgKind.TOWNSHIP in (before[0], instance.kind)
    if moved:
        aggregates.forget_roll_ups()


def connect() -> None:
    from django.apps import apps

    from fazhi.core.models import CalendarDay, HolidayArrangement, Organisation, Record

    pre_save.connect(_remember_place, sender=Organisation, dispatch_uid="aggregates-org-pre")
    post_save.connect(_organisation_changed, sender=Organisation, dispatch_uid="aggregates-org")
    post_delete.connect(_organisation_changed, sender=Organisation, dispatch_uid="aggregates-org-del")

    for model in apps.get_models():
        if issubclass(model, Record):
            post_save.connect(_record_changed, sender=model, dispatch_uid=f"aggregates-{model._meta.label}")
            post_delete.connect(_record_changed, sender=model, dispatch_uid=f"aggregates-del-{model._meta.label}")
    for model in (CalendarDay, HolidayArrangement):
        post_save.connect(_calendar_changed, sender=model, dispatch_uid=f"aggregates-{model._meta.label}")
        post_delete.connect(_calendar_changed, sender=model, dispatch_uid=f"aggregates-del-{model._meta.label}")
