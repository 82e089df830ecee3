"""`part_exceeds_whole`: a figure that counts part of another never exceeds it without a word why.

"负责人出庭应诉4次" beside "行政诉讼案件3件" reads as a leader at more hearings than there were cases: it is
right only because appearances count hearings, which the sentence must say (开庭/庭审/庭次). The pairs are
declared in tables.wholes(); a rate's numerator never exceeds its base either. Weight 10.
"""
from __future__ import annotations

from fazhi.reports.check import text as t
from fazhi.reports.check.model import DENOMINATOR, NUMERATOR, CheckInput, Problem, Stated
from fazhi.reports.check.tables import rate_parts, wholes

WEIGHT = 10


def _largest(figures: list[Stated]) -> Stated | None:
    stated = [f for f in figures if f.value is not None]
    return max(stated, key=lambda f: f.value) if stated else None


def part_exceeds_whole(report: CheckInput) -> list[Problem]:
    problems = []
    for pair in wholes():
        whole = _largest(report.own(pair.whole))
        if whole is None:
            continue
        if pair.part.key:
            part = _largest(report.own(pair.part.key))
            if part is None or part.value <= whole.value:
                continue
            if pair.explained_by is not None and pair.explained_by.search(part.sentence.text):
                continue
            shown = t.named(part)
        else:
            found = [t.number_after(pair.part.pattern, f.sentence.text, pair.part.units) for f in report.own(pair.whole)]
            found = [hit for hit in found if hit is not None and hit[0] is not None and hit[0] > whole.value]
            if not found:
                continue
            shown = f"“{found[0][1]}”"
        keys = tuple(k for k in (pair.part.key, pair.whole) if k)
        problems.append(Problem("part_exceeds_whole", f"{shown}多于{t.named(whole)}；{pair.hint}", keys, WEIGHT))
    for rate_key, entry in rate_parts().items():
        numerators = [f for f in report.figures if f.key == rate_key and f.role == NUMERATOR and f.value is not None]
        for numerator in numerators:
            bases = [f for f in report.in_sentence(numerator.sentence)
                     if f.key == rate_key and f.role == DENOMINATOR and f.value is not None]
            if bases and numerator.value > bases[0].value:
                problems.append(Problem(
                    "part_exceeds_whole",
                    f"{t.named(numerator)}多于{t.named(bases[0])}；{entry.numerator.words}不能多于{entry.base.words}",
                    (rate_key,), WEIGHT))
    return problems
