"""The report's text as staff edit it: words, with every number a marker that stays live.

A figure is written 【数据：名称】 (名称 is the indicator's label without a closing note in brackets,
e.g. 【数据：普法宣传活动】); a part of a rate 【数据：调处成功率·办结】; the change on last year
【数据：普法宣传活动·较上年】 ("较上年增加15场次"); a zero stated as the result 【数据：…·无】 ("无").
An older marker names a whole theme (【数据：普法】) and becomes that theme's sentence. Turning the
composed paragraphs into this text and back gives the same report.
"""
from __future__ import annotations

import re
from functools import lru_cache

from fazhi.indicators import registry
from fazhi.reports.structure import SUBHEADING, FigureRun, Paragraph, Run, Text
from fazhi.reports.writing.context import CHANGE, DENOMINATOR, NUMERATOR, RATE_PARTS, Writer
from fazhi.reports.writing.prose import merge
from fazhi.reports.writing.records import DETAIL, RECORD_FIGURES, detail, detail_kind

MARKER = re.compile(r"【数据：([^】]*)】")
SUBHEADING_START = re.compile(r"^（[一二三四五六七八九十]+）")
MAX_SUBHEADING = 50  # characters of a run-in "（一）……。" heading
SEPARATOR = "·"
NIL = "无"
CHANGE_NAME = "较上年"
RECORD_FORM = "record:"


def marker_name(key: str) -> str:
    return _short(registry.get(key).label)


def _short(label: str) -> str:
    return re.sub(r"（[^）]*）$", "", label)


@lru_cache(maxsize=1)
def _keys_by_name() -> dict[str, str]:
    return {_short(ind.label): ind.key for ind in registry.all_indicators()}


def figure_marker(run: FigureRun) -> str:
    if run.key not in {ind.key for ind in registry.all_indicators()}:
        return run.text  # a figure from outside the registry's keys (none today): kept as printed
    name = marker_name(run.key)
    if run.part == DETAIL:
        return f"【数据：{name}{SEPARATOR}{run.label}】"
    if run.key in RECORD_FIGURES:
        ref = RECORD_FIGURES[run.key][0](run)
        return f"【数据：{name}{SEPARATOR}{ref}】" if ref else run.text
    if run.part == CHANGE:
        name += SEPARATOR + CHANGE_NAME
    elif run.part in (NUMERATOR, DENOMINATOR):
        numerator, denominator, _ = RATE_PARTS[run.key]
        name += SEPARATOR + (numerator if run.part == NUMERATOR else denominator)
    elif run.value == NIL:
        name += SEPARATOR + NIL
    return f"【数据：{name}】"


def to_text(paragraphs: list[Paragraph]) -> str:
    """The paragraphs as editable text, one line each."""
    return "\n".join("".join(figure_marker(r) if isinstance(r, FigureRun) else r.text for r in p.runs) for p in paragraphs)


def known(name: str, themes: frozenset[str] = frozenset()) -> bool:
    return name in themes or resolve(name) is not None


def resolve(name: str) -> tuple[str, str] | None:
    """(indicator key, form) for a marker name; form is "", NUMERATOR, DENOMINATOR, CHANGE or NIL."""
    base, _, suffix = name.strip().partition(SEPARATOR)
    key = _keys_by_name().get(base.strip())
    if key is None:
        return None
    suffix = suffix.strip()
    if suffix and detail_kind(suffix):
        return key, RECORD_FORM + suffix
    if key in RECORD_FIGURES and suffix:
        return key, RECORD_FORM + suffix
    if not suffix:
        return key, ""
    if suffix == CHANGE_NAME:
        return key, CHANGE
    if suffix == NIL:
        return key, NIL
    if key in RATE_PARTS:
        numerator, denominator, _ = RATE_PARTS[key]
        if suffix == numerator:
            return key, NUMERATOR
        if suffix == denominator:
            return key, DENOMINATOR
    return None


def render(w: Writer, key: str, form: str) -> list[Run]:
    """The live figure a marker stands for."""
    if form.startswith(RECORD_FORM):
        ref = form[len(RECORD_FORM):]
        run = detail(w, key, ref) if detail_kind(ref) else RECORD_FIGURES[key][1](w, ref)
        return [run] if run else [Text("（暂无数据）")]
    if form == CHANGE:
        run = w.change_run(key)
        return [run] if run else []
    if form in (NUMERATOR, DENOMINATOR):
        run = w.part(key, form)
        return [run] if run else [Text("（暂无数据）")]
    if form == NIL:
        run = w.none(key) or w.run(key)
        return [run] if run else [Text("（暂无数据）")]
    return [w.run_or_zero(key)]


def parse(text: str, w: Writer, themes: dict[str, list[Run]]) -> list[Paragraph]:
    """One paragraph per non-blank line; "（一）……。" opens a run-in subheading; markers become figures
    (or, for a theme's name, the theme's sentence); an unknown marker stays as it was typed."""
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        runs: list[Run] = []
        if SUBHEADING_START.match(line):
            end = line.find("。")
            if 0 < end < MAX_SUBHEADING:
                runs.append(Text(line[: end + 1], SUBHEADING))
                line = line[end + 1:]
            elif end < 0 and len(line) <= MAX_SUBHEADING:
                runs.append(Text(line, SUBHEADING))
                line = ""
        runs.extend(_expand(line, w, themes))
        runs = merge(runs)
        if runs:
            paragraphs.append(Paragraph(runs))
    return paragraphs


def _expand(text: str, w: Writer, themes: dict[str, list[Run]]) -> list[Run]:
    out: list[Run] = []
    position = 0
    for match in MARKER.finditer(text):
        out.append(Text(text[position:match.start()]))
        name = match.group(1).strip()
        if name in themes:
            out.extend(themes[name])
        else:
            found = resolve(name)
            out.extend(render(w, *found) if found else [Text(match.group(0))])
        position = match.end()
    out.append(Text(text[position:]))
    return out
