"""Background jobs of the county pages (fazhi/core/jobs.py): import batches, deadline reminders."""
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


@daily("oversight.report_reminders", at_setting="FAZHI_DAILY_JOBS_AT")
def report_reminders(today: dt.date) -> None:
    """As `fazhi report-reminders`: the annual report's deadline reminders, then every e-mail still pending."""
    from fazhi.oversight import reminders

    reminders.refresh_reminders(today)
    reminders.send_pending_emails()
