"""Masking personal data (names, phones, e-mail) wherever it is shown outside its owner's office."""
from __future__ import annotations

import re


def normalise_contact(value: str) -> str:
    return re.sub(r"[\s\-－—()（）]", "", value or "").lower()


def mask_name(name: str) -> str:
    name = (name or "").strip()
    if len(name) <= 1:
        return name + "*"
    if len(name) <= 3:
        return name[0] + "*" * (len(name) - 1)
    return name[:2] + "*" * min(len(name) - 2, 6)


def mask_contact(value: str) -> str:
    value = (value or "").strip()
    digits = normalise_contact(value)
    if "@" in value:
        user, _, domain = value.partition("@")
        return user[:1] + "***@" + domain
    if len(digits) >= 7:
        return digits[:3] + "****" + digits[-4:]
    return "*" * len(digits)
