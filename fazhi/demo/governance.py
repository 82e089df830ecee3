"""Demo governance: the leading group, each year's work plan with its responsibility list (tasks done late in the
years the township's profile says, one overdue now), the principal leaders' 述法 and the year's budget."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.demo.profiles import NameBook, pick, profile
from fazhi.governance.models import (
    GroupRole, LawReport, LawReportOccasion, LeadingGroupMember, ResponsibilityTask, RuleOfLawBudget, TaskStatus, WorkPlan,
)

TASKS = (
    ("修订完善村规民约、居民公约", "分管副{u}长", "党政办"),
    ("开展“八五”普法总结验收", "分管副{u}长", "司法所"),
    ("落实重大行政决策合法性审查", "{u}长", "党政办"),
    ("规范行政执法公示和全过程记录", "分管副{u}长", "综合行政执法队"),
    ("村（社区）法律顾问全覆盖", "分管副{u}长", "司法所"),
    ("组织领导干部年度学法考试", "党委副书记", "党建办"),
    ("推进矛盾纠纷多元化解", "政法委员", "综治中心"),
    ("完成政务公开标准目录更新", "党委委员", "党政办"),
    ("开展民主法治示范村（社区）创建", "政法委员", "司法所"),
    ("清理本级行政规范性文件", "分管副{u}长", "党政办"),
    ("落实“谁执法谁普法”责任清单", "党委委员", "司法所"),
    ("完善便民服务中心一次性告知制度", "党委委员", "便民服务中心"),
)
# The leading group beyond its two heads (党委书记, 镇（乡）长), in the order a township adds them.
GROUP_POSTS = (
    ("党委副书记", GroupRole.DEPUTY), ("分管副{u}长", GroupRole.DEPUTY), ("司法所所长", GroupRole.MEMBER),
    ("党政综合办公室主任", GroupRole.MEMBER), ("政法委员", GroupRole.MEMBER), ("综合行政执法队队长", GroupRole.MEMBER),
    ("派出所所长", GroupRole.MEMBER), ("纪委书记", GroupRole.MEMBER), ("社会事务办公室主任", GroupRole.MEMBER),
)
# 全年安排法治建设经费 (元): the larger township budgets more; the three sets share no amount.
BUDGETS = ((120000, 150000, 180000), (70000, 80000, 100000), (40000, 50000, 60000))


def generate_governance(township: Organisation, secretary: str, mayor: str, clerk: User, years: tuple[int, ...], *,
                        today: dt.date, rng: random.Random) -> int:
    """The leading group (its size the township's own), each year's work plan — issued in the 依法治镇（乡）委员会
    series — with its responsibility list: late tasks only in the years the township's profile says (one task
    overdue now in the running year), 述法 by the principal leaders and the year's budget."""
    if WorkPlan.objects.filter(organisation=township).exists():
        return 0
    traits = profile(township.code)
    names = NameBook(township.code, rng)
    unit = "乡" if township.name.endswith("乡") else "镇"
    short = township.name[:-1]
    first = dt.date(years[0], 1, 15)
    size = pick(rng, 6, 11, traits.slot, item="leading_group_members", avoid=(5,))
    members = [(secretary, "党委书记", GroupRole.HEAD), (mayor, f"{unit}长", GroupRole.HEAD)]
    members += [(names.name(), post.format(u=unit), role) for post, role in GROUP_POSTS[:size - 2]]
    for name, post, role in members:
        LeadingGroupMember.objects.create(organisation=township, created_by=clerk, name=name, post=post, group_role=role,
                                          joined_on=first)
    made = 0
    for year in years + (today.year,) if today.year not in years else years:
        adopted = dt.date(year, 2, 20)
        if adopted > today:
            continue
        plan = WorkPlan.objects.create(organisation=township, created_by=clerk, year=year, adopted_on=adopted,
                                       title=f"{township.name}{year}年法治政府建设工作要点",
                                       document_number=f"{short}依治委〔{year}〕{pick(rng, 1, 6, traits.slot, item='work_plan_number')}号")
        tasks = TASKS[:pick(rng, 7, len(TASKS), traits.slot, item="responsibility_tasks")]
        due_dates = [dt.date(year, 3 + n, 28) if n < 9 else dt.date(year, 12, 20) for n in range(len(tasks))]
        running = year == today.year
        late: set[int] = set()
        if not running and traits.falls_short("task", latest=year == years[-1]):
            due = [n for n, day in enumerate(due_dates) if day < today]
            late = set(rng.sample(due, min(len(due), 1 + traits.slot % 3)))
        for n, (text, lead, dept) in enumerate(tasks):
            due = due_dates[n]
            is_late = n in late or (running and rng.random() < 0.15)
            if due < today:
                done_on = due + dt.timedelta(days=rng.randint(3, 12)) if is_late else due - dt.timedelta(days=rng.randint(1, 20))
                status, done = (TaskStatus.DONE, done_on) if done_on <= today else (TaskStatus.ONGOING, None)
            else:
                status, done = TaskStatus.ONGOING, None
            if running and n == 6 and due < today:
                status, done = TaskStatus.ONGOING, None  # one task overdue now: the dashboard shows it
            ResponsibilityTask.objects.create(organisation=township, created_by=clerk, plan=plan, assigned_on=adopted,
                                              task=text, lead=lead.format(u=unit), department=dept, owner=names.name(),
                                              due_on=due, status=status, done_on=done)
            made += 1
        if year in years:
            made += _law_reports(township, clerk, year, secretary, mayor, unit, today=today,
                                 count=pick(rng, 2, 6, traits.slot, item="principal_law_reports", avoid=(1,)))
            RuleOfLawBudget.objects.create(organisation=township, created_by=clerk, year=year, item="普法宣传与法律顾问经费",
                                           amount=rng.choice(BUDGETS[traits.slot % 3]), approved_on=dt.date(year, 1, 10))
    return made


def _law_reports(township, clerk, year: int, secretary: str, mayor: str, unit: str, *, today: dt.date, count: int) -> int:
    """述法 by the two principal leaders: at the year-end meeting, then in the year-end 述职 and at the mid-year
    述职述法 meeting, as many as ``count``."""
    occasions = (
        (dt.date(year, 12, 22), secretary, "党委书记", LawReportOccasion.MEETING),
        (dt.date(year, 12, 22), mayor, f"{unit}长", LawReportOccasion.MEETING),
        (dt.date(year, 1, 18), secretary, "党委书记", LawReportOccasion.YEAR_END),
        (dt.date(year, 7, 10), mayor, f"{unit}长", LawReportOccasion.MEETING),
        (dt.date(year, 1, 18), mayor, f"{unit}长", LawReportOccasion.YEAR_END),
        (dt.date(year, 7, 10), secretary, "党委书记", LawReportOccasion.MEETING),
    )
    made = 0
    for held, reporter, post, occasion in occasions[:count]:
        if held <= today:
            LawReport.objects.create(organisation=township, created_by=clerk, held_on=held, reporter=reporter, post=post,
                                     principal=True, occasion=occasion, appraisal="好")
            made += 1
    return made
