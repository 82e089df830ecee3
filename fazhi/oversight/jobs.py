from fazhi.core.jobs import handler


@handler("oversight.import_batch")
def import_batch(batch_id: int) -> None:
    """Read every pending file of an upload, so the batch finishes even when nobody keeps its page open."""
    from fazhi.oversight.importing import process_batch
    from fazhi.oversight.models import ImportBatch

    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is not None:
        process_batch(batch)
