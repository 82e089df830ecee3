"""`fazhi report --org CODE --year YYYY --format docx|md|html --output FILE`."""
from __future__ import annotations

import html
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_markdown_has_the_four_statutory_sections(ledgers, year, tmp_path):
    target = tmp_path / "report.md"
    run("--org", "T901", "--year", str(year), "--format", "md", "--output", str(target))
    text = target.read_text(encoding="utf-8")
    for heading in (f"## 一、{year}年主要举措和成效", "## 二、存在的不足和原因",
                    "## 三、党政主要负责人履行推进法治建设第一责任人职责情况", f"## 四、{year + 1}年工作安排"):
        assert heading in text
    assert text.startswith(f"# 中共甲镇委员会 甲镇人民政府关于{year}年度法治政府建设情况的报告\n\n县委、县政府：")
    assert "线下普法宣传3场次，较上年增加1场次" in text
    assert "五、其他需要报告的事项" not in text


def test_standalone_html_has_the_same_figure_links_as_the_page(client, clerk, ledgers, year, tmp_path):
    target = tmp_path / "report.html"
    run("--org", "T901", "--year", str(year), "--format", "html", "--output", str(target))
    standalone = target.read_text(encoding="utf-8")
    assert standalone.startswith("<!DOCTYPE html>") and "sidebar" not in standalone
    client.force_login(clerk)
    page = client.get(f"/reports/view/T901/{year}/").content.decode()
    pattern = re.compile(r'<a data-indicator="[a-z_]+" href="[^"]+"[^>]*>[^<]+</a>')
    assert pattern.findall(standalone) == pattern.findall(page)
    assert f'data-indicator="publicity_events" href="{html.escape(f"/indicators/publicity_events/records/?year={year}&org=T901")}"' in standalone


def test_markdown_goes_to_stdout_without_output(township, year):
    assert f"# 中共甲镇委员会 甲镇人民政府关于{year}年度法治政府建设情况的报告" in run("--org", "T901", "--year", str(year), "--format", "md")


@pytest.mark.parametrize("args, message", [
    (("--org", "NOPE", "--year", "2025", "--format", "md"), "没有编码为“NOPE”的组织"),
    (("--org", "T901", "--year", "二〇二五", "--format", "md"), "报告年度必须是四位数字年份"),
    (("--org", "T901", "--year", "1999", "--format", "md"), "报告年度应在2000年至"),
    (("--org", "C900", "--year", "2025", "--format", "md"), "年度报告按乡镇（街道）编制"),
    (("--org", "T901", "--year", "2025", "--format", "odt"), "不支持的格式：odt"),
    (("--org", "T901", "--year", "2025", "--format", "docx"), "docx 格式必须用 --output 指定输出文件"),
    (("--org", "T901", "--year", "2025", "--format", "md", "--output", "/nonexistent/dir/r.md"), "无法写入文件"),
])
def test_bad_input_is_refused_in_chinese(township, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_markdown_carries_no_markup_from_records(township, year):
    """A record's text with HTML in it is printed as text in report.md (issue 20, item 10)."""
    from fazhi.testing.factories import PublicityEventFactory

    import datetime as dt

    PublicityEventFactory(organisation=township, held_on=dt.date(year, 5, 4), audience=900,
                          title="<script>alert(1)</script>宪法宣传", place="<img src=x onerror=alert(1)>广场")
    text = run("--org", "T901", "--year", str(year), "--format", "md")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;宪法宣传" in text and "<script>" not in text and "<img" not in text
