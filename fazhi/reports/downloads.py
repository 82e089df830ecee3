"""The annual report as a PDF download: the .docx (GB/T 9704) printed to PDF by LibreOffice.

Same access rules as the .docx download (``fazhi.reports.views``): an outsider gets 404, the county
supervisor may read. When the server cannot make the PDF, the page says so (503) and points to the
Word file, which is always available.
"""
from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi.core.pdf import PdfUnavailable, docx_to_pdf
from fazhi.reports.compose import compose_report
from fazhi.reports.render_docx import render_docx
from fazhi.reports.services import report_get_or_new
from fazhi.reports.views import _bad_input_is_404, _target


@login_required
@_bad_input_is_404
def report_pdf(request: HttpRequest, code: str, year: int) -> HttpResponse:
    org = _target(request, code, year)
    composed = compose_report(report_get_or_new(org, year))
    try:
        pdf = docx_to_pdf(render_docx(composed))
    except PdfUnavailable as error:
        context = {"code": 503, "title": "暂时无法生成 PDF", "message": str(error)}
        return render(request, "errors/error.html", context, status=503)
    return FileResponse(io.BytesIO(pdf), as_attachment=True, filename=f"{composed.title}.pdf",
                        content_type="application/pdf")
