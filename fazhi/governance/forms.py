from django import forms

from fazhi.core.ledgers.forms import RecordForm
from fazhi.governance.models import (
    LawReport, LeadingGroupMember, Meeting, ResponsibilityTask, RuleOfLawBudget, WorkPlan,
)


class MeetingForm(RecordForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "kind", "topic", "on_rule_of_law", "chaired_by", "chaired_by_principal", "attendees", "decisions"]


class LeadingGroupMemberForm(RecordForm):
    class Meta:
        model = LeadingGroupMember
        fields = ["name", "post", "group_role", "joined_on", "left_on"]


class WorkPlanForm(RecordForm):
    class Meta:
        model = WorkPlan
        fields = ["year", "kind", "title", "adopted_on", "document_number"]

    def clean_year(self):
        from django.utils import timezone

        year = self.cleaned_data["year"]
        if not 2000 <= year <= timezone.localdate().year + 1:
            raise forms.ValidationError("年度应在2000年至明年之间")
        return year


class ResponsibilityTaskForm(RecordForm):
    future_dates = ("due_on",)

    class Meta:
        model = ResponsibilityTask
        fields = ["plan", "assigned_on", "task", "lead", "department", "owner", "due_on", "status", "done_on", "evidence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = WorkPlan.objects.active().filter(organisation=self.organisation)
        self.fields["plan"].error_messages["invalid_choice"] = "请选择本镇已登记的工作要点"


class LawReportForm(RecordForm):
    class Meta:
        model = LawReport
        fields = ["held_on", "reporter", "post", "principal", "occasion", "appraisal"]


class RuleOfLawBudgetForm(RecordForm):
    class Meta:
        model = RuleOfLawBudget
        fields = ["year", "item", "source", "amount", "approved_on"]
