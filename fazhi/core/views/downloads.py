"""A generated .docx offered as PDF: the one answer every PDF download gives (the rule-of-law report, the disclosure
annual report, a submitted version)."""
from __future__ import annotations

import io

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi.core.pdf import PdfUnavailable, docx_to_pdf


def prepare_pdf(job: str, **payload) -> None:
    """A page that offers a PDF download: when a worker runs, it makes the PDF now (the job ``job``, declared by the
    page's app), so that the click, seconds later, is served from the store instead of waiting for LibreOffice.
    Queued once however often the page is opened; without a worker the click converts, as before."""
    from fazhi.core import jobs

    if jobs.consumer_alive():
        jobs.enqueue_once(job, **payload)


def pdf_download(request: HttpRequest, docx: bytes, filename: str) -> HttpResponse:
    """The PDF LibreOffice prints of ``docx`` as an attachment named ``filename``; when the server cannot make it,
    a Chinese 503 page saying why and pointing to the Word file, which is always available."""
    try:
        pdf = docx_to_pdf(docx)
    except PdfUnavailable as error:
        context = {"code": 503, "title": "暂时无法生成 PDF", "message": str(error)}
        return render(request, "errors/error.html", context, status=503)
    return FileResponse(io.BytesIO(pdf), as_attachment=True, filename=filename, content_type="application/pdf")
