"""The annual disclosure report agrees with the rule-of-law report (表二 = the indicator registry) and reads as a
published document: no working check or placeholder, an overview drawn from the register, 信息处理费 stated,
signed by the township government with its date, tables that keep their rows and repeat their headers."""
from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from fazhi.disclosure import annual_report, report_texts
from fazhi.disclosure.render_docx import render_docx
from fazhi.disclosure.report_services import report_finalise, report_save_texts
from fazhi.disclosure.services import request_create, request_reply
from fazhi.enforcement import journey
from fazhi.enforcement import services as enforcement
from fazhi.indicators.registry import Scope, get
from fazhi.normative import services as normative
from fazhi.testing.factories import OtherFigureFactory, ProactiveReleaseFactory, UserFactory
from fazhi.testing.workflows import published_document

D = dt.date


def _apply(township, clerk, received_on, channel="in_person"):
    request, _ = request_create(
        organisation=township, channel=channel, received_on=received_on, user=clerk,
        fields={"applicant_type": "natural", "applicant_name": "王五", "contact": "13800138000",
                "description": "本村低保名单", "delivery": "email"},
    )
    return request


def _simple_penalty(township, officers, number, on):
    return enforcement.simple_penalty_register(organisation=township, officers=officers[:1], fields=dict(
        form_number=number, decided_on=on, place="集镇", party_kind="citizen", party_name="张某", violation="乱扔垃圾",
        legal_basis="《城市市容和环境卫生管理条例》第三十四条", penalty="fine", fine_amount=Decimal("50"),
        registered_on=on + dt.timedelta(days=1)))


def test_table_two_states_the_figures_of_the_rule_of_law_report(client, township, clerk):
    """GIVEN normative documents issued, repealed and in force, penalty decisions under both procedures, licensing
    decisions in 其他数据, and releases whose old 表二 marks say otherwise
    WHEN the report is computed
    THEN each count of 表二 is the registry's indicator (not the marks), and the basis of the penalty count is stated."""
    published_document(township, clerk, title="二〇二四年的办法", prefix="甲府规", published_on=D(2024, 6, 3))
    for title, day in (("甲镇村规民约指导办法", D(2025, 3, 14)), ("甲镇河道管理办法", D(2025, 5, 6))):
        published_document(township, clerk, title=title, published_on=day)
    repealed = published_document(township, clerk, title="甲镇临时办法", published_on=D(2025, 7, 8))
    normative.repeal_document(repealed, user=clerk, repealed_on=D(2025, 9, 1), reason="被新文件替代")
    officers = [journey.certified_officer(township, name, valid_until=D(2030, 12, 31), number=f"T901-00{i}", user=clerk)
                for i, name in enumerate(("王执法", "赵执法"), start=1)]
    reviewer = UserFactory(organisation=township, role="legal_reviewer")
    decided = enforcement.case_file(organisation=township, fields=journey.case_fields(), filed_on=D(2025, 3, 3), user=clerk)
    journey.take(decided, until="serving", officers=officers, user=clerk, reviewer=reviewer)
    enforcement.case_file(organisation=township, fields=journey.case_fields("李某某"), filed_on=D(2025, 12, 22), user=clerk)
    _simple_penalty(township, officers, "当场-0001", D(2025, 5, 6))
    _simple_penalty(township, officers, "当场-0002", D(2025, 8, 9))
    OtherFigureFactory(organisation=township, metric="licensing_decisions", value=6, unit="件",
                       phrase="", source_document="甲镇2025年行政许可办件统计表")
    OtherFigureFactory(organisation=township, metric="licensing_decisions", value=40, unit="件").void(reason="重复录入")
    for item, count in (("normative_issued", 1), ("penalty", 7), ("licensing", 2)):  # the old source of 表二
        ProactiveReleaseFactory(organisation=township, published_on=D(2025, 5, 6), table_item=item, item_count=count)

    data = annual_report.load(township, 2025)
    table2 = data.to_json()["table2"]
    scope = Scope((township,), 2025)
    assert table2["行政规范性文件"] == {"本年制发件数": 3, "本年废止件数": 1, "现行有效件数": 3}
    assert [table2["行政规范性文件"][c] for c in annual_report.TABLE2_COLUMNS_DOCS] == [
        get(k).compute(scope).value for k in ("normative_docs_issued", "normative_docs_repealed", "normative_docs_in_force")]
    assert get("penalty_cases").compute(scope).value == 2  # the rule-of-law report counts cases filed …
    assert table2["行政处罚"]["本年处理决定数量"] == get("penalty_decisions").compute(scope).value == 3  # … 表二 decisions
    assert table2["行政许可"]["本年处理决定数量"] == 6 and table2["行政强制"]["本年处理决定数量"] == 0
    # the basis of 表二's count is stated (the rule-of-law report counts ordinary-procedure cases filed)
    basis = data.to_json()["table2_text"]
    assert "table2_note" not in data.to_json()
    assert "3件" in basis and "简易程序" in basis and "2件" in basis and "《中华人民共和国行政处罚法》第五十一条" in basis
    assert "处罚决定" in basis and len(basis) <= 150
    text = [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs]  # one sentence in part 二, no 注
    assert text[text.index("二、主动公开政府信息情况") + 1] == basis and not any(t.startswith("注") for t in text)

    client.force_login(clerk)
    page = client.get("/disclosure/reports/T901/2025/").content.decode()
    assert "/indicators/penalty_decisions/records/?year=2025&amp;org=T901" in page
    # 行政强制 and 信息处理费: nothing registered in 其他数据; no release names the three documents issued; two of
    # the six licensing decisions released (staff-only warnings: the published report names only the documents)
    assert page.count("data-warning") == 5  # and 一（五）: no 社会评议 or 责任追究 on record
    assert "找不到以下3件本年制发的行政规范性文件" in page and "《甲镇河道管理办法》" in page
    assert "主动公开登记的行政许可决定2件，少于表二的6件" in page
    records = client.get("/indicators/penalty_decisions/records/?year=2025&org=T901").content.decode()
    assert 'data-count="3"' in records and "简易程序处罚 2" in records


@pytest.fixture
def register(township, clerk):
    """2025: three applications (one online, one refused, one still open), three releases (one late), a guide."""
    from fazhi.disclosure.models import DisclosureGuide

    a = _apply(township, clerk, D(2025, 3, 3), channel="portal")
    b = _apply(township, clerk, D(2025, 6, 2))
    _apply(township, clerk, D(2025, 12, 22))
    request_reply(request=a, user=clerk, result="granted", replied_on=D(2025, 3, 20))
    request_reply(request=b, user=clerk, result="unavailable_not_held", replied_on=D(2025, 6, 20),
                  summary="本机关不掌握该信息", referred_agency="县民政局")
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 4, 8), venue="政府网站、政务公开栏")
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 6, 10), venue="政务公开栏",
                            category="art20_7")
    ProactiveReleaseFactory(organisation=township, formed_on=D(2025, 9, 1), published_on=D(2025, 11, 3))  # late
    DisclosureGuide.objects.create(organisation=township, address="甲镇人民路1号", phone="0812-1234567")
    report_save_texts(organisation=township, year=2025, user=clerk, dated=D(2026, 1, 20))
    return annual_report.load(township, 2025)


def _flags(table, tag):
    return [row._tr.trPr is not None and row._tr.trPr.find(qn(tag)) is not None for row in table.rows]


def test_the_docx_is_a_document_to_publish(register):
    """GIVEN a register for 2025 and no text written by staff
    WHEN the .docx is rendered
    THEN it has no working check or placeholder, part 一 states the register's counts, part 五 the late release,
    part 六 the 信息处理费, it is signed by 甲镇人民政府 with its date, and its tables paginate properly."""
    doc = Document(io.BytesIO(render_docx(register)))
    text = [p.text for p in doc.paragraphs]
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    everything = "\n".join(text) + "\n".join(cells)
    assert not any("勾稽" in t for t in text)  # only the template's own corner cell of table 三 names it
    assert [c for c in cells if "勾稽" in c] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    assert "待填写" not in everything
    assert any("统计期限" in t and "2025年1月1日" in t and "12月31日" in t and "0812-1234567" in t for t in text)
    assert "（一）主动公开情况" in text and "（二）依申请公开情况" in text
    overview = "\n".join(text[text.index("一、总体情况"):text.index("二、主动公开政府信息情况")])
    assert "通过政府网站、政务公开栏主动公开政府信息3条" in overview  # every venue named: no 等
    assert "政府信息公开申请3件（当面申请2件、网上申请1件）" in overview
    assert re.search(r"办结(的)?2件(中)?，(其中|办理结果为)?予以公开1件、无法提供1件；结转下年度继续办理1件", overview)
    assert overview.split("\n")[-2] == "（四）监督保障情况"
    # what was not done, in one sentence (not three "本年度未…" in a row); no paragraph every township prints alike
    assert overview.split("\n")[-1] == "政务公开工作未列入2025年度目标管理考核，未组织政务公开社会评议，未发生政府信息公开工作责任追究情况。"
    assert "统一受理" not in overview and "凭受理编号" not in overview
    part4 = text[text.index("四、政府信息公开行政复议、行政诉讼情况") + 1]
    assert part4 == report_texts.appeals(register) and "行政复议" in part4 and "行政复议" not in overview  # in 四
    assert any("有1条主动公开信息未在形成或者变更之日起20个工作日内公开" in t for t in text)
    assert any("《条例》第四十二条" in t and "未收取" in t and "信息处理费" in t for t in text)
    assert text[-2:] == ["甲镇人民政府", "2026年1月20日"]
    assert all(p.paragraph_format.keep_with_next for p in doc.paragraphs[-4:-1])  # never a page with the date alone
    assert not any(t.startswith("注") or "分别计数" in t for t in text)  # no working notes

    t2, t3, t4 = doc.tables
    for table in (t2, t3, t4):
        assert all(_flags(table, "w:cantSplit")), "no row splits across pages"
    assert _flags(t3, "w:tblHeader") == [True] * 3 + [False] * (len(t3.rows) - 3)
    assert _flags(t4, "w:tblHeader") == [True, True, True, False]
    for table in (t3, t4):  # each kept on one page
        assert all(p.paragraph_format.keep_with_next for row in table.rows[:-1] for c in row.cells for p in c.paragraphs)
    # table 二 is kept whole with its heading (a break between its blocks left the last block alone on a page);
    # no forced page break anywhere
    kept = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs) for row in t2.rows]
    assert kept == [True] * 13 + [False]
    heading = next(p for p in doc.paragraphs if p.text == "二、主动公开政府信息情况")
    assert heading.paragraph_format.keep_with_next
    body = doc.element.body.xml
    assert 'w:type="page"' not in body and "pageBreakBefore" not in body


def test_staff_keep_the_check_and_the_public_page_shows_the_published_text(client, clerk, township, register):
    OtherFigureFactory(organisation=township, metric="disclosure_fees", value=200, unit="元", phrase="",
                       source_document="非税收入缴款书")
    client.force_login(clerk)
    page = client.get("/disclosure/reports/T901/2025/").content.decode()
    assert 'data-identity="holds"' in page and "勾稽关系" in page
    report_finalise(organisation=township, year=2025, user=clerk)
    public = client.get("/portal/T901/reports/2025/").content.decode()
    assert "勾稽" not in public.replace("勾稽关系为", "") and "待填写" not in public
    assert "本年度我镇收取信息处理费200元" in public
    assert "甲镇人民政府<br>2026年1月20日" in public
    assert client.get("/disclosure/reports/T901/2025/report.json").json()["identity"]["holds"] is True


def test_an_unchanged_default_sent_back_by_a_browser_keeps_following_the_register(client, clerk, township, register):
    client.force_login(clerk)
    texts = {name: make(register).replace("\n", "\r\n") for name, make in (
        ("overview_text", annual_report.default_overview), ("problems_text", annual_report.default_problems),
        ("other_text", annual_report.default_other))}
    assert client.post("/disclosure/reports/T901/2025/edit/", {**texts, "dated": "2026-01-20"}).status_code == 302
    report = annual_report.load(township, 2025).report
    assert (report.overview_text, report.problems_text, report.other_text) == ("", "", "")


def test_decision_counts_in_other_figures_are_whole_numbers(client, clerk):
    client.force_login(clerk)
    response = client.post("/ledgers/other-figures/new/", {
        "stated_on": "2025-12-31", "metric": "licensing_decisions", "value": "2.5", "unit": "件", "placement": "service",
        "source_system": "省一体化政务服务平台", "source_document": "办件统计表"})
    assert response.status_code == 200 and "是件数，须填写整数" in response.content.decode()
