"""Reading township annual rule-of-law reports written elsewhere, and extracting their figures.

Pure Python (no models, no Django): it reads the indicators' plain definitions (fazhi.indicators.catalogue) and
nothing else of the project. The web importer (fazhi.oversight.reading) and ``fazhi extract`` both call

    analyse_bytes(data, filename) -> ReportResult   # read + normalise + attribute + figures
    analyse_text(text) -> ReportResult
    read(data, filename) -> ReadResult              # text, or a Chinese reason (errors.py)

and, for untrusted files, ``runner.IsolatedAnalyser`` (a worker process with a timeout).
"""
from __future__ import annotations

from .pipeline import ReportResult, analyse_bytes, analyse_path, analyse_text
from .readers import ReadResult, read

__all__ = ["ReportResult", "ReadResult", "analyse_bytes", "analyse_path", "analyse_text", "read"]
