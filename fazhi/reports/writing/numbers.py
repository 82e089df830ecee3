"""Figures as real township reports print them: "1.6万余份", "5万元", "97.3%", and a zero as "无".

The printed text may round; the exact figure stays on the run (``FigureRun.amount``) and its link
still opens the records that produce it.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from fazhi.indicators.registry import format_value

WAN = Decimal(10000)


def _trim(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def large(value: int | Decimal, unit: str) -> tuple[str, str, bool]:
    """(printed value, printed unit, approximate?) for a count or sum.

    Counts of ten thousand and more are written in 万 with one decimal, truncated, and "余" when the
    truncation drops something (16260 → "1.6万余"); money in 元 from ten thousand on in 万元 with up
    to two decimals (50000 → "5万元", 52345 → "5.23万余元"). Smaller figures are exact.
    """
    amount = Decimal(value)
    if amount < WAN:
        return format_value(value if isinstance(value, int) else amount), unit, False
    places = Decimal("0.01") if unit == "元" else Decimal("0.1")
    in_wan = (amount / WAN).quantize(places, ROUND_DOWN)
    approx = in_wan * WAN != amount
    return _trim(in_wan) + "万" + ("余" if approx else ""), unit, approx


def rate(value: Decimal) -> str:
    return format_value(value)


def change(delta: int | Decimal, unit: str) -> str:
    """The size of a year-on-year change, printed like the figure itself ("4560份", "1.2万余份")."""
    text, printed_unit, _ = large(abs(delta), unit)
    return f"{text}{printed_unit}"
