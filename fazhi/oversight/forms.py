from __future__ import annotations

from django import forms
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind
from fazhi.core.workflow_forms import MultipleFileField, MultipleFileInput, date_field
from fazhi.oversight.importing import MAX_FILES_PER_BATCH


def _year_field(required: bool, help_text: str = "") -> forms.IntegerField:
    this_year = timezone.localdate().year
    return forms.IntegerField(
        label="报告年度", required=required, min_value=2000, max_value=this_year, help_text=help_text,
        error_messages={"min_value": "报告年度不能早于2000年", "max_value": f"报告年度不能晚于{this_year}年",
                        "invalid": "报告年度应为四位数字，如 2025", "required": "请填写报告年度"},
    )


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="报告文件", allow_empty_file=True,  # an empty file gets its reason in the batch, like any bad file
        widget=MultipleFileInput(attrs={"accept": ".docx,.pdf,.html,.htm,.txt"}),
        error_messages={"required": "请选择要导入的文件"}, help_text="可一次选择多个文件：.docx、.pdf（含文字层）、.html、.txt，单个不超过20MB")
    year = _year_field(False, "留空则按文中标题识别的年度")

    def clean_files(self):
        files = self.cleaned_data["files"]
        if not files:
            raise forms.ValidationError("请选择要导入的文件")
        if len(files) > MAX_FILES_PER_BATCH:
            raise forms.ValidationError(f"一次最多导入{MAX_FILES_PER_BATCH}个文件，请分批上传")
        return files


class AttributionForm(forms.Form):
    township = forms.ModelChoiceField(label="乡镇（街道）", queryset=Organisation.objects.none(), required=False,
                                      empty_label="（非本县乡镇：单列，不计入全县合计）")
    township_name = forms.CharField(label="文中署名", max_length=120, required=False)
    year = _year_field(True)
    received_on = date_field("县级收到日期", required=False)
    published_url = forms.URLField(label="公开网址", max_length=500, required=False, assume_scheme="https",
                                   error_messages={"invalid": "请输入完整网址，如 https://www.example.gov.cn/..."})

    def __init__(self, *args, county: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["township"].queryset = Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP).order_by("code")
        self.fields["township"].error_messages["invalid_choice"] = "请选择本县的乡镇（街道）"

    def clean(self):
        data = super().clean()
        if not data.get("township") and not (data.get("township_name") or "").strip():
            raise forms.ValidationError("请选择乡镇（街道），或填写文中署名")
        received = data.get("received_on")
        if received and received > timezone.localdate():
            self.add_error("received_on", "收到日期不能晚于今天")
        return data


class ReturnForm(forms.Form):
    comment = forms.CharField(label="修改意见", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
                              error_messages={"required": "退回时须写明修改意见"})


class AcceptForm(forms.Form):
    comment = forms.CharField(label="意见（选填）", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False)


class PublicationForm(forms.Form):
    published_on = date_field("公开日期")
    published_url = forms.URLField(label="公开网址", max_length=500, required=False, assume_scheme="https",
                                   error_messages={"invalid": "请输入完整网址，如 https://www.example.gov.cn/..."},
                                   help_text="政府网站上本报告的网址")


class VoidForm(forms.Form):
    reason = forms.CharField(label="作废原因", max_length=200, error_messages={"required": "作废必须填写原因"})


class SubmitForm(forms.Form):
    """The leader's confirmation of 审定并报送; a reason is required when the report check found problems."""

    dated = forms.DateField(label="成文日期", widget=forms.DateInput(attrs={"type": "date"}), required=False,
                            help_text="审定报告的日期，印在报告落款处；不填为今天")
    reason = forms.CharField(label="说明理由", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000, required=False,
                             help_text="自查发现的问题如确属实际情况或已另行说明，请写明理由；理由随报告一并报送县依法治县办")

    def __init__(self, *args, problems_found: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if problems_found:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = "报告自查发现问题，请修改报告，或说明理由后再报送"
        else:
            self.fields["reason"].widget = forms.HiddenInput()
