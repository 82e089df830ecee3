from __future__ import annotations

from django import forms

from fazhi.contracts.models import ClosingKind, Contract
from fazhi.core.workflow_forms import MultipleFileField, date_field


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = ["title", "counterparty", "handling_unit", "amount", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}


class ReviewForm(forms.Form):
    submitted_on = date_field("送审日期")
    days_allowed = forms.IntegerField(label="审查期限（工作日）", min_value=1, max_value=60, initial=5)


class SignForm(forms.Form):
    signed_on = date_field("签订日期")
    starts_on = date_field("履行期限自")
    ends_on = date_field("履行期限至（无固定期限可留空）", required=False)
    files = MultipleFileField(label="合同文本（签字盖章的扫描件，可选）", required=False)


class CloseForm(forms.Form):
    closed_on = date_field("办结日期")
    kind = forms.ChoiceField(label="办结方式", choices=ClosingKind.choices)
    note = forms.CharField(label="说明（解除、终止时必填）", max_length=300, required=False)
