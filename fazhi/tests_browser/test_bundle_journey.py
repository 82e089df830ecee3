"""The bundle page in a real browser: stepper.js drives the bundle to the end without Redis, the page reloads
with the download link, and nothing is refused by the Content Security Policy (no inline script)."""
from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from fazhi.core.models import OrgKind, Role
from fazhi.oversight.models import BundleStatus, ReportBundle
from fazhi.oversight.tests.factories import saved_report
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory
from fazhi.tests_browser.test_normative_journey import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_page_makes_the_bundle_and_offers_the_download(live_server, browser, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FAZHI_REDIS_URL = ""
    county = CountyFactory(code="BC09", name="打包县")
    town = TownshipFactory(code="BT91", name="甲镇", parent=county, kind=OrgKind.TOWNSHIP)
    TownshipFactory(code="BT92", name="乙镇", parent=county, kind=OrgKind.TOWNSHIP)
    clerk = UserFactory(username="bd_clerk", organisation=town, role=Role.CLERK)
    UserFactory(username="bd_county", organisation=county, role=Role.COUNTY_SUPERVISOR)
    year = timezone.localdate().year - 1
    saved_report(town, year, clerk)
    context, page = login(browser, live_server.url, "bd_county")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/oversight/?year={year}")
    page.get_by_role("link", name="打包下载全县年度报告").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="开始打包").click()
    expect(page.get_by_role("link", name=re.compile("下载 .zip"))).to_be_visible(timeout=60000)
    assert page.locator("#bundle-count").inner_text() == "4/4" and not page.locator("#bundle-continue").count()
    table = page.locator("#bundle-entries").inner_text()
    assert "草稿（未报送）" in table and "未编写" in table
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("下载 .zip")).click()
    assert download.value.suggested_filename == f"打包县{year}年度乡镇（街道）法治政府建设报告.zip"
    assert ReportBundle.objects.get().status == BundleStatus.DONE
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    context.close()
