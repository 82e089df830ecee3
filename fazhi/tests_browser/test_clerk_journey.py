"""The main journey of the Foundation: a clerk logs in, adds a publicity event, and sees the report's figure grow."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core import clock
from fazhi.core.models import OrgKind, Role
from fazhi.testing.factories import CountyFactory, PublicityEventFactory, TownshipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def figure(page, key: str) -> int:
    return int(page.locator(f'[data-indicator="{key}"]').first.inner_text())


def test_clerk_adds_a_publicity_event_and_the_report_figure_grows_by_one(live_server, page):
    year = clock.current_year() - 1
    county = CountyFactory(code="BC01", name="浏览器县")
    town = TownshipFactory(code="BT01", name="浏览器镇", parent=county, kind=OrgKind.TOWNSHIP)
    UserFactory(username="browser_clerk", organisation=town, role=Role.CLERK)
    PublicityEventFactory(organisation=town, held_on=dt.date(year, 3, 5))
    PublicityEventFactory(organisation=town, held_on=dt.date(year, 4, 6))

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "browser_clerk")
    page.fill("input[name=password]", "pass-word-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    report_url = f"{live_server.url}/reports/view/{town.code}/{year}/"
    page.goto(report_url)
    before = figure(page, "publicity_events")
    assert before == 2

    page.goto(f"{live_server.url}/ledgers/publicity-events/new/")
    page.fill("input[name=held_on]", f"{year}-12-04")
    page.fill("input[name=title]", "国家宪法日宣传进村")
    page.select_option("select[name=campaign]", label="宪法宣传周（12·4国家宪法日）")
    page.fill("input[name=place]", "村文化广场")
    page.fill("input[name=audience]", "150")
    page.fill("input[name=materials]", "300")
    page.fill("input[name=consultations]", "20")
    page.click("button[name=save]")
    page.wait_for_selector("text=已保存")

    page.goto(report_url)
    assert figure(page, "publicity_events") == before + 1

    # The figure links to the records that produced it, and that list shows the same count.
    page.click('[data-indicator="publicity_events"]')
    assert page.locator("[data-count]").first.get_attribute("data-count") == str(before + 1)
