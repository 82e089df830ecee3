"""How long a legality review must be allowed, per kind of matter.

- 重大行政决策: 《重大行政决策程序暂行条例》第二十六条第二款 — 送请合法性审查，应当保证必要的审查时间，
  一般不少于7个工作日. A hard minimum here.
- 行政规范性文件: 国办发〔2018〕115号 is recalled as "不少于5个工作日" (UNCONFIRMED, LAW.md §6): default only.
- 合同、重大执法决定、其他: no national period; 5 working days is a default the office may change per item.
"""
from __future__ import annotations

from fazhi.reviews.choices import SubjectKind

DEFAULT_DAYS_ALLOWED = {
    SubjectKind.DECISION: 7,
    SubjectKind.NORMATIVE: 5,
    SubjectKind.CONTRACT: 5,
    SubjectKind.ENFORCEMENT: 5,
    SubjectKind.OTHER: 5,
}

MINIMUM_DAYS_ALLOWED = {SubjectKind.DECISION: 7}

MINIMUM_BASIS = {SubjectKind.DECISION: "《重大行政决策程序暂行条例》第二十六条第二款"}


def minimum_days(kind: str) -> int:
    return MINIMUM_DAYS_ALLOWED.get(kind, 1)
