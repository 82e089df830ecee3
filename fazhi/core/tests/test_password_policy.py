"""Passwords: at least 10 characters, not common, not all digits, letters and digits both — in Chinese."""
from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize("password, fragment", [
    ("abc12", "10"), ("password123", "常见"), ("1234567890123", "数字"), ("onlylettersherex", "字母和数字"),
])
def test_weak_passwords_are_refused(password, fragment, db):
    with pytest.raises(ValidationError) as exc:
        validate_password(password)
    assert fragment in " ".join(exc.value.messages)


def test_a_good_password_passes(db):
    validate_password("fazhi-demo-2025")
