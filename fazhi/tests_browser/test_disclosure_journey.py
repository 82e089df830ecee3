"""The main disclosure journey: a member of the public applies on the portal and checks the status; a clerk
finds the application, sees its due date and how it was worked out, answers it with a PDF; the public sees 已办结."""
from __future__ import annotations

import re

import pytest
from django.utils import timezone

from fazhi.core.models import OrgKind, Role
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "13912345678"
NAME = "王小红"
DESCRIPTION = "本镇2026年高标准农田建设项目的招标公告及中标结果"
CHINESE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
REPLY_PDF = {"name": "答复告知书.pdf", "mimeType": "application/pdf",
             "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"}


def shown_status(page) -> dict:
    """What the public status table (portal/_status.html) shows, by row heading."""
    table = page.locator("table.status")
    table.wait_for()
    rows = table.locator("tr")
    return {rows.nth(i).locator("th").inner_text().strip(): rows.nth(i).locator("td").inner_text().strip()
            for i in range(rows.count())}


def test_public_applies_clerk_answers_and_the_public_sees_it_closed(live_server, browser, page, settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0
    county = CountyFactory(code="BC02", name="公开县")
    town = TownshipFactory(code="BT02", name="公开镇", parent=county, kind=OrgKind.TOWNSHIP)
    UserFactory(username="disclosure_clerk", organisation=town, role=Role.CLERK)
    today = timezone.localdate()
    base = live_server.url

    # ---- the public: portal → the township's page → the application form
    page.goto(f"{base}/portal/")
    page.get_by_role("link", name="公开县公开镇").click()
    page.wait_for_url(f"{base}/portal/BT02/")
    assert page.get_by_role("heading", level=1).inner_text() == "公开镇政府信息公开"
    page.get_by_role("link", name="在线申请政府信息公开").click()
    page.wait_for_url(f"{base}/portal/BT02/apply/")
    assert "向公开镇申请政府信息公开" in page.get_by_role("heading", level=1).inner_text()

    page.select_option("select[name=applicant_type]", label="自然人")
    page.fill("input[name=applicant_name]", NAME)
    page.fill("input[name=contact]", PHONE)
    page.fill("textarea[name=description]", DESCRIPTION)
    with page.expect_navigation():
        page.click("#submit-application")

    tracking = page.locator("#tracking-number")
    tracking.wait_for()
    number = tracking.inner_text().strip()
    assert re.fullmatch(rf"BT02-{today.year}-\d{{4}}", number), number
    assert number == f"BT02-{today.year}-0001"
    assert page.get_by_role("heading", level=1).inner_text() == "申请已提交"
    applied = shown_status(page)
    assert applied["受理编号"] == number
    assert applied["受理机关"] == "公开镇"
    assert applied["办理状态"] == "办理中"
    assert NAME not in applied["申请人"] and applied["申请人"].startswith("王")  # masked on the public side
    assert PHONE not in page.content()
    due_text = page.locator("[data-due-on]").first.inner_text().strip()
    assert CHINESE_DATE.match(due_text), f"答复期限应显示为日期，实际为：{due_text!r}"
    due_iso = page.locator("[data-due-on]").first.get_attribute("data-due-on")
    assert due_iso > today.isoformat()

    # ---- the public checks the status with the number and the phone
    page.get_by_role("link", name="查询申请办理进度").click()
    page.wait_for_url(f"{base}/portal/track/")
    page.fill("input[name=tracking_number]", number)
    page.fill("input[name=contact]", PHONE)
    with page.expect_navigation():
        page.get_by_role("button", name="查询").click()
    tracked = shown_status(page)
    assert tracked["受理编号"] == number and tracked["办理状态"] == "办理中"
    assert due_text in tracked["答复期限"]
    track_url = page.url

    # ---- a clerk (another browser, not logged in) opens the disclosure dashboard and is asked to log in
    clerk_context = browser.new_context(locale="zh-CN")
    try:
        clerk = clerk_context.new_page()
        clerk.set_default_timeout(15000)
        clerk.goto(f"{base}/disclosure/")
        clerk.wait_for_url(re.compile(r"/login/\?next="))
        clerk.fill("input[name=username]", "disclosure_clerk")
        clerk.fill("input[name=password]", "pass-word-123")
        clerk.click("button[type=submit]")
        clerk.wait_for_url(f"{base}/disclosure/")

        running = clerk.locator("section.clock-list", has_text="其他办理中的申请")
        row = running.locator("tr", has_text=number)
        row.wait_for()
        assert "未指定" in row.inner_text() and due_text in row.inner_text()
        with clerk.expect_navigation():
            row.get_by_role("link", name=number).click()
        assert re.search(r"/disclosure/requests/\d+/$", clerk.url), clerk.url

        # The workbench shows the full data, the due date the public saw, and how it was worked out.
        assert number in clerk.get_by_role("heading", level=1).inner_text()
        assert NAME in clerk.locator("table.fields").inner_text()
        assert PHONE in clerk.locator("table.fields").inner_text()
        assert clerk.locator("[data-due-on]").first.inner_text().strip() == due_text
        steps = clerk.locator(".clock-box ol.explanation li").all_inner_texts()
        assert steps, "应说明答复期限是怎样算出来的"
        assert steps[0].startswith("收到申请"), steps
        assert any("20个工作日" in s for s in steps), steps

        # Answer it: 予以公开, today, with the reply document.
        reply = clerk.locator('form[data-action="reply"]')
        reply.locator("select[name=result]").select_option("granted")
        assert reply.locator("select[name=result] option:checked").inner_text().strip() == "予以公开"
        reply.locator("input[name=replied_on]").fill(today.isoformat())
        reply.locator("textarea[name=summary]").fill("已按申请人要求提供招标公告及中标结果公示")
        reply.locator("input[name=files]").set_input_files(REPLY_PDF)
        with clerk.expect_navigation():
            reply.get_by_role("button", name="答复并办结").click()

        clerk.locator('[data-status="closed"]').wait_for()
        assert clerk.get_by_text("已答复并办结").first.is_visible()
        assert "予以公开" in clerk.locator("[data-result=granted]").inner_text()
        assert clerk.get_by_role("link", name="答复告知书.pdf").is_visible()
        assert clerk.locator('form[data-action="reply"]').count() == 0  # nothing left to do on a closed application
    finally:
        clerk_context.close()

    # ---- the public sees the application closed
    page.goto(track_url)
    closed = shown_status(page)
    assert closed["受理编号"] == number
    assert closed["办理状态"] == "已办结"
    assert closed["办理结果"].startswith("予以公开")
