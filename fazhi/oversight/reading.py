"""The one seam between the importer and the report reader (fazhi.ingest): bytes of a file → a read report.

The figures are read in a worker process with a time limit (``fazhi.ingest.runner``), so a
pathological file ends in a clear reason instead of a hung request; only a file that passed
there is read again here for the normalised text the county reads on the report page.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

from fazhi.ingest import errors
from fazhi.ingest.normalise import normalise
from fazhi.ingest.readers import MAX_BYTES, read
from fazhi.ingest.runner import IsolatedAnalyser

MAX_FILE_BYTES = MAX_BYTES
READ_TIMEOUT_SECONDS = 30.0


@dataclass
class ReadReport:
    text: str = ""
    error: str | None = None
    organisation: str | None = None
    year: int | None = None
    script: str = "simplified"
    sections: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)


def read_report(data: bytes, filename: str, *, timeout: float = READ_TIMEOUT_SECONDS) -> ReadReport:
    if len(data) > MAX_FILE_BYTES:
        return ReadReport(error=errors.TOO_LARGE)
    suffix = os.path.splitext(filename)[1].lower()[:10]
    with tempfile.TemporaryDirectory(prefix="fazhi-import-") as folder:
        path = os.path.join(folder, f"report{suffix}")
        with open(path, "wb") as handle:
            handle.write(data)
        with IsolatedAnalyser(timeout=timeout) as analyser:
            result = analyser.analyse(path)
    if result.get("error"):
        return ReadReport(error=result["error"])
    outcome = read(data, filename)
    text = normalise(outcome.text or "", laid_out=suffix == ".pdf").text if outcome.ok else ""  # PDF lines re-joined
    return ReadReport(
        text=text, organisation=result.get("organisation"), year=result.get("year"),
        script=result.get("script") or "simplified", sections=list(result.get("sections") or []),
        figures=list(result.get("figures") or []),
    )
