from __future__ import annotations

from django import forms

from fazhi.core.workflow_forms import MultipleFileField, date_field
from fazhi.decisions.choices import MeetingKind, Stage
from fazhi.decisions.models import DecisionCatalog


class CatalogForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="目录名称", max_length=200)
    party_approved_on = date_field("党委同意日期", required=False)
    published_on = date_field("公布日期", required=False)


class PublishCatalogForm(forms.Form):
    title = forms.CharField(label="目录名称", max_length=200, required=False)
    party_approved_on = date_field("党委同意日期", required=False)
    published_on = date_field("公布日期（填写即在公开门户公布）", required=False)


class LaunchForm(forms.Form):
    title = forms.CharField(label="决策事项", max_length=200)
    catalog = forms.ModelChoiceField(label="所属目录", queryset=DecisionCatalog.objects.none(), required=False,
                                     empty_label="（未列入目录）")
    off_catalog_reason = forms.CharField(label="未列入目录的理由", max_length=300, required=False)
    summary = forms.CharField(label="事项概要", widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000)
    lead_unit = forms.CharField(label="承办单位", max_length=100)
    planned_on = date_field("计划完成时间", required=False)
    launched_on = date_field("启动日期")
    launch_basis = forms.CharField(label="启动依据", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000)

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["catalog"].queryset = DecisionCatalog.objects.active().filter(organisation=organisation)


def _text(label, rows=3, required=True, max_length=5000):
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required, max_length=max_length)


class DraftingForm(forms.Form):
    drafted_on = date_field("方案拟订日期")
    options_considered = _text("备选方案与论证（意见分歧时应拟订两个以上方案）")
    consulted_units = _text("征求意见的单位", rows=2, required=False)


class ParticipationForm(forms.Form):
    opens_on = date_field("开始日期")
    closes_on = date_field("截止日期")
    draft_text = _text("决策草案全文", rows=8, max_length=50000)
    explanation = _text("起草说明", rows=3, required=False)
    short_reason = forms.CharField(label="期限少于30日的理由（如有）", max_length=300, required=False)


class ParticipationDoneForm(forms.Form):
    done_on = date_field("登记日期")
    comments_adoption = _text("公众意见采纳情况")
    hearing_held_on = date_field("听证会日期（举行听证会的填写，第十六条）", required=False)
    hearing_participants_published_on = date_field("听证参加人名单公布日期", required=False)
    hearing_materials_sent_on = date_field("听证材料送达日期（应在听证会7日前）", required=False)
    hearing_summary = _text("听证情况（参加人、主要意见）", rows=2, required=False)


class ExpertForm(forms.Form):
    reviewed_on = date_field("论证日期")
    experts = _text("论证专家（姓名、单位、专业）", rows=2)
    files = MultipleFileField(label="专家签名或盖章的书面意见", required=False)


class RiskForm(forms.Form):
    assessed_on = date_field("评估日期")
    assessor = forms.CharField(label="评估单位", max_length=100)
    conclusion = _text("评估结论", rows=2)
    files = MultipleFileField(label="风险评估报告", required=False)


class SkipForm(forms.Form):
    stage = forms.ChoiceField(label="不进行的环节",
                              choices=[(s.value, s.label) for s in (Stage.EXPERT, Stage.RISK, Stage.PARTY_REPORT)])
    reason = forms.CharField(label="不进行的理由", max_length=300)
    on = date_field("日期")

    def __init__(self, *args, stage: Stage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if stage is not None:  # the page offers the step the decision waits at, and only that one
            self.fields["stage"].choices = [(stage.value, stage.label)]


class ReviewForm(forms.Form):
    submitted_on = date_field("送审日期")
    days_allowed = forms.IntegerField(label="审查期限（工作日，不少于7个）", min_value=1, max_value=60, initial=7)
    materials = _text("送审材料", rows=2, required=False)


class DiscussionForm(forms.Form):
    discussed_on = date_field("会议日期")
    meeting_kind = forms.ChoiceField(label="会议类型", choices=MeetingKind.choices)
    chair = forms.CharField(label="主持人", max_length=50)
    attendees = _text("出席人员", rows=2)
    chief_spoke_last = forms.BooleanField(label="行政首长在集体讨论最后发表意见", required=False)
    dissent = _text("不同意见（如有，如实记录）", rows=2, required=False)
    chief_differs_reason = _text("行政首长拟作出的决定与多数人意见不一致的，其在会上说明的理由", rows=2, required=False)


class PartyReportForm(forms.Form):
    reported_on = date_field("请示报告日期")


class DecisionForm(forms.Form):
    decided_on = date_field("决定日期")
    decision_text = _text("决定内容")
    doc_number = forms.CharField(label="决定文号", max_length=40, required=False)


class PublishForm(forms.Form):
    published_on = date_field("公布日期")
    channel = forms.CharField(label="公布载体", max_length=100, initial="镇人民政府门户网站")
    adoption_explanation = _text("公众意见、专家论证意见的采纳情况说明")


class ArchiveForm(forms.Form):
    archived_on = date_field("归档日期")
    archive_number = forms.CharField(label="档号", max_length=60)


class EvaluationForm(forms.Form):
    evaluated_on = date_field("评估日期")
    evaluator = forms.CharField(label="评估单位（不得为原风险评估单位）", max_length=100)
    trigger = forms.CharField(label="评估原因", max_length=200)
    conclusion = _text("评估结论", rows=2)
