import pytest

from fazhi.core.models import Role
from fazhi.testing.factories import UserFactory


@pytest.fixture
def reviewer(township):
    return UserFactory(username="reviewer_a", organisation=township, role=Role.LEGAL_REVIEWER)
