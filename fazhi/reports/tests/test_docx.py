"""`fazhi report --format docx` follows GB/T 9704-2012 (LAW.md §10), read back with python-docx."""
from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from fazhi.core import gbt9704
from fazhi.core.gbt9704 import text_width
from fazhi.reports.compose import compose_report
from fazhi.reports.models import AnnualReport
from fazhi.reports.render_docx import render_docx
from fazhi.reports.services import report_get_or_new

pytestmark = pytest.mark.django_db

BODY_FONT = "仿宋_GB2312"


@pytest.fixture
def docx(ledgers, year, tmp_path):
    target = tmp_path / "report.docx"
    call_command("report", "--org", "T901", "--year", str(year), "--format", "docx", "--output", str(target),
                 stdout=io.StringIO(), stderr=io.StringIO())
    return Document(str(target))


@pytest.fixture
def composed(ledgers, year):
    return compose_report(report_get_or_new(ledgers, year))


def east_asia(run_element) -> str | None:
    rpr = run_element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def plain(p) -> str:
    return p.text


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


def test_22_lines_of_28_characters(docx):
    """The grid is declared for Word (linesAndChars) and carried by every paragraph (fazhi/core/tests/test_gbt9704.py
    checks the grid's arithmetic, fazhi/core/tests/test_pdf.py what LibreOffice prints)."""
    section = docx.sections[0]
    block = section.page_height - section.top_margin - section.bottom_margin
    width = Emu(section.page_width - section.left_margin - section.right_margin).pt
    for p in docx.paragraphs:
        fmt = p.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY, p.text
        assert abs(fmt.line_spacing.pt - 28.95) < 0.01, p.text
    assert 22 * docx.paragraphs[0].paragraph_format.line_spacing <= block < 23 * docx.paragraphs[0].paragraph_format.line_spacing
    grid = section._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("linesAndChars", "579")
    assert 28 * (16 + int(grid.get(qn("w:charSpace"))) / 4096) <= width
    spacing = docx.styles["Normal"].element.rPr.find(qn("w:spacing"))
    character = 16 + int(spacing.get(qn("w:val"))) / 20
    assert 28 * character <= width < 29 * character


def test_title_is_2hao_xiaobiaosong_centred_in_balanced_lines(docx, composed):
    title = docx.paragraphs[0]
    lines = composed.title_lines()
    assert title.text == "\n".join(lines)  # one paragraph, a line break between the lines
    assert composed.title.replace(" ", "").replace("　", "") == "".join(lines).replace(" ", "").replace("　", "")
    assert all(text_width(line) <= 20 for line in lines)
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
    body = docx.paragraphs[3]  # the introduction
    assert body.paragraph_format.first_line_indent == Pt(32)
    for run in body.runs:
        assert east_asia(run._r) == BODY_FONT and run.font.name == BODY_FONT
        assert run.font.size == Pt(16)
    normal = docx.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == BODY_FONT


def test_headings_use_heiti_and_kaiti(docx, year):
    heading = next(p for p in docx.paragraphs if p.text.startswith(f"一、{year}年"))
    assert [east_asia(r._r) for r in heading.runs] == ["黑体"]
    assert heading.runs[0].font.size == Pt(16)
    sub = next(p for p in docx.paragraphs if p.runs and east_asia(p.runs[0]._r) == "楷体_GB2312")
    assert plain(sub).startswith("（一）") and sub.runs[0].text.endswith("。")
    assert sub.runs[0].font.size == Pt(16)
    assert east_asia(sub.runs[1]._r) == BODY_FONT


def test_every_figure_is_in_the_text_whole_and_never_split_across_lines(docx, composed):
    body = "\n".join(plain(p) for p in docx.paragraphs)
    kept = {r.text for p in docx.paragraphs for r in p.runs if r._r.rPr.find(qn("w:rStyle")) is not None
            and r._r.rPr.find(qn("w:rStyle")).get(qn("w:val")) == gbt9704.NUMBER_STYLE_ID}
    assert len(composed.figures()) > 5
    for figure in composed.figures():
        assert figure.text in body
        # from its first digit, in the style no line break splits (gbt9704: Word's rules, LibreOffice's copy)
        number = figure.text[next(i for i, ch in enumerate(figure.text) if ch.isdigit()):]
        assert number in kept, figure.text
    # a reader who copies "53场次" out of the document finds "53场次": nothing invisible in the text
    assert not {"\u2060", "\u200b"} & set(body)


def test_every_run_has_its_east_asian_font(docx):
    parts = [docx.element.body]
    section = docx.sections[0]
    parts += [section.footer._element, section.even_page_footer._element]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert len(runs) > 40
    for r in runs:
        assert east_asia(r), r.xml[:200]


def test_unsealed_signature_block_one_issuing_body_a_line(docx, composed):
    lines = composed.signature_lines
    assert len(lines) == 2  # 中共甲镇委员会, 甲镇人民政府: 联合行文 (GB/T 9704 §7.3.5)
    block = docx.paragraphs[-len(lines) - 1:]
    *signatures, date = block
    assert docx.paragraphs[-len(lines) - 2].text == ""  # one blank line below the text
    assert [p.text for p in signatures] == lines
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.LEFT for p in block)  # placed by their first characters

    def start(p):  # from the left margin to the first character, in points
        return p.paragraph_format.left_indent.pt

    def right_space(p):  # in characters as set
        return (gbt9704.TEXT_WIDTH.pt - start(p) - gbt9704.text_points(p.text)) / gbt9704.SET_CHARACTER.pt

    assert len({start(p) for p in signatures}) == 1  # the bodies start in one column
    assert abs(min(right_space(p) for p in [*signatures, date]) - 2) < 0.01  # 右空二字
    assert abs(start(date) - start(signatures[0]) - 2 * gbt9704.SET_CHARACTER.pt) < 0.01  # date 2 characters right
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


def test_document_properties_are_the_report_s(docx, composed):
    props = docx.core_properties
    assert (props.title, props.subject) == (composed.title, "法治政府建设年度报告")
    assert props.author == props.last_modified_by == "甲镇"
    assert props.created.date() == props.modified.date() == composed.dated  # the 成文日期, not today


def test_stored_control_characters_print_as_line_breaks_or_nothing(ledgers, year, clerk):
    """Text stored before input was cleaned (or imported) may hold Word's manual line break \\x0b and other
    control characters; the .docx writer turns \\x0b into a line break and drops the rest instead of failing."""
    report = report_get_or_new(ledgers, year)
    report.created_by = clerk
    report.save()
    AnnualReport.objects.filter(pk=report.pk).update(
        title="甲镇\x0b2025年度\x01报告\x0c", intro_text="第一段\x0b第二行\x1f。", addressee="县委\x08、县政府")
    doc = Document(io.BytesIO(render_docx(compose_report(AnnualReport.objects.get(pk=report.pk)))))
    assert doc.paragraphs[0].text == "甲镇\n2025年度报告"  # Word's manual line break, as a line break
    assert doc.core_properties.title == "甲镇 2025年度报告"
    assert doc.paragraphs[2].text == "县委、县政府："
    body = "\n".join(plain(p) for p in doc.paragraphs)
    assert "第一段" in body and "第二行。" in body
