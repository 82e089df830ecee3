"""The county office's year, in the browser: the township leader submits the annual report; the county
returns it with a comment; the leader resubmits and the county accepts it. The county imports reports
written elsewhere (progress bar driven by the page, resumable), then compares all townships on a chart."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from django.utils import timezone

from fazhi.core.models import OrgKind, Role
from fazhi.oversight.tests.test_importing import REPORT
from fazhi.reports.services import report_initial, report_new, report_save
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory
from fazhi.tests_browser.test_normative_journey import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_return_resubmit_accept_then_import_and_compare(live_server, browser, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    county = CountyFactory(code="BC07", name="监督县")
    town = TownshipFactory(code="BT07", name="甲镇", parent=county, kind=OrgKind.TOWNSHIP)
    TownshipFactory(code="BT08", name="乙镇", parent=county, kind=OrgKind.TOWNSHIP)
    clerk = UserFactory(username="ov_clerk", organisation=town, role=Role.CLERK)
    UserFactory(username="ov_leader", organisation=town, role=Role.LEADER)
    UserFactory(username="ov_county", organisation=county, role=Role.COUNTY_SUPERVISOR)
    year = timezone.localdate().year - 1
    report_save(org=town, year=year, data=report_initial(report_new(town, year)), user=clerk)
    base = live_server.url
    errors: list[str] = []

    leader_ctx, leader = login(browser, base, "ov_leader")
    leader.goto(f"{base}/reports/view/BT07/{year}/")
    with leader.expect_navigation():
        leader.get_by_role("button", name="审定并报送县级").click()
    confirm_submission(leader)
    assert "已审定并报送第1版" in leader.content()

    county_ctx, sup = login(browser, base, "ov_county")
    sup.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sup.get_by_role("link", name="县级监督：报告收集与比较").click()
    sup.select_option("select[name=year]", str(year))
    with sup.expect_navigation():
        sup.get_by_role("button", name="查看").click()
    row = sup.locator("#collection tr", has_text="甲镇")
    assert "已报送，待县级审核" in row.inner_text()
    with sup.expect_navigation():
        row.get_by_role("link", name="报送稿").click()
    sup.fill("form[data-action=return] textarea[name=comment]", "请补充党政主要负责人述法情况")
    with sup.expect_navigation():
        sup.locator("form[data-action=return] button[type=submit]").click()
    assert "已退回" in sup.content()

    leader.goto(f"{base}/reports/view/BT07/{year}/")
    assert "请补充党政主要负责人述法情况" in leader.content()
    with leader.expect_navigation():
        leader.get_by_role("button", name="审定并报送县级").click()
    confirm_submission(leader)
    assert "已审定并报送第2版" in leader.content()

    sup.goto(f"{base}/oversight/?year={year}")
    with sup.expect_navigation():
        sup.locator("#collection tr", has_text="甲镇").get_by_role("link", name="报送稿").click()
    assert "第2版" in sup.content()
    with sup.expect_navigation():
        sup.locator("form[data-action=accept] button[type=submit]").click()
    assert "县级已接收" in sup.content()

    # import: one good report, one that is not a report, one empty file
    (tmp_path / "丙镇报告.txt").write_text(REPORT.replace("甲镇", "丙河镇"), encoding="utf-8")
    (tmp_path / "菜谱.txt").write_text("红烧肉的做法", encoding="utf-8")
    (tmp_path / "空.txt").write_bytes(b"")
    sup.goto(f"{base}/oversight/?year={year}")
    sup.get_by_role("link", name="导入报告").click()
    sup.set_input_files("input[name=files]", [str(tmp_path / n) for n in ("丙镇报告.txt", "菜谱.txt", "空.txt")])
    sup.fill("input[name=year]", str(year))
    with sup.expect_navigation():
        sup.get_by_role("button", name="上传并导入").click()
    expect(sup.locator("#import-count")).to_have_text(re.compile(r"^3/3"), timeout=60000)
    table = sup.locator("#import-items").inner_text()
    assert "已导入" in table and "不是年度报告" in table and "空文件" in table
    sup.reload()  # progress lives on the server
    assert sup.locator("#import-count").inner_text() == "3/3" and not sup.locator("#import-continue").count()

    sup.goto(f"{base}/oversight/compare/?year={year}")
    # 丙河镇 is not a township of this county: listed apart, never in the table, the totals or the chart
    assert sup.locator("#compare-table tr", has_text="丙河镇").count() == 0
    assert sup.locator("#outside-imports tr", has_text="丙河镇").count() == 1
    sup.wait_for_selector("#compare-chart canvas")
    sup.select_option("#chart-indicator", "publicity_events")
    assert "全县合计" in sup.locator("#compare-table").inner_text()
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    leader_ctx.close()
    county_ctx.close()


def confirm_submission(page) -> None:
    """The confirmation page shows the report check; with problems it asks for a written reason."""
    assert "确认报送" in page.content()
    if page.locator("textarea[name=reason]").count():
        page.fill("textarea[name=reason]", "自查问题已核实")
    with page.expect_navigation():
        page.get_by_role("button", name="确认报送（不能撤回）").click()
