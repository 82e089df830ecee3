"""The neutral input of the report check, and its result.

A report is checked the same way whether Fazhi composed it or the county imported it from a file:
its sections (which statutory part each is, the heading, paragraphs split into sentences) and the
figures it states (indicator key, exact value, whether the printed value is approximate, the sentence
and the part it stands in). Adapters (adapters.py) build this from a ComposedReport or from an imported
text with its extracted figures.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

# The statutory parts (LAW.md §1; same ids as fazhi/ingest/sections.py), in order.
MEASURES, SHORTCOMINGS, LEADERS_DUTY, PLANS, OTHER = "measures", "shortcomings", "leaders_duty", "plans", "other"
PARTS = (MEASURES, SHORTCOMINGS, LEADERS_DUTY, PLANS, OTHER)

SYSTEM, IMPORTED = "system", "imported"  # where the report comes from

# A figure's role in its sentence (FigureRun.part): its own value, a rate's numerator or denominator,
# the change on last year ("较上年增加15场次"), which is never a statement of the figure itself, or one record's
# own number linked to the indicator's records ("松林村100分" among the assessment scores).
OWN, NUMERATOR, DENOMINATOR, CHANGE, DETAIL = "", "num", "den", "change", "detail"


@dataclass(eq=False)
class Sentence:
    text: str
    part: str | None  # the statutory part of its section; None in the opening (主送、导语)
    section: int  # index of its section in CheckInput.sections (-1 for the opening)


@dataclass(eq=False)
class Stated:
    """One figure as the report states it."""

    key: str
    value: Decimal | None  # the exact figure (system reports) or the figure as read (imported)
    approx: bool  # printed rounded or qualified: "1.6万余", "95%以上"
    printed: str  # as printed, value and unit: "97.3%", "38件", "1.6万余份"
    sentence: Sentence
    role: str = OWN
    name: str = ""  # what it is, as a reader names it: the indicator's label ("调处成功率"), or "办结" for a part

    @property
    def part(self) -> str | None:
        return self.sentence.part


@dataclass
class SectionIn:
    part: str | None
    heading: str
    paragraphs: list[list[Sentence]]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p]


@dataclass
class CheckInput:
    source: str  # SYSTEM or IMPORTED
    sections: list[SectionIn]
    figures: list[Stated]
    opening: list[Sentence] = field(default_factory=list)
    parts_found: frozenset[str] = frozenset()  # parts found by other means (imported: body phrases)
    org: object | None = None  # the township (system reports): for the disclosure report
    year: int | None = None
    dated: dt.date | None = None  # the 成文日期 when the adapter knows it (rules/dates.py finds it otherwise)

    @property
    def sentences(self) -> list[Sentence]:
        return [*self.opening, *(s for section in self.sections for s in section.sentences)]

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def parts(self) -> frozenset[str]:
        return frozenset(s.part for s in self.sections if s.part) | self.parts_found

    def own(self, key: str | None = None) -> list[Stated]:
        """Statements of figures themselves (not a rate's parts, not a change on last year)."""
        return [f for f in self.figures if f.role == OWN and (key is None or f.key == key)]

    def in_sentence(self, sentence: Sentence) -> list[Stated]:
        return [f for f in self.figures if f.sentence is sentence]

    def disclosure_report(self):
        """The township's disclosure annual report of the year, computed once for every rule that compares with it
        (rules/disclosure.py, rules/dates.py); an exception is raised again to each rule, which says so itself."""
        if "_disclosure" not in self.__dict__:
            from fazhi.disclosure import annual_report

            try:
                self.__dict__["_disclosure"] = annual_report.load(self.org, self.year)
            except Exception as error:  # noqa: BLE001 - kept and re-raised to each caller
                self.__dict__["_disclosure"] = error
        found = self.__dict__["_disclosure"]
        if isinstance(found, Exception):
            raise found
        return found


@dataclass(frozen=True)
class Problem:
    rule: str  # the rule id, e.g. "rate_with_parts"
    message: str  # Chinese, naming the figures by their labels
    indicators: tuple[str, ...] = ()
    weight: int = 0  # points off the score

    def as_dict(self) -> dict:
        return {"rule": self.rule, "message": self.message, "indicators": list(self.indicators),
                "weight": self.weight}

    @classmethod
    def from_dict(cls, data: dict) -> Problem:
        return cls(str(data.get("rule", "")), str(data.get("message", "")), tuple(data.get("indicators") or ()),
                   int(data.get("weight") or 0))


@dataclass
class CheckResult:
    problems: list[Problem]

    @property
    def score(self) -> int:
        """100 minus the weights of the problems found, never below 0."""
        return max(0, 100 - sum(p.weight for p in self.problems))

    @property
    def messages(self) -> list[str]:
        return [p.message for p in self.problems]

    def to_json(self) -> dict:
        """The CLI contract: {"score", "problems": [{"rule", "message", "indicators"}]}."""
        return {"score": self.score, "problems": [
            {"rule": p.rule, "message": p.message, "indicators": list(p.indicators)} for p in self.problems]}
