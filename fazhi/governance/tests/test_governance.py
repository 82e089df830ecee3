"""The leading group, the work plan's responsibility list (overdue tasks), 述法 and the budget."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from fazhi.core import clock
from fazhi.governance.forms import ResponsibilityTaskForm
from fazhi.governance.ledgers import _task_state
from fazhi.governance.models import LawReport, ResponsibilityTask, RuleOfLawBudget, WorkPlan
from fazhi.indicators.registry import Scope, get
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new

pytestmark = pytest.mark.django_db


def plan(township, year=2025):
    return WorkPlan.objects.create(organisation=township, year=year, title=f"{year}年法治政府建设工作要点",
                                   adopted_on=dt.date(year, 2, 20))


def task(township, p, due, status="planned", done_on=None, name="修订村规民约"):
    return ResponsibilityTask.objects.create(organisation=township, plan=p, assigned_on=dt.date(p.year, 3, 1), task=name, lead="分管副镇长",
                                             department="党政办", owner="李某", due_on=due, status=status, done_on=done_on)


def test_tasks_on_time_late_and_overdue(township):
    p = plan(township)
    on_time = task(township, p, dt.date(2025, 6, 30), "done", dt.date(2025, 6, 20))
    late = task(township, p, dt.date(2025, 6, 30), "done", dt.date(2025, 7, 5))
    overdue = task(township, p, dt.date(2025, 9, 30), "ongoing")
    assert _task_state([on_time, late, overdue]) == ["按期完成", "逾期完成", "已逾期"]
    scope = Scope((township,), 2025)
    rate = get("responsibility_on_time_rate").compute(scope)
    assert (rate.numerator, rate.denominator) == (1, 3)
    assert get("responsibility_tasks_overdue").compute(scope).value == 1


def test_a_done_task_needs_its_date_and_a_deadline_may_lie_ahead(township):
    p = plan(township, clock.current_year())
    ahead = (clock.today() + dt.timedelta(days=60)).isoformat()
    form = ResponsibilityTaskForm(data={"plan": p.pk, "assigned_on": clock.today().isoformat(), "task": "普法", "lead": "甲",
                                        "department": "司法所", "owner": "乙", "due_on": ahead, "status": "done"},
                                  organisation=township)
    assert not form.is_valid() and "已完成的任务请填写完成日期" in str(form.errors)
    form = ResponsibilityTaskForm(data={"plan": p.pk, "assigned_on": clock.today().isoformat(), "task": "普法", "lead": "甲",
                                        "department": "司法所", "owner": "乙", "due_on": ahead, "status": "planned"},
                                  organisation=township)
    assert form.is_valid(), form.errors


def test_the_plan_of_another_township_cannot_be_chosen(township, other_township):
    theirs = plan(other_township)
    form = ResponsibilityTaskForm(data={"plan": theirs.pk, "assigned_on": "2025-03-01", "task": "普法", "lead": "甲", "department": "司法所", "owner": "乙",
                                        "due_on": "2025-05-01", "status": "planned"}, organisation=township)
    assert not form.is_valid() and "请选择本镇已登记的工作要点" in str(form.errors)


def test_law_reports_and_budget_in_the_report(township):
    LawReport.objects.create(organisation=township, held_on=dt.date(2025, 12, 20), reporter="周建国", post="镇党委书记",
                             principal=True, occasion="meeting", appraisal="好")
    RuleOfLawBudget.objects.create(organisation=township, year=2025, item="普法宣传和法律顾问经费", amount=80000,
                                   approved_on=dt.date(2025, 1, 10))
    scope = Scope((township,), 2025)
    assert get("principal_law_reports").compute(scope).value == 1
    assert get("rule_of_law_budget").compute(scope).value == 80000
    composed = compose_report(report_new(township, 2025))
    duties = next(s for s in composed.sections if s.heading.startswith("三、"))
    assert re.search(r"镇党委书记、镇长于\d+月\d+日在[^。]*述法", "\n".join(p.plain for p in duties.paragraphs))
    text = "\n".join(p.plain for s in composed.sections for p in s.paragraphs)
    assert "将法治建设经费纳入财政预算，全年安排8万元" in text
