"""Demo governance: the leading group, each year's work plan with its responsibility list (tasks done late in the
years the township's profile says, one overdue now), the principal leaders' 述法 and the year's budget."""
from __future__ import annotations

import datetime as dt
import random

from fazhi.core.models import Organisation, User
from fazhi.demo.days import OfficeDays
from fazhi.demo.initiative import initiative, launch_day
from fazhi.demo.pools import POOLS
from fazhi.demo.profiles import NameBook, pick, profile
from fazhi.governance.models import (
    GroupRole, LawReport, LawReportOccasion, LeadingGroupMember, ResponsibilityTask, RuleOfLawBudget, TaskStatus, WorkPlan,
)

# The 法治建设责任清单 of the year's 工作要点: (task, lead, department). A task the township may finish late is one whose
# lateness cannot contradict its other records (no "落实合法性审查" late in a year every decision was reviewed).
TASKS = (
    ("修订完善村规民约、居民公约", "分管副{u}长", "党政办"),
    ("开展“八五”普法总结验收", "分管副{u}长", "司法所"),
    ("修订合法性审查工作规则", "{u}长", "司法所"),
    ("完成政务公开标准目录更新", "党委委员", "党政办"),
    ("开展民主法治示范村（社区）创建", "政法委员", "司法所"),
    ("调整充实村（社区）法律顾问", "分管副{u}长", "司法所"),
    ("推进矛盾纠纷多元化解", "政法委员", "综治中心"),
    ("规范行政执法公示和全过程记录", "分管副{u}长", "综合行政执法队"),
    ("清理本级行政规范性文件", "分管副{u}长", "党政办"),
    ("完善便民服务中心一次性告知制度", "党委委员", "便民服务中心"),
    ("落实“谁执法谁普法”普法责任制", "党委委员", "司法所"),
    ("组织年终述职述法", "党委副书记", "党建办"),
)
# The tasks done late in the years the township's profile says ("task"), by its slot: the disclosure task of 云岭乡
# is the one its 政府信息公开工作年度报告 names too.
LATE_TASKS = {0: ("修订完善村规民约、居民公约",), 1: ("开展民主法治示范村（社区）创建", "完善便民服务中心一次性告知制度"),
              2: ("完成政务公开标准目录更新", "修订完善村规民约、居民公约")}
# The year-end 述职述法会议, by the township's slot: (month, day) in the year reported on, an office day.
LAW_REPORT_DAYS = {0: (12, 26), 1: (12, 23), 2: (12, 29)}
# Members of the 班子 who report on law at the same meeting, in order.
MEMBER_POSTS = ("党委副书记", "分管副{u}长", "政法委员", "纪委书记", "党委委员、组织委员", "人大主席")
# The leading group beyond its two heads (党委书记, 镇（乡）长), in the order a township adds them.
GROUP_POSTS = (
    ("党委副书记", GroupRole.DEPUTY), ("分管副{u}长", GroupRole.DEPUTY), ("司法所所长", GroupRole.MEMBER),
    ("党政综合办公室主任", GroupRole.MEMBER), ("政法委员", GroupRole.MEMBER), ("综合行政执法队队长", GroupRole.MEMBER),
    ("派出所所长", GroupRole.MEMBER), ("纪委书记", GroupRole.MEMBER), ("社会事务办公室主任", GroupRole.MEMBER),
)
# 全年安排法治建设经费 (元): the larger township budgets more; the three sets share no amount.
BUDGETS = ((120000, 150000, 180000), (70000, 80000, 100000), (40000, 50000, 60000))


def generate_governance(township: Organisation, secretary: str, mayor: str, clerk: User, years: tuple[int, ...], *,
                        today: dt.date, rng: random.Random, deputy: str = "") -> int:
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
    members += [(deputy if deputy and post.startswith("分管副") else names.name(), post.format(u=unit), role)
                for post, role in GROUP_POSTS[:size - 2]]
    by_post = {post: name for name, post, _ in members}
    for name, post, role in members:
        LeadingGroupMember.objects.create(organisation=township, created_by=clerk, name=name, post=post, group_role=role,
                                          joined_on=first)
    made = 0
    for year in years + (today.year,) if today.year not in years else years:
        adopted = OfficeDays().on_or_after(dt.date(year, 2, 14 + 5 * (traits.slot % 3)))
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
            late = {n for n, (text, _, _) in enumerate(tasks) if text in LATE_TASKS[traits.slot % 3] and due_dates[n] < today}
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
            members = pick(rng, 1, len(MEMBER_POSTS), traits.slot, item="member_law_reports", year=year)
            made += _law_reports(township, clerk, year, secretary, mayor, unit, today=today, slot=traits.slot,
                                 members=[(by_post.get(post.format(u=unit)) or names.name(), post.format(u=unit))
                                          for post in MEMBER_POSTS[:members]], rng=rng)
            RuleOfLawBudget.objects.create(organisation=township, created_by=clerk, year=year, item="普法宣传与法律顾问经费",
                                           amount=rng.choice(BUDGETS[traits.slot % 3]), approved_on=dt.date(year, 1, 10))
            if year == years[-1] and township.code in POOLS:  # the latest year's own publicity series has its own line
                series = initiative(township.code)
                RuleOfLawBudget.objects.create(organisation=township, created_by=clerk, year=year,
                                               item=f"{series.series}专项经费", amount=series.budget,
                                               approved_on=launch_day(township.code, year))
    return made


def _law_reports(township, clerk, year: int, secretary: str, mayor: str, unit: str, *, today: dt.date, slot: int,
                 members: list[tuple[str, str]], rng: random.Random) -> int:
    """述法 at the year-end 述职述法会议: the 党委书记 and the 镇（乡）长 once each (as first responsible persons), then
    the members of the 班子 the township has report too — how many is the township's own."""
    held = OfficeDays().on_or_before(dt.date(year, *LAW_REPORT_DAYS[slot % 3]))
    if held > today:
        return 0
    rows = [(secretary, "党委书记", True), (mayor, f"{unit}长", True)] + [(name, post, False) for name, post in members]
    for reporter, post, principal in rows:
        LawReport.objects.create(organisation=township, created_by=clerk, held_on=held, reporter=reporter, post=post,
                                 principal=principal, occasion=LawReportOccasion.MEETING,
                                 appraisal="好" if principal or rng.random() < 0.7 else "较好")
    # the township's own further occasions: 青山镇's principals also report in the January 述职 on the year before,
    # 云岭乡's secretary also reports in writing to the county's 依法治县办 (so the three count differently)
    further = {0: [(secretary, "党委书记", LawReportOccasion.YEAR_END, (1, 18)), (mayor, f"{unit}长", LawReportOccasion.YEAR_END, (1, 18))],
               1: [],
               2: [(secretary, "党委书记", LawReportOccasion.WRITTEN, (12, 10))]}[slot % 3]
    made = len(rows)
    for reporter, post, occasion, (month, day) in further:
        on = OfficeDays().on_or_before(dt.date(year, month, day))
        if on <= today:
            LawReport.objects.create(organisation=township, created_by=clerk, held_on=on, reporter=reporter, post=post,
                                     principal=True, occasion=occasion)
            made += 1
    return made
