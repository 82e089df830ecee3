"""The county office's own files for a year: the comparison (.xlsx) and the summary report (.docx).

Downloaded from the compare page and put in the county's bundle of reports (bundles.py), from the same code.
"""
from __future__ import annotations

import datetime as dt

from fazhi.core.models import Organisation
from fazhi.oversight.audit import audit_imported, audit_submission
from fazhi.oversight.collection import collection
from fazhi.oversight.compare import Comparison, compare
from fazhi.oversight.exports import comparison_workbook, summary_docx


def audits_for(rows) -> dict[int, object]:
    """The completeness audit of the report each township filed (latest version, or the imported one)."""
    audits = {}
    for row in rows:
        if row.latest is not None:
            audits[row.township.pk] = audit_submission(row.latest)
        elif row.imported:
            audits[row.township.pk] = audit_imported(row.imported[0])
    return audits


def comparison_file(county: Organisation, year: int, comparison: Comparison | None = None) -> tuple[str, bytes]:
    comparison = comparison or compare(county, year)
    return f"{county.name}{year}年度乡镇法治指标比较.xlsx", comparison_workbook(county, comparison)


def summary_file(county: Organisation, year: int, today: dt.date,
                 comparison: Comparison | None = None) -> tuple[str, bytes]:
    comparison = comparison or compare(county, year)
    rows = collection(county, year, today)
    by_township = audits_for(rows)
    audits = {r.township.name: (by_township[r.township.pk].score, by_township[r.township.pk].reasons)
              for r in rows if r.township.pk in by_township}
    data = summary_docx(county, comparison, rows, audits, today)
    return f"{county.name}{year}年度乡镇法治政府建设情况汇总报告.docx", data
