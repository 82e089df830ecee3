from __future__ import annotations

from django import forms

from fazhi.advisors.models import AdvisorAssignment, AdvisorService, LegalAdvisor, LegalAidReferral
from fazhi.core.ledgers.forms import RecordForm


class _AdvisorChoice:
    def _limit_advisors(self) -> None:
        field = self.fields.get("advisor")
        if field is not None:
            field.queryset = LegalAdvisor.objects.active().filter(organisation=self.organisation)
            field.error_messages["invalid_choice"] = "请选择本镇已登记的法律顾问"


class LegalAdvisorForm(RecordForm):
    future_dates = ("contract_end",)

    class Meta:
        model = LegalAdvisor
        fields = ["name", "kind", "firm", "phone", "for_government", "contract_start", "contract_end"]


class AdvisorAssignmentForm(_AdvisorChoice, RecordForm):
    future_dates = ("ends_on",)

    class Meta:
        model = AdvisorAssignment
        fields = ["village", "advisor", "starts_on", "ends_on", "mode", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_advisors()
        self.fields["village"].required = True


class AdvisorServiceForm(_AdvisorChoice, RecordForm):
    class Meta:
        model = AdvisorService
        fields = ["held_on", "advisor", "kind", "quantity", "village", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_advisors()

    def clean_quantity(self):
        quantity = self.cleaned_data.get("quantity")
        if quantity is not None and quantity < 1:
            raise forms.ValidationError("数量至少为1")
        return quantity


class LegalAidReferralForm(RecordForm):
    class Meta:
        model = LegalAidReferral
        fields = ["received_on", "applicant", "matter", "referred_to", "outcome", "note"]
