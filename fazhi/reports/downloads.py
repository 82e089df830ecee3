"""The annual report as a PDF download: the .docx (GB/T 9704) printed to PDF by LibreOffice.

Same access rules as the .docx download (``fazhi.reports.views``): an outsider gets 404, the county
supervisor may read. When the server cannot make the PDF, the page says so (503) and points to the
Word file, which is always available.
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from fazhi.core.views.downloads import pdf_download
from fazhi.reports.compose import compose_report
from fazhi.reports.render_docx import render_docx
from fazhi.reports.services import report_get_or_new
from fazhi.reports.views import _bad_input_is_404, _target


@login_required
@_bad_input_is_404
def report_pdf(request: HttpRequest, code: str, year: int) -> HttpResponse:
    org = _target(request, code, year)
    composed = compose_report(report_get_or_new(org, year))
    return pdf_download(request, render_docx(composed), f"{composed.title}.pdf")
