"""The home page (/): each role's 待办 — exactly what is due or overdue for that role, soonest first, each with its
deadline, days left and a working link; another township's items never; the county sees its townships' submissions
and overdue items; the figures that matter to the role, grouped; bounded queries."""
from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.core.models import Role
from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure import services as disclosure
from fazhi.disclosure.deadlines import DUE_SOON_WORKING_DAYS, ClockInput, compute_clock, due_within
from fazhi.oversight.filing import return_submission, submit_report
from fazhi.oversight.tests.factories import saved_report
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import SubjectKind
from fazhi.testing.factories import DeputySuggestionFactory, DisputeCaseFactory, UserFactory
from fazhi.testing.institution_factories import ResponsibilityTaskFactory

TODAY = dt.date(2026, 1, 14)  # a Wednesday, before the reminders for the 2025 report (due at the county 2026-03-01)
YEAR = TODAY.year - 1
TODO = re.compile(r'<li data-todo="(?P<kind>[^"]+)"[^>]*?(?:data-due="(?P<due>[\d-]+)")?>.*?<a href="(?P<url>[^"]+)">'
                  r'(?P<title>[^<]+)</a>', re.S)


@pytest.fixture(autouse=True)
def january():
    with time_machine.travel(dt.datetime(2026, 1, 14, 12, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        yield


def todos(client, user) -> list[dict]:
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return [m.groupdict() for m in TODO.finditer(response.content.decode())]


def application_due_soon(township, clerk, description: str, today: dt.date = TODAY):
    """An application whose answer falls due within 3 working days (the 政务公开首页's own rule)."""
    calendar = WorkingCalendar.load()
    for back in range(20, 40):
        received = today - dt.timedelta(days=back)
        due = compute_clock(ClockInput(received_on=received), calendar, today=today).due
        if today <= due and due_within(due, today, DUE_SOON_WORKING_DAYS, calendar):
            request, _ = disclosure.request_create(organisation=township, channel="in_person", received_on=received,
                                                   user=clerk, fields={
                "applicant_type": "natural", "applicant_name": "李四", "contact": "13800138000",
                "description": description, "delivery": "paper_post"})
            return request
    raise AssertionError("no receipt date gives a due date within 3 working days")


def queued_review(township, clerk, title: str, today: dt.date = TODAY):
    return reviews.review_request(organisation=township, kind=SubjectKind.OTHER, title=title, submitted_by_unit="党政办",
                                  submitted_on=today - dt.timedelta(days=1), user=clerk)


@pytest.fixture
def world(township, other_township, clerk, other_clerk, leader):
    """Township A has one item of each kind; township B has the same kinds (never shown to A's staff)."""
    out = {}
    for org, user, mark in ((township, clerk, "甲"), (other_township, other_clerk, "乙")):
        out[mark] = {
            "application": application_due_soon(org, user, f"{mark}镇一事一议筹资方案"),
            "review": queued_review(org, user, f"{mark}镇村道养护资金答复意见"),
            "task": ResponsibilityTaskFactory(organisation=org, task=f"{mark}镇修订村规民约",
                                              assigned_on=dt.date(2025, 10, 1), due_on=dt.date(2026, 1, 5)),
            "later_task": ResponsibilityTaskFactory(organisation=org, task=f"{mark}镇年度述法",
                                                    assigned_on=dt.date(2025, 10, 1), due_on=dt.date(2026, 6, 30)),
            "mediation": DisputeCaseFactory(organisation=org, summary=f"{mark}镇宅基地边界纠纷",
                                            received_on=dt.date(2025, 11, 20), outcome="open", agreement="none",
                                            closed_on=None, terms=""),
            "suggestion": DeputySuggestionFactory(organisation=org, title=f"{mark}镇修缮村组道路的建议",
                                                  assigned_on=dt.date(2025, 10, 20), answered_on=None, outcome="",
                                                  answer="", satisfaction="none"),
        }
    return out


@pytest.fixture
def reports(world, township, other_township, clerk, other_clerk, leader):
    """A's report on last year returned by the county; B's submitted and waiting for the county's review."""
    saved_report(township, YEAR, clerk)
    supervisor = UserFactory(username="county_for_return", organisation=township.parent, role=Role.COUNTY_SUPERVISOR)
    world["甲"]["returned"] = return_submission(submit_report(township, YEAR, leader, "已核实"), supervisor, "请补充述法情况")
    saved_report(other_township, YEAR, other_clerk)
    world["乙"]["submitted"] = submit_report(other_township, YEAR, UserFactory(organisation=other_township,
                                                                               role=Role.LEADER), "已核实")
    return world


def kinds_and_titles(items):
    return [(i["kind"], i["title"]) for i in items]


@pytest.mark.parametrize("role", ["clerk", "leader"])
def test_clerk_and_leader_see_every_item_due_in_their_township_soonest_first(request, client, reports, role):
    world = reports
    items = todos(client, request.getfixturevalue(role))
    a = world["甲"]
    assert kinds_and_titles(items) == [
        ("矛盾纠纷调解超过一个月", str(a["mediation"])),  # the month ran out on 2025-12-20
        ("法治建设责任清单任务", "甲镇修订村规民约"),  # due 2026-01-05
        ("年度报告被县级退回，请修改后重新报送", f"甲镇{YEAR}年度法治政府建设报告（第1版）"),  # no fixed day: now
        ("依申请公开答复", str(a["application"])),  # within 3 working days
        ("答复人大代表建议", f"甲镇修缮村组道路的建议（{a['suggestion'].deputy}）"),  # due 2026-01-20
    ]
    assert not any("乙镇" in i["title"] for i in items)  # another township's never
    assert "年度述法" not in str(items)  # due in June: not yet
    page = client.get("/").content.decode()
    assert "已逾期25天" in page and "已逾期9天" in page and "请补充述法情况" in page  # days over, the county's comment


def test_each_to_do_links_to_its_record(client, reports, clerk):
    for item in todos(client, clerk):
        assert client.get(item["url"]).status_code == 200, item


def test_the_reviewer_sees_the_review_queue_only(client, world, township):
    reviewer = UserFactory(organisation=township, role=Role.LEGAL_REVIEWER)
    items = todos(client, reviewer)
    assert kinds_and_titles(items) == [("合法性审查", str(world["甲"]["review"]))]
    assert client.get(items[0]["url"]).status_code == 200


def test_the_judicial_office_sees_reviews_and_mediation(client, world, judicial_officer):
    assert {i["kind"] for i in todos(client, judicial_officer)} == {"合法性审查", "矛盾纠纷调解超过一个月"}


def test_an_enforcement_officer_never_sees_disclosure_applications(client, world, township):
    officer = UserFactory(organisation=township, role=Role.ENFORCEMENT_OFFICER)
    assert todos(client, officer) == []
    assert "一事一议" not in client.get("/").content.decode()


def test_the_county_sees_its_townships_submissions_and_overdue_items_only(client, reports, supervisor,
                                                                          other_county_supervisor):
    world = reports
    items = todos(client, supervisor)
    assert kinds_and_titles(items) == [  # the same day: by kind, then by title
        ("矛盾纠纷调解超过一个月", str(world["乙"]["mediation"])),
        ("矛盾纠纷调解超过一个月", str(world["甲"]["mediation"])),
        ("法治建设责任清单任务", "乙镇修订村规民约"),
        ("法治建设责任清单任务", "甲镇修订村规民约"),
        ("审核乡镇报送的年度报告", f"乙镇{YEAR}年度法治政府建设报告（第1版）"),
    ]  # overdue only: not the application, the review or the suggestion still in time
    page = client.get("/").content.decode()
    assert "甲镇" in page and "乙镇" in page and "报告收集" in page
    review = items[-1]["url"]
    assert review == reverse("oversight_submission", args=[world["乙"]["submitted"].pk])
    assert client.get(review).status_code == 200
    assert todos(client, other_county_supervisor) == []


def test_figures_that_matter_to_the_role_grouped_by_area(client, world, clerk, township):
    client.force_login(clerk)
    page = client.get("/").content.decode()
    areas = re.findall(r'data-area="([^"]+)"', page)
    assert areas[0] == "组织领导" and "政务公开和政务服务" in areas
    link = re.search(r'<a href="([^"]+)" data-indicator="responsibility_on_time_rate">', page)
    assert link and f"year={TODAY.year}" in link.group(1) and f"org={township.code}" in link.group(1)
    assert client.get(link.group(1).replace("&amp;", "&")).status_code == 200
    assert 'data-indicator="legality_reviews"' not in page  # the reviewer's figure, not the clerk's


def test_queries_do_not_grow_with_the_records(client, world, township, clerk, django_assert_max_num_queries):
    client.force_login(clerk)
    client.get("/")  # warm the caches every page shares
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for n in range(15):
        application_due_soon(township, clerk, f"第{n}件申请")
        ResponsibilityTaskFactory(organisation=township, task=f"任务{n}", assigned_on=dt.date(2025, 10, 1),
                                  due_on=dt.date(2026, 1, 6))
        DisputeCaseFactory(organisation=township, received_on=dt.date(2025, 11, 1), outcome="open", agreement="none",
                           closed_on=None, terms="")
    with django_assert_max_num_queries(len(few)), CaptureQueriesContext(connection) as many:
        response = client.get("/")
    assert response.content.decode().count("data-todo=") == 4 + 45
    assert len(many) <= 70


def test_the_report_due_at_the_county_appears_from_the_countys_reminder_days(client, clerk, supervisor):
    """The report on 2025 is due at the county on 2026-03-01 (fazhi/oversight/deadlines.py), reminded 14 days before."""
    assert todos(client, clerk) == []  # 14 January: not yet
    with time_machine.travel(dt.datetime(2026, 2, 20, 12, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        items = todos(client, clerk)
        page = client.get("/").content.decode()
    assert [(i["kind"], i["due"]) for i in items] == [("年度报告报送县委、县政府", "2026-03-01")]
    assert "还有9天" in page and "尚未起草" in page
    with time_machine.travel(dt.datetime(2026, 3, 2, 12, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        assert [i["kind"] for i in todos(client, supervisor)] == ["乡镇逾期未报送年度报告"] * 2  # both townships


def test_visitors_are_asked_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
