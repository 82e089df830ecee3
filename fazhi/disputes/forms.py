from fazhi.core.ledgers.forms import RecordForm
from fazhi.disputes.models import DisputeCase


class DisputeCaseForm(RecordForm):
    class Meta:
        model = DisputeCase
        fields = [
            "received_on", "summary", "category", "village", "parties_count", "mediator", "mode",
            "outcome", "agreement", "closed_on", "dossier_no", "notes",
        ]
