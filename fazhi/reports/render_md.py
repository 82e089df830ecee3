"""Markdown of the composed report: plain figures, the run-in （一） headings in bold."""
from __future__ import annotations

import re

from fazhi.reports.structure import SUBHEADING, ComposedReport, FigureRun, Paragraph

_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _escape(text: str) -> str:
    """Markdown-inert text: HTML's special characters as entities (a record's "<script>" never becomes markup in any
    Markdown renderer), Markdown's own as backslash escapes."""
    text = re.sub(r"[&<>]", lambda m: _HTML[m.group(0)], text)
    return _SPECIAL.sub(r"\\\1", text)


def paragraph_md(paragraph: Paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        if isinstance(run, FigureRun):
            parts.append(_escape(run.text))
        elif run.style == SUBHEADING:
            parts.append(f"**{_escape(run.text)}**")
        else:
            parts.append(_escape(run.text))
    return "".join(parts)


def render_markdown(report: ComposedReport) -> str:
    blocks = [f"# {_escape(report.title)}", _escape(report.addressee_line)]
    blocks.extend(paragraph_md(p) for p in report.intro)
    for section in report.sections:
        blocks.append(f"## {_escape(section.heading)}")
        blocks.extend(paragraph_md(p) for p in section.paragraphs)
    blocks.append(_escape(report.signature))
    blocks.append(_escape(report.date_text))
    return "\n\n".join(b for b in blocks if b) + "\n"
