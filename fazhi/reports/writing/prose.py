"""Building blocks of the report's prose: sentences of text and figures, and the seeds' way of setting
out a part — a run-in heading, a framing sentence, then "一是……。二是……。三是……。"."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from fazhi.reports.structure import SUBHEADING, FigureRun, Paragraph, Run, Text

NUMERALS = "一二三四五六七八九十"
TOKEN = re.compile(r"(\{\w+\})")
Part = str | Run | None | list


def chinese_number(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


def runs(*parts: Part) -> list[Run]:
    """Text and figures in order; strings become text, lists are spliced, None and "" are skipped."""
    out: list[Run] = []
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, list):
            out.extend(runs(*part))
        elif isinstance(part, str):
            out.append(Text(part))
        else:
            out.append(part)
    return merge(out)


def merge(items: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in items:
        if isinstance(run, Text):
            if not run.text:
                continue
            if merged and isinstance(merged[-1], Text) and merged[-1].style == run.style:
                merged[-1] = Text(merged[-1].text + run.text, run.style)
                continue
        merged.append(run)
    return merged


def present(*figures: FigureRun | None) -> bool:
    return all(f is not None for f in figures)


def listing(clauses: list[list[Run]], sep: str = "，") -> list[Run]:
    """Clauses joined by a separator ("，" or "、"), the empty ones left out."""
    out: list[Run] = []
    for clause in (c for c in clauses if c):
        if out:
            out.append(Text(sep))
        out.extend(clause)
    return merge(out)


@dataclass
class Subsection:
    """One "（一）……。" paragraph of a part."""

    heading: str  # "加强组织领导，压实法治建设责任"
    framing: list[Run]
    items: list[list[Run]] = field(default_factory=list)
    area: str = ""  # "organisation", "publicity", … (wording.AREAS)

    weights: list[float] = field(default_factory=list)
    ordered: bool = False  # items of equal standing: the most done first (``weight``)

    def add(self, *parts: Part, weight: float = 0) -> None:
        item = runs(*parts)
        if item:
            self.items.append(item)
            self.weights.append(weight)

    def sort(self) -> None:
        """The items by weight, the heaviest first (a stable sort: equal weights keep their order)."""
        order = sorted(range(len(self.items)), key=lambda i: -self.weights[i])
        self.items = [self.items[i] for i in order]
        self.weights = [self.weights[i] for i in order]

    def paragraph(self, number: int) -> Paragraph:
        if self.ordered:
            self.sort()
        body: list[Run] = [Text(f"（{chinese_number(number)}）{self.heading}。", SUBHEADING), *self.framing]
        if len(self.items) == 1:
            body.extend(self.items[0])
            body.append(Text("。"))
        else:
            for i, item in enumerate(self.items, start=1):
                body.append(Text(f"{chinese_number(i)}是"))
                body.extend(item)
                body.append(Text("。"))
        return Paragraph(merge(body), self.area)


def numbered(subsections: list[Subsection]) -> list[Paragraph]:
    """The subsections that have something to say, numbered （一）（二）… in order."""
    kept = [s for s in subsections if s is not None and s.items]
    return [s.paragraph(i) for i, s in enumerate(kept, start=1)]


def fill(template: str, values: dict[str, Part]) -> list[Run]:
    """A template with {name} slots filled by figures or text: fill("办结{den}", {"den": run})."""
    out: list = []
    for piece in TOKEN.split(template):
        if piece.startswith("{") and piece.endswith("}"):
            out.append(values[piece[1:-1]])
        else:
            out.append(piece)
    return runs(*out)


OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def empty(value: Part) -> bool:
    return value is None or value == "" or value == [] or value is False


def frame(template: str, values: dict[str, Part]) -> list[Run]:
    """A phrasing with {name} slots and optional clauses in [...]: a clause is left out when any slot in it is
    empty (None, "", []); a required slot that is None gives [] (the item is not written), one that is "" or []
    ("，较上年增加3件" not stated) prints nothing."""
    def optional(match: re.Match) -> str:
        inner = match.group(1)
        names = [n[1:-1] for n in TOKEN.findall(inner)]
        return "" if any(empty(values.get(n)) for n in names) else inner

    text = OPTIONAL.sub(optional, template)
    if any(values.get(n[1:-1]) is None for n in TOKEN.findall(text)):
        return []
    return fill(text, {k: ("" if v is False else v) for k, v in values.items()})
