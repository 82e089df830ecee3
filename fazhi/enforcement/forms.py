"""Forms only validate shapes; every rule lives in the services (fazhi/enforcement/services.py)."""
from __future__ import annotations

from django import forms

from fazhi.core.workflow_forms import MultipleFileField, MultipleFileInput, date_field
from fazhi.enforcement.choices import (
    CaseSource, EquipmentKind, EvidenceKind, ItemCategory, OfficerKind, PartyKind, PenaltyKind, RemedyKind, RemedyResult,
    ReviewGround, ServiceMethod, SimplePenaltyKind,
)
from fazhi.enforcement.models import Officer, PenaltyCase

EVIDENCE_ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png,.mp4,.mov,.avi,.mp3,.wav,.amr"


def _text(label, rows=3, required=True, max_length=5000, **kw):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required, max_length=max_length, **kw)


def _money(label, required=False):
    return forms.DecimalField(label=label, required=required, min_value=0, max_digits=12, decimal_places=2)


class OfficersField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.get_kind_display()}）"


def officers_field(label="执法人员"):
    return OfficersField(label=label, queryset=Officer.objects.none(), required=False)


class OrgForm(forms.Form):
    """A form whose officer choices are the township's registered staff."""

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, OfficersField):
                field.queryset = Officer.objects.active().filter(organisation=organisation, active=True)


class OfficerForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    kind = forms.ChoiceField(label="类别", choices=OfficerKind.choices)
    unit = forms.CharField(label="所在执法机构", max_length=100, initial="综合行政执法队")
    position = forms.CharField(label="职务", max_length=50, required=False)
    joined_on = date_field("入职日期", required=False)


class CertificateForm(forms.Form):
    number = forms.CharField(label="证件编号", max_length=40)
    issued_by = forms.CharField(label="发证机关", max_length=100, initial="县人民政府")
    issued_on = date_field("发证日期", required=False)
    valid_until = date_field("有效期至")
    scope = forms.CharField(label="执法区域、类别", max_length=100, required=False)


class TrainingForm(OrgForm):
    held_on = date_field("培训日期")
    topic = forms.CharField(label="培训内容", max_length=200)
    organiser = forms.CharField(label="组织单位", max_length=100, required=False)
    hours = forms.DecimalField(label="学时", min_value=0, max_digits=5, decimal_places=1, required=False)
    attendees = officers_field("参训人员")


class EquipmentForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=EquipmentKind.choices)
    name = forms.CharField(label="名称、型号", max_length=100)
    identifier = forms.CharField(label="车牌号或设备编号", max_length=50, required=False)
    acquired_on = date_field("配备日期", required=False)


class ItemForm(forms.Form):
    name = forms.CharField(label="执法事项", max_length=200)
    category = forms.ChoiceField(label="类别", choices=ItemCategory.choices)
    basis = _text("设定依据", rows=2)
    body = forms.CharField(label="实施主体（默认本镇人民政府）", max_length=100, required=False)


class InspectionForm(forms.Form):
    held_on = date_field("检查日期")
    topic = forms.CharField(label="检查内容", max_length=200)
    place = forms.CharField(label="检查地点", max_length=200)
    inspectors = forms.CharField(label="检查人员", max_length=200)
    findings = _text("发现的问题及整改建议", rows=2, required=False)


class CaseForm(forms.Form):
    source = forms.ChoiceField(label="案件来源", choices=CaseSource.choices)
    source_detail = forms.CharField(label="来源说明", max_length=200, required=False)
    party_kind = forms.ChoiceField(label="当事人类别", choices=PartyKind.choices)
    party_name = forms.CharField(label="当事人姓名或名称", max_length=100)
    party_id_number = forms.CharField(label="身份证件号码或统一社会信用代码", max_length=30, required=False)
    party_address = forms.CharField(label="住所或地址", max_length=200)
    party_contact = forms.CharField(label="联系电话", max_length=30, required=False)
    alleged_violation = _text("涉嫌违法行为")
    legal_basis = _text("涉嫌违反的法律规定（立案依据）", rows=2)
    filed_on = date_field("立案日期")
    filing_approver = forms.CharField(label="立案批准人（行政机关负责人）", max_length=50)


class EvidenceForm(OrgForm):
    kind = forms.ChoiceField(label="取证方式", choices=EvidenceKind.choices)
    taken_on = date_field("取证日期")
    place = forms.CharField(label="地点", max_length=200)
    description = _text("取证情况", rows=2)
    officers = officers_field("执法人员（不少于两名持证人员）")
    certificates_shown = forms.BooleanField(label="执法人员已向当事人出示执法证件（第五十五条）", required=False)
    files = MultipleFileField(label="笔录、照片、录音录像（全过程记录）", required=False,
                              widget=MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}))




class NoticeForm(forms.Form):
    notice_on = date_field("告知书送达日期")
    facts = _text("拟作出行政处罚的事实、理由和依据")
    proposed_kinds = forms.MultipleChoiceField(label="拟处罚种类", choices=PenaltyKind.choices, widget=forms.CheckboxSelectMultiple)
    proposed_fine = _money("拟罚款（没收）金额（元）")


class StatementForm(forms.Form):
    statement_on = date_field("日期")
    waives = forms.BooleanField(label="当事人书面放弃陈述、申辩（和听证）权利", required=False)
    text = _text("陈述、申辩意见", rows=2, required=False)
    review = _text("复核意见", rows=2, required=False)


class HearingRequestForm(forms.Form):
    requested_on = date_field("当事人申请听证日期")


class HearingForm(forms.Form):
    notice_sent_on = date_field("听证通知日期")
    held_on = date_field("听证日期")
    host = forms.CharField(label="听证主持人（非本案调查人员）", max_length=50)
    summary = _text("听证笔录摘要", rows=2)


class ReviewForm(forms.Form):
    submitted_on = date_field("送审日期")
    grounds = forms.MultipleChoiceField(label="须法制审核的情形（第五十八条第一款）", choices=ReviewGround.choices,
                                        widget=forms.CheckboxSelectMultiple, required=False)
    days_allowed = forms.IntegerField(label="审查期限（工作日）", min_value=1, max_value=60, initial=5)
    materials = _text("送审材料", rows=2, required=False)


class ExtensionForm(forms.Form):
    days = forms.IntegerField(label="延长天数", min_value=1, max_value=90)
    approved_by = forms.CharField(label="批准人（行政机关负责人）", max_length=50)
    approved_on = date_field("批准日期")
    reason = forms.CharField(label="延期理由及依据", max_length=300)


class DecisionForm(forms.Form):
    decided_on = date_field("决定日期")
    decision_number = forms.CharField(label="决定书文号", max_length=60)
    kinds = forms.MultipleChoiceField(label="处罚种类", choices=PenaltyKind.choices, widget=forms.CheckboxSelectMultiple)
    fine_amount = _money("罚款（没收）金额（元）")
    facts = _text("（二）违法事实和证据")
    basis = _text("（三）处罚种类和依据", rows=2)
    performance = _text("（四）履行方式和期限", rows=2)
    remedies = _text("（五）申请行政复议、提起行政诉讼的途径和期限", rows=2)
    organ_name = forms.CharField(label="（六）作出决定的行政机关", max_length=100)
    sealed = forms.BooleanField(label="决定书已加盖行政机关印章（第五十九条第二款）", required=False)
    serious = forms.BooleanField(label="情节复杂或者重大违法行为（须负责人集体讨论，第五十七条第二款）", required=False)
    discussed_on = date_field("集体讨论日期", required=False)
    discussion_summary = _text("集体讨论意见", rows=2, required=False)


class ServiceForm(forms.Form):
    served_on = date_field("送达日期")
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    party_present = forms.BooleanField(label="宣告时当事人在场（当场交付）", required=False)


class ExecutionForm(forms.Form):
    executed_on = date_field("履行（缴款）日期")
    amount_paid = _money("缴纳金额（元，含加处罚款）")
    note = _text("执行情况", rows=2, required=False)


class CloseForm(forms.Form):
    closed_on = date_field("结案日期")
    archive_number = forms.CharField(label="档号", max_length=60)


class PublishForm(forms.Form):
    published_on = date_field("公示日期")


class WithdrawForm(forms.Form):
    withdrawn_on = date_field("撤下日期")


class RemedyForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=RemedyKind.choices)
    filed_on = date_field("申请（起诉）日期")


class RemedyResultForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=[c for c in RemedyResult.choices if c[0] != RemedyResult.PENDING])
    result_on = date_field("结果日期")


class SimplePenaltyForm(OrgForm):
    form_number = forms.CharField(label="当场处罚决定书编号", max_length=40)
    decided_on = date_field("处罚日期")
    place = forms.CharField(label="地点", max_length=200)
    party_kind = forms.ChoiceField(label="当事人类别", choices=PartyKind.choices)
    party_name = forms.CharField(label="当事人", max_length=100)
    violation = _text("违法行为", rows=2)
    legal_basis = forms.CharField(label="处罚依据", max_length=300)
    penalty = forms.ChoiceField(label="处罚种类", choices=SimplePenaltyKind.choices)
    fine_amount = _money("罚款金额（元）")
    officers = officers_field("执法人员（出示执法证件）")
    registered_on = date_field("报所属行政机关备案日期")


class AuditForm(forms.Form):
    held_on = date_field("评查日期")
    title = forms.CharField(label="评查名称", max_length=200)
    auditors = forms.CharField(label="评查人员", max_length=200)
    cases = forms.ModelMultipleChoiceField(label="评查的案卷（已结案归档）", queryset=PenaltyCase.objects.none(), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    sample = forms.IntegerField(label="或随机抽查件数", min_value=0, max_value=100, required=False)

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.enforcement.choices import CaseStatus

        self.fields["cases"].queryset = PenaltyCase.objects.active().filter(organisation=organisation, status=CaseStatus.CLOSED)


class RectificationForm(forms.Form):
    case = forms.ModelChoiceField(label="涉及案卷", queryset=PenaltyCase.objects.none(), required=False)
    suggestion = _text("整改建议", rows=2)
    due_on = date_field("整改期限")

    def __init__(self, *args, audit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if audit is not None:
            self.fields["case"].queryset = PenaltyCase.objects.filter(audit_results__audit=audit)


class FixForm(forms.Form):
    fixed_on = date_field("整改完成日期")
    note = _text("整改情况", rows=2)
