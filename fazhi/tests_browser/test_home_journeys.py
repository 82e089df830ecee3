"""Each role's day starts on its home page, in the browser: after logging in the user lands on 待办, sees the item
due for their role with its deadline and days left, and its link opens the record. The clerk folds a sidebar group
and finds it folded on the next page; the year's figures open area by area, each drawing its chart."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from fazhi.core import clock
from fazhi.core.models import OrgKind, Role
from fazhi.home.tests.test_home import application_due_soon, queued_review
from fazhi.oversight.filing import return_submission, submit_report
from fazhi.oversight.tests.factories import saved_report
from fazhi.testing.factories import CountyFactory, PublicityEventFactory, TownshipFactory, UserFactory
from fazhi.tests_browser.test_normative_journey import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def place(db):
    county = CountyFactory(code="BC21", name="待办县")
    town = TownshipFactory(code="BT21", name="待办镇", parent=county, kind=OrgKind.TOWNSHIP)
    other = TownshipFactory(code="BT22", name="邻近镇", parent=county, kind=OrgKind.TOWNSHIP)
    roles = {"clerk": Role.CLERK, "leader": Role.LEADER, "reviewer": Role.LEGAL_REVIEWER}
    users = {name: UserFactory(username=f"home_{name}", organisation=town, role=role) for name, role in roles.items()}
    users["supervisor"] = UserFactory(username="home_county", organisation=county, role=Role.COUNTY_SUPERVISOR)
    users["other_clerk"] = UserFactory(username="home_other", organisation=other, role=Role.CLERK)
    return SimpleNamespace(county=county, town=town, other=other, today=clock.today(), year=clock.today().year - 1,
                           **users)


def land_on_home(browser, base, username, errors):
    context, page = login(browser, base, username)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    assert page.url == f"{base}/"  # logging in lands on 待办, not on the figures
    expect(page.get_by_role("heading", name="待办", exact=True)).to_be_visible()
    return context, page


def open_todo(page, kind: str, title: str):
    item = page.locator(f'li[data-todo="{kind}"]', has_text=title)
    expect(item).to_have_count(1)
    assert re.search(r"还有\d+天|今天到期|已逾期\d+天|请尽快办理", item.inner_text())
    with page.expect_navigation():
        item.get_by_role("link", name=title).click()


def test_the_clerk_lands_on_the_application_due_opens_it_and_reads_the_figures_by_area(live_server, browser, place):
    request = application_due_soon(place.town, place.clerk, "本村一事一议筹资筹劳方案", place.today)
    application_due_soon(place.other, place.other_clerk, "邻近镇的申请", place.today)
    PublicityEventFactory(organisation=place.town, held_on=dt.date(place.year, 5, 20))
    errors: list[str] = []
    context, page = land_on_home(browser, live_server.url, "home_clerk", errors)
    assert "邻近镇的申请" not in page.content()
    open_todo(page, "依申请公开答复", str(request))
    assert f"/disclosure/requests/{request.pk}/" in page.url and request.tracking_number in page.content()

    # the sidebar: fold 组织领导; the next page keeps it folded
    group = page.locator('nav.sidebar details[data-nav-group="组织领导"]')
    assert group.get_attribute("open") is not None
    group.locator("summary").click()
    page.goto(f"{live_server.url}/")
    expect(page.locator('nav.sidebar details[data-nav-group="组织领导"]')).not_to_have_attribute("open", "")

    # the year's figures by area: open 普法, its chart is drawn
    page.goto(f"{live_server.url}/indicators/?year={place.year}")
    area = page.locator('details.area-group[data-area="publicity"]')
    assert area.get_attribute("open") is None
    area.locator("summary").click()
    expect(area.locator(".area-chart canvas")).to_have_count(1)
    assert area.locator('[data-indicator="publicity_events"]').inner_text() == "1"
    assert errors == []
    context.close()


def test_the_reviewer_lands_on_the_queued_review_and_opens_it(live_server, browser, place):
    review = queued_review(place.town, place.clerk, "关于村道养护资金使用的答复意见", place.today)
    errors: list[str] = []
    context, page = land_on_home(browser, live_server.url, "home_reviewer", errors)
    open_todo(page, "合法性审查", str(review))
    assert f"/reviews/{review.pk}/" in page.url and "关于村道养护资金使用的答复意见" in page.content()
    assert errors == []
    context.close()


def test_the_leader_lands_on_the_returned_report_and_reads_the_countys_comment(live_server, browser, place):
    saved_report(place.town, place.year, place.clerk)
    return_submission(submit_report(place.town, place.year, place.leader, "已核实"), place.supervisor, "请补充述法情况")
    errors: list[str] = []
    context, page = land_on_home(browser, live_server.url, "home_leader", errors)
    title = f"待办镇{place.year}年度法治政府建设报告（第1版）"
    open_todo(page, "年度报告被县级退回，请修改后重新报送", title)
    assert f"/reports/view/BT21/{place.year}/" in page.url
    expect(page.locator('[data-review="returned"]')).to_contain_text("请补充述法情况")
    assert errors == []
    context.close()


def test_the_county_lands_on_a_submission_to_review_and_opens_it(live_server, browser, place):
    saved_report(place.other, place.year, place.other_clerk)
    leader = UserFactory(username="home_other_leader", organisation=place.other, role=Role.LEADER)
    submission = submit_report(place.other, place.year, leader, "已核实")
    errors: list[str] = []
    context, page = land_on_home(browser, live_server.url, "home_county", errors)
    title = f"邻近镇{place.year}年度法治政府建设报告（第1版）"
    open_todo(page, "审核乡镇报送的年度报告", title)
    assert f"/oversight/submissions/{submission.pk}/" in page.url
    expect(page.locator("form[data-action=return]")).to_be_visible()
    assert errors == []
    context.close()
