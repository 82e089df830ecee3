"""The notices journey: a clerk asks an applicant to supply what is missing, generates the 补正告知书 from the
application's page, opens the Word file and finds what she entered; the applicant's tracking page says the same."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from docx import Document

from fazhi.core.models import OrgKind, Role
from fazhi.disclosure import services
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ITEMS = "请写明所需方案的年度和村名\n请提供身份证明复印件"
PHONE = "13912345678"


def test_the_clerk_generates_the_correction_notice_and_the_applicant_sees_what_to_supply(live_server, page, tmp_path):
    county = CountyFactory(code="BC05", name="文书县")
    town = TownshipFactory(code="BT05", name="文书镇", parent=county, kind=OrgKind.TOWNSHIP)
    clerk = UserFactory(username="notice_clerk", organisation=town, role=Role.CLERK)
    today = timezone.localdate()
    application, _ = services.request_create(organisation=town, user=clerk, channel="in_person",
                                             received_on=today - dt.timedelta(days=1), fields={
        "applicant_type": "natural", "applicant_name": "李四", "contact": PHONE,
        "description": "本村一事一议筹资筹劳方案", "delivery": "paper_post"})
    base = live_server.url

    page.goto(f"{base}/login/?next=/disclosure/requests/{application.pk}/")
    page.fill("input[name=username]", "notice_clerk")
    page.fill("input[name=password]", "pass-word-123")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.locator("[data-notices]").inner_text().count("补正告知书") == 0  # nothing to notify yet

    # 补正: the items, today, a deadline two weeks on (条例第三十条)
    form = page.locator('form[data-action="correction"]')
    form.locator("input[name=requested_on]").fill(today.isoformat())
    form.locator("textarea[name=items]").fill(ITEMS)
    form.locator("input[name=deadline]").fill((today + dt.timedelta(days=14)).isoformat())
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    link = page.locator('[data-notice="correction"]')
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == f"补正告知书-{application.tracking_number}.docx"
    saved = tmp_path / "notice.docx"
    download.save_as(saved)
    text = "\n".join(p.text for p in Document(saved).paragraphs)
    for expected in ("文书镇人民政府", "政府信息公开申请补正告知书", f"受理编号：{application.tracking_number}", "李四：",
                     "第三十条", "请写明所需方案的年度和村名", "请提供身份证明复印件", "特此告知。"):
        assert expected in text, expected

    page.reload()
    assert page.locator('[data-issued-notice="correction"]').count() == 1  # kept in the application's history

    # the applicant's tracking page states what to supply, in the clerk's words
    public = page.context.new_page()
    public.goto(f"{base}/portal/track/")
    public.fill("input[name=tracking_number]", application.tracking_number)
    public.fill("input[name=contact]", PHONE)
    with public.expect_navigation():
        public.get_by_role("button", name="查询").click()
    shown = public.locator("[data-correction-items]").inner_text()
    assert re.sub(r"\s+", "", shown) == re.sub(r"\s+", "", ITEMS)
