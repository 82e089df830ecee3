from fazhi.core.ledgers.forms import RecordForm
from fazhi.governance.models import Meeting


class MeetingForm(RecordForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "kind", "topic", "on_rule_of_law", "chaired_by", "chaired_by_principal", "attendees", "decisions"]
