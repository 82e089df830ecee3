from __future__ import annotations

from django import forms

from fazhi.core.workflow_forms import date_field
from fazhi.normative.choices import EvaluationConclusion
from fazhi.normative.models import DocumentSeries, NormativeDocument, NormativeSettings


class DraftForm(forms.ModelForm):
    class Meta:
        model = NormativeDocument
        fields = ["title", "drafting_unit", "affects_rights", "trial", "draft_text", "drafting_note"]
        widgets = {"draft_text": forms.Textarea(attrs={"rows": 10}), "drafting_note": forms.Textarea(attrs={"rows": 4})}


class CommentPeriodForm(forms.Form):
    opens_on = date_field("开始日期")
    closes_on = date_field("截止日期")
    short_reason = forms.CharField(label="期限短于规定天数的理由（如有）", max_length=300, required=False)


class SendForReviewForm(forms.Form):
    submitted_on = date_field("送审日期")
    days_allowed = forms.IntegerField(label="审查期限（工作日）", min_value=1, max_value=60, initial=5)
    materials = forms.CharField(label="送审材料", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DeliberationForm(forms.Form):
    deliberated_on = date_field("审议日期")
    meeting = forms.CharField(label="审议会议", max_length=100, help_text="如：镇政府常务会议（2025年第5次）")
    note = forms.CharField(label="审议情况", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class IssueForm(forms.Form):
    series = forms.ModelChoiceField(label="发文字号系列", queryset=DocumentSeries.objects.none(),
                                    error_messages={"required": "请选择发文字号系列", "invalid_choice": "请选择本单位在用的发文字号系列"})
    issued_on = date_field("印发日期")

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = DocumentSeries.objects.filter(organisation=organisation, is_active=True)


class PublishForm(forms.Form):
    published_on = date_field("公布日期")
    channel = forms.CharField(label="公布载体", max_length=100, initial="镇人民政府门户网站")
    valid_until = date_field("有效期至（留空按设置计算）", required=False)


class FilingForm(forms.Form):
    filed_on = date_field("报送备案日期")
    filing_body = forms.CharField(label="备案机关（留空按设置）", max_length=100, required=False)
    reference = forms.CharField(label="备案登记号", max_length=60, required=False)


class EvaluationForm(forms.Form):
    evaluated_on = date_field("评估日期")
    conclusion = forms.ChoiceField(label="评估结论", choices=EvaluationConclusion.choices)
    note = forms.CharField(label="说明", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RepealForm(forms.Form):
    repealed_on = date_field("废止日期")
    reason = forms.CharField(label="废止原因", max_length=300)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = NormativeSettings
        fields = ["filing_days", "filing_body", "comment_min_days", "validity_years", "trial_validity_years",
                  "cleanup_interval_years", "cleanup_notice_days"]


class SeriesForm(forms.Form):
    prefix = forms.RegexField(label="发文机关代字", regex=r"^[\u4e00-\u9fa5A-Za-z]{1,20}$", max_length=20,
                              error_messages={"invalid": "发文机关代字只能是汉字或字母，如：岔依治委"})
    name = forms.CharField(label="说明", max_length=100, required=False)
