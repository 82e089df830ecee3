"""The one seam between the importer and the extraction package: bytes of a file → a read report."""
from __future__ import annotations

from dataclasses import dataclass, field

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class ReadReport:
    text: str = ""
    error: str | None = None
    organisation: str | None = None
    year: int | None = None
    script: str = "simplified"
    sections: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)


def read_report(data: bytes, filename: str) -> ReadReport:
    from fazhi.oversight.extraction import api

    return api.read_report(data, filename)

