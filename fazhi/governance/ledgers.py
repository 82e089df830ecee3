from django.utils import timezone

from fazhi.core.ledgers import Ledger, register
from fazhi.governance.forms import (
    LawReportForm, LeadingGroupMemberForm, MeetingForm, ResponsibilityTaskForm, RuleOfLawBudgetForm, WorkPlanForm,
)
from fazhi.governance.models import (
    LawReport, LeadingGroupMember, Meeting, ResponsibilityTask, RuleOfLawBudget, TaskStatus, WorkPlan,
)

GROUP = "组织领导"


def _task_state(tasks: list[ResponsibilityTask]) -> list[str]:
    today = timezone.localdate()
    out = []
    for t in tasks:
        if t.status == TaskStatus.DONE:
            out.append("按期完成" if t.done_on and t.done_on <= t.due_on else "逾期完成")
        else:
            out.append("已逾期" if today > t.due_on else "未到期")
    return out


register(Ledger(
    model=Meeting, slug="meetings", title="法治建设会议", form_class=MeetingForm,
    date_field="held_on", group=GROUP, order=1,
    natural_key=("held_on", "kind", "topic"),
    list_fields=("held_on", "kind", "topic", "on_rule_of_law", "chaired_by"),
    filter_fields=("kind", "on_rule_of_law", "chaired_by_principal"), search_fields=("topic", "decisions"),
))
register(Ledger(
    model=LeadingGroupMember, slug="leading-group", title="法治建设领导小组", form_class=LeadingGroupMemberForm,
    date_field="joined_on", group=GROUP, order=2,
    natural_key=("name", "joined_on"),
    list_fields=("name", "post", "group_role", "joined_on", "left_on"), filter_fields=("group_role",),
    search_fields=("name", "post"),
))
register(Ledger(
    model=WorkPlan, slug="work-plans", title="年度工作要点", form_class=WorkPlanForm,
    date_field="adopted_on", group=GROUP, order=3, attachments=True,
    natural_key=("year", "kind", "title"),
    list_fields=("year", "title", "adopted_on", "document_number"), search_fields=("title",),
))
register(Ledger(
    model=ResponsibilityTask, slug="responsibility-tasks", title="法治建设责任清单", form_class=ResponsibilityTaskForm,
    date_field="assigned_on", group=GROUP, order=4, attachments=True,
    natural_key=("assigned_on", "task"),
    list_fields=("due_on", "task", "lead", "department", "owner", "status", "done_on"),
    filter_fields=("status",), search_fields=("task", "department", "owner", "lead"),
    computed=(("是否按期", _task_state),),
    help_text="按“谁分管、谁负责”把工作要点逐项分解到分管领导、部门和责任人；逾期未完成的任务显示在年度指标页的待办提示中。",
))
register(Ledger(
    model=LawReport, slug="law-reports", title="领导干部述法", form_class=LawReportForm,
    date_field="held_on", group=GROUP, order=5,
    natural_key=("held_on", "reporter"),
    list_fields=("held_on", "reporter", "post", "principal", "occasion", "appraisal"), filter_fields=("occasion", "principal"),
    search_fields=("reporter",),
))
register(Ledger(
    model=RuleOfLawBudget, slug="rule-of-law-budget", title="法治建设经费", form_class=RuleOfLawBudgetForm,
    date_field="approved_on", group=GROUP, order=6,
    natural_key=("year", "item", "source", "approved_on"),
    list_fields=("year", "item", "amount", "approved_on"), search_fields=("item",),
))
