"""Background jobs of the county pages (fazhi/core/jobs.py): import batches, report bundles, deadline reminders.

The import batch and the report bundle are also what their progress pages run when no worker is running
(``jobs.run_here_unless_consumed``): then ``budget_seconds`` bounds one page request's share of the work.
"""
from __future__ import annotations

import datetime as dt

from fazhi.core import jobs


@jobs.task("oversight.import_batch")
def import_batch(batch_id: int, budget_seconds: float | None = None) -> None:
    """Read the pending files of an upload, so the batch finishes even when nobody keeps its page open."""
    from fazhi.oversight.importing import process_batch
    from fazhi.oversight.models import ImportBatch

    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is not None:
        process_batch(batch, budget_seconds=budget_seconds)


@jobs.task("oversight.report_bundle")
def report_bundle(bundle_id: int, budget_seconds: float | None = None) -> None:
    """Render a county's bundle of annual reports to the end (or for ``budget_seconds``)."""
    from fazhi.oversight.bundles import advance
    from fazhi.oversight.models import ReportBundle

    bundle = ReportBundle.objects.filter(pk=bundle_id).first()
    if bundle is not None:
        advance(bundle, budget_seconds=budget_seconds)


@jobs.task("oversight.prerender_submission_pdf")
def prerender_submission_pdf(submission_id: int) -> None:
    """Queued when a submitted version's page is opened: the PDF of its stored .docx is made before the click."""
    from fazhi.core.pdf import prerender
    from fazhi.oversight.models import Submission

    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is not None:
        prerender(bytes(submission.docx))


@jobs.daily("oversight.report_reminders", at_setting="FAZHI_DAILY_JOBS_AT")
def report_reminders(today: dt.date) -> None:
    """As `fazhi report-reminders`: the annual report's deadline reminders, then every e-mail still pending."""
    from fazhi.oversight import reminders

    reminders.refresh_reminders(today)
    reminders.send_pending_emails()


@jobs.task("oversight.send_pending_emails")
def send_pending_emails() -> None:
    """Queued when the county returns or accepts a report: the township's notices are e-mailed by the worker."""
    from fazhi.oversight import reminders

    reminders.send_pending_emails()
