"""Background jobs of the county pages (fazhi/core/jobs.py): import batches, report bundles, deadline reminders."""
from __future__ import annotations

import datetime as dt

from fazhi.core.jobs import daily, handler


@handler("oversight.import_batch")
def import_batch(batch_id: int) -> None:
    """Read every pending file of an upload, so the batch finishes even when nobody keeps its page open."""
    from fazhi.oversight.importing import process_batch
    from fazhi.oversight.models import ImportBatch

    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is not None:
        process_batch(batch)


@handler("oversight.report_bundle")
def report_bundle(bundle_id: int) -> None:
    """Render a county's bundle of annual reports to the end (the page only watches, or helps)."""
    from fazhi.oversight.bundles import advance
    from fazhi.oversight.models import ReportBundle

    bundle = ReportBundle.objects.filter(pk=bundle_id).first()
    if bundle is not None:
        advance(bundle)


@daily("oversight.report_reminders", at_setting="FAZHI_DAILY_JOBS_AT")
def report_reminders(today: dt.date) -> None:
    """As `fazhi report-reminders`: the annual report's deadline reminders, then every e-mail still pending."""
    from fazhi.oversight import reminders

    reminders.refresh_reminders(today)
    reminders.send_pending_emails()


@handler("oversight.send_pending_emails")
def send_pending_emails() -> None:
    """Queued when the county returns or accepts a report: the township's notices are e-mailed by the worker."""
    from fazhi.oversight import reminders

    reminders.send_pending_emails()
