"""`fazhi report --format docx` follows GB/T 9704-2012 (LAW.md §10), read back with python-docx."""
from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

pytestmark = pytest.mark.django_db

BODY_FONT = "仿宋_GB2312"


@pytest.fixture
def docx(ledgers, year, tmp_path):
    target = tmp_path / "report.docx"
    call_command("report", "--org", "T901", "--year", str(year), "--format", "docx", "--output", str(target),
                 stdout=io.StringIO(), stderr=io.StringIO())
    return Document(str(target))


def east_asia(run_element) -> str | None:
    rpr = run_element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def paragraph_starting(doc, text: str):
    return next(p for p in doc.paragraphs if p.text.startswith(text))


def close(length, expected, tolerance_mm: float = 0.1) -> bool:
    return abs(Emu(length).mm - Emu(expected).mm) <= tolerance_mm


def test_a4_and_the_four_margins(docx):
    section = docx.sections[0]
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37))
    assert close(section.left_margin, Mm(28))
    assert close(section.right_margin, Mm(26))
    assert close(section.bottom_margin, Mm(35))
    # 版心 156 × 225 mm
    assert close(section.page_width - section.left_margin - section.right_margin, Mm(156), 0.2)
    assert close(section.page_height - section.top_margin - section.bottom_margin, Mm(225), 0.2)


def test_exactly_22_lines_per_page(docx):
    section = docx.sections[0]
    block = section.page_height - section.top_margin - section.bottom_margin
    for p in docx.paragraphs:
        fmt = p.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY, p.text
        assert abs(fmt.line_spacing.pt - 28.95) < 0.01, p.text
    pitch = docx.paragraphs[0].paragraph_format.line_spacing
    assert 22 * pitch <= block < 23 * pitch
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"


def test_28_characters_per_line(docx):
    section = docx.sections[0]
    width = Emu(section.page_width - section.left_margin - section.right_margin).pt
    spacing = docx.styles["Normal"].element.rPr.find(qn("w:spacing"))
    character = 16 + int(spacing.get(qn("w:val"))) / 20
    assert 28 * character <= width < 29 * character


def test_title_is_2hao_xiaobiaosong_centred(docx, year):
    title = docx.paragraphs[0]
    assert title.text == f"甲镇{year}年度法治政府建设情况报告"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for run in title.runs:
        assert east_asia(run._r) == "方正小标宋简体"
        assert run.font.size == Pt(22)


def test_addressee_is_flush_left_after_a_blank_line(docx):
    assert docx.paragraphs[1].text == ""
    addressee = docx.paragraphs[2]
    assert addressee.text == "县委、县政府："
    assert addressee.paragraph_format.first_line_indent == Pt(0)
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_body_is_3hao_fangsong_indented_two_characters(docx):
    body = paragraph_starting(docx, "对照上级要求")
    assert body.paragraph_format.first_line_indent == Pt(32)
    for run in body.runs:
        assert east_asia(run._r) == BODY_FONT and run.font.name == BODY_FONT
        assert run.font.size == Pt(16)
    normal = docx.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == BODY_FONT


def test_headings_use_heiti_and_kaiti(docx, year):
    heading = paragraph_starting(docx, f"一、{year}年")
    assert [east_asia(r._r) for r in heading.runs] == ["黑体"]
    assert heading.runs[0].font.size == Pt(16)
    sub = paragraph_starting(docx, "（一）加强组织领导")
    assert sub.runs[0].text == "（一）加强组织领导，压实法治建设责任。"
    assert east_asia(sub.runs[0]._r) == "楷体_GB2312" and sub.runs[0].font.size == Pt(16)
    assert east_asia(sub.runs[1]._r) == BODY_FONT


def test_figures_are_in_the_body_text(docx):
    assert "开展普法宣传活动3场次（同比增长50%）" in paragraph_starting(docx, "（四）").text


def test_every_run_has_its_east_asian_font(docx):
    parts = [docx.element.body]
    section = docx.sections[0]
    parts += [section.footer._element, section.even_page_footer._element]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert len(runs) > 40
    for r in runs:
        assert east_asia(r), r.xml[:200]


def test_unsealed_signature_block(docx):
    paragraphs = docx.paragraphs
    signature, date = paragraphs[-2], paragraphs[-1]
    assert paragraphs[-3].text == ""  # one blank line below the text
    assert signature.text == "中共甲镇委员会　甲镇人民政府"
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert signature.paragraph_format.right_indent == Pt(32)  # 右空二字
    # the date's first character sits 2 characters right of the signature's first character
    sig_start = 2 + 14
    date_chars = 3 + len([c for c in date.text if c.isdigit()]) / 2
    assert abs(date.paragraph_format.right_indent.pt / 16 - (sig_start - 2 - date_chars)) < 0.01
    year, rest = date.text.split("年")
    assert len(year) == 4 and not rest.startswith("0") and "月0" not in rest


def test_page_numbers_odd_right_even_left_with_dashes(docx):
    assert docx.settings.odd_and_even_pages_header_footer
    section = docx.sections[0]
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_indent"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_indent")):
        p = footer.paragraphs[0]
        assert p.alignment == align
        assert getattr(p.paragraph_format, side) == Pt(14)  # 空一字 at 4号
        instructions = [t.text.strip() for t in p._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE"]
        types = [f.get(qn("w:fldCharType")) for f in p._p.iter(qn("w:fldChar"))]
        assert types == ["begin", "separate", "end"]
        assert p.text.startswith("— ") and p.text.endswith(" —")
        for run in p._p.iter(qn("w:r")):
            assert east_asia(run) == "宋体"
            assert run.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")) == "28"  # 14 pt
