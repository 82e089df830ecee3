"""GB/T 9704 documents as written (fazhi/core/gbt9704.py), read back from the .docx package: the grid
Word sees, honest document properties, joint signatures, balanced titles, numbers kept whole."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from fazhi.core import docx_fonts as fonts
from fazhi.core import gbt9704

DATED = dt.date(2026, 1, 15)
WJ = gbt9704.WORD_JOINER


def build(**kwargs) -> Document:
    doc = gbt9704.new_document(title="中共青山镇委员会 青山镇人民政府关于2025年度法治政府建设情况的报告", author="青山镇",
                               subject="法治政府建设年度报告", dated=DATED, **kwargs)
    gbt9704.body(doc, "正文")
    return doc


def reread(doc) -> Document:
    return Document(io.BytesIO(gbt9704.to_bytes(doc)))


def test_the_section_grid_is_22_lines_of_28_characters_by_the_ooxml_rule():
    doc = reread(build())
    section = doc.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert grid.get(qn("w:linePitch")) == "579"  # 28.95 pt
    # ECMA-376 §17.6.5: the character pitch is the docDefaults size plus charSpace/4096 pt
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    base_pt = int(defaults.find(qn("w:sz")).get(qn("w:val"))) / 2
    assert base_pt == 16
    pitch = base_pt + int(grid.get(qn("w:charSpace"))) / 4096
    width = Emu(section.page_width - section.left_margin - section.right_margin).pt
    height = Emu(section.page_height - section.top_margin - section.bottom_margin).pt
    assert 28 * pitch <= width < 29 * pitch
    assert 22 * 28.95 <= height < 23 * 28.95
    # the body carries the same metrics without snapping (LibreOffice would give each 16 pt character two cells)
    normal = doc.styles["Normal"].element
    assert normal.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    condensed = 16 + int(normal.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert 28 * condensed <= width < 29 * condensed
    assert abs(doc.styles["Normal"].paragraph_format.line_spacing.pt - 28.95) < 0.01


def test_document_properties_say_what_the_document_is_and_nothing_of_the_template():
    data = gbt9704.to_bytes(build())
    package = zipfile.ZipFile(io.BytesIO(data))
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == "中共青山镇委员会 青山镇人民政府关于2025年度法治政府建设情况的报告"
    assert props.subject == "法治政府建设年度报告"
    assert props.author == props.last_modified_by == "青山镇"
    assert props.comments == props.keywords == props.category == ""
    # created and modified are the 成文日期 (noon in Beijing), not the moment of generation
    beijing = dt.timezone(dt.timedelta(hours=8))
    for stamp in (props.created, props.modified):
        assert stamp.replace(tzinfo=dt.timezone.utc).astimezone(beijing) == dt.datetime(2026, 1, 15, 12, tzinfo=beijing)
    app = package.read("docProps/app.xml").decode()
    assert "<Application>法治工作台</Application>" in app and "<Company>青山镇</Company>" in app
    names = package.namelist()
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml/")]
    for name in names:
        content = package.read(name)
        for leftover in (b"python-docx", b"Macintosh", b"2013-12-23", b"Normal.dotm", b"ja-JP"):
            assert leftover not in content, (name, leftover)


def test_a_document_without_a_date_is_dated_today_in_beijing():
    from django.utils import timezone

    doc = reread(gbt9704.new_document(title="立案审批表", author="青山镇"))
    assert doc.core_properties.created == dt.datetime.combine(timezone.localdate(), dt.time(4), dt.timezone.utc)  # 12:00 in Beijing


def test_joint_issuing_bodies_sign_one_a_line_with_the_date_below():
    doc = Document()
    gbt9704.signature(doc, ["中共青山镇委员会", "青山镇人民政府"], "2026年1月15日")
    blank, first, second, date = doc.paragraphs[-4:]
    assert blank.text == "" and [first.text, second.text, date.text] == ["中共青山镇委员会", "青山镇人民政府", "2026年1月15日"]
    assert first.alignment == second.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT

    def start(p):  # characters from the right margin to the line's first character
        return p.paragraph_format.right_indent.pt / 16 + gbt9704.text_width(p.text)

    # the 署名 lines start in one column; the date (6.5 characters) is longer than 8 - 2, so it keeps
    # 右空二字 and the block moves left to keep the date's first character 2 characters right of it
    assert start(first) == start(second)
    assert date.paragraph_format.right_indent == Pt(32)
    assert start(first) - start(date) == 2
    # a single 署名 (a string) keeps its 右空二字
    gbt9704.signature(doc, "青山镇人民政府综合行政执法办公室", "2026年1月15日")
    assert doc.paragraphs[-2].paragraph_format.right_indent == Pt(32)


@pytest.mark.parametrize("title, lines", [
    ("中共青山镇委员会 青山镇人民政府关于2025年度法治政府建设情况的报告",
     ["中共青山镇委员会 青山镇人民政府", "关于2025年度法治政府建设情况的报告"]),
    ("中共青山镇委员会　青山镇人民政府关于2025年度法治政府建设情况的报告",
     ["中共青山镇委员会　青山镇人民政府", "关于2025年度法治政府建设情况的报告"]),
    ("青山镇2025年度法治政府建设情况报告", ["青山镇2025年度法治政府建设情况报告"]),
    ("米易县攀莲镇人民政府2023年法治政府建设工作报告", ["米易县攀莲镇人民政府", "2023年法治政府建设工作报告"]),
    ("某某镇人民政府2025年政府信息公开工作年度报告", ["某某镇人民政府2025年", "政府信息公开工作年度报告"]),
    ("中共某某市某某区某某街道工作委员会 某某市某某区某某街道办事处关于2025年度法治政府建设情况和2026年工作安排的报告",
     ["中共某某市某某区某某街道工作委员会", "某某市某某区某某街道办事处关于2025年度", "法治政府建设情况和2026年工作安排的报告"]),
])
def test_a_long_title_breaks_into_balanced_lines_at_a_natural_point(title, lines):
    assert gbt9704.title_lines(title) == lines
    widths = [gbt9704.text_width(line) for line in lines]
    assert max(widths) <= gbt9704.TITLE_CHARS_PER_LINE and min(widths) >= max(widths) / 2


def test_numbers_with_their_measure_words_and_marked_figures_are_joined():
    doc = Document()
    p = doc.add_paragraph()
    gbt9704.add_text(p, [("发放宣传资料", fonts.BODY, False), ("1.6万余份", fonts.BODY, True),
                         ("，受理纠纷38件，合格率97.3%，自2025年度起。", fonts.BODY, False)])
    runs = [(r.text, r._r.find(qn("w:rPr")).find(qn("w:lang"))) for r in p.runs]
    kept = [text for text, lang in runs if lang is not None]
    assert kept == [WJ.join("1.6万余份"), WJ.join("38件"), WJ.join("97.3%"), WJ.join("2025年度")]
    assert all(lang.get(qn("w:val")) == lang.get(qn("w:eastAsia")) == "und" for _, lang in runs if lang is not None)
    assert p.text.replace(WJ, "") == "发放宣传资料1.6万余份，受理纠纷38件，合格率97.3%，自2025年度起。"
    assert WJ not in "".join(text for text, lang in runs if lang is None)


def test_stored_control_characters_never_break_a_document():
    assert fonts.clean_text("甲\x0b乙\r\n丙\r丁\x0c\x00\x01\x1f\x7f\ud800\ufffe戊\t己") == "甲\n乙\n丙\n丁戊\t己"
    doc = Document()
    fonts.add_run(doc.add_paragraph(), "第一行\x0b第二行\x00\udfff", fonts.BODY)
    gbt9704.add_text(doc.add_paragraph(), [("共3件\x0b其中\x01调解2件", fonts.BODY, False)])
    doc = Document(io.BytesIO(gbt9704.to_bytes(doc)))
    first, second = doc.paragraphs
    assert first.text == "第一行\n第二行"
    assert len(first._p.findall(f".//{qn('w:br')}")) == 1  # Word's manual line break, kept as one
    assert second.text.replace(WJ, "") == "共3件\n其中调解2件"


def test_the_importer_reads_our_joined_numbers_as_plain_text():
    from fazhi.oversight.extraction import read
    from fazhi.oversight.extraction.normalise import normalise

    doc = gbt9704.new_document(title="报告", author="青山镇", dated=DATED)
    gbt9704.add_text(gbt9704.paragraph(doc), [("全年受理矛盾纠纷", fonts.BODY, False), ("38件", fonts.BODY, True), ("。", fonts.BODY, False)])
    assert "全年受理矛盾纠纷38件。" in normalise(read(gbt9704.to_bytes(doc), "报告.docx").text).text
