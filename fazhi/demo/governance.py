"""Demo governance: the leading group, each year's work plan with its responsibility list (some tasks done late,
one overdue now), the principal leaders' 述法 and the year's budget."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.governance.models import (
    GroupRole, LawReport, LawReportOccasion, LeadingGroupMember, ResponsibilityTask, RuleOfLawBudget, TaskStatus, WorkPlan,
)

TASKS = (
    ("修订完善村规民约、居民公约", "分管副镇长", "党政办"),
    ("开展“八五”普法总结验收", "分管副镇长", "司法所"),
    ("落实重大行政决策合法性审查", "镇长", "党政办"),
    ("规范行政执法公示和全过程记录", "分管副镇长", "综合行政执法队"),
    ("村（社区）法律顾问全覆盖", "分管副镇长", "司法所"),
    ("组织领导干部年度学法考试", "党委副书记", "党建办"),
    ("推进矛盾纠纷多元化解", "政法委员", "综治中心"),
    ("完成政务公开标准目录更新", "党委委员", "党政办"),
)


def generate_governance(township: Organisation, secretary: str, mayor: str, clerk: User, years: tuple[int, ...], *,
                        today: dt.date, rng: random.Random) -> int:
    if WorkPlan.objects.filter(organisation=township).exists():
        return 0
    first = dt.date(years[0], 1, 15)
    for name, post, role in ((secretary, "党委书记", GroupRole.HEAD), (mayor, "镇长", GroupRole.HEAD),
                             ("陈立法", "分管副镇长", GroupRole.DEPUTY), ("黄守正", "司法所所长", GroupRole.MEMBER),
                             ("林政务", "党政办主任", GroupRole.MEMBER)):
        LeadingGroupMember.objects.create(organisation=township, created_by=clerk, name=name, post=post, group_role=role,
                                          joined_on=first)
    made = 0
    for year in years + (today.year,) if today.year not in years else years:
        adopted = dt.date(year, 2, 20)
        if adopted > today:
            continue
        plan = WorkPlan.objects.create(organisation=township, created_by=clerk, year=year, adopted_on=adopted,
                                       title=f"{township.name}{year}年法治政府建设工作要点",
                                       document_number=f"{township.name[:2]}委发〔{year}〕{rng.randint(3, 15)}号")
        for n, (text, lead, dept) in enumerate(TASKS):
            due = dt.date(year, 3 + n, 28) if n < 9 else dt.date(year, 12, 20)
            late = rng.random() < 0.15
            if due < today:
                done_on = due + dt.timedelta(days=rng.randint(3, 12)) if late else due - dt.timedelta(days=rng.randint(1, 20))
                status, done = (TaskStatus.DONE, done_on) if done_on <= today else (TaskStatus.ONGOING, None)
            else:
                status, done = TaskStatus.ONGOING, None
            if year == today.year and n == 6 and due < today:
                status, done = TaskStatus.ONGOING, None  # one task overdue now: the dashboard shows it
            ResponsibilityTask.objects.create(organisation=township, created_by=clerk, plan=plan, assigned_on=adopted,
                                              task=text, lead=lead,
                                              department=dept, owner=rng.choice("王李张刘陈") + rng.choice("明华强丽"),
                                              due_on=due, status=status, done_on=done)
            made += 1
        if year in years:
            report_on = dt.date(year, 12, 22)
            if report_on <= today:
                LawReport.objects.create(organisation=township, created_by=clerk, held_on=report_on, reporter=secretary,
                                         post="党委书记", principal=True, occasion=LawReportOccasion.MEETING, appraisal="好")
                LawReport.objects.create(organisation=township, created_by=clerk, held_on=report_on, reporter=mayor,
                                         post="镇长", principal=True, occasion=LawReportOccasion.MEETING, appraisal="好")
            RuleOfLawBudget.objects.create(organisation=township, created_by=clerk, year=year, item="普法宣传与法律顾问经费",
                                           amount=rng.choice((50000, 60000, 80000)), approved_on=dt.date(year, 1, 10))
    return made
