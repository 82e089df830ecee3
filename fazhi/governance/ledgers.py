from fazhi.core.ledgers import Ledger, register
from fazhi.governance.forms import MeetingForm
from fazhi.governance.models import Meeting

register(Ledger(
    model=Meeting, slug="meetings", title="法治建设会议", form_class=MeetingForm,
    date_field="held_on", group="组织领导", order=1,
    list_fields=("held_on", "kind", "topic", "on_rule_of_law", "chaired_by"),
    filter_fields=("kind", "on_rule_of_law", "chaired_by_principal"), search_fields=("topic", "decisions"),
))
