"""The composed report as plain data: sections → paragraphs → runs.

A run is either text or a figure. The three renderers (web page, Markdown, .docx)
read this one structure, so a figure is the same number, with the same source
link, in every output.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from fazhi.core.gbt9704 import signature_layout, text_width  # noqa: F401  (re-exported for compose)

BODY = "body"
SUBHEADING = "subheading"  # the run-in "（一）……。" heading, 楷体 in print


@dataclass(frozen=True)
class Text:
    text: str
    style: str = BODY


@dataclass(frozen=True)
class FigureRun:
    """One figure from the indicator registry, as printed: ``value`` then ``unit``."""

    key: str
    value: str  # exactly the number shown, e.g. "67", "95.5" or "1.6万余" (large figures as real reports write them)
    unit: str  # printed right after the value ("场次", "%"); may be "" when the phrase carries its own word
    href: str  # the site path of the records that produce the figure
    label: str
    # The exact figure behind ``value`` (what the records give) and whether ``value`` states it only
    # approximately ("1.6万余" for 16260): the report check compares figures by these, never by the text.
    amount: Decimal | int | None = None
    approx: bool = False
    # "" for the indicator's own figure; "num" / "den" for the numerator / denominator of a rate (the closed
    # cases a success rate is taken over); "change" for the difference on last year ("较上年增加15场次").
    part: str = ""

    @property
    def text(self) -> str:
        return f"{self.value}{self.unit}"


Run = Text | FigureRun


@dataclass
class Paragraph:
    runs: list[Run]
    area: str = ""  # the area of part 一 (or 三) a written paragraph reports, e.g. "publicity"; "" for others

    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def figures(self) -> list[FigureRun]:
        return [r for r in self.runs if isinstance(r, FigureRun)]


@dataclass
class Section:
    key: str  # the model field it comes from, e.g. "measures_text"
    heading: str  # "一、2025年主要举措和成效"
    paragraphs: list[Paragraph]
    edited: bool  # True when staff wrote the narrative, False for the composed default


@dataclass
class ComposedReport:
    org_code: str
    org_name: str
    year: int
    title: str
    addressee: str
    intro: list[Paragraph]
    sections: list[Section]
    signature: str  # the issuing bodies as one line ("中共青山镇委员会　青山镇人民政府")
    dated: dt.date
    date_text: str  # 2026年1月15日
    # GB/T 9704 §7.3.5.2 (unsealed): 署名 right with 2 characters of space, the date's first
    # character 2 characters right of the 署名's first character. Measured in characters.
    signature_right_chars: float
    date_right_chars: float
    saved: bool = False  # an AnnualReport row exists
    notes: list[str] = field(default_factory=list)  # for staff, never printed

    @property
    def signature_lines(self) -> list[str]:
        """Joint issuing bodies, one per line (GB/T 9704 §7.3.5: 联合行文 signatures on separate lines)."""
        return [part for part in re.split(r"[\u3000\s]{1,}", self.signature.strip()) if part] or [""]

    @property
    def addressee_line(self) -> str:
        text = self.addressee.strip().rstrip(":：")
        return f"{text}：" if text else ""

    def figures(self) -> list[FigureRun]:
        paragraphs = self.intro + [p for s in self.sections for p in s.paragraphs]
        return [f for p in paragraphs for f in p.figures]

    def title_lines(self) -> list[str]:
        """The title as printed: one line when it fits 2号 in the text block (20 characters), else balanced
        lines broken at a natural point, never inside "2025年度" (梯形/菱形, see gbt9704.title_lines)."""
        from fazhi.core.gbt9704 import title_lines

        return title_lines(self.title)

