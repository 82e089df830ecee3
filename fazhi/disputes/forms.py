from fazhi.core.ledgers.forms import RecordForm
from fazhi.disputes.models import DisputeCase, MediationCommittee, Mediator


class DisputeCaseForm(RecordForm):
    class Meta:
        model = DisputeCase
        fields = [
            "received_on", "summary", "category", "village", "parties_count", "mediator", "mode",
            "outcome", "agreement", "closed_on", "dossier_no", "parties_text", "facts", "terms", "performance",
            "agreement_on", "confirmation_applied_on", "notes",
        ]


class MediationCommitteeForm(RecordForm):
    class Meta:
        model = MediationCommittee
        fields = ["name", "level", "village", "established_on"]


class MediatorForm(RecordForm):
    future_dates = ("term_end",)

    class Meta:
        model = Mediator
        fields = ["committee", "name", "role", "term_start", "term_end"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = MediationCommittee.objects.active().filter(organisation=self.organisation)
        self.fields["committee"].error_messages["invalid_choice"] = "请选择本镇已登记的调解委员会"
