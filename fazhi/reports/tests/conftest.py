"""Report fixtures: a township with a year of ledger records, and last year's for comparison."""
from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from fazhi.testing.factories import (
    CourtObservationFactory, DisputeCaseFactory, ExamRecordFactory, LegalLiaisonFactory, MeetingFactory,
    PublicityEventFactory, StudySessionFactory,
)

YEAR = timezone.localdate().year - 1


def on(month: int, day: int, year: int = YEAR) -> dt.date:
    return dt.date(year, month, day)


@pytest.fixture
def year() -> int:
    return YEAR


@pytest.fixture
def ledgers(township):
    """This year: 3 offline events (600 materials, 360 audience), 1 online; last year: 2 offline events."""
    for month in (3, 5, 12):
        PublicityEventFactory(organisation=township, held_on=on(month, 4), materials=200, audience=120, consultations=10)
    PublicityEventFactory(organisation=township, held_on=on(6, 1), channel="online", materials=0, audience=0)
    for month in (4, 9):
        PublicityEventFactory(organisation=township, held_on=on(month, 2, YEAR - 1), materials=150, audience=100)
    MeetingFactory(organisation=township, held_on=on(2, 20))
    MeetingFactory(organisation=township, held_on=on(7, 20), chaired_by_principal=True)
    StudySessionFactory(organisation=township, held_on=on(3, 12))
    ExamRecordFactory(organisation=township, exam_on=on(10, 15), passed=True)
    ExamRecordFactory(organisation=township, exam_on=on(10, 15), passed=True)
    ExamRecordFactory(organisation=township, exam_on=on(10, 15), passed=False)
    ExamRecordFactory(organisation=township, exam_on=on(10, 15, YEAR - 1), passed=True)
    CourtObservationFactory(organisation=township, held_on=on(6, 18), attendees=12)
    LegalLiaisonFactory(organisation=township, registered_on=on(3, 1))
    for i in range(4):
        DisputeCaseFactory(organisation=township, received_on=on(4, 2 + i), closed_on=on(4, 20 + i),
                           outcome="resolved" if i < 3 else "failed")
    return township
