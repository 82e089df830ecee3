"""The timeline of a workflow record: one append-only row per transition (who, when, from, to, note).

Workflow apps (reviews, decisions, normative documents, contracts, …) call ``record_transition``
inside the service that performs the change, so the event commits or rolls back with it.
"""
from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils import timezone

from fazhi.core.models import TransitionEvent


def record_transition(
    obj: Model, *, action: str, from_status: str = "", to_status: str = "", user=None, note: str = "",
    on: dt.date | None = None,
) -> TransitionEvent:
    return TransitionEvent.objects.create(
        organisation_id=obj.organisation_id,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        action=action,
        from_status=from_status,
        to_status=to_status,
        user=user if getattr(user, "is_authenticated", False) else None,
        note=note,
        on=on or timezone.localdate(),
    )


def timeline(obj: Model) -> QuerySet[TransitionEvent]:
    return TransitionEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("user")
