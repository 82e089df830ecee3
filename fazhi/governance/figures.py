"""The records behind the governance figures: 述法, the responsibility list, the budget."""
from __future__ import annotations

from django.db.models import F, Q
from django.utils import timezone

from fazhi.core.periods import as_of
from fazhi.governance.models import LawReport, LeadingGroupMember, ResponsibilityTask, RuleOfLawBudget, TaskStatus, WorkPlan


def principal_law_reports(scope):
    return LawReport.objects.filter(held_on__year=scope.year, principal=True)


def law_reports(scope):
    return LawReport.objects.filter(held_on__year=scope.year)


def tasks_due(scope):
    """Tasks of the responsibility list due in the year, up to today (a task not yet due is not judged)."""
    end = as_of(scope.year)
    return ResponsibilityTask.objects.filter(due_on__year=scope.year, due_on__lte=end, plan__voided_at__isnull=True)


DONE_ON_TIME = Q(status=TaskStatus.DONE, done_on__lte=F("due_on"))


def overdue_tasks(scope):
    return tasks_due(scope).exclude(status=TaskStatus.DONE).filter(due_on__lt=timezone.localdate())


def budget(scope):
    return RuleOfLawBudget.objects.filter(year=scope.year)


def group_members(scope):
    """Members of the leading group in office at the end of the year."""
    end = as_of(scope.year)
    return LeadingGroupMember.objects.filter(joined_on__lte=end).filter(Q(left_on__isnull=True) | Q(left_on__gte=end))


def work_plans(scope):
    return WorkPlan.objects.filter(adopted_on__year=scope.year)
