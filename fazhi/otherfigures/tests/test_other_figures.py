"""其他数据: a figure from another system is recorded once with its source, and the report states it in the
section the clerk chose, its number linking to the record that holds the source document."""
from __future__ import annotations

import datetime as dt
import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.indicators.registry import Scope, get
from fazhi.otherfigures.models import OtherFigure
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new
from fazhi.testing.factories import OtherFigureFactory

Y = clock.current_year() - 1
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post(client, **changes):
    data = {"stated_on": f"{Y}-12-31", "metric": "service_centre_cases", "value": "203517", "unit": "件",
            "placement": "service", "source_system": "省一体化政务服务平台", "source_document": "办件统计表"} | changes
    return client.post("/ledgers/other-figures/new/", data)


@pytest.mark.parametrize("changes, message", [
    ({"unit": "万件"}, "“便民服务中心窗口办件量”的单位为“件”，请换算后填写"),
    ({"metric": "other", "name": ""}, "必须填写数据名称"),
    ({"metric": "other", "name": "法律服务站接待", "phrase": "接待群众若干人次"}, "须有且只有一处 {数值}"),
    ({"value": "-3"}, "数值："),
    ({"value": "二十万"}, "数值："),
    ({"source_document": ""}, "来源文件：该字段是必填项"),
])
def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(clerk_client, changes, message):
    response = post(clerk_client, **changes)
    assert response.status_code == 200 and message in response.content.decode()
    assert not OtherFigure.objects.exists()


def test_a_known_metric_is_an_indicator_summed_over_the_years_records(clerk_client, township, other_township):
    assert post(clerk_client, stated_on=f"{Y}-06-30", value="90000", placement="other").status_code == 302
    assert post(clerk_client, stated_on=f"{Y}-12-31", value="113517").status_code == 302
    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), value=500).void(reason="重复录入")
    OtherFigureFactory(organisation=other_township, stated_on=dt.date(Y, 12, 31))
    assert set(OtherFigure.objects.filter(organisation=township).values_list("placement", flat=True)) == {"service"}
    figure = get("service_centre_cases").compute(Scope((township,), Y))
    assert figure.value == 203517 and figure.row_count == 2
    page = clerk_client.get(f"/indicators/service_centre_cases/records/?year={Y}&org={township.code}").content.decode()
    assert 'data-count="203517"' in page and "办件统计表" in page


def test_the_report_states_the_service_centre_volume_under_government_services(client, clerk, township):
    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), value=203517)
    composed = compose_report(report_new(township, Y))
    measures = next(s for s in composed.sections if s.key == "measures_text")
    paragraph = next(p.plain for p in measures.paragraphs if p.area == "disclosure")
    assert "便民服务中心全年办件量20.3万余件" in paragraph  # as reports write it; the link opens the exact records
    client.force_login(clerk)
    page = client.get(f"/reports/view/{township.code}/{Y}/").content.decode()
    assert re.search(r'<a data-indicator="service_centre_cases" href="/indicators/service_centre_cases/records/', page)


def test_a_figure_the_clerk_named_is_one_sentence_in_the_chosen_section_linking_to_its_record(client, clerk, township):
    client.force_login(clerk)
    response = post(client, metric="other", name="农村法律服务站接待群众", value="1260", unit="人次", placement="other",
                    phrase="全镇农村法律服务站全年接待群众{数值}人次", source_system="镇司法所",
                    source_document="法律服务站接待登记汇总表")
    assert response.status_code == 302
    record = OtherFigure.objects.get()
    upload = client.post(f"/attachments/{_ct(record)}/{record.pk}/upload/",
                         {"files": SimpleUploadedFile("接待登记汇总表.pdf", PDF, "application/pdf")})
    assert upload.status_code == 302
    composed = compose_report(report_new(township, Y))
    other = next(s for s in composed.sections if s.key == "other_text")
    assert other.heading == "五、其他需要报告的事项"
    assert [p.plain for p in other.paragraphs] == ["全镇农村法律服务站全年接待群众1260人次。"]
    page = client.get(f"/reports/view/{township.code}/{Y}/").content.decode()
    link = re.search(r'<a data-indicator="other_figures" href="([^"]+)"[^>]*>1260</a>人次', page)
    assert link and html.unescape(link.group(1)) == f"/ledgers/other-figures/{record.pk}/"
    detail = client.get(link.group(1)).content.decode()
    assert "1260" in detail and "法律服务站接待登记汇总表" in detail and "接待登记汇总表.pdf" in detail


def test_decimals_are_stated_exactly_and_a_voided_figure_leaves_the_report(township):
    kept = OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), metric="other", name="法律顾问审查合同标的",
                              value="12.35", unit="万元", phrase="", placement="disputes")
    gone = OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), metric="other", name="已作废的数字",
                              value="7", unit="件", phrase="", placement="disputes")
    gone.void(reason="数字有误")
    text = "\n".join(p.plain for s in compose_report(report_new(township, Y)).sections for p in s.paragraphs)
    assert "法律顾问审查合同标的12.35万元。" in text and "已作废的数字" not in text
    assert kept.pk


def _ct(record) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(record).pk


def test_staff_of_the_three_guarantees_is_stated_under_organisation_with_its_default_wording(township):
    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), metric="rule_of_law_staff", value="5",
                       unit="人", phrase="", placement="other")  # the metric's fixed place wins over a stray choice
    composed = compose_report(report_new(township, Y))
    measures = next(s for s in composed.sections if s.key == "measures_text")
    paragraph = next(p for p in measures.paragraphs if p.area == "organisation")
    assert "配备法治工作专（兼）职人员5人。" in paragraph.plain
    assert [(f.key, f.value) for f in paragraph.figures if f.key == "other_figures"] == [("other_figures", "5")]
    assert not any(s.key == "other_text" for s in composed.sections)


def test_the_count_of_other_figures_leaves_out_voided_ones_and_lists_them_on_its_records_page(clerk_client, township):
    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), metric="rule_of_law_staff", value="5", unit="人")
    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), metric="other", name="错误数字", value="1",
                       unit="件").void(reason="录错")
    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31))  # the service-centre volume: its own figure
    assert get("other_figures").compute(Scope((township,), Y)).value == 1
    page = clerk_client.get(f"/indicators/other_figures/records/?year={Y}&org={township.code}").content.decode()
    assert 'data-count="1"' in page and "错误数字" not in page


def test_the_word_and_markdown_reports_carry_the_named_figure_too(client, clerk, township):
    import zipfile

    OtherFigureFactory(organisation=township, stated_on=dt.date(Y, 12, 31), metric="other", name="法律服务站接待群众",
                       value="1260", unit="人次", phrase="全镇农村法律服务站全年接待群众{数值}人次", placement="other")
    client.force_login(clerk)
    docx = client.get(f"/reports/view/{township.code}/{Y}/report.docx")
    assert docx.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(b"".join(docx.streaming_content))).read("word/document.xml").decode()
    xml = xml.replace("\u2060", "")  # word joiners keep a number and its unit on one line
    assert "五、其他需要报告的事项" in xml and "1260" in xml
    md_response = client.get(f"/reports/view/{township.code}/{Y}/report.md")
    md = b"".join(md_response.streaming_content if md_response.streaming else [md_response.content]).decode()
    assert "全镇农村法律服务站全年接待群众" in md and "1260" in md
