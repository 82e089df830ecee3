"""Background jobs of the annual report (fazhi/core/jobs.py)."""
from __future__ import annotations

from fazhi.core import jobs


@jobs.task("reports.prerender_pdf")
def prerender_pdf(organisation_id: int, year: int) -> None:
    """Queued when the report's page is opened: its PDF is made and stored before the PDF link is clicked."""
    from fazhi.core.models import Organisation
    from fazhi.core.pdf import prerender
    from fazhi.reports.compose import compose_report
    from fazhi.reports.render_docx import render_docx
    from fazhi.reports.services import report_get_or_new

    org = Organisation.objects.filter(pk=organisation_id).first()
    if org is not None:
        prerender(render_docx(compose_report(report_get_or_new(org, year))))
