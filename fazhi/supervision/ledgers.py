from django.utils import timezone

from fazhi.core.ledgers import Ledger, register
from fazhi.supervision.forms import DeputySuggestionForm, PresidiumInspectionForm
from fazhi.supervision.models import DeputySuggestion, PresidiumInspection

GROUP = "人大监督"


def _due(objects):
    return [f"{o.due_on:%Y-%m-%d}" for o in objects]


def _status(objects):
    today = timezone.localdate()
    return [o.status_text(today) for o in objects]


register(Ledger(
    model=DeputySuggestion, slug="deputy-suggestions", title="人大代表建议、议案办理", form_class=DeputySuggestionForm,
    date_field="assigned_on", group=GROUP, order=70, attachments=True,
    natural_key=("assigned_on", "number", "title"),
    list_fields=("assigned_on", "kind", "deputy", "title", "department", "answered_on", "satisfaction"),
    filter_fields=("kind", "outcome", "satisfaction", "complex_matter"),
    search_fields=("title", "deputy", "department", "number"),
    computed=(("答复期限", _due), ("办理状态", _status)),
    help_text="镇人大主席团交办的议案和代表建议：自交办之日起三个月内答复，涉及面广、处理难度大的六个月内答复"
              "（代表法第四十四条）。答复书、代表意见反馈表可在记录页上传。",
))
register(Ledger(
    model=PresidiumInspection, slug="congress-inspections", title="人大视察、评议、执法检查",
    form_class=PresidiumInspectionForm, date_field="held_on", group=GROUP, order=71, attachments=True,
    natural_key=("held_on", "kind", "subject"),
    list_fields=("held_on", "kind", "subject", "deputies", "issues", "rectified"),
    filter_fields=("kind",), search_fields=("subject", "findings"),
    help_text="镇人大主席团组织代表对政府工作开展的视察、评议、执法检查等，记录发现的问题、提出的意见建议和整改情况。",
))
