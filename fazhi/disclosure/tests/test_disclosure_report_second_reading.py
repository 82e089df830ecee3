"""The county reviewer's second reading of the disclosure annual report: a 成文日期 by 31 January (条例第四十九条),
the township government as its author, 《条例》 named once in full, every category of release counted, the
platform and the supervision of the work written from records only, problems the register shows (normative
documents not disclosed, releases off the website) named in 五, the deputies' suggestions in 六."""
from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
import time_machine
from docx import Document

from fazhi.disclosure import annual_report, report_texts
from fazhi.disclosure.render_docx import render_docx
from fazhi.disclosure.report_services import report_finalise, report_save_texts
from fazhi.disclosure.services import request_create
from fazhi.testing.factories import (
    AssessmentCriterionFactory, DeputySuggestionFactory, PresidiumInspectionFactory, ProactiveReleaseFactory,
    StudySessionFactory, TownshipFactory,
)
from fazhi.testing.workflows import published_document

D = dt.date
STATUTE = "《中华人民共和国政府信息公开条例》"


def _beijing(day: dt.date):
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _section(data, heading: str) -> str:
    return data.texts()[heading]


def test_the_date_is_the_publication_deadline_or_earlier_never_the_day_of_generation(client, township, clerk):
    """GIVEN no 成文日期 typed
    WHEN the report is generated long after January, finalised late or early, or dated by staff
    THEN it is dated the last working day on or before 31 January, the finalisation day when earlier, or the
    staff's date (a late one flagged to staff, one inside the year refused)."""
    assert annual_report.publication_deadline(2025) == D(2026, 1, 30)  # 31 January 2026 is a Saturday
    assert annual_report.publication_deadline(2024) == D(2025, 1, 27)  # the Spring Festival holiday from 28 January
    with time_machine.travel(_beijing(D(2026, 12, 5)), tick=False):
        data = annual_report.load(township, 2025)
        assert data.dated == D(2026, 1, 30)
        assert [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs][-1] == "2026年1月30日"
        assert report_finalise(organisation=township, year=2025, user=clerk).dated == D(2026, 1, 30)
    with time_machine.travel(_beijing(D(2025, 1, 15)), tick=False):
        assert report_finalise(organisation=township, year=2024, user=clerk).dated == D(2025, 1, 15)

    client.force_login(clerk)
    with time_machine.travel(_beijing(D(2026, 3, 2)), tick=False):
        refused = client.post("/disclosure/reports/T901/2023/edit/", {"dated": "2023-12-20"})
        assert refused.status_code == 400 and "成文日期应在2023年12月31日之后" in refused.content.decode()
        assert client.post("/disclosure/reports/T901/2023/edit/", {"dated": "2024-02-10"}).status_code == 302
        page = client.get("/disclosure/reports/T901/2023/").content.decode()
    assert annual_report.load(township, 2023).dated == D(2024, 2, 10)
    assert "data-dated-warning" in page and "晚于2024年1月31日" in page


def test_the_title_names_the_government_and_the_statute_is_named_in_full_once(township, clerk):
    report = annual_report.load(township, 2025)
    assert report.title == "甲镇人民政府2025年政府信息公开工作年度报告"
    street = TownshipFactory(code="T903", name="城关街道")
    assert annual_report.load(street, 2025).title == "城关街道办事处2025年政府信息公开工作年度报告"

    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 4, 8), category="art21_social_assistance")
    doc = "\n".join(p.text for p in Document(io.BytesIO(render_docx(annual_report.load(township, 2025)))).paragraphs)
    assert doc.count(STATUTE) == 1 and f"{STATUTE}（以下简称《条例》）" in doc
    assert "《条例》第二十一条" in doc and "《条例》第四十二条" in doc
    assert not re.search(r"(?<!》)条例第", doc)  # every article is cited as 《条例》第…条


def test_every_category_is_listed_and_the_counts_add_up(township):
    """Nine categories: listed in the order of the 《条例》 (第二十条 items, then 第二十一条), at most four named in a
    list of more than five, the rest and the residual item folded into "其他X条", last; the counts add to the total."""
    counts = {"art21_social_assistance": 3, "art21_fundraising": 2, "art21_homestead": 1, "art20_2": 2, "art20_7": 1,
              "art20_11": 1, "art20_12": 1, "art20_6": 1, "art20_15": 1}
    day = D(2025, 3, 3)
    for category, n in counts.items():
        for _ in range(n):
            ProactiveReleaseFactory(organisation=township, published_on=day, category=category)
            day += dt.timedelta(days=7)
    overview = _section(annual_report.load(township, 2025), "一、总体情况")
    proactive = overview.splitlines()[1]
    assert "主动公开政府信息13条" in proactive and "等" not in proactive
    assert "《条例》第二十一条规定的乡镇重点公开内容6条，包括宅基地使用情况审核1条、筹资筹劳2条、社会救助3条。" in proactive
    others = re.search(r"第二十条规定的政府信息(\d+)条，包括(.*?)。", proactive)
    assert proactive.index("第二十条") < proactive.index("第二十一条")
    assert others.group(1) == "7" and sum(int(n) for n in re.findall(r"(\d+)条", others.group(2))) == 7
    assert others.group(2) == "机构职能信息2条、行政处罚和行政强制信息1条、财政预决算信息1条、民生政策及实施情况1条、其他2条"


def test_the_platform_is_written_from_the_register_and_releases_off_the_website_are_a_problem(township, clerk):
    """GIVEN three releases, one of them only on the notice board, and an application made on the portal
    THEN part 一 says where each was published, which one is not on the website and what it is, what the portal
    offers; part 五 names the release off the website (《条例》第二十四条); no working note in brackets."""
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 4, 8), venue="政府网站、政务公开栏")
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 5, 8), venue="政府网站")
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 6, 9), venue="政务公开栏", category="art21_fundraising")
    request_create(organisation=township, channel="portal", received_on=D(2025, 3, 3), user=clerk, fields={
        "applicant_type": "natural", "applicant_name": "王五", "contact": "13800138000",
        "description": "本村低保名单", "delivery": "email"})
    data = annual_report.load(township, 2025)
    platform = _section(data, "一、总体情况").split("（三）政府信息公开平台建设情况\n")[1].splitlines()[0]
    first = report_texts.sentences(platform)[0]  # the phrasing is the township's own (DisclosureReportData.style)
    assert "在政府网站发布2条" in first and "在政务公开栏张贴2条" in first and "1条同时" in first
    assert "未在政府网站发布的1条仅通过政务公开栏公开，包括筹资筹劳1条。" in platform
    assert "凭受理编号" not in platform and "查询" not in platform  # this software's features are not the township's work
    assert "网上申请1件" in _section(data, "一、总体情况") and "申请1件" not in platform  # counted once, in （二）
    assert "分别计数" not in platform
    problems = _section(data, "五、存在的主要问题及改进情况")
    assert "有1条主动公开信息仅通过政务公开栏公开，未在政府网站发布" in problems
    assert "《条例》第二十四条" in problems


def test_supervision_is_written_only_from_records_of_this_work(township):
    """Training, assessment and the presidium's evaluation of 政务公开 appear as （五）; other records do not."""
    StudySessionFactory(organisation=township, held_on=D(2025, 3, 28), kind="collective",
                        topic="学习《中华人民共和国政府信息公开条例》", attendees=32)
    StudySessionFactory(organisation=township, held_on=D(2025, 4, 2), topic="学习《中华人民共和国森林法》")
    AssessmentCriterionFactory(organisation=township, name="政务公开工作", weight=Decimal("5.0"))
    PresidiumInspectionFactory(organisation=township, held_on=D(2025, 9, 10), kind="evaluation",
                               subject="政府信息公开工作", issues=3, rectified=2)
    PresidiumInspectionFactory(organisation=township, held_on=D(2025, 6, 12))  # on land: not this work
    overview = _section(annual_report.load(township, 2025), "一、总体情况")
    assert overview.splitlines()[-2] == "（三）监督保障情况"  # no （三）政府信息管理, no （四）平台: numbered as present
    supervision = report_texts.sentences(overview.splitlines()[-1])
    assert "学习《中华人民共和国政府信息公开条例》" in supervision[0] and "1次" in supervision[0] and "32人次" in supervision[0]
    assert "“政务公开工作”" in supervision[1] and "对村（社区）" in supervision[1] and "5分" in supervision[1]
    # 《条例》第五十条第（四）项: 社会评议 and 责任追究 are stated, plainly none where none is recorded — in one sentence
    assert "未组织政务公开社会评议" in supervision[2] and "责任追究" in supervision[2]
    assert supervision[3] == "9月，镇人大主席团就政府信息公开工作开展工作评议，提出意见建议3条，已整改2条。"
    assert "森林法" not in overview and len(supervision) == 4
    assert "复议" not in overview  # that sentence is part 四's


def test_normative_documents_missing_from_the_register_are_a_problem(township, clerk):
    """Three documents issued; the register names one by its 文号 and one by its title: one is missing."""
    by_number = published_document(township, clerk, title="甲镇河道管理办法", published_on=D(2025, 3, 14))
    by_title = published_document(township, clerk, title="甲镇集镇摊位管理办法", published_on=D(2025, 5, 6))
    published_document(township, clerk, title="甲镇移风易俗办法", published_on=D(2025, 7, 8))
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 3, 16), category="art20_1",
                            title="甲镇河道管理办法", document_number=by_number.doc_number)
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 5, 8), category="art20_1",
                            title=f"关于印发《{by_title.title}》的通知")
    problems = _section(annual_report.load(township, 2025), "五、存在的主要问题及改进情况")
    assert "制发的行政规范性文件3件中，有1件未列入主动公开目录，即《甲镇移风易俗办法》。" in problems
    assert "《条例》第二十条第（一）项" in problems
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 7, 10), category="art20_1",
                            title="关于印发《甲镇移风易俗办法》的通知")
    assert "行政规范性文件" not in _section(annual_report.load(township, 2025), "五、存在的主要问题及改进情况")


def test_part_six_reports_the_deputies_suggestions_the_records_show(township):
    six = "六、其他需要报告的事项"
    assert _section(annual_report.load(township, 2025), six).endswith("本年度无其他需要报告的事项。")
    DeputySuggestionFactory(organisation=township, assigned_on=D(2025, 3, 20), answered_on=D(2025, 6, 10))
    DeputySuggestionFactory(organisation=township, assigned_on=D(2025, 3, 20), kind="motion", answered_on=D(2025, 5, 6))
    DeputySuggestionFactory(organisation=township, assigned_on=D(2024, 3, 20))  # another year's
    ProactiveReleaseFactory(organisation=township, published_on=D(2025, 7, 1), category="art20_15",
                            title="甲镇2025年人大代表建议办理结果公开")
    text = _section(annual_report.load(township, 2025), six)
    fees, deputies = text.splitlines()
    assert "《条例》第四十二条" in fees and "未收取" in fees and "信息处理费" in fees
    assert "镇人大代表议案1件、建议1件，均已答复。" in deputies
    assert "7月1日" in deputies and "政府网站" in deputies and "公开" in deputies  # where the answers were published


@pytest.mark.parametrize("typed", ["2026-01-20", ""])
def test_a_saved_date_is_kept_on_the_portal(client, clerk, township, typed):
    client.force_login(clerk)
    with time_machine.travel(_beijing(D(2026, 1, 22)), tick=False):
        client.post("/disclosure/reports/T901/2025/edit/", {"dated": typed, "finalise": "1"})
    public = client.get("/portal/T901/reports/2025/").content.decode()
    assert "甲镇人民政府2025年政府信息公开工作年度报告" in public
    assert f"甲镇人民政府<br>2026年1月{20 if typed else 22}日" in public
    assert report_texts.appeals(annual_report.load(township, 2025)) in public
    assert "行政复议" in report_texts.appeals(annual_report.load(township, 2025))
