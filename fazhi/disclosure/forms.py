from __future__ import annotations

from django import forms
from django.utils import timezone

from fazhi.core.ledgers.forms import RecordForm
from fazhi.core.workflow_forms import (  # noqa: F401  (re-exported)
    DATE_WIDGET, MultipleFileField, apply_service_errors, date_field as _date_field,
)
from fazhi.core.models import WRITER_ROLES, Organisation, User
from fazhi.disclosure.choices import (
    REASONED_RESULTS, ApplicantType, Channel, ConsultationKind, ConsultationOpinion, Delivery, Result,
)
from fazhi.disclosure.models import MAX_EXTENSION_DAYS, DisclosureAppeal, DisclosureGuide, ProactiveRelease
from fazhi.disclosure.validators import validate_identity, validate_phone

APPLICANT_TYPE_CHOICES = [
    (ApplicantType.NATURAL.value, ApplicantType.NATURAL.label),
    ("法人或其他组织", [(t.value, t.label) for t in ApplicantType.organisation_kinds()]),
]
APPLICANT_TYPE_BY_LABEL = {t.label: t.value for t in ApplicantType} | {
    f"法人或其他组织（{t.label}）": t.value for t in ApplicantType.organisation_kinds()
} | {"法人或其他组织": ApplicantType.OTHER_ORG.value}



class ApplicationForm(forms.Form):
    """What an applicant tells us (条例第二十九条): identity, contact, the information sought, delivery."""

    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_TYPE_CHOICES)
    applicant_name = forms.CharField(label="申请人姓名/名称", max_length=100)
    id_number = forms.CharField(
        label="身份证件号码/统一社会信用代码", max_length=40, required=False,
        help_text="自然人填写居民身份证号码（或其他身份证件号码）；法人或其他组织填写统一社会信用代码",
    )
    contact = forms.CharField(label="联系电话", max_length=40, help_text="查询办理进度时需要输入此号码")
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    description = forms.CharField(
        label="所需政府信息的名称、文号或便于查询的其他特征性描述", widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000, min_length=5,
    )
    delivery = forms.ChoiceField(label="获取信息的方式", choices=Delivery.choices, initial=Delivery.PAPER_POST)

    MODEL_FIELDS = ("applicant_type", "applicant_name", "id_number", "contact", "email", "address", "description", "delivery")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = f"请填写“{field.label}”"
        self.fields["applicant_type"].error_messages["invalid_choice"] = (
            "申请人类型无效：应为 自然人，或法人或其他组织中的 商业企业、科研机构、社会公益组织、法律服务机构、其他组织"
        )
        self.fields["delivery"].error_messages["invalid_choice"] = (
            "获取信息的方式无效：可选 " + "、".join(str(label) for _, label in Delivery.choices)
        )
        self.fields["description"].error_messages["min_length"] = "请把所需信息描述清楚（至少5个字）"

    def clean_applicant_type(self):
        value = self.cleaned_data["applicant_type"]
        return APPLICANT_TYPE_BY_LABEL.get(value, value)

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        validate_phone(value)
        return value

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_type")
        if kind and data.get("id_number"):
            try:
                validate_identity(data["id_number"], natural_person=kind == ApplicantType.NATURAL)
            except forms.ValidationError as exc:
                self.add_error("id_number", exc)
        for name in ("applicant_name", "description", "address"):
            if isinstance(data.get(name), str):
                data[name] = data[name].strip()
        return data

    def model_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) or "" for name in self.MODEL_FIELDS} | {
            "id_number": (self.cleaned_data.get("id_number") or "").strip().upper(),
        }

    def full_clean(self):
        # Accept the Chinese label of an applicant type as well as its code (API clients send either).
        if self.is_bound and hasattr(self.data, "get"):
            value = self.data.get("applicant_type")
            if isinstance(value, str) and value.strip() in APPLICANT_TYPE_BY_LABEL:
                self.data = self.data.copy()
                self.data["applicant_type"] = APPLICANT_TYPE_BY_LABEL[value.strip()]
        super().full_clean()


class PortalApplicationForm(ApplicationForm):
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class CounterApplicationForm(ApplicationForm):
    """A clerk registers an application received in person, by post, fax or e-mail (第三十一条)."""

    channel = forms.ChoiceField(label="申请方式", choices=[c for c in Channel.choices if c[0] != Channel.PORTAL])
    received_on = _date_field("收到申请日期", help_text="当面提交：提交之日；邮寄：签收之日（平常信函为与申请人确认之日）；传真、电子邮件：双方确认之日")

    field_order = ["channel", "received_on"]

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("收到申请日期不能晚于今天")
        if day.year < 2000:
            raise forms.ValidationError("收到申请日期早于2000年，请检查")
        return day


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label="承办人", queryset=User.objects.none(), error_messages={"required": "请选择承办人"})

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = User.objects.filter(
            organisation=organisation, is_active=True, role__in=list(WRITER_ROLES)
        ).order_by("username")


class CorrectionForm(forms.Form):
    requested_on = _date_field("补正通知日期")
    items = forms.CharField(label="需补正的事项（一次性告知全部事项）", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    deadline = _date_field("补正期限", help_text="给申请人的合理补正期限")


class CorrectionReceivedForm(forms.Form):
    received_on = _date_field("收到补正日期")


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ConsultationKind.choices)
    party = forms.CharField(label="征求意见对象", max_length=100)
    sent_on = _date_field("发出征求意见日期")


class ConsultationEndForm(forms.Form):
    replied_on = _date_field("收到意见日期", help_text="逾期未提出意见的，填写期限届满之日")
    opinion = forms.ChoiceField(label="意见", choices=ConsultationOpinion.choices)


class ExtensionForm(forms.Form):
    days = forms.IntegerField(label="延长工作日数", min_value=1, max_value=MAX_EXTENSION_DAYS, initial=MAX_EXTENSION_DAYS)
    approved_by = forms.CharField(label="批准人（政府信息公开工作机构负责人）", max_length=50)
    approved_on = _date_field("批准日期")
    reason = forms.CharField(label="延期理由", max_length=200)


class ReplyForm(forms.Form):
    result = forms.ChoiceField(label="办理结果", choices=[("", "请选择")] + list(Result.choices))
    replied_on = _date_field("答复（办结）日期")
    summary = forms.CharField(
        label="答复内容摘要及理由", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000,
        help_text="不予公开、无法提供、不予处理等须说明理由（第三十六条）",
    )
    referred_agency = forms.CharField(label="告知的负责机关", max_length=100, required=False,
                                      help_text="不属于本机关负责公开的，告知申请人负责公开的机关（第三十六条第五项）")
    files = MultipleFileField(label="答复书（PDF、Word 或图片）", required=True,
                              error_messages={"required": "请上传答复书（政府信息公开申请答复告知书）"})

    def clean_files(self):
        """Each file's type and size checked here, with the other fields, not only when the reply is saved: a refused
        reply names every problem at once (the file's too), instead of one more on each try."""
        from django.conf import settings

        from fazhi.core.attachments import sniff

        limit, problems = settings.FAZHI_MAX_UPLOAD_BYTES, []
        for upload in self.cleaned_data["files"]:
            if upload.size > limit:
                problems.append(f"文件“{upload.name}”超过{limit // (1024 * 1024)} MB 上限")
                continue
            head = upload.read(16)
            upload.seek(0)
            if sniff(head) is None:
                problems.append(f"文件“{upload.name}”不是允许的类型（只接受 JPG、PNG 图片，PDF 和 Word/Excel 文档）")
        if problems:
            raise forms.ValidationError(problems)
        return self.cleaned_data["files"]

    def clean(self):
        """The reply's own rules that need no stored state, checked with the form (the service checks them again)."""
        data = super().clean()
        if data.get("result") in REASONED_RESULTS and not (data.get("summary") or "").strip():
            self.add_error("summary", "该办理结果须向申请人说明理由（第三十六条），请填写答复内容摘要及理由")
        if data.get("replied_on") and data["replied_on"] > timezone.localdate():
            self.add_error("replied_on", "答复日期不能晚于今天")
        return data


class ProactiveReleaseForm(RecordForm):
    class Meta:
        model = ProactiveRelease
        fields = [
            "title", "category", "document_number", "formed_on", "published_on", "venue", "url",
            "table_item", "item_count", "fee_amount", "notes",
        ]


class DisclosureAppealForm(RecordForm):
    class Meta:
        model = DisclosureAppeal
        fields = ["kind", "request", "case_number", "filed_on", "outcome", "decided_on", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.disclosure.models import DisclosureRequest

        self.fields["request"].queryset = DisclosureRequest.objects.filter(organisation=self.organisation)


class GuideForm(forms.ModelForm):
    class Meta:
        model = DisclosureGuide
        fields = ["office_name", "address", "postcode", "phone", "fax", "email", "office_hours", "notes"]


class ReportTextForm(forms.Form):
    overview_text = forms.CharField(label="一、总体情况", widget=forms.Textarea(attrs={"rows": 8}), required=False, max_length=20000)
    problems_text = forms.CharField(label="五、存在的主要问题及改进情况", widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=20000)
    other_text = forms.CharField(label="六、其他需要报告的事项", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20000)
    dated = _date_field("成文日期", required=False)


