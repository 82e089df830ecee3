"""The county reviewer's third reading of the disclosure annual report: 监督保障 always written (国办公开办函〔2021〕30号),
no sentence over 150 characters, numbers and telephone numbers never broken across lines, table 三 on one page, an
improvement per problem with its office and date, the basis for applications closed without an answer, and what
became of each deputy's suggestion and whether the answers were published. (Part 二's opening sentence, now with a
verb, is checked in test_disclosure_report_document.py.)"""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from fazhi.core import gbt9704, pdf
from fazhi.disclosure import annual_report, report_texts
from fazhi.disclosure.choices import ReleaseCategory
from fazhi.disclosure.models import DisclosureGuide
from fazhi.disclosure.render_docx import render_docx
from fazhi.disclosure.services import correction_request, request_create, request_reply
from fazhi.testing.factories import (
    AssessmentCriterionFactory, AssessmentScoreFactory, DeputySuggestionFactory, PresidiumInspectionFactory,
    ProactiveReleaseFactory,
)
from fazhi.testing.workflows import published_document

D = dt.date
OFFICE = "党政综合办公室（政务公开办公室）"


def _apply(township, clerk, received_on, channel="portal"):
    request, _ = request_create(organisation=township, channel=channel, received_on=received_on, user=clerk, fields={
        "applicant_type": "natural", "applicant_name": "王五", "contact": "13800138000",
        "description": "本村低保名单", "delivery": "email"})
    return request


@pytest.fixture
def busy(township, clerk):
    """A township with much to report: releases of every category (12 of 社会救助, some late, some off the website),
    two normative documents never released, applications answered on time and late and one closed for a lapsed
    correction, an assessment criterion on 政务公开 with scores, an evaluation by the presidium, and deputies'
    suggestions, one never answered."""
    DisclosureGuide.objects.create(organisation=township, address="甲镇人民路1号", phone="0819-6231024",
                                   email="jzzfb@example.invalid")
    day = D(2025, 1, 6)
    for i, category in enumerate([*ReleaseCategory.values, *["art21_social_assistance"] * 11]):
        late = i % 7 == 0
        ProactiveReleaseFactory(organisation=township, category=category, published_on=day,
                                formed_on=day - dt.timedelta(days=60 if late else 3),
                                venue="政务公开栏" if i % 3 == 0 else "政府网站、微信公众号")
        day += dt.timedelta(days=7)
    for title, on in (("甲镇河道管理办法", D(2025, 3, 14)), ("甲镇集镇摊位管理办法", D(2025, 5, 6))):
        published_document(township, clerk, title=title, published_on=on)
    on_time = _apply(township, clerk, D(2025, 3, 3))
    request_reply(request=on_time, user=clerk, result="granted", replied_on=D(2025, 3, 20))
    late = _apply(township, clerk, D(2025, 4, 1), channel="in_person")
    request_reply(request=late, user=clerk, result="granted", replied_on=D(2025, 6, 20))
    lapsed = _apply(township, clerk, D(2025, 5, 6))
    correction_request(request=lapsed, user=clerk, requested_on=D(2025, 5, 8), items="请写明所需信息的名称",
                       deadline=D(2025, 5, 23))
    request_reply(request=lapsed, user=clerk, result="other_no_correction", replied_on=D(2025, 6, 3))
    criterion = AssessmentCriterionFactory(organisation=township, name="政务公开和政务服务规范化", applies_to="department",
                                           weight=Decimal("15"), indicator_key="", target=None,
                                           standard="查阅资料、听取汇报，按评分细则扣分")
    AssessmentCriterionFactory(organisation=township, name="依法履职", applies_to="department",
                               weight=Decimal("85"), indicator_key="", target=None)
    for department, score in (("党政办", "14"), ("社会事务办", "10")):
        AssessmentScoreFactory(organisation=township, criterion=criterion, assessee_kind="department", village=None,
                               department=department, score=Decimal(score))
    PresidiumInspectionFactory(organisation=township, held_on=D(2025, 9, 10), kind="evaluation",
                               subject="政务公开工作", issues=3, rectified=2)
    DeputySuggestionFactory(organisation=township, assigned_on=D(2025, 3, 10), answered_on=D(2025, 5, 6))
    DeputySuggestionFactory(organisation=township, assigned_on=D(2025, 3, 10), answered_on=None,
                            title="关于加强沙洲村饮用水源保护的建议", department="农业综合服务中心")
    return annual_report.load(township, 2025)


def _paragraphs(data) -> list[str]:
    return [p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs if p.text.strip()]


def test_no_sentence_of_the_report_runs_over_150_characters(busy):
    """GIVEN a township with releases of all 22 categories, problems of every kind and deputies' suggestions
    THEN no sentence of the .docx is longer than 150 characters, and 一（四）平台建设 is several sentences that do not
    count the online applications again (they are 1(二)'s)."""
    paragraphs = _paragraphs(busy)
    assert [s for p in paragraphs for s in report_texts.long_sentences(p)] == []
    assert all(len(s) <= report_texts.MAX_SENTENCE for p in paragraphs for s in report_texts.sentences(p))
    platform = paragraphs[paragraphs.index("（四）政府信息公开平台建设情况") + 1]
    assert 2 <= len(report_texts.sentences(platform)) <= 3  # venues, items off the website; no software features
    assert "网上申请2件" in "".join(paragraphs) and not re.search(r"在线提交的政府信息公开申请\d+件", platform)
    proactive = paragraphs[paragraphs.index("（一）主动公开情况") + 1]
    # 22 categories: at most four named per group, the rest counted as 其他, last; nothing left out of the count
    assert "还包括" not in proactive and "社会救助12条" in proactive and re.search(r"其他\d+条。", proactive)
    assert "其他依法主动公开的信息" not in proactive


def test_numbers_with_their_measure_words_and_telephone_numbers_are_never_broken(busy):
    """Body text goes through the number-keeping runs of gbt9704: "12条", "1件" and "0819-6231024" each sit in one
    run that no line break splits (in Word by the document's line-breaking rules, in LibreOffice by joiners)."""
    doc = Document(io.BytesIO(render_docx(busy)))
    kept = {"".join(t.text for t in r.iter(qn("w:t"))) for p in doc.paragraphs for r in p._p.iter(qn("w:r"))
            if (style := r.find(qn("w:rPr"))) is not None and style.find(qn("w:rStyle")) is not None
            and style.find(qn("w:rStyle")).get(qn("w:val")) == gbt9704.NUMBER_STYLE_ID}
    assert {"0819-6231024", "12条", "2025年", "2件"} <= kept
    converted = zipfile.ZipFile(io.BytesIO(gbt9704.prepare_for_libreoffice(render_docx(busy))))
    assert gbt9704.WORD_JOINER.join("0819-6231024") in converted.read("word/document.xml").decode()


needs_office = pytest.mark.skipif(pdf.soffice_path() is None or shutil.which("pdftotext") is None,
                                  reason="LibreOffice（soffice）或 pdftotext 未安装，跳过 PDF 版面测试")


@needs_office
def test_table_three_is_printed_on_one_page(busy):
    """The reviewer's PDF had 「四、结转下年度继续办理」 alone on a page and 「（三）不予公开」 split across two: the table
    now fits one page and is kept on it."""
    made = pdf.docx_to_pdf(render_docx(busy))
    pages = subprocess.run(["pdftotext", "-layout", "-", "-"], input=made, capture_output=True, check=True)
    pages = pages.stdout.decode().split("\f")
    first = next(i for i, page in enumerate(pages) if "一、本年新收政府信息公开申请数量" in page)
    assert "四、结转下年度继续办理" in pages[first] and "3.其他" in pages[first]
    assert "1.属于国家秘密" in pages[first] and "8.属于行政查询事项" in pages[first]
    assert sum("申请人情况" in page for page in pages) == 1  # no header repeated over a stray row


def test_supervision_is_always_written_and_states_the_assessment_and_its_results(client, clerk, township, busy):
    """GIVEN no record of training, assessment or evaluation on 政务公开 (another township, 乙镇's register empty)
    THEN 监督保障 still says who receives applications and how each is registered, claims nothing about 社会评议 or
    责任追究, and staff are told what the system does not record.
    GIVEN an assessment criterion on 政务公开 with scores, and an evaluation by the presidium
    THEN its weight, total, standard and the range of scores, and the evaluation, are stated."""
    from fazhi.testing.factories import TownshipFactory

    bare = TownshipFactory(code="T903", name="丙乡")
    overview = annual_report.load(bare, 2025).texts()["一、总体情况"]
    assert overview.splitlines()[-2] == "（三）监督保障情况"
    bare_supervision = report_texts.sentences(overview.splitlines()[-1])
    # 《条例》第五十条第（四）项 asks for the results of 工作考核、社会评议、责任追究: none recorded, plainly none, in
    # one sentence rather than three "本年度未…" in a row
    assert len(bare_supervision) == 1 and bare_supervision[0].count("未") == 3
    assert all(word in bare_supervision[0] for word in ("考核", "社会评议", "追究"))
    assert not re.search(r"\d", re.sub(r"\d{4}年度", "", bare_supervision[0]))  # no result invented

    supervision = busy.texts()["一、总体情况"].split("（五）监督保障情况\n")[1]
    assert "“政务公开和政务服务规范化”" in supervision and "对机关站所（部门）" in supervision
    assert "15分（总分100分），考核方式为查阅资料、听取汇报，按评分细则扣分。" in supervision
    assert "2个机关站所此项平均" in supervision and "12分" in supervision and "10分" in supervision  # average, lowest
    assert "9月，镇人大主席团就政务公开工作开展工作评议，提出意见建议3条，已整改2条。" in supervision

    client.force_login(clerk)
    page = client.get("/disclosure/reports/T901/2025/").content.decode()
    assert "系统中没有本年度社会评议、责任追究的记录" in page


def test_applications_closed_without_an_answer_are_explained(busy):
    """「应答复的申请均在法定期限内答复」 next to applications closed for a lapsed correction: their basis is stated."""
    requests = busy.texts()["一、总体情况"].split("（二）依申请公开情况\n")[1].splitlines()[0]
    assert "办结的3件中，予以公开2件、因申请人无正当理由逾期不补正不再处理1件。" in requests \
        or "办结3件，其中予以公开2件、因申请人无正当理由逾期不补正不再处理1件。" in requests \
        or "办结3件，办理结果为予以公开2件、因申请人无正当理由逾期不补正不再处理1件。" in requests
    assert "申请人无正当理由逾期不补正的1件，依照《条例》第三十条视为放弃申请，不再处理，不计入应答复的申请。" in requests
    assert requests.endswith("应答复的2件申请中，在法定期限内答复1件，按期答复率50%，逾期的1件见第五部分。")


def test_each_problem_has_its_own_improvement_with_an_office_and_a_date(busy, township, clerk, other_township):
    """（三）改进措施 follows （二） problem by problem: one sentence each, with a date and the article it serves; the
    office answerable is named. A neighbouring township with the same problem reads differently."""
    five = busy.texts()["五、存在的主要问题及改进情况"].splitlines()
    assert five[0] == "（一）存在的主要问题" and five[2] == "（二）改进措施"  # nothing in 2024: no rectification part
    problems, improvements = five[1], five[3]
    found = re.findall(r"[一二三四五六七八九]是", problems)
    assert len(found) >= 4
    assert OFFICE in report_texts.sentences(improvements)[0]
    fixes = report_texts.sentences(improvements)[1:]
    assert [f[:2] for f in fixes] == found and all("2026年" in f for f in fixes)
    assert "在2026年3月底前将未列入主动公开目录的2件行政规范性文件逐件补充公开" in fixes[0]
    assert "3月26日" not in problems and "4月1日收到的政府信息公开申请逾期答复" in problems  # its own history
    assert any("《条例》第三十三条" in f for f in fixes) and any("《条例》第二十四条" in f for f in fixes)

    ProactiveReleaseFactory(organisation=other_township, published_on=D(2025, 4, 8), venue="政务公开栏")
    other = annual_report.load(other_township, 2025).texts()["五、存在的主要问题及改进情况"]
    assert "主动公开的1条政府信息均未在政府网站发布" in other
    mine = next(f for f in fixes if "第二十四条" in f)
    theirs = next(f for f in report_texts.sentences(other) if "第二十四条" in f)
    assert mine[2:] != theirs[2:]  # the same measure, in the neighbour's own words


def test_part_six_says_what_became_of_each_suggestion_and_whether_answers_were_published(busy):
    six = busy.texts()["六、其他需要报告的事项"].splitlines()[1]
    assert six.endswith("镇人大代表建议2件，年内答复1件。")
    assert "承办单位" not in six and "已过" not in six  # no field label pasted; the overdue one is a problem of 五
    # an answer not published, and a suggestion overdue and unanswered, are problems of part 五, with their measures
    five = busy.texts()["五、存在的主要问题及改进情况"]
    problems, measures = five.split("存在的主要问题\n")[1].split("\n")[0], five.split("改进措施\n")[1]
    assert "1件代表建议“关于加强沙洲村饮用水源保护的建议”超过答复期限（2025年6月10日），至年底尚未答复" in problems
    assert "2026年3月底前" in measures

