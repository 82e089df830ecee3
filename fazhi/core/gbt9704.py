"""The national official-document format (GB/T 9704-2012) for every .docx Fazhi writes.

A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (right 26 mm, bottom 35 mm); 22 lines
of 28 characters: body 3号仿宋 on an exact 28.95 pt line pitch (22 × 28.95 pt fills
the 225 mm block, a 23rd line would not fit). Title 2号小标宋 centred, "一、" 黑体,
"（一）" 楷体; unsealed signature block (§7.3.5.2); page numbers "— 1 —" in 4号宋体,
odd pages right and even pages left, one character in from the edge.
"""
from __future__ import annotations

import io
import math

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from fazhi.core import docx_fonts as fonts

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = Pt(28.95)  # 579 twips; 22 lines = 636.9 pt ≤ 225 mm (637.8 pt) < 23 lines
CHAR_WIDTH = Pt(16)  # one character of 3号 body text
# 28 characters in 156 mm (442.2 pt) need 15.79 pt each: condense 3号 text to the next 1/20 pt below,
# i.e. by 0.25 pt (28 × 15.75 pt = 441 pt).
CHARACTER_SPACING_PT = math.floor((Emu(TEXT_WIDTH).pt / CHARS_PER_LINE - CHAR_WIDTH.pt) * 20) / 20
PAGE_NUMBER_INDENT = Pt(14)  # "空一字" at 4号
# The footer line (14 pt) is placed so that its dashes sit about 7 mm below the text block.
FOOTER_DISTANCE = Mm(25.5)


def text_width(text: str) -> float:
    """Width in full-width characters: ASCII (half-width digits, letters) counts one half."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def signature_layout(signature: str, date_text: str) -> tuple[float, float]:
    """(right space of 署名, right space of 成文日期), in characters, per GB/T 9704 §7.3.5.2."""
    sig, date = text_width(signature), text_width(date_text)
    sig_right = 2.0
    date_right = sig_right + sig - 2 - date
    if date_right < 2:  # the date is longer: it keeps 2 characters and the 署名 moves left
        date_right = 2.0
        sig_right = date_right + date + 2 - sig
    return sig_right, date_right


def new_document(*, title: str, author: str) -> DocumentObject:
    """An empty document with the GB/T 9704 page, grid, body style and page numbers."""
    doc = Document()
    _setup_page(doc)
    _setup_normal_style(doc)
    _page_numbers(doc)
    doc.core_properties.title = title
    doc.core_properties.author = author
    doc.core_properties.last_modified_by = author
    return doc


def to_bytes(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _setup_page(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.gutter = Mm(0)
    section.footer_distance = FOOTER_DISTANCE
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    # A line grid only: Word and LibreOffice agree on it, while a character grid
    # (linesAndChars) is rendered with double-width cells by LibreOffice.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    grid.attrib.pop(qn("w:charSpace"), None)


def _setup_normal_style(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    fonts.apply_document_defaults(doc, fonts.BODY)
    fonts.apply_style_font(normal, fonts.BODY)
    fonts.set_character_spacing(normal, CHARACTER_SPACING_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing = LINE_PITCH
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = CHAR_WIDTH * 2
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = False  # keeps the fixed 22-line grid on every page


def paragraph(doc, *, indent: bool = True, align=WD_ALIGN_PARAGRAPH.JUSTIFY) -> DocxParagraph:
    """A paragraph with the body layout set directly (not only inherited), so every reader sees it."""
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing = LINE_PITCH
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = CHAR_WIDTH * 2 if indent else Pt(0)
    fmt.alignment = align
    return p


def title(doc, lines: list[str]) -> None:
    p = paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, line in enumerate(lines):
        run = fonts.add_run(p, line, fonts.TITLE)
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def heading(doc, text: str) -> None:
    """A first-level heading "一、……" in 黑体."""
    fonts.add_run(paragraph(doc), text, fonts.HEADING_1)


def body(doc, text: str) -> None:
    fonts.add_run(paragraph(doc), text, fonts.BODY)


def signature(doc, signature_text: str, date_text: str) -> None:
    """§7.3.5.2: one blank line, 署名 right with 2 characters of space, the date on the next line."""
    sig_right, date_right = signature_layout(signature_text, date_text)
    paragraph(doc, indent=False)
    for text, right_chars in ((signature_text, sig_right), (date_text, date_right)):
        p = paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = Pt(CHAR_WIDTH.pt * right_chars)
        fonts.add_run(p, text, fonts.BODY)


def _page_numbers(doc: DocumentObject) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _page_number(p: DocxParagraph, *, odd: bool) -> None:
    fmt = p.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing = Pt(fonts.PAGE_NUMBER.size_pt)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.space_before = fmt.space_after = Pt(0)
    if odd:
        fmt.alignment, fmt.right_indent = WD_ALIGN_PARAGRAPH.RIGHT, PAGE_NUMBER_INDENT
    else:
        fmt.alignment, fmt.left_indent = WD_ALIGN_PARAGRAPH.LEFT, PAGE_NUMBER_INDENT
    fonts.add_run(p, "— ", fonts.PAGE_NUMBER)
    _field(p, "PAGE")
    fonts.add_run(p, " —", fonts.PAGE_NUMBER)


def _field(p: DocxParagraph, instruction: str) -> None:
    """A complex field (begin · instruction · separate · cached result · end), each run in the page-number font."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        fonts.add_run(p, "", fonts.PAGE_NUMBER)._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    fonts.add_run(p, "", fonts.PAGE_NUMBER)._r.append(instr)
    char("separate")
    fonts.add_run(p, "1", fonts.PAGE_NUMBER)
    char("end")
