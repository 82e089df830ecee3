"""Numbers as written in Chinese reports: Arabic, Chinese numerals, 万/千 multipliers, qualifiers."""
from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万"

# Words that qualify a number as approximate, before it (近千份) and after it (500余次, 95%以上).
APPROX_BEFORE = re.compile(r"(?:将近|接近|近|约|大约|超过|超|逾|不少于|多达)(?:有|为|计|达)?$")
APPROX_AFTER = re.compile(r"^(?:以上|左右|上下|之多|有余|许)")
APPROX_INSIDE = frozenset("余多来")


def cn_to_number(text: str) -> float | None:
    """Convert a Chinese numeral (一千二百, 十, 两, 三十五, 一万二千) to a number; None if malformed."""
    if not text:
        return None
    if "万" in text:
        high, _, low = text.partition("万")
        if "万" in low:
            return None
        high_value = cn_to_number(high) if high else 1.0
        low_value = cn_to_number(low) if low else 0.0
        if high_value is None or low_value is None:
            return None
        return high_value * 10_000 + low_value
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return float(CN_DIGITS[text])
        if text[0] == "两":  # 两二 is not a number
            return None
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0
    current: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in "零〇":
            if current is not None:
                return None
            continue  # 一百零五: the zero only marks a skipped place
        if ch in CN_DIGITS:
            if current is not None:
                return None  # two digits in a row inside a positional numeral
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if current is None else current) * unit
            current = None
            last_unit = unit
        else:
            return None
    if current is not None:
        total += current
    return float(total)


def to_number(digits: str) -> float | None:
    """Arabic ("12.5", "1,200") or Chinese numeral to a float."""
    digits = digits.replace(",", "")
    if digits[:1].isdigit():
        try:
            return float(digits)
        except ValueError:
            return None
    return cn_to_number(digits)


def apply_multiplier(value: float, multiplier: str) -> float:
    for ch in multiplier:
        value *= {"万": 10_000, "千": 1_000, "百": 100}.get(ch, 1)
    return value


def tidy(value: float) -> float | int:
    """Integers as int (67, not 67.0) so the JSON reads naturally."""
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded
