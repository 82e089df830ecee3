"""One report from file to result: read, normalise, attribute, find sections and figures."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import errors
from .attribution import attribute, looks_like_report
from .extract import extract_figures
from .normalise import normalise
from .readers import MAX_BYTES, read, sniff
from .sections import find_sections


@dataclass
class ReportResult:
    file: str
    organisation: str | None = None
    year: int | None = None
    script: str = "simplified"
    sections: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict:
        return {"file": self.file, "organisation": self.organisation, "year": self.year,
                "script": self.script, "sections": self.sections, "figures": self.figures,
                "error": self.error}


def analyse_text(text: str, file: str = "", laid_out: bool = False) -> ReportResult:
    """``laid_out``: the text was read from a PDF, whose lines break where the page width ran out."""
    normalised = normalise(text, laid_out=laid_out)
    result = ReportResult(file=file, script=normalised.script)
    if not looks_like_report(normalised.text):
        result.error = errors.NOT_A_REPORT
        return result
    who = attribute(normalised.text)
    result.organisation, result.year = who.organisation, who.year
    result.sections = find_sections(normalised.text)
    result.figures = [figure.as_dict() for figure in extract_figures(normalised.text)]
    return result


def analyse_bytes(data: bytes, filename: str, file: str | None = None) -> ReportResult:
    shown = filename if file is None else file
    try:
        outcome = read(data, filename)
        if not outcome.ok:
            return ReportResult(file=shown, error=outcome.error)
        return analyse_text(outcome.text or "", file=shown, laid_out=sniff(data) == "pdf")
    except Exception:  # the readers never raise; this guards the steps after them
        return ReportResult(file=shown, error=errors.CORRUPT)


def analyse_path(path: str) -> ReportResult:
    try:
        if not os.path.isfile(path):
            return ReportResult(file=path, error=errors.NOT_FOUND)
        if os.path.getsize(path) > MAX_BYTES:
            return ReportResult(file=path, error=errors.TOO_LARGE)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return ReportResult(file=path, error=errors.NOT_FOUND)
    return analyse_bytes(data, os.path.basename(path), file=path)
