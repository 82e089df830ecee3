"""A penalty case from 立案 to archive, in the browser: the officer files it, a one-officer evidence step is refused
(naming 第四十二条), two certified officers take the evidence with a photo, the party is told (告知) and waives the
rights, the decision document is made, served on the spot, published (the public sees the masked name), paid and
the case closed and archived; the timeline holds each step."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone

from fazhi.core.models import OrgKind, Role
from fazhi.enforcement import journey
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


def act(page, name: str, fields: dict[str, str], checks: tuple[str, ...] = (), files: dict | None = None) -> None:
    form = page.locator(f"form[data-action={name}]")
    if not form.count():
        raise AssertionError(f"no form {name}; page: {page.locator('main').inner_text()[:1500]}")
    for field, value in fields.items():
        form.locator(f"[name={field}]").fill(value)
    for label in checks:
        form.get_by_role("checkbox", name=label).check()
    for field, paths in (files or {}).items():
        form.locator(f"[name={field}]").set_input_files(paths)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_officer_runs_a_case_from_filing_to_archive(live_server, browser, settings):
    county = CountyFactory(code="BC07", name="执法县")
    town = TownshipFactory(code="BT07", name="执法镇", parent=county, kind=OrgKind.TOWNSHIP)
    officer_user = UserFactory(username="enf_officer", organisation=town, role=Role.ENFORCEMENT_OFFICER)
    until = dt.date(2035, 1, 1)
    journey.certified_officer(town, "王执法", valid_until=until, number="BT07-001", user=officer_user)
    journey.certified_officer(town, "赵执法", valid_until=until, number="BT07-002", user=officer_user)
    today = timezone.localdate()
    start = today - dt.timedelta(days=40)
    d = lambda n: (start + dt.timedelta(days=n)).isoformat()  # noqa: E731
    photo = Path(tempfile.mkdtemp()) / "现场照片.png"
    photo.write_bytes(journey.PNG)
    base = live_server.url

    ctx, page = login(browser, base, "enf_officer")
    page.get_by_role("link", name="行政执法").first.click()
    page.get_by_role("link", name="立案（普通程序）").click()
    page.select_option("select[name=source]", "complaint")
    page.fill("input[name=party_name]", "张三丰")
    page.fill("input[name=party_address]", "执法镇集镇街8号")
    page.fill("textarea[name=alleged_violation]", "在集镇主街道违规占道经营")
    page.fill("textarea[name=legal_basis]", "《城市市容和环境卫生管理条例》第十四条")
    page.fill("input[name=filed_on]", d(0))
    page.fill("input[name=filing_approver]", "吴镇长")
    with page.expect_navigation():
        page.get_by_role("button", name="立案").click()
    assert page.locator("[data-status]").inner_text() == "调查取证"
    case_url = page.url

    # one officer only: refused, naming the rule
    act(page, "evidence", {"taken_on": d(1), "place": "集镇主街道", "description": "现场检查"}, checks=("王执法",),
        files={"files": [str(photo)]})
    assert "执法人员不得少于两人（行政处罚法第四十二条）" in page.content()
    page.goto(case_url)
    act(page, "evidence", {"taken_on": d(1), "place": "集镇主街道", "description": "现场检查，拍照"},
        checks=("王执法", "赵执法"), files={"files": [str(photo)]})
    assert "现场照片.png" in page.locator("main").inner_text()

    # no decision before 告知: the page does not even offer it (a direct POST is refused: test_views.py)
    assert page.locator("form[data-action=decide]").count() == 0
    act(page, "notice", {"notice_on": d(3), "facts": "当事人占道经营，经责令改正拒不改正", "proposed_fine": "500"},
        checks=("罚款",))
    assert page.locator("[data-status]").inner_text() == "告知后陈述申辩"
    act(page, "statement", {"statement_on": d(4)}, checks=("当事人书面放弃陈述、申辩（和听证）权利",))
    form = page.locator("form[data-action=decide]")
    form.locator("[name=decided_on]").fill(d(6))
    form.get_by_role("checkbox", name="决定书已加盖行政机关印章（第五十九条第二款）").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("[data-status]").inner_text() == "决定送达"
    act(page, "serve", {"served_on": d(6)}, checks=("宣告时当事人在场（当场交付）",))
    act(page, "publish", {"published_on": d(8)})
    assert page.locator("[data-status]").inner_text() == "处罚执行"
    act(page, "execute", {"executed_on": d(10), "amount_paid": "500"})
    act(page, "close", {"closed_on": d(12), "archive_number": "2026-执法-001"})
    assert page.locator("[data-status]").inner_text() == "结案归档"
    timeline = page.locator("table.timeline").inner_text()
    for step in ("立案", "调查取证", "告知", "作出行政处罚决定", "送达行政处罚决定书", "门户网站公示", "处罚执行完毕", "结案归档"):
        assert step in timeline, step
    assert page.locator("a[data-document=decision]").count() == 1

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(f"{base}/portal/BT07/enforcement/")
    content = public.content()
    assert f"执法罚决〔{start.year}〕1号" in content and "张**" in content and "张三丰" not in content and "BT07-001" in content
    ctx.close()
