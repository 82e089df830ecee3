"""`rate_with_parts`: a rate is written with its numerator and base in the same sentence, and they give it.

The parts of each rate are declared in tables.rate_parts(). A reader who sees "排查调处矛盾纠纷38件、调解成功36件、
调处成功率97.3%" divides 36 by 38 and finds 94.7 %: the rate is over 37 closed cases, which the sentence must say.
Reports Fazhi composes must state the parts (the numerator may be left out of a 100 % or 0 % rate); an imported
report is held only to consistency: stated parts that contradict the rate, or a numerator and the apparent whole
that give another rate while the true base is not written. Weights: a contradiction 10, parts not written 5.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from fazhi.reports.check import text as t
from fazhi.reports.check.model import DENOMINATOR, NUMERATOR, OWN, SYSTEM, CheckInput, Problem, Sentence, Stated
from fazhi.reports.check.tables import Part, RateParts, rate_parts

CONTRADICTION_WEIGHT = 10
MISSING_WEIGHT = 5


class Found:
    """A rate's part as the sentence states it: a figure, or words with a number ("办结37件")."""

    def __init__(self, value: Decimal, shown: str, key: str = ""):
        self.value, self.shown, self.key = value, shown, key


def find_part(report: CheckInput, sentence: Sentence, rate_key: str, part: Part, role: str) -> Found | None:
    figures = report.in_sentence(sentence)
    for fig in figures:
        if fig.key == rate_key and fig.role == role and fig.value is not None:
            return Found(fig.value, t.named(fig), rate_key)
    for fig in figures:
        if part.key and fig.key == part.key and fig.role == OWN and fig.value is not None:
            return Found(fig.value, t.named(fig), part.key)
    if part.pattern is not None:
        hit = t.number_after(part.pattern, sentence.text, part.units)
        if hit is not None and hit[0] is not None:
            return Found(hit[0], f"“{hit[1]}”")
    return None


def precision(printed: str) -> Decimal:
    """One unit of the last digit printed: "97.3%" → 0.1, "95%" → 1."""
    digits = printed.split("%")[0]
    if "." in digits:
        decimals = len(digits.split(".", 1)[1].rstrip("以上余多左右"))
        return Decimal(1).scaleb(-max(decimals, 0))
    return Decimal(1)


def agrees(rate: Stated, computed: Decimal, source: str) -> bool:
    """The stated rate is the computed one, to the digits printed (an imported report gets one unit of slack);
    an approximate rate ("95%以上") holds when the parts give at least about as much."""
    unit = precision(rate.printed)
    tolerance = unit if source != SYSTEM else unit / 2
    diff = computed - rate.value
    if abs(diff) <= tolerance + Decimal("0.0001"):
        return True
    return rate.approx and diff >= -tolerance


def percent(numerator: Decimal, base: Decimal) -> Decimal:
    return (numerator * 100 / base).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _base_from_rate(numerator: Decimal, rate: Stated) -> Decimal | None:
    """The base the stated rate implies (36 at 97.3 % → 37), when one whole number gives it exactly."""
    if not rate.value or rate.approx:
        return None
    guess = (numerator * 100 / rate.value).quantize(Decimal(1), ROUND_HALF_UP)
    if guess > 0 and abs(percent(numerator, guess) - rate.value) <= precision(rate.printed) / 2:
        return guess
    return None


def rate_with_parts(report: CheckInput) -> list[Problem]:
    problems = []
    table = rate_parts()
    for rate in report.own():
        entry = table.get(rate.key)
        if entry is None or rate.value is None:
            continue
        problem = _check(report, rate, entry)
        if problem is not None:
            problems.append(problem)
    return problems


def _check(report: CheckInput, rate: Stated, entry: RateParts) -> Problem | None:
    sentence = rate.sentence
    numerator = find_part(report, sentence, rate.key, entry.numerator, NUMERATOR)
    base = find_part(report, sentence, rate.key, entry.base, DENOMINATOR)
    keys = tuple(k for k in (rate.key, entry.numerator.key, entry.base.key) if k)
    if numerator is not None and base is not None:
        if base.value <= 0:
            return None
        computed = percent(numerator.value, base.value)
        if agrees(rate, computed, report.source):
            return None
        return Problem("rate_with_parts",
                       f"{t.named(rate)}与同句的{numerator.shown}、{base.shown}不符"
                       f"（{t.number_text(numerator.value)}÷{t.number_text(base.value)}={t.number_text(computed)}%）",
                       keys, CONTRADICTION_WEIGHT)
    whole = _apparent_whole(report, sentence, entry)
    if numerator is not None and base is None and whole is not None and whole.value and whole.value > 0:
        computed = percent(numerator.value, whole.value)
        if not agrees(rate, computed, report.source):
            implied = _base_from_rate(numerator.value, rate)
            unit = t.unit_of(entry.apparent_whole)
            write = f"请写明{entry.base.words}" + (f"（按所写比率应为{t.number_text(implied)}{unit}）" if implied else "")
            return Problem("rate_with_parts",
                           f"{t.named(rate)}与同句的{whole.shown}、{numerator.shown}不符"
                           f"（{t.number_text(numerator.value)}÷{t.number_text(whole.value)}={t.number_text(computed)}%）；"
                           f"{entry.basis}，{write}",
                           (*keys, entry.apparent_whole), CONTRADICTION_WEIGHT)
    if report.source != SYSTEM:
        return None  # an outside report may state a rate alone
    missing = []
    if base is None:
        missing.append(entry.base.words)
    if numerator is None and rate.value not in (0, 100):
        missing.append(entry.numerator.words)
    if not missing:
        return None
    return Problem("rate_with_parts", f"{t.named(rate)}未在同句写明{'和'.join(missing)}；{entry.basis}",
                   keys, MISSING_WEIGHT)


def _apparent_whole(report: CheckInput, sentence: Sentence, entry: RateParts) -> Found | None:
    if not entry.apparent_whole:
        return None
    for fig in report.in_sentence(sentence):
        if fig.key == entry.apparent_whole and fig.role == OWN and fig.value is not None:
            return Found(fig.value, t.named(fig), fig.key)
    return None
