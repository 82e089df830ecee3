"""Every number with a unit in a text: Arabic or Chinese, with 万/千, qualifiers and percentages.

Dates, document numbers, ordinals (第五次) and words that only look like numbers (一次性,
一件事) are left out here; whether a number is a figure of an indicator is extract.py's call.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ALL_UNITS, NOT_UNIT_BEFORE
from .numerals import APPROX_AFTER, APPROX_BEFORE, APPROX_INSIDE, apply_multiplier, to_number

UNITS_PATTERN = "|".join(sorted(ALL_UNITS, key=len, reverse=True))
_CN = "零〇一二两三四五六七八九十百千万"
MENTION = re.compile(
    rf"(?P<all100>(?:[一二两三四五六七八九十\d]{{1,2}}个)?(?:百分百|百分之百))"
    rf"|百分之(?P<pct>\d{{1,3}}(?:\.\d{{1,3}})?|[{_CN}]{{1,4}})"
    rf"|(?P<num>\d{{1,9}}(?:\.\d{{1,4}})?|[{_CN}]{{1,8}})(?P<mult>[万千]?)(?P<inside>[余多来]?)(?P<mult2>万?)"
    rf"(?P<unit>%|{UNITS_PATTERN})"
    rf"|(?P<pnum>\d{{1,6}})(?=公职人员|干部职工|机关干部|工作人员|执法人员)"
)
# 第五次, 十届六次全会: ordinals and sessions, not counts.
NOT_BEFORE_ARABIC = re.compile(r"[A-Za-z\d.\-/_#第届]$")
NOT_BEFORE_CN = re.compile(r"(?:第|届|再|又|唯|统|同|单|星期|周|初|万|逐|之|这|那|哪|某|每)$")


@dataclass
class Mention:
    start: int
    end: int
    value: float
    unit: str
    approx: bool
    chinese: bool = False


def find_mentions(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    for m in MENTION.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        after = text[m.end():m.end() + 4]
        if m.group("all100") is not None or m.group("pct") is not None:
            value = 100.0 if m.group("all100") is not None else to_number(m.group("pct"))
            if value is None:
                continue
            mentions.append(Mention(m.start(), m.end(), value, "%", bool(APPROX_AFTER.match(after))))
            continue
        if m.group("pnum") is not None:
            if NOT_BEFORE_ARABIC.search(before):
                continue
            mentions.append(Mention(m.start(), m.end(), float(m.group("pnum")), "名", False))
            continue
        digits, unit = m.group("num"), m.group("unit")
        chinese = not digits[0].isdigit()
        if chinese:
            bare = digits in ("千", "百", "万")  # 近千份, 万余人: only as a round, qualified figure
            if NOT_BEFORE_CN.search(before) or bare and not (APPROX_BEFORE.search(before) or m.group("inside")):
                continue
        elif NOT_BEFORE_ARABIC.search(before):
            continue
        if after[:1] and after[0] in NOT_UNIT_BEFORE.get(unit, ""):
            continue
        value = to_number(digits)
        if value is None:
            continue
        value = apply_multiplier(value, m.group("mult") + m.group("mult2"))
        approx = bool(APPROX_BEFORE.search(before) or m.group("inside") in APPROX_INSIDE and m.group("inside")
                      or APPROX_AFTER.match(after))
        if unit == "%" and value > 100:
            continue
        mentions.append(Mention(m.start(), m.end(), value, unit, approx, chinese))
    return mentions
