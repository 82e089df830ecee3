"""Background jobs of the disclosure app (fazhi/core/jobs.py): the reminder e-mails, and the daily reminders."""
from __future__ import annotations

import datetime as dt

from fazhi.core import jobs


@jobs.task("disclosure.send_pending_emails")
def send_pending_emails() -> None:
    """Queued when an application arrives: its reminder is e-mailed by the worker, not by the citizen's request."""
    from fazhi.disclosure import notify

    notify.send_pending_emails()


@jobs.task("disclosure.prerender_report_pdf")
def prerender_report_pdf(organisation_id: int, year: int) -> None:
    """Queued when the annual disclosure report's page is opened: its PDF is made before the link is clicked."""
    from fazhi.core.models import Organisation
    from fazhi.core.pdf import prerender
    from fazhi.disclosure import annual_report
    from fazhi.disclosure.render_docx import render_docx

    org = Organisation.objects.filter(pk=organisation_id).first()
    if org is not None:
        prerender(render_docx(annual_report.load(org, year)))


@jobs.daily("disclosure.reminders", at_setting="FAZHI_DAILY_JOBS_AT")
def reminders(today: dt.date) -> None:
    """As `fazhi disclosure-reminders`: today's deadline reminders, then every e-mail still pending."""
    from fazhi.disclosure import notify

    notify.refresh_reminders(today=today)
    notify.send_pending_emails()
