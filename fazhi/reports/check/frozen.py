"""A ComposedReport as plain JSON data and back, so a submitted version can be shown exactly as the report page
showed it when it was sent (the structure itself lives in fazhi/reports/structure.py and is not changed here).

Fields are read by name; a field a later structure adds gets its default when reading an older version, and one
the structure no longer has is ignored.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from fazhi.reports.structure import ComposedReport, FigureRun, Paragraph, Section, Text

VERSION = 1


def _plain(value):
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def _unplain(value):
    if isinstance(value, dict) and "decimal" in value:
        return Decimal(value["decimal"])
    if isinstance(value, dict) and "date" in value:
        return dt.date.fromisoformat(value["date"])
    return value


def _fields(obj) -> dict:
    return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _build(cls, data: dict):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _unplain(v) for k, v in data.items() if k in names})


def _run(run) -> dict:
    return {"figure" if isinstance(run, FigureRun) else "text": _fields(run)}


def _paragraph(paragraph: Paragraph) -> list[dict]:
    return [_run(r) for r in paragraph.runs]


def composed_to_dict(composed: ComposedReport) -> dict:
    data = {k: v for k, v in _fields(composed).items() if k not in ("intro", "sections")}
    data["intro"] = [_paragraph(p) for p in composed.intro]
    data["sections"] = [
        {**{k: v for k, v in _fields(s).items() if k != "paragraphs"}, "paragraphs": [_paragraph(p) for p in s.paragraphs]}
        for s in composed.sections
    ]
    data["version"] = VERSION
    return data


def _runs(items: list[dict]) -> Paragraph:
    runs = []
    for item in items:
        if "figure" in item:
            runs.append(_build(FigureRun, item["figure"]))
        else:
            runs.append(_build(Text, item.get("text") or {}))
    return Paragraph(runs)


def composed_from_dict(data: dict) -> ComposedReport:
    fields = {k: v for k, v in data.items() if k not in ("intro", "sections", "version")}
    fields["intro"] = [_runs(p) for p in data.get("intro") or []]
    fields["sections"] = [
        _build(Section, {**{k: v for k, v in s.items() if k != "paragraphs"},
                         "paragraphs": [_runs(p) for p in s.get("paragraphs") or []]})
        for s in data.get("sections") or []
    ]
    return _build(ComposedReport, fields)
