"""GB/T 9704 documents as written (fazhi/core/gbt9704.py), read back from the .docx package: the grid
Word sees, honest document properties, joint signatures, balanced titles, numbers kept whole without a
character added to the text, and the copy LibreOffice gets (what it prints: test_pdf.py)."""
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
WJ, ZWSP = gbt9704.WORD_JOINER, gbt9704.ZERO_WIDTH_SPACE


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
    # no space added between Chinese and digits or Latin letters: "2025年" alike everywhere
    assert normal.pPr.find(qn("w:autoSpaceDE")).get(qn("w:val")) == normal.pPr.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"


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


def test_the_signature_block_is_placed_by_its_first_characters_and_keeps_with_the_text():
    """GB/T 9704 §7.3.5.2 (unsealed): the 署名 lines start in one column, the widest with 2 characters of
    right space; the date's first character 2 characters right of that column, or, when the date is the
    longer, the date keeps the 2 characters. Left indents, so the first characters sit where computed."""
    doc = Document()
    gbt9704.body(doc, "正文最后一段。")
    gbt9704.signature(doc, ["中共青山镇委员会", "青山镇人民政府"], "2026年1月5日")
    last, blank, first, second, date = doc.paragraphs[-5:]
    assert blank.text == "" and [first.text, second.text, date.text] == ["中共青山镇委员会", "青山镇人民政府", "2026年1月5日"]
    assert first.alignment == second.alignment == date.alignment == WD_ALIGN_PARAGRAPH.LEFT
    two = 2 * gbt9704.SET_CHARACTER.pt
    width = gbt9704.TEXT_WIDTH.pt
    column = first.paragraph_format.left_indent.pt
    assert second.paragraph_format.left_indent.pt == column
    assert abs(date.paragraph_format.left_indent.pt - column - two) < 0.01
    assert abs(width - column - gbt9704.text_points("中共青山镇委员会") - two) < 0.01  # 8 characters > 2 + 6 of the date: 右空二字
    # never alone on a page: the text's last lines (two at least) keep with the block
    assert last.paragraph_format.keep_with_next and last.paragraph_format.widow_control
    assert all(p.paragraph_format.keep_with_next for p in (blank, first, second)) and not date.paragraph_format.keep_with_next
    assert {p.style.name for p in (first, second, date)} == {gbt9704.SIGNATURE_STYLE_NAME}

    # the date longer than the 署名: the date keeps 右空二字, the 署名 moves left
    gbt9704.signature(doc, "青山镇人民政府", "2026年12月15日")
    sig, date = doc.paragraphs[-2:]
    date_start = date.paragraph_format.left_indent.pt
    assert abs(width - date_start - gbt9704.text_points("2026年12月15日") - two) < 0.01
    assert abs(date_start - sig.paragraph_format.left_indent.pt - two) < 0.01


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


def number_runs(p) -> list[str]:
    return [r.text for r in p.runs if r._r.rPr.find(qn("w:rStyle")) is not None
            and r._r.rPr.find(qn("w:rStyle")).get(qn("w:val")) == gbt9704.NUMBER_STYLE_ID]


def test_numbers_keep_their_measure_words_without_a_character_added():
    doc = Document()
    p = doc.add_paragraph()
    gbt9704.add_text(p, [("发放宣传资料", fonts.BODY, False), ("1.6万余份", fonts.BODY, True),
                         ("，受理纠纷38件，合格率97.3%，自2025年度起，", fonts.BODY, False),
                         ("较上年增加16件", fonts.BODY, True), ("。", fonts.BODY, False)])
    assert p.text == "发放宣传资料1.6万余份，受理纠纷38件，合格率97.3%，自2025年度起，较上年增加16件。"  # exactly
    # each number with its measure word, and a marked figure from its first digit, in the style that keeps it
    assert number_runs(p) == ["1.6万余份", "38件", "97.3%", "2025年度", "16件"]
    assert doc.styles[gbt9704.NUMBER_STYLE_NAME].style_id == gbt9704.NUMBER_STYLE_ID
    assert p._p.find(f".//{qn('w:lang')}") is None  # the text is Chinese (zh-CN from docDefaults), never "und"


def test_word_is_told_not_to_break_after_a_digit_nor_before_a_measure_word():
    settings = reread(build()).settings.element
    after, before = (settings.find(qn(tag)) for tag in ("w:noLineBreaksAfter", "w:noLineBreaksBefore"))
    assert after.get(qn("w:lang")) == before.get(qn("w:lang")) == "zh-CN"
    assert set("0123456789.（“《") <= set(after.get(qn("w:val")))
    assert set("件次份年度余%，。、）”》") <= set(before.get(qn("w:val")))
    tags = [el.tag for el in settings]  # CT_Settings order: after, then before, after characterSpacingControl
    assert tags.index(qn("w:characterSpacingControl")) + 1 == tags.index(qn("w:noLineBreaksAfter")) == tags.index(qn("w:noLineBreaksBefore")) - 1


def test_libreoffice_gets_a_copy_with_joiners_and_the_download_stays_plain():
    doc = gbt9704.new_document(title="报告", author="青山镇", dated=DATED)
    gbt9704.add_text(gbt9704.paragraph(doc), [("全年受理纠纷", fonts.BODY, False), ("38件", fonts.BODY, True),
                                              ("，办结（37件），ABC汉字2025年。", fonts.BODY, False)])
    gbt9704.signature(doc, "青山镇人民政府", "2026年1月15日")
    data = gbt9704.to_bytes(doc)
    assert WJ.encode() not in data and ZWSP.encode() not in data  # nothing invisible in the .docx
    copy = Document(io.BytesIO(gbt9704.prepare_for_libreoffice(data, ascii_em={str(d): 0.557 for d in range(10)})))
    p = copy.paragraphs[-4]
    joined = [r for r in p.runs if r._r.rPr.find(qn("w:rStyle")) is not None]
    # kept runs: joined, in "und", with the closing punctuation after them; a zero width space before them
    # (not after "（") and between Chinese and Latin letters or digits
    assert [r.text.lstrip(ZWSP) for r in joined] == [WJ.join(t) for t in ("38件，", "37件），", "ABC", "2025年。")]
    assert all(r._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "und" for r in joined)
    assert p.text == (f"全年受理纠纷{ZWSP}{WJ.join('38件，')}办结（{WJ.join('37件），')}{ZWSP}{WJ.join('ABC')}{ZWSP}汉字"
                      f"{ZWSP}{WJ.join('2025年。')}")
    # the signature block placed by the digits LibreOffice will draw (wider than 仿宋_GB2312's half em)
    original = Document(io.BytesIO(data)).paragraphs[-1].paragraph_format.left_indent.pt
    moved = copy.paragraphs[-1].paragraph_format.left_indent.pt
    assert original - moved > 2  # points: 7 digits × 0.057 em × 16 pt
    assert abs(copy.paragraphs[-1].paragraph_format.left_indent.pt - copy.paragraphs[-2].paragraph_format.left_indent.pt
               - 2 * gbt9704.SET_CHARACTER.pt) < 0.01
    # a .docx we did not write goes to LibreOffice as it is
    foreign = Document()
    foreign.add_paragraph("受理纠纷38件")
    foreign_bytes = gbt9704.to_bytes(foreign)
    assert gbt9704.prepare_for_libreoffice(foreign_bytes) == foreign_bytes


def test_stored_control_characters_never_break_a_document():
    assert fonts.clean_text("甲\x0b乙\r\n丙\r丁\x0c\x00\x01\x1f\x7f\ud800\ufffe戊\t己") == "甲\n乙\n丙\n丁戊\t己"
    doc = Document()
    fonts.add_run(doc.add_paragraph(), "第一行\x0b第二行\x00\udfff", fonts.BODY)
    gbt9704.add_text(doc.add_paragraph(), [("共3件\x0b其中\x01调解2件", fonts.BODY, False)])
    doc = Document(io.BytesIO(gbt9704.to_bytes(doc)))
    first, second = doc.paragraphs
    assert first.text == "第一行\n第二行"
    assert len(first._p.findall(f".//{qn('w:br')}")) == 1  # Word's manual line break, kept as one
    assert second.text == "共3件\n其中调解2件"


def test_the_importer_reads_our_joined_numbers_as_plain_text():
    from fazhi.ingest import read
    from fazhi.ingest.normalise import normalise

    doc = gbt9704.new_document(title="报告", author="青山镇", dated=DATED)
    gbt9704.add_text(gbt9704.paragraph(doc), [("全年受理矛盾纠纷", fonts.BODY, False), ("38件", fonts.BODY, True), ("。", fonts.BODY, False)])
    assert "全年受理矛盾纠纷38件。" in normalise(read(gbt9704.to_bytes(doc), "报告.docx").text).text
