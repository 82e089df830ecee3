"""The report pages for the three personas: the clerk (owner), another township's clerk, the county supervisor."""
from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from fazhi.conftest import login
from fazhi.reports.models import AnnualReport

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r'<a data-indicator="(?P<key>[a-z_]+)" href="(?P<href>[^"]+)"(?P<attrs>[^>]*)>(?P<value>[^<]+)</a>')


def urls(code: str, year: int) -> dict[str, str]:
    return {
        "view": f"/reports/view/{code}/{year}/",
        "edit": f"/reports/edit/{code}/{year}/",
        "docx": f"/reports/view/{code}/{year}/report.docx",
        "md": f"/reports/view/{code}/{year}/report.md",
    }


def edit_data(year: int, **changes) -> dict[str, str]:
    data = {
        "addressee": "县委、县政府", "title": f"甲镇{year}年度法治政府建设情况报告",
        "signature": "中共甲镇委员会　甲镇人民政府", "dated": f"{year + 1}-01-15",
        "intro_text": "", "measures_text": "", "shortcomings_text": "", "duties_text": "", "plans_text": "",
        "other_text": "",
    }
    data.update(changes)
    return data


def test_the_page_links_every_figure_to_the_records_that_produce_it(client, clerk, ledgers, year):
    page = login(client, clerk).get(urls("T901", year)["view"]).content.decode()
    figures = {m["key"]: m for m in FIGURE.finditer(page) if "data-part" not in m["attrs"]}
    assert figures["publicity_events"]["value"] == "3"
    assert set(figures) >= {"publicity_events", "publicity_materials", "dispute_success_rate", "exam_pass_rate"}
    for key, match in figures.items():
        href = html.unescape(match["href"])
        assert href == reverse("indicator_records", args=[key]) + f"?year={year}&org=T901"
        records = client.get(href)
        assert records.status_code == 200, key
        count = re.search(r'data-count="([^"]+)"', records.content.decode()).group(1)
        assert f'data-amount="{count}"' in match["attrs"], key  # the exact figure, whatever the page rounds


def test_the_page_works_before_any_report_is_saved(client, clerk, township, year):
    response = login(client, clerk).get(urls("T901", year)["view"])
    assert response.status_code == 200
    assert "本报告尚未保存" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_clerk_edits_and_the_edit_is_kept_in_history(client, clerk, ledgers, year):
    login(client, clerk)
    form = client.get(urls("T901", year)["edit"])
    assert form.status_code == 200 and "【数据：普法】" in form.content.decode()
    response = client.post(urls("T901", year)["edit"], edit_data(year, plans_text="（一）抓好普法。继续开展普法。"))
    assert response.status_code == 302
    report = AnnualReport.objects.get()
    assert report.plans_text == "（一）抓好普法。继续开展普法。" and report.created_by == clerk
    client.post(urls("T901", year)["edit"], edit_data(year, plans_text="（一）抓好学法。"))
    report.refresh_from_db()
    assert report.plans_text == "（一）抓好学法。"
    assert report.history.count() == 2
    assert report.history.first().history_user == clerk
    page = client.get(urls("T901", year)["view"]).content.decode()
    assert "抓好学法" in page and "修改记录" in page and "四、下一年度工作安排" in page


def test_unknown_data_markers_are_refused_in_chinese(client, clerk, township, year):
    response = login(client, clerk).post(urls("T901", year)["edit"], edit_data(year, measures_text="【数据：招商】"))
    assert response.status_code == 200
    assert "未知的数据标记：【数据：招商】" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_another_townships_clerk_sees_nothing(client, other_clerk, township, year):
    login(client, other_clerk)
    for name, url in urls("T901", year).items():
        assert client.get(url).status_code == 404, name
    assert client.post(urls("T901", year)["edit"], edit_data(year)).status_code == 404
    assert not AnnualReport.objects.exists()
    index = client.get("/reports/").content.decode()
    assert "甲镇" not in index and "乙镇" in index


def test_the_county_supervisor_reads_but_cannot_edit(client, supervisor, ledgers, year):
    login(client, supervisor)
    for name in ("view", "docx", "md"):
        assert client.get(urls("T901", year)[name]).status_code == 200, name
        assert client.get(urls("T902", year)[name]).status_code == 200, name
    assert client.get(urls("T901", year)["edit"]).status_code == 403
    assert client.post(urls("T901", year)["edit"], edit_data(year)).status_code == 403
    assert not AnnualReport.objects.exists()
    page = client.get(urls("T901", year)["view"]).content.decode()
    assert urls("T901", year)["edit"] not in page
    index = client.get("/reports/").content.decode()
    assert "甲镇" in index and "乙镇" in index and "开始编写" not in index


@pytest.mark.parametrize("path", [
    "/reports/view/T901/1999/", "/reports/view/T901/3000/", "/reports/view/T901/99999999999999999999/",
    "/reports/view/T901/abc/", "/reports/edit/T901/1999/", "/reports/view/T901/1999/report.docx",
    "/reports/view/NOPE/2025/", "/reports/view/C900/2025/",
])
def test_bad_input_is_a_404_not_a_500(client, clerk, supervisor, path):
    assert login(client, clerk).get(path).status_code == 404
    assert login(client, supervisor).get(path).status_code == 404


def test_a_year_out_of_range_says_why(client, clerk, township):
    response = login(client, clerk).get("/reports/view/T901/1999/")
    assert response.status_code == 404
    assert "报告年度应在2000年至" in response.content.decode()


def test_index_lists_own_township_and_offers_to_start(client, clerk, township, year):
    page = login(client, clerk).get("/reports/").content.decode()
    assert "甲镇" in page and "乙镇" not in page
    assert urls("T901", year)["edit"] in page and "开始编写" in page
    assert login(client, clerk).get("/reports/?year=abc").status_code == 200


def test_downloads(client, clerk, ledgers, year):
    login(client, clerk)
    docx = client.get(urls("T901", year)["docx"])
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "attachment" in docx["Content-Disposition"]
    md = client.get(urls("T901", year)["md"])
    text = b"".join(md.streaming_content).decode()
    assert text.startswith(f"# 中共甲镇委员会 甲镇人民政府关于{year}年度法治政府建设情况的报告")
    assert "线下普法宣传3场次" in text


def test_anonymous_users_are_sent_to_login(client, township, year):
    response = client.get(urls("T901", year)["view"])
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_edit_page_saves_its_own_default_text_and_refuses_an_unknown_marker(client, clerk, ledgers, year):
    """The default text carries a marker for every figure: posting it back as it is saves (and keeps following the
    data); a marker no figure has is refused in Chinese, naming it."""
    login(client, clerk)
    page = client.get(urls("T901", year)["edit"]).content.decode()
    measures = html.unescape(re.search(r'<textarea name="measures_text"[^>]*>(.*?)</textarea>', page, re.S).group(1)).strip()
    assert "【数据：普法宣传活动】" in measures
    response = client.post(urls("T901", year)["edit"], edit_data(year, measures_text=measures))
    assert response.status_code == 302
    assert AnnualReport.objects.get().measures_text == ""  # unchanged default: still follows the data
    response = client.post(urls("T901", year)["edit"], edit_data(year, measures_text="开展活动【数据：不存在的数字】。"))
    assert "未知的数据标记：【数据：不存在的数字】" in response.content.decode()
