"""Build the check's input from a report Fazhi composed, or from a report imported from a file."""
from __future__ import annotations

import re
from decimal import Decimal

from fazhi.ingest.mentions import find_mentions
from fazhi.ingest.sections import classify_heading, find_sections, top_headings
from fazhi.reports.check import text as t
from fazhi.reports.check.model import (
    DETAIL, IMPORTED, LEADERS_DUTY, MEASURES, OTHER, OWN, PLANS, SHORTCOMINGS, SYSTEM, CheckInput, SectionIn, Sentence,
    Stated,
)

SECTION_PARTS = {
    "measures_text": MEASURES, "shortcomings_text": SHORTCOMINGS, "duties_text": LEADERS_DUTY,
    "plans_text": PLANS, "other_text": OTHER,
}
ENDS = "。！？!?"
CLOSERS = "”’」』）)"


# ---------------------------------------------------------------- a report Fazhi composed

def from_composed(composed, org=None) -> CheckInput:
    """Sections by their model field (a heading the check does not know is classified by its words);
    figures from the FigureRuns, with their exact amounts."""
    figures: list[Stated] = []
    opening: list[Sentence] = []
    for paragraph in composed.intro:
        opening.extend(_paragraph(paragraph.runs, None, -1, figures))
    sections = []
    for index, section in enumerate(composed.sections):
        part = SECTION_PARTS.get(section.key) or classify_heading(section.heading or "")
        paragraphs = [_paragraph(p.runs, part, index, figures) for p in section.paragraphs]
        sections.append(SectionIn(part, t.clean(section.heading), [p for p in paragraphs if p]))
    return CheckInput(SYSTEM, sections, figures, opening=opening, org=org, year=getattr(composed, "year", None),
                      dated=getattr(composed, "dated", None))


def _paragraph(runs, part, index, figures: list[Stated]) -> list[Sentence]:
    """Split one paragraph's runs into sentences; each FigureRun goes with the sentence it stands in."""
    done: list[Sentence] = []
    buffer: list[str] = []
    pending: list = []
    closing = False

    def close():
        nonlocal buffer, pending, closing
        text = "".join(buffer).strip()
        if text:
            sentence = Sentence(text, part, index)
            done.append(sentence)
            figures.extend(_stated_run(run, sentence) for run in pending)
        buffer, pending, closing = [], [], False

    for run in runs:
        if hasattr(run, "key"):
            if closing:
                close()
            buffer.append(t.clean(run.text))
            pending.append(run)
            continue
        for ch in t.clean(getattr(run, "text", "")):
            if closing and ch not in CLOSERS and ch not in ENDS:
                close()
            if ch == "\n":
                close()
                continue
            buffer.append(ch)
            if ch in ENDS:
                closing = True
    close()
    return done


def _registry_label(key: str) -> str:
    from fazhi.indicators import registry

    try:
        return registry.get(key).label
    except KeyError:
        return ""


def _stated_run(run, sentence: Sentence) -> Stated:
    role = getattr(run, "part", "") or OWN
    if role == OWN and run.label and not run.label.startswith(_registry_label(run.key)):
        role = DETAIL  # a record's own number ("松林村考核得分100分"), not the indicator's figure
    value_text, unit = t.clean(run.value), t.clean(run.unit)
    amount = t.decimal(getattr(run, "amount", None))
    parsed, approx = t.parse_printed(value_text, unit)
    if not unit and value_text not in ("无", "零") and role in (OWN, "num", "den") and t.decimal(value_text) is not None:
        unit = t.unit_of(run.key)  # "{value}名干部职工参加学法考试" prints the unit as a word of its own
    if role == OWN:
        name = t.label(run.key)
    elif role == DETAIL:
        name = run.label
    else:
        name = run.label.split("：", 1)[1] if "：" in (run.label or "") else ""
    return Stated(run.key, amount if amount is not None else parsed, bool(getattr(run, "approx", False) or approx),
                  f"{value_text}{unit}", sentence, role, name)


# ---------------------------------------------------------------- a report imported from a file

MARKDOWN = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]*|\*\*")


def from_text(text: str, figures=(), sections=()) -> CheckInput:
    """An imported report: its (normalised) text and the figures extracted from it, each with its evidence.

    ``figures``: dicts or objects with ``indicator``, ``value``, ``approx``, ``unit`` and ``evidence``.
    Sections are the text's top-level headings, classified by their words; ``sections`` adds the statutory
    items found when it was imported.
    """
    text = MARKDOWN.sub("", t.clean(text))
    headings = top_headings(text)
    opening = [Sentence(s, None, -1) for s in t.sentences(text[:headings[0].start] if headings else text)]
    built: list[SectionIn] = []
    previous = None
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        part = heading.section or previous or MEASURES  # "一、强化组织领导" opens the measures
        previous = part
        index = len(built)
        paragraphs = []
        for line in text[heading.end:end].split("\n"):
            found = [Sentence(s, part, index) for s in t.sentences(line)]
            if found:
                paragraphs.append(found)
        built.append(SectionIn(part, heading.text, paragraphs))
    if not headings:
        opening = []
        built = [SectionIn(None, "", [[Sentence(s, None, 0) for s in t.sentences(line)]
                                      for line in text.split("\n") if t.sentences(line)])]
    parts_found = frozenset(find_sections(text)) | frozenset(str(s) for s in (sections or ()))
    check_input = CheckInput(IMPORTED, built, [], opening=opening, parts_found=parts_found)
    squashed = [(_squash(sentence.text), sentence) for sentence in check_input.sentences]
    stated = (_stated_figure(fig, check_input, squashed) for fig in figures or ())
    check_input.figures = [f for f in stated if f is not None]
    return check_input


def _get(fig, name: str, default=None):
    return fig.get(name, default) if isinstance(fig, dict) else getattr(fig, name, default)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _stated_figure(fig, check_input: CheckInput, squashed) -> Stated | None:
    key = str(_get(fig, "indicator") or "")
    value = t.decimal(_get(fig, "value"))
    if not key or value is None:
        return None
    evidence = t.clean(_get(fig, "evidence") or "")
    unit = t.clean(_get(fig, "unit") or "")
    sentence = _sentence_of(evidence, check_input, squashed)
    return Stated(key, value, bool(_get(fig, "approx", False)), _printed(evidence, value, unit), sentence, OWN,
                  t.label(key))


def _sentence_of(evidence: str, check_input: CheckInput, squashed) -> Sentence:
    """The sentence the figure was read from (found by its evidence); else a sentence of its own."""
    wanted = _squash(evidence)
    if wanted:
        for probe in (wanted, wanted[:12]):
            for text, sentence in squashed:
                if probe in text:
                    return sentence
    sentence = Sentence(evidence, None, -1)
    check_input.opening.append(sentence)
    return sentence


def _printed(evidence: str, value: Decimal, unit: str) -> str:
    """The figure as the evidence writes it ("500余次"), else the number and unit."""
    for mention in find_mentions(evidence):
        if t.decimal(mention.value) == value and (not unit or mention.unit == unit or unit == "%"):
            return evidence[mention.start:mention.end]
    return f"{t.number_text(value)}{unit}"
