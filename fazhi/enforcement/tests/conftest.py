from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.models import Role
from fazhi.enforcement import journey, services
from fazhi.testing.factories import UserFactory


@pytest.fixture
def officers(township, clerk):
    return [
        journey.certified_officer(township, "王执法", valid_until=dt.date(2030, 12, 31), number="T901-001", user=clerk),
        journey.certified_officer(township, "赵执法", valid_until=dt.date(2030, 12, 31), number="T901-002", user=clerk),
    ]


@pytest.fixture
def reviewer(township):
    return UserFactory(username="reviewer_a", organisation=township, role=Role.LEGAL_REVIEWER)


@pytest.fixture
def new_case(township, clerk):
    def make(filed_on=dt.date(2025, 3, 3), **kw):
        return services.case_file(organisation=township, fields=journey.case_fields(**kw), filed_on=filed_on, user=clerk)
    return make


@pytest.fixture
def case_at(new_case, officers, clerk, reviewer):
    def make(until, filed_on=dt.date(2025, 3, 3), **kw):
        case = new_case(filed_on=filed_on)
        journey.take(case, until=until, officers=officers, user=clerk, reviewer=reviewer, **kw)
        case.refresh_from_db()
        return case
    return make
