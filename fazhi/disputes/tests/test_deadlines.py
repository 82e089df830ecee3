"""Mediation open over a month: one definition, the same in the ledger's reminder and in the attention list's query."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.disputes import deadlines
from fazhi.disputes.models import DisputeCase
from fazhi.testing.factories import DisputeCaseFactory

pytestmark = pytest.mark.django_db


def test_open_over_a_month_is_a_calendar_month_in_the_reminder_and_the_query(township):
    today = dt.date(2025, 3, 1)  # a month back from 1 March: received on or before 31 January has run out (2-28)
    for received in (dt.date(2025, 1, 28), dt.date(2025, 1, 31), dt.date(2025, 2, 1)):
        DisputeCaseFactory(organisation=township, received_on=received, outcome="open", agreement="none", closed_on=None)
    overdue = deadlines.open_too_long_filter(DisputeCase.objects.all(), today)
    assert sorted(c.received_on.day for c in overdue) == [28, 31]
    assert [deadlines.open_too_long(c.received_on, today) for c in DisputeCase.objects.order_by("received_on")] == [
        True, True, False]
