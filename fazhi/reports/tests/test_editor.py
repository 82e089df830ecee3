"""The report editor (issue 21): the live preview endpoint, the chips' figures, 恢复默认, downloads on the page."""
from __future__ import annotations

import html
import json
import re

import pytest

from fazhi.conftest import login
from fazhi.reports.compose import ReportData
from fazhi.reports.forms import marker_chips
from fazhi.reports.models import AnnualReport

from .test_views import edit_data, urls

pytestmark = pytest.mark.django_db

PLAN = "（一）抓好普法。全年开展普法宣传活动【数据：普法宣传活动】，【数据：普法宣传活动·较上年】。"


def preview_url(code: str, year: int) -> str:
    return f"/reports/edit/{code}/{year}/preview/"


def textareas(page: str) -> dict[str, str]:
    return {name: html.unescape(text).strip()
            for name, text in re.findall(r'<textarea name="(\w+)"[^>]*>(.*?)</textarea>', page, re.S)}


def test_the_preview_is_the_part_as_saving_it_prints(client, clerk, ledgers, year):
    """The preview of a draft is the very HTML the report page shows once the draft is saved; nothing is saved
    by previewing."""
    login(client, clerk)
    response = client.post(preview_url("T901", year), {"part": "plans_text", "text": PLAN})
    assert response.status_code == 200
    answer = response.json()
    assert not AnnualReport.objects.exists()
    preview = answer["html"]
    assert preview.startswith(f"<h2>四、{year + 1}年工作安排</h2>")
    assert '<span class="subheading">（一）抓好普法。</span>' in preview
    assert re.search(r'<a data-indicator="publicity_events" [^>]*>3</a>场次', preview)
    assert "较上年增加" in preview
    assert answer["parts"]["plans_text"] == preview and set(answer["parts"]) >= {"intro_text", "measures_text"}
    assert answer["chips"]["普法宣传活动"] == {"label": "普法宣传活动", "value": "3场次", "known": True}
    assert answer["problems"] == []

    client.post(urls("T901", year)["edit"], edit_data(year, plans_text=PLAN))
    page = client.get(urls("T901", year)["view"]).content.decode()
    saved = page.split('<h2 id="plans_text">')[1].split("<h2")[0].split('<div class="signature-block">')[0]
    assert preview.split("</h2>", 1)[1] == saved.split("</h2>", 1)[1].replace("\n", "")


def test_the_preview_keeps_a_theme_whose_figures_were_all_removed(client, clerk, ledgers, year):
    """As the saved report does, a part rewritten without any of the publicity figures still reports them at its
    end: the clerk sees that in the preview, before saving."""
    login(client, clerk)
    page = client.get(urls("T901", year)["edit"]).content.decode()
    drafts = {**textareas(page), "measures_text": "（一）只写文字，不写数字。"}
    answer = client.post(preview_url("T901", year), {"part": "measures_text", "text": drafts["measures_text"],
                                                     **drafts}).json()
    assert "只写文字" in answer["html"]
    assert 'data-indicator="publicity_events"' in answer["html"]


def test_a_blank_part_previews_its_default_and_an_empty_part_five_says_so(client, clerk, ledgers, year):
    login(client, clerk)
    answer = client.post(preview_url("T901", year), {"part": "measures_text", "text": ""}).json()
    assert 'data-indicator="publicity_events"' in answer["html"]
    assert answer["parts"]["other_text"] == '<p class="preview-empty">本部分为空，报告中不出现。</p>'


def test_an_unknown_marker_is_shown_and_named_before_saving(client, clerk, township, year):
    login(client, clerk)
    answer = client.post(preview_url("T901", year), {"part": "measures_text", "text": "开展招商【数据：招商】。"}).json()
    assert "【数据：招商】" in answer["html"]
    assert answer["problems"] == ["未知的数据标记：【数据：招商】（保存时将被拒绝）"]
    assert answer["chips"]["招商"] == {"label": "招商", "value": "未知标记", "known": False}


@pytest.mark.parametrize("body, message", [
    ({"text": "文字"}, "请指明预览报告的哪一部分"),
    ({"part": "title", "text": "文字"}, "报告没有这一部分：title"),
    ({"part": "measures_text"}, "缺少要预览的文字（text）"),
    ({"part": "measures_text", "text": "字" * 100_001}, "文字过长：每部分不超过100000字（现为100001字）"),
    ({"part": "measures_text", "text": "文字", "duties_text": "字" * 100_001}, "文字过长"),
])
def test_bad_preview_requests_are_a_chinese_400(client, clerk, township, year, body, message):
    response = login(client, clerk).post(preview_url("T901", year), body)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_the_preview_is_scoped_like_the_edit_page(client, clerk, other_clerk, supervisor, township, year):
    body = {"part": "measures_text", "text": "文字"}
    assert client.post(preview_url("T901", year), body).status_code == 302  # to the login page
    assert login(client, other_clerk).post(preview_url("T901", year), body).status_code == 404
    assert login(client, supervisor).post(preview_url("T901", year), body).status_code == 403
    assert login(client, clerk).get(preview_url("T901", year)).status_code == 405
    assert client.post(preview_url("T901", 1999), body).status_code == 404
    assert client.post(preview_url("C900", year), body).status_code == 404


def test_chips_show_each_marker_as_the_report_prints_it(clerk, ledgers, year):
    data = ReportData.load(ledgers, year)
    chips = marker_chips(["调处成功率", "调处成功率·办结", "普法宣传活动·较上年", "普法", "执法案卷评查·无", "招商"], data)
    assert chips["调处成功率"]["value"] == "75%"
    assert chips["调处成功率·办结"] == {"label": "调处成功率·办结", "value": "4件", "known": True}
    assert chips["普法宣传活动·较上年"]["value"] == "较上年增加1场次"
    assert chips["普法"]["label"] == "普法（整句）" and chips["普法"]["value"].startswith("全年开展")
    assert chips["招商"]["known"] is False


def test_the_edit_page_carries_the_editor_and_works_without_it(client, clerk, ledgers, year):
    """The page: every part's text area (the form without JavaScript), its preview as the document prints it, the
    editor's data (defaults, offered figures, chips of every marker), the downloads; no inline style or script."""
    login(client, clerk)
    response = client.get(urls("T901", year)["edit"])
    page = response.content.decode()
    texts = textareas(page)
    assert set(texts) == {"intro_text", "measures_text", "shortcomings_text", "duties_text", "plans_text", "other_text"}
    assert re.search(r'<article class="report-page" data-preview="measures_text"><h2>一、', page)
    data = json.loads(re.search(r'<script id="report-editor-data" type="application/json">(.*?)</script>', page, re.S)[1])
    assert data["previewUrl"] == preview_url("T901", year)
    assert data["defaults"]["measures_text"] == texts["measures_text"]
    markers = set(re.findall(r"【数据：([^】]*)】", "\n".join(texts.values())))
    assert markers and markers <= set(data["chips"]) and all(data["chips"][m]["known"] for m in markers)
    assert "普法宣传活动" in data["offered"]["measures_text"] and "普法" in data["offered"]["measures_text"]
    assert f'href="/reports/view/T901/{year}/report.docx"' in page and f'href="/reports/view/T901/{year}/report.pdf"' in page
    assert "report.md" not in page
    assert 'style="' not in page and "unsafe-inline" not in response["Content-Security-Policy"].split("style-src")[1].split(";")[0]
    assert 'style="' not in client.get(urls("T901", year)["view"]).content.decode()  # the signature uses classes


def test_restore_default_without_javascript_brings_the_part_back_unsaved(client, clerk, ledgers, year):
    login(client, clerk)
    defaults = textareas(client.get(urls("T901", year)["edit"]).content.decode())
    body = edit_data(year, measures_text="改写的第一部分。", plans_text=PLAN, restore="measures_text")
    response = client.post(urls("T901", year)["edit"], body)
    assert response.status_code == 200
    page = response.content.decode()
    assert "已恢复为默认稿，保存后生效" in page
    texts = textareas(page)
    assert texts["measures_text"] == defaults["measures_text"] and texts["plans_text"] == PLAN
    assert not AnnualReport.objects.exists()


def test_enter_in_a_text_box_saves_rather_than_restores(client, clerk, township, year):
    """Implicit submission clicks the form's first submit button: it must be 保存, not a part's 恢复默认."""
    page = login(client, clerk).get(urls("T901", year)["edit"]).content.decode()
    form = page.split('id="report-form"')[1]
    first = re.search(r'<button type="submit"[^>]*>', form)[0]
    assert 'name="save"' in first


def test_a_leader_is_not_offered_submission_of_an_unsaved_draft(client, leader, township, year):
    """The irreversible submission is offered once the report is saved (and then asks for confirmation on its own
    page, oversight/submit.html); before that the panel says why it is not there."""
    page = login(client, leader).get(urls("T901", year)["view"]).content.decode()
    assert "审定并报送县级</button>" not in page
    assert "data-submit-blocked" in page and "保存后才能审定报送县级" in page
    client.post(urls("T901", year)["edit"], edit_data(year))
    assert "审定并报送县级</button>" in client.get(urls("T901", year)["view"]).content.decode()
