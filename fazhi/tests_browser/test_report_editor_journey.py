"""The report editor in the browser (issue 21): the clerk rewrites a part beside its live preview, inserts a figure
and moves it as a chip (dragging it, then with the keyboard), restores another part to its default, saves, and
reads the report page. The parts left alone go back unchanged, so they keep following the data."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from fazhi.core import clock
from fazhi.core.models import OrgKind, Role
from fazhi.reports.models import AnnualReport
from fazhi.testing.factories import CountyFactory, PublicityEventFactory, TownshipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "（一）抓好普法。全年开展普法宣传活动，今后继续。"
MARKER = "【数据：普法宣传活动】"


def test_clerk_rewrites_a_part_moves_a_figure_and_saves(live_server, page):
    year = clock.current_year() - 1
    county = CountyFactory(code="BC21", name="编辑县")
    town = TownshipFactory(code="BT21", name="编辑镇", parent=county, kind=OrgKind.TOWNSHIP)
    UserFactory(username="editor_clerk", organisation=town, role=Role.CLERK)
    for month in (3, 4):
        PublicityEventFactory(organisation=town, held_on=dt.date(year, month, 5))

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "editor_clerk")
    page.fill("input[name=password]", "pass-word-123")
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(f"{live_server.url}/reports/edit/{town.code}/{year}/")

    # the text areas became editors in which figures are chips with their values, not typed markers
    editor = page.locator("[data-editor=plans_text]")
    preview = page.locator("[data-preview=plans_text]")
    textarea = page.locator("textarea[name=plans_text]")
    assert textarea.is_hidden() and editor.is_visible()
    measures = page.locator("[data-editor=measures_text]")
    assert measures.locator('.chip[data-marker="普法宣传活动"] .chip-value').first.inner_text() == "2场次"
    assert "【数据：" not in measures.inner_text()

    # rewrite part 四 and insert the count of publicity events at the caret
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(SENTENCE)
    section = page.locator("section[data-part=plans_text]")
    section.locator("select.figure-picker").select_option("普法宣传活动")
    section.locator("button.insert-figure").click()
    chip = editor.locator('.chip[data-marker="普法宣传活动"]')
    assert textarea.input_value() == SENTENCE + MARKER
    assert section.locator(".part-state").inner_text() == "已修改，尚未保存"

    # drag the chip to the start of the part, then on with the keyboard to its place
    chip.drag_to(editor, target_position={"x": 3, "y": 10})
    assert textarea.input_value() == MARKER + SENTENCE
    expect(preview).to_contain_text("工作安排2场次（一）抓好普法。")  # the preview follows
    chip.focus()
    for _ in range(len("（一）抓好普法。全年开展普法宣传活动")):
        page.keyboard.press("Alt+ArrowRight")
    assert textarea.input_value() == "（一）抓好普法。全年开展普法宣传活动" + MARKER + "，今后继续。"
    expect(preview).to_contain_text("全年开展普法宣传活动2场次，今后继续。")
    assert preview.locator(".subheading").inner_text() == "（一）抓好普法。"
    assert preview.locator('a[data-indicator="publicity_events"]').inner_text() == "2"

    # a change to the opening, then 恢复默认 brings the default back (after confirming)
    intro = page.locator("[data-editor=intro_text]")
    intro.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("多写一句。")
    assert "多写一句" in page.locator("textarea[name=intro_text]").input_value()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("section[data-part=intro_text] button.restore-default").click()
    assert "多写一句" not in page.locator("textarea[name=intro_text]").input_value()
    assert page.locator("section[data-part=intro_text] .part-state").inner_text() == "默认稿（随数据更新）"

    expect(page.locator("section[data-part=intro_text] .preview-status")).to_have_text("")  # the preview is current
    with page.expect_navigation():
        page.click("button.primary[name=save]")
    assert re.search(rf"/reports/view/{town.code}/{year}/$", page.url)
    assert "已保存" in page.locator(".messages").inner_text()
    assert "全年开展普法宣传活动2场次，今后继续。" in page.locator("article.report-page").inner_text()

    report = AnnualReport.objects.get(organisation=town, year=year)
    assert report.plans_text == "（一）抓好普法。全年开展普法宣传活动" + MARKER + "，今后继续。"
    # every part left alone went back exactly as it came: stored blank, it keeps following the data
    assert (report.intro_text, report.measures_text, report.shortcomings_text, report.duties_text) == ("", "", "", "")
