"""Scores drawn from the indicators.

A criterion that names an indicator and a target is scored for one village as

    score = min(1, value ÷ target) × weight,   rounded to 0.1

where ``value`` is the indicator computed over the township's records of the criterion's year that name
that village (the records' ``village`` field): a count, a sum, or a rate in per cent. Only indicators
whose records carry a village and that a query can decide qualify (``village_indicators``); departments
have no records of their own, so their scores are always entered by hand with a reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum


FORMULA = "得分 = 分值 × 实际值 ÷ 目标值，实际值达到目标值即得满分（保留一位小数）；实际值为该村（社区）本年度台账记录按指标口径计算的数"


@dataclass(frozen=True)
class Measured:
    value: Decimal | None  # None: a rate with no records
    score: Decimal
    explanation: str


def village_indicators() -> list:
    """Indicators that can be computed for one village (records with a ``village`` field, no judge)."""
    from fazhi.indicators.registry import Scope, all_indicators

    out = []
    for indicator in all_indicators():
        if not indicator.connected or indicator.judge is not None:
            continue
        try:
            model = indicator.rows(Scope((), 2000)).model
        except Exception:  # an indicator whose rows cannot be built without organisations
            continue
        if any(f.name == "village" for f in model._meta.get_fields()):
            out.append(indicator)
    return out


def village_value(indicator, *, township, village, year: int) -> Decimal | None:
    from fazhi.indicators.registry import Kind, Scope, percentage

    qs = indicator.records(Scope((township,), year)).filter(village=village)
    if indicator.kind == Kind.COUNT:
        return Decimal(qs.count())
    if indicator.kind == Kind.SUM:
        return Decimal(qs.aggregate(total=Sum(indicator.sum_field))["total"] or 0)
    denominator = qs.count()
    return percentage(qs.filter(indicator.numerator).count(), denominator) if denominator else None


def score_for(value: Decimal | None, *, target: Decimal, weight: Decimal) -> Decimal:
    if value is None or not target:
        return Decimal("0.0")
    ratio = min(Decimal(1), Decimal(value) / Decimal(target))
    return (ratio * Decimal(weight)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _ratio_text(value: Decimal | None, target: Decimal) -> str:
    """The share of the target reached, as the clerk reads it: "3 ÷ 4", or "1（达到目标值）" when reached."""
    from fazhi.indicators.registry import format_value

    if value is None:
        return "0"
    if Decimal(value) >= Decimal(target):
        return "1（达到目标值）"
    return f"{format_value(value)} ÷ {format_value(target)}"


def measure(criterion, village) -> Measured:
    from fazhi.indicators.registry import format_value, get

    indicator = get(criterion.indicator_key)
    value = village_value(indicator, township=criterion.organisation, village=village, year=criterion.year)
    score = score_for(value, target=criterion.target, weight=criterion.weight)
    shown = "无记录" if value is None else f"{format_value(value)}{indicator.unit}"
    explanation = (
        f"按台账数据计分：{criterion.year}年{village}“{indicator.label}”{shown}，目标{format_value(criterion.target)}"
        f"{indicator.unit}，得分 = {format_value(criterion.weight)}分 × {_ratio_text(value, criterion.target)} = {format_value(score)}分"
    )
    return Measured(value, score, explanation)
