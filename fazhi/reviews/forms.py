from __future__ import annotations

from django import forms

from fazhi.core.workflow_forms import MultipleFileField, date_field
from fazhi.reviews.choices import Opinion


class OtherMatterForm(forms.Form):
    """A matter that is not a contract, a document, a decision or an enforcement case (其他事项)."""

    title = forms.CharField(label="送审事项", max_length=200)
    submitted_by_unit = forms.CharField(label="送审单位", max_length=100)
    submitted_on = date_field("送审日期")
    days_allowed = forms.IntegerField(label="审查期限（工作日）", min_value=1, max_value=60, initial=5)
    materials = forms.CharField(label="送审材料", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class TakeForm(forms.Form):
    taken_on = date_field("受理日期")


class ConcludeForm(forms.Form):
    opinion = forms.ChoiceField(label="审查意见", choices=Opinion.choices, widget=forms.RadioSelect,
                                error_messages={"required": "请选择审查意见"})
    reasons = forms.CharField(label="理由（修改后通过、不予通过时必填）", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    suggestions = forms.CharField(label="修改建议（修改后通过时必填）", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    concluded_on = date_field("出具意见日期")
    files = MultipleFileField(label="审查意见书等附件（可选）", required=False)

    def clean(self):
        """Every missing text at once (services.review_conclude checks the same, one at a time): 修改后通过 needs
        its reasons and the changes asked for, 不予通过 its reasons."""
        data = super().clean()
        opinion = data.get("opinion")
        if opinion in (Opinion.APPROVED_WITH_CHANGES, Opinion.REJECTED) and not (data.get("reasons") or "").strip():
            self.add_error("reasons", f"审查意见为“{Opinion(opinion).label}”时必须写明理由")
        if opinion == Opinion.APPROVED_WITH_CHANGES and not (data.get("suggestions") or "").strip():
            self.add_error("suggestions", "“修改后通过”必须写明修改建议")
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤回原因", max_length=200)
