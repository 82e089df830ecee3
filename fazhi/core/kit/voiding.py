"""Voiding a workflow record as one service: the record is locked, the institution's refusal asked, then the record,
its timeline entry and everything that goes with it (the cascade) are voided in one transaction.

An institution declares its rule once, e.g. for a contract::

    CONTRACT_VOIDING = Voiding(
        refuse=lambda c: "已签订的合同不能作废；请登记解除或终止" if c.status in SIGNED_OR_CLOSED else None,
        cascade=(reviews.withdraw_open_review,),
    )

and its service is ``void_record(contract, voiding=CONTRACT_VOIDING, user=user, reason=reason)``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from fazhi.core.transitions import record_transition


@dataclass(frozen=True)
class Voiding:
    """``refuse``: the record → the Chinese reason it may not be voided, or None. ``action``: the timeline's entry
    (None: the record keeps no timeline). ``cascade``: services called as ``step(record, user=…, reason=…)`` after
    the record is voided, e.g. withdrawing its open legality review or its portal comment periods."""

    refuse: Callable[[Model], str | None] = lambda record: None
    action: str | None = "作废"
    cascade: tuple[Callable[..., object], ...] = ()


def void_record(record: Model, *, voiding: Voiding, user, reason: str) -> Model:
    """Void ``record`` with ``reason``, or raise ValidationError (the refusal, a missing reason, already void) with
    nothing changed. Returns the voided record as stored."""
    with transaction.atomic():
        locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
        refusal = voiding.refuse(locked)
        if refusal:
            raise ValidationError(refusal)
        locked.void(reason=reason, user=user)
        if voiding.action:
            record_transition(locked, action=voiding.action, user=user, note=locked.void_reason)
        for step in voiding.cascade:
            step(locked, user=user, reason=locked.void_reason)
    return locked
