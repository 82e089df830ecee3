"""Generating a year that is still running never produces a date after today."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.demo.generate import LEDGERS, TOWNSHIPS, ensure_orgs, generate_township_year, has_records
from fazhi.disputes.models import DisputeCase


@pytest.mark.django_db
@pytest.mark.parametrize("today", [dt.date(2026, 3, 10), dt.date(2026, 12, 31)])
def test_running_year_is_clipped_to_today(today):
    _, townships, _ = ensure_orgs()
    spec = TOWNSHIPS[2]
    township = townships[spec.code]
    counts = generate_township_year(spec, township, today.year, today=today)
    assert counts and sum(counts.values()) > 0
    assert has_records(township, today.year)
    assert generate_township_year(spec, township, today.year, today=today) is None
    for model, datefield in LEDGERS:
        for obj in model.objects.filter(organisation=township):
            obj.full_clean()
            assert dt.date(today.year, 1, 1) <= getattr(obj, datefield) <= today
    for case in DisputeCase.objects.filter(organisation=township):
        assert case.closed_on is None or case.closed_on <= today


@pytest.mark.django_db
def test_future_year_is_refused():
    _, townships, _ = ensure_orgs()
    with pytest.raises(ValueError):
        generate_township_year(TOWNSHIPS[0], townships["SFX01"], 2030, today=dt.date(2026, 5, 1))
