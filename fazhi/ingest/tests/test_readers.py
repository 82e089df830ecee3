"""Readers on real files built here (.docx, .pdf with a text layer, .html, .txt) and every failure reason."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from fazhi.ingest import analyse_bytes, errors, read, readers
from fazhi.ingest.tests import samples

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "seeds" / "004_fbe45d23903cb0be.txt"
TITLE = "岔河镇2023年度法治政府建设工作报告"
LINES = [TITLE, "一、主要举措和成效", "开展“法律进乡村”普法活动67场次，发放普法宣传资料13500余份。"]


def test_docx_paragraphs_and_table_cells():
    data = samples.build_docx(LINES, table=[["项目", "数量"], ["执法案卷评查", "2次"], ["旁听庭审", "2场次"]])
    result = read(data, "报告.docx")
    assert result.error is None
    assert result.text.splitlines() == LINES + ["项目\t数量", "执法案卷评查\t2次", "旁听庭审\t2场次"]
    figures = {(f["indicator"], f["value"]) for f in analyse_bytes(data, "报告.docx").figures}
    assert {("publicity_events", 67), ("publicity_materials", 13500), ("case_file_reviews", 2),
            ("court_hearings_attended", 2)} <= figures


def test_pdf_text_layer_over_several_pages():
    data = samples.build_pdf([LINES[:2], LINES[2:]])
    assert read(data, "报告.pdf").text == "\n".join(LINES)


def test_a_whole_seed_report_reads_the_same_from_docx_pdf_html_and_txt():
    text = SEED.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    expected = analyse_bytes(text.encode("utf-8"), "seed.txt").as_dict()
    for name, data in [
        ("seed.docx", samples.build_docx(lines)),
        ("seed.pdf", samples.build_pdf([lines[i:i + 12] for i in range(0, len(lines), 12)])),
        ("seed.html", samples.build_html(lines[0], lines[1:], charset="gb2312")),
        ("seed.txt", text.encode("gb18030")),
        ("seed.txt", text.encode("utf-16")),
    ]:
        result = analyse_bytes(data, name).as_dict()
        assert result["error"] is None, name
        assert (result["organisation"], result["year"]) == ("岔河镇人民政府", 2023), name
        assert result["figures"] == [f | {} for f in expected["figures"]], name


def test_html_keeps_the_article_and_drops_scripts_navigation_and_footer():
    data = samples.build_html(TITLE, LINES[1:], charset="gb2312")
    text = read(data, "page.htm").text
    assert text.splitlines() == LINES
    assert "首页" not in text and "版权所有" not in text and "99" not in text


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-8-sig"])
def test_html_encoding_without_a_declaration(encoding):
    page = f"<html><body><h1>{TITLE}</h1><p>{LINES[2]}</p></body></html>".encode(encoding)
    assert read(page, "page.html").text == f"{TITLE}\n{LINES[2]}"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030"])
def test_txt_encodings(encoding):
    text = "\n".join(LINES)
    assert read(text.encode(encoding), "a.txt").text == text


def test_pdf_with_an_empty_user_password_is_read():
    data = samples.encrypt_pdf(samples.build_pdf([LINES]), password="")
    assert read(data, "a.pdf").text == "\n".join(LINES)


def test_a_pdf_saved_under_the_wrong_office_extension_is_still_read():
    assert read(samples.build_pdf([LINES]), "报告.docx").text == "\n".join(LINES)


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", errors.EMPTY),
    ("blank.docx", b"  \r\n ", errors.EMPTY),
    ("photo.jpg", b"\xff\xd8\xff\xe0JFIF", errors.UNSUPPORTED),
    ("report", b"some text", errors.UNSUPPORTED),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, errors.OLD_WORD),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), errors.ENCRYPTED),
    ("broken.docx", b"PK\x03\x04 this is not a zip archive", errors.CORRUPT),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", errors.CORRUPT),
    ("binary.txt", bytes(range(32)) * 100, errors.CORRUPT),
])
def test_failure_reasons(name, data, reason):
    assert read(data, name).error == reason


def test_encrypted_pdf():
    assert read(samples.encrypt_pdf(samples.build_pdf([LINES])), "a.pdf").error == errors.ENCRYPTED


def test_scanned_pdf_has_no_text_layer():
    assert read(samples.build_pdf([LINES, LINES], with_text=False), "scan.pdf").error == errors.NO_TEXT_LAYER


def test_oversized_file():
    assert read(b"x" * (readers.MAX_BYTES + 1), "big.txt").error == errors.TOO_LARGE


def test_docx_whose_xml_would_inflate_past_the_cap(monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCX_XML", 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (2 * 1024 * 1024) + b"</w:document>")
    assert read(out.getvalue(), "bomb.docx").error == errors.TOO_LARGE


def test_text_that_is_not_a_report():
    result = analyse_bytes("会议通知：请各单位于周五下午参加安全生产会议。".encode(), "notice.txt")
    assert result.error == errors.NOT_A_REPORT and result.figures == []


def test_every_reason_is_one_short_chinese_sentence():
    reasons = [value for name, value in vars(errors).items() if name.isupper()]
    assert len(reasons) == 10
    for reason in reasons:
        assert reason.endswith("。") and reason.count("。") == 1 and len(reason) <= 40


def test_docx_content_controls_are_read():
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document(io.BytesIO(samples.build_docx(LINES[1:])))
    cover = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p>"
                      f"</w:sdtContent></w:sdt>")
    document.element.body.insert(0, cover)
    out = io.BytesIO()
    document.save(out)
    assert read(out.getvalue(), "a.docx").text.splitlines() == LINES


def test_a_government_page_as_saved_from_the_site():
    text = (CORPUS / "seeds" / "000_24babedf76a34ae2.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f'<p style="text-indent:2em">&nbsp;&nbsp;{line.strip()}</p>'
                         for line in text.splitlines() if line.strip())
    page = f"""<!DOCTYPE html><html><head><meta charset="gb2312"><title>仲山镇2023年度法治政府建设报告-某县人民政府</title>
<script>var visits = "访问次数 1234次";</script></head><body>
<div class="header"><img src="logo.png"><span>某县人民政府门户网站</span></div>
<div id="menu"><ul><li><a>首页</a></li><li><a>政务公开</a></li></ul></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设年度报告</div>
<table class="xxgk"><tr><td>索引号：11330703736873621E/2024-139175</td><td>发布日期：2024-01-31</td></tr></table>
<div class="TRS_Editor">{paragraphs}</div>
<div>上一篇：仲山镇2022年度法治政府建设报告</div><div>下一篇：关于开展普法宣传活动12场次的通知</div>
<div class="footer">主办：某县人民政府办公室 网站标识码 5110000001 蜀ICP备05003304号</div></body></html>"""
    from_page = analyse_bytes(page.encode("gb18030"), "page.html")
    from_text = analyse_bytes(text.encode("utf-8"), "report.txt")
    assert from_page.error is None
    assert (from_page.organisation, from_page.year) == ("仲山镇人民政府", 2023)
    assert from_page.figures == from_text.figures
    assert from_page.sections == from_text.sections


def test_html_keeps_the_article_container_not_the_link_lists_beside_it():
    page = """<html><head><meta charset="utf-8"><title>某县人民政府</title></head><body>
<div class="main"><div class="left"><ul><li>我镇开展普法宣传活动12场次</li><li>我镇召开法治建设会议3次</li></ul></div>
<div class="right"><h1>岔河镇2023年度法治政府建设工作报告</h1><div class="info">发布时间：2024-01-31</div>
<div class="content"><p>2023年，岔河镇坚持依法行政，取得成效。</p><p>一、主要举措和成效</p>
<p>开展普法活动67场次，发放资料13500余份，解答咨询500余次。</p><p>组织学法12次，旁听庭审2次。</p>
<p>调处纠纷20件，成功19件。</p></div></div></div></body></html>"""
    result = analyse_bytes(page.encode(), "page.html")
    assert result.organisation == "岔河镇" and result.year == 2023
    assert [(f["indicator"], f["value"]) for f in result.figures] == [
        ("publicity_events", 67), ("publicity_materials", 13500), ("legal_consultations", 500),
        ("study_sessions", 12), ("court_hearings_attended", 2), ("disputes_handled", 20), ("disputes_resolved", 19)]
