"""Keep the precomputed figures honest: a change to any record that feeds an indicator, or to the working-day
calendar, marks the affected township's figures stale (they are recomputed before they are read)."""
from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from fazhi.indicators import aggregates


def _record_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    aggregates.mark_stale(getattr(instance, "organisation_id", None))


def _calendar_changed(sender, instance, **kwargs):
    aggregates.mark_all_stale()


def connect() -> None:
    from django.apps import apps

    from fazhi.core.models import CalendarDay, HolidayArrangement, Record

    for model in apps.get_models():
        if issubclass(model, Record):
            post_save.connect(_record_changed, sender=model, dispatch_uid=f"aggregates-{model._meta.label}")
            post_delete.connect(_record_changed, sender=model, dispatch_uid=f"aggregates-del-{model._meta.label}")
    for model in (CalendarDay, HolidayArrangement):
        post_save.connect(_calendar_changed, sender=model, dispatch_uid=f"aggregates-{model._meta.label}")
        post_delete.connect(_calendar_changed, sender=model, dispatch_uid=f"aggregates-del-{model._meta.label}")
