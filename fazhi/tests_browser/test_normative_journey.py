"""A normative document from draft to filing, in the browser: the clerk drafts it and opens it to public
comment, sends it for legality review; the reviewer approves it in the queue; the clerk records the
deliberation, issues it with a number, publishes it (the public sees it in force) and files it."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from fazhi.core.models import OrgKind, Role
from fazhi.normative.models import DocumentSeries
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "规范镇村两级小微权力运行管理办法"


def login(browser, base, username):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pass-word-123")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "/login/" not in page.url
    return context, page


def act(page, name: str, fields: dict[str, str]) -> None:
    """Fill and submit one action form of the workbench (data-action=name)."""
    form = page.locator(f"form[data-action={name}]")
    if not form.count():
        raise AssertionError(f"no form {name}; page: {page.locator('main').inner_text()[:1500]}")
    for field, value in fields.items():
        form.locator(f"[name={field}]").fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def step_state(page, name: str) -> str:
    return page.locator(f"li[data-step='{name}']").get_attribute("data-state")


def test_clerk_takes_a_document_from_draft_to_filing(live_server, browser, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    county = CountyFactory(code="BC05", name="规范县")
    town = TownshipFactory(code="BT05", name="规范镇", parent=county, kind=OrgKind.TOWNSHIP)
    UserFactory(username="norm_clerk", organisation=town, role=Role.CLERK)
    UserFactory(username="norm_reviewer", organisation=town, role=Role.LEGAL_REVIEWER)
    DocumentSeries.objects.create(organisation=town, prefix="规府规")
    today = timezone.localdate()
    base = live_server.url
    iso = today.isoformat()

    clerk_ctx, clerk = login(browser, base, "norm_clerk")
    clerk.get_by_role("link", name="行政规范性文件").click()
    clerk.get_by_role("link", name="起草新文件").click()
    clerk.fill("input[name=title]", TITLE)
    clerk.fill("input[name=drafting_unit]", "党政办")
    clerk.fill("textarea[name=draft_text]", "第一条 为了规范小微权力运行，制定本办法。")
    with clerk.expect_navigation():
        clerk.get_by_role("button", name="保存草案").click()
    assert clerk.locator("[data-status]").inner_text() == "起草中"
    assert clerk.locator("[data-missing]").inner_text() == "公开征求意见"
    detail_url = clerk.url

    # The review cannot start before public comment: the refusal names the missing step.
    act(clerk, "review", {"submitted_on": iso})
    assert "须先公开征求意见" in clerk.content()

    act(clerk, "comment", {"opens_on": (today - dt.timedelta(days=40)).isoformat(),
                           "closes_on": (today - dt.timedelta(days=10)).isoformat()})
    assert step_state(clerk, "公开征求意见") == "done"
    act(clerk, "review", {"submitted_on": iso})
    assert clerk.locator("[data-status]").inner_text() == "合法性审核"
    act(clerk, "deliberate", {"deliberated_on": iso, "meeting": "镇政府常务会议"})
    assert "不能提交集体审议：合法性审查尚未完成" in clerk.content()

    reviewer_ctx, reviewer = login(browser, base, "norm_reviewer")
    reviewer.get_by_role("link", name="合法性审查").click()
    reviewer.get_by_role("link", name=TITLE).click()
    reviewer.locator("form[data-action=conclude] input[value=approved]").check()
    with reviewer.expect_navigation():
        reviewer.locator("form[data-action=conclude] button[type=submit]").click()
    assert reviewer.locator("[data-opinion]").inner_text() == "通过"
    reviewer_ctx.close()

    clerk.goto(detail_url)
    act(clerk, "deliberate", {"deliberated_on": iso, "meeting": "镇政府常务会议"})
    assert clerk.locator("[data-status]").inner_text() == "集体审议通过"
    form = clerk.locator("form[data-action=issue]")
    form.locator("select[name=series]").select_option(label="规府规")
    form.locator("[name=issued_on]").fill(iso)
    with clerk.expect_navigation():
        form.locator("button[type=submit]").click()
    number = f"规府规〔{today.year}〕1号"
    assert clerk.locator("[data-doc-number]").inner_text() == number

    act(clerk, "publish", {"published_on": iso, "channel": "镇人民政府门户网站"})
    assert "现行有效" in clerk.locator(".clock-box").inner_text()
    assert step_state(clerk, "报送备案") == "current"

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(f"{base}/portal/BT05/documents/")
    assert number in public.content() and TITLE in public.content()

    act(clerk, "file", {"filed_on": iso})
    assert step_state(clerk, "报送备案") == "done"
    assert re.search(r"报送备案", clerk.locator("table.timeline").inner_text())
    clerk_ctx.close()
