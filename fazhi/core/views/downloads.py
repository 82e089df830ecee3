"""A generated .docx offered as PDF: the one answer every PDF download gives (the rule-of-law report, the disclosure
annual report, a submitted version)."""
from __future__ import annotations

import io

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi.core.pdf import PdfUnavailable, docx_to_pdf


PREPARE_EVERY_SECONDS = 30


def prepare_pdf(job: str, *, docx: bytes | None = None, **payload) -> None:
    """A page that offers a PDF download: when a worker runs, it makes the PDF now (the job ``job``, declared by the
    page's app, renders the .docx and converts it), so that the click, seconds later, is served from the store
    instead of waiting for LibreOffice. Without a worker or LibreOffice the click converts, as before. ``docx``: the
    document itself when the page has it (a submitted version), so nothing is queued once its PDF is stored. At most
    once per PREPARE_EVERY_SECONDS for the same document however often the page is opened (each job renders the
    .docx again to learn whether its text changed)."""
    from django.core.cache import cache

    from fazhi.core import jobs
    from fazhi.core.pdf import is_stored, soffice_path

    if soffice_path() is None or not jobs.consumer_alive() or (docx is not None and is_stored(docx)):
        return
    throttle = f"pdf:prepare:{job}:" + ",".join(f"{k}={v}" for k, v in sorted(payload.items()))
    if cache.add(throttle, 1, PREPARE_EVERY_SECONDS):
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
