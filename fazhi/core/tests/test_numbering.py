"""The one numbering service (fazhi/core/numbering.py): gap-free per (organisation, series, year), given back on
rollback, never at or below a number already written, and unique in the database for every numbered model."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from fazhi.core import numbering
from fazhi.core.models import NumberCounter
from fazhi.disputes.models import DisputeCase
from fazhi.enforcement.models import PenaltyCase
from fazhi.testing.factories import DisputeCaseFactory

pytestmark = pytest.mark.django_db


def _take(org, series="test", year=2025, **kw) -> int:
    with transaction.atomic():
        return numbering.next_number(org, series, year, **kw)


def test_numbers_run_per_organisation_series_and_year_and_a_rollback_gives_the_number_back(township, other_township):
    assert [_take(township), _take(township), _take(township, year=2026), _take(township, "other"),
            _take(other_township)] == [1, 2, 1, 1, 1]
    with pytest.raises(RuntimeError), transaction.atomic():
        numbering.next_number(township, "test", 2025)
        raise RuntimeError("the save failed")
    assert _take(township) == 3
    assert _take(township, highest_issued=lambda: 9) == 10  # a number written past the service is never reissued
    assert NumberCounter.objects.get(organisation=township, series="test", year=2025).last == 10


def test_the_database_refuses_a_number_issued_twice(township):
    DisputeCaseFactory(organisation=township, dossier_no="甲调字〔2025〕第001号", dossier_year=2025, dossier_sequence=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        DisputeCaseFactory(organisation=township, dossier_no="甲调字〔2025〕第001号", dossier_year=2025, dossier_sequence=1)
    fields = dict(organisation=township, source="inspection", party_kind="citizen", party_name="张某", party_address="某村",
                  alleged_violation="x", legal_basis="y", filed_on=dt.date(2025, 3, 3), filing_approver="镇长")
    PenaltyCase.objects.create(number="甲罚〔2025〕1号", number_year=2025, number_sequence=1, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():  # another 机关代字, the same place in the series
        PenaltyCase.objects.create(number="甲乡罚〔2025〕1号", number_year=2025, number_sequence=1, **fields)
    assert DisputeCase.objects.count() == 1 and PenaltyCase.objects.count() == 1
