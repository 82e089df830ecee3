"""Data for the oversight tests: a saved annual report, an imported report with figures."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fazhi.oversight.models import ImportedFigure, ImportedReport
from fazhi.reports.services import report_initial, report_new, report_save


def saved_report(org, year: int, user):
    return report_save(org=org, year=year, data=report_initial(report_new(org, year)), user=user)


def imported_report(county, *, year: int, township=None, name: str = "", figures=(), text: str = "报告正文",
                    sections=("measures", "shortcomings", "leaders_duty", "plans"), received_on: dt.date | None = None,
                    sha: str | None = None):
    report = ImportedReport.objects.create(
        organisation=county, township=township, township_name=name or (township.name if township else "外县某镇"),
        year=year, filename=f"{name or 'r'}.txt", sha256=sha or (name or "x").encode().hex()[:64].ljust(64, "0"),
        text=text, sections=list(sections), received_on=received_on,
    )
    for position, (key, value, *rest) in enumerate(figures, start=1):
        ImportedFigure.objects.create(report=report, position=position, indicator=key, value=Decimal(str(value)),
                                      unit=rest[0] if rest else "", approx=bool(rest[1]) if len(rest) > 1 else False,
                                      evidence=f"{key} {value}")
    return report
