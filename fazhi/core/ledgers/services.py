"""State changes of ledger records: create/update through a validated form, void with a reason."""
from __future__ import annotations

from django.db import transaction


def record_save(*, form, user):
    """Save a validated ledger form, recording who entered it (kept in history)."""
    obj = form.save(commit=False)
    if obj.pk is None:
        obj.created_by = user
    obj._history_user = user
    with transaction.atomic():
        obj.save()
        form.save_m2m()
    return obj


def record_void(*, record, user, reason: str) -> None:
    with transaction.atomic():
        record.void(reason=reason, user=user)
