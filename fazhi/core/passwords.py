"""Password rule beyond Django's validators: letters and digits both (a government workstation policy)."""
from __future__ import annotations

import re

from django.core.exceptions import ValidationError


class LettersAndDigitsValidator:
    def validate(self, password: str, user=None) -> None:
        if not (re.search(r"[A-Za-z]", password or "") and re.search(r"\d", password or "")):
            raise ValidationError("密码必须同时包含字母和数字", code="password_letters_and_digits")

    def get_help_text(self) -> str:
        return "密码必须同时包含字母和数字。"
