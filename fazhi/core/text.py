"""The one rule for text typed, pasted, posted or imported into the system: every output can carry what is stored.

Applied to every text field on input — every Django form's ``CharField`` (and so every ModelForm, the REST API,
which validates through the same forms, and Excel imports, which do too) — by ``install()`` from
``CoreConfig.ready``; the API's JSON parser (fazhi/api/parsers.py) refuses lone surrogates anywhere in a body.

- A manual line break (``\\x0b``, what Word inserts for Shift+Enter), a form feed, ``\\r\\n``/``\\r`` and the
  Unicode line/paragraph separators become ``\\n``.
- Any other control character (C0 except tab and newline, DEL, C1) is refused: .docx and .xlsx cannot hold them.
- A lone UTF-16 surrogate (JSON ``"\\ud800"``) is refused: no database or file format can store it.
- A value made only of blanks and invisible characters (zero-width space, BOM, word joiner …) counts as empty,
  so a required field ("作废原因") cannot be satisfied by ``"\\u200b"``; such characters are trimmed at both ends.
"""
from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError

LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")  # NUL is refused by Django's own validator
SURROGATE = re.compile("[\ud800-\udfff]")
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e\u3164"
_BLANK_ENDS = re.compile(f"^[\\s{INVISIBLE}]+|[\\s{INVISIBLE}]+$")

SURROGATE_MESSAGE = "含有无法识别的字符（不成对的 UTF-16 代理字符），请删除后重新输入"
CONTROL_MESSAGE = "含有无法保存的控制字符（如从其他软件粘贴带入的不可见字符），请删除后重新输入"


def has_surrogate(value: str) -> bool:
    return bool(SURROGATE.search(value))


def clean_text(value: str, *, strip: bool = True) -> str:
    """The text as stored: line breaks normalised, blanks and invisibles trimmed; refused with a Chinese
    ``ValidationError`` when it holds a character no output can carry."""
    if SURROGATE.search(value):
        raise ValidationError(SURROGATE_MESSAGE, code="surrogate")
    value = LINE_BREAKS.sub("\n", value)
    if CONTROL.search(value):
        raise ValidationError(CONTROL_MESSAGE, code="control_character")
    if strip:
        value = _BLANK_ENDS.sub("", value)
    return value


def is_blank(value: str) -> bool:
    """Whether a text is empty once blanks and invisible characters are taken away."""
    return not _BLANK_ENDS.sub("", value or "")


_original_to_python = forms.CharField.to_python


def _char_field_to_python(self, value):
    value = _original_to_python(self, value)
    if isinstance(value, str) and value:
        value = clean_text(value, strip=self.strip)
        if value == "":
            return self.empty_value
    return value


def install() -> None:
    """Make every form text field (Django's, the admin's, every app's) apply the rule. Idempotent."""
    if forms.CharField.to_python is not _char_field_to_python:
        forms.CharField.to_python = _char_field_to_python
