from __future__ import annotations

from fazhi.core.ledgers.forms import RecordForm
from fazhi.litigation.models import CourtSuggestion, Hearing, LegalCase, Obligation


class _CaseChoiceMixin:
    """The case a row belongs to: only the township's own (live) cases can be chosen."""

    def _limit_cases(self) -> None:
        field = self.fields.get("case")
        if field is not None:
            field.queryset = LegalCase.objects.active().filter(organisation=self.organisation)
            field.error_messages["invalid_choice"] = "请选择本镇已登记的案件（按案号）"


class LegalCaseForm(RecordForm):
    class Meta:
        model = LegalCase
        fields = ["kind", "number", "act", "claimant", "body", "court_level", "received_on", "answered_on", "outcome",
                  "concluded_on", "notes"]


class HearingForm(_CaseChoiceMixin, RecordForm):
    class Meta:
        model = Hearing
        fields = ["case", "held_on", "venue", "open_court", "head_appeared", "head_name", "head_post", "absence_reason",
                  "absence_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_cases()


class ObligationForm(_CaseChoiceMixin, RecordForm):
    future_dates = ("due_on",)

    class Meta:
        model = Obligation
        fields = ["case", "kind", "received_on", "content", "due_on", "completed_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_cases()


class CourtSuggestionForm(RecordForm):
    future_dates = ("due_on",)

    class Meta:
        model = CourtSuggestion
        fields = ["kind", "issuer", "received_on", "subject", "due_on", "answered_on", "answer"]
