"""State changes of ledger records: create/update through a validated form, void with a reason."""
from __future__ import annotations

from django.db import transaction

from fazhi.core.ledgers.registry import ledger_for_model


def record_save(*, form, user):
    """Save a validated ledger form, recording who entered it (kept in history)."""
    obj = form.save(commit=False)
    if obj.pk is None:
        obj.created_by = user
    obj._history_user = user
    ledger = ledger_for_model(type(obj))
    with transaction.atomic():
        if ledger is not None and ledger.before_save is not None:
            ledger.before_save(obj)
        obj.save()
        form.save_m2m()
    return obj


def record_void(*, record, user, reason: str) -> None:
    with transaction.atomic():
        record.void(reason=reason, user=user)
