"""The national official-document format (GB/T 9704-2012) for every .docx Fazhi writes.

A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (right 26 mm, bottom 35 mm); 22 lines of
28 characters. Title 2号小标宋 centred, "一、" 黑体, "（一）" 楷体; unsealed signature block
(§7.3.5.2); page numbers "— 1 —" in 4号宋体, odd pages right and even pages left, one
character in from the edge.

The grid. The section declares the standard grid, ``linesAndChars`` with a 28.95 pt line pitch
and a character pitch of 15.75 pt, 156 mm / 28 in whole twips (``w:charSpace`` is that pitch minus
the docDefaults font size, 16 pt, in 1/4096 pt), so Word's 页面设置 shows 每行 28 字、每页 22 行.
Word places snapped characters on that pitch; LibreOffice (7.4, sw fntcache) instead gives a snapped
character a whole number of cells, ceil(16 / 15.75) = 2, which is the "double-width cells" it
shows: no docDefaults or East Asian size can avoid that, because 28 characters of 3号 do not
fit 156 mm unsqueezed (28 × 16 pt = 448 pt > 442.2 pt). So the body (the Normal style) does
not snap to the grid and carries the grid's metrics itself: lines exactly 28.95 pt apart
(22 × 28.95 pt fills the 225 mm block, a 23rd line would not fit) and characters condensed to
15.65 pt (see CHARACTER_SPACING_PT). Word and LibreOffice then lay out the same 28 × 22 page.

Numbers. LibreOffice breaks Chinese text between any two characters (its CJK break iterator
only applies the kinsoku lists; it even splits "1.|6"), so ``add_text`` keeps a number with its
measure word ("2025年", "38件", "97.3%") and any span the caller marks (a report figure) on one
line: U+2060 WORD JOINER between their characters (Unicode UAX #14 class WJ: no break on
either side) and the language "und" on those runs, so LibreOffice breaks them with its Unicode
(ICU) iterator, which honours the joiner. Text read back from our files strips U+2060
(fazhi/oversight/extraction/normalise.py).
"""
from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
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
# 28 characters in 156 mm (442.2 pt) need at most 15.79 pt each. LibreOffice narrows a line under a
# character grid to a whole number of its cells, which it reckons in whole twips and 1/100 mm (15.73 pt),
# i.e. to 440.5 pt: condense 3号 text by 0.35 pt, to 15.65 pt a character, so 28 fit there (438.2 pt;
# 26 after the 2-character indent) and in Word, and 29 nowhere.
CHARACTER_SPACING_PT = -0.35
PAGE_NUMBER_INDENT = Pt(14)  # "空一字" at 4号
# The footer line (14 pt) is placed so that its dashes sit about 7 mm below the text block.
FOOTER_DISTANCE = Mm(25.5)
TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) characters in 156 mm

WORD_JOINER = "\u2060"
NO_BREAK_LANGUAGE = "und"  # see the module docstring: LibreOffice's Unicode break iterator honours WORD JOINER
_MEASURE_WORDS = (
    "个百分点|百分点|平方米|公里|课时|学时|小时|人次|户次|场次|余人|万元|亿元|年度|月份|"
    "[年月日时分秒个件份场次人名户家起项条期篇元所村批册张套本台辆处类部轮堂节岁天周号届位支队组座间]"
)
# A number with its multiplier and measure word ("1.6万余份", "97.3%", "2025年度"), or a Latin word.
NUMBER_WITH_UNIT = re.compile(
    rf"[0-9０-９]+(?:[.．,][0-9０-９]+)*(?:[万亿千百]?[余多]?)(?:[%％‰]|{_MEASURE_WORDS})?|[A-Za-z]+(?:[-.][A-Za-z0-9]+)*"
)


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


def signature_block_layout(lines: Sequence[str], date_text: str) -> tuple[list[float], float]:
    """Right space of each 署名 line and of the date, in characters (§7.3.5.2, 联合行文 one body a line).

    The 署名 lines start in one column, the longest keeping 2 characters of right space; the date's
    first character is 2 characters right of that column (or the date keeps 2 and the block moves left).
    """
    widest = max(lines, key=text_width)
    block_right, date_right = signature_layout(widest, date_text)
    return [block_right + text_width(widest) - text_width(line) for line in lines], date_right


def new_document(*, title: str, author: str, subject: str = "", dated: dt.date | None = None) -> DocumentObject:
    """An empty document with the GB/T 9704 page, grid, body style and page numbers.

    Its properties say what it is: ``title``, ``subject``, the issuing body (``author``) as author,
    last editor and company, and created/modified on the 成文日期 ``dated`` (today when it has none);
    none of the template's leftovers (python-docx's description, a 2013 date, "Microsoft Macintosh
    Word", a thumbnail of another document, a bibliography part) remain.
    """
    doc = Document()
    _setup_page(doc)
    _setup_normal_style(doc)
    _page_numbers(doc)
    _properties(doc, title=title, author=author, subject=subject, dated=dated)
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
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    grid.set(qn("w:charSpace"), str(char_space(section)))


def char_space(section) -> int:
    """``w:charSpace`` (ECMA-376 §17.6.5): the character pitch minus the docDefaults font size (16 pt), in
    1/4096 pt. The pitch is the text block's width over 28 in whole twips (15.75 pt), so that 28 and only
    28 fit: -1024."""
    width_twips = Emu(section.page_width - section.left_margin - section.right_margin).twips
    pitch_pt = (width_twips // CHARS_PER_LINE) / 20
    return math.floor((pitch_pt - CHAR_WIDTH.pt) * 4096)


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
    _snap_to_grid_off(normal.element.get_or_add_pPr())


def _snap_to_grid_off(ppr) -> None:
    """The body carries the grid's metrics itself (see the module docstring). CT_PPrBase puts
    snapToGrid before spacing, ind and jc."""
    snap = ppr.find(qn("w:snapToGrid"))
    if snap is None:
        snap = OxmlElement("w:snapToGrid")
        later = [el for el in (ppr.find(qn(tag)) for tag in ("w:spacing", "w:ind", "w:jc")) if el is not None]
        if later:
            later[0].addprevious(snap)
        else:
            ppr.append(snap)
    snap.set(qn("w:val"), "0")


# ---------------------------------------------------------------- document properties

APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>法治工作台</Application><DocSecurity>0</DocSecurity><Company>{company}</Company>"
    "</Properties>"
)


def _properties(doc: DocumentObject, *, title: str, author: str, subject: str, dated: dt.date | None) -> None:
    from django.utils import timezone

    title, author, subject = (fonts.clean_text(v).replace("\n", " ").strip() for v in (title, author, subject))
    props = doc.core_properties
    props.title, props.subject, props.author, props.last_modified_by = title, subject, author, author
    props.comments = props.keywords = props.category = props.content_status = ""
    props.identifier = props.version = ""
    props.language = "zh-CN"
    props.revision = 1
    props.created = props.modified = _noon_in_beijing(dated or timezone.localdate())
    package = doc.part.package
    for rels, unwanted in ((package.rels, RT.THUMBNAIL), (doc.part.rels, RT.CUSTOM_XML)):
        for rid in [rid for rid, rel in rels.items() if rel.reltype == unwanted]:
            del rels[rid]
    app = package.part_related_by(RT.EXTENDED_PROPERTIES)
    app._blob = APP_PROPERTIES.format(company=escape(author)).encode("utf-8")
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _noon_in_beijing(day: dt.date) -> dt.datetime:
    """The 成文日期 as a time (UTC, as core.xml stores it): noon in Beijing, so every reader between
    UTC-4 and UTC+12 shows the same calendar day."""
    beijing = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.combine(day, dt.time(12), tzinfo=beijing).astimezone(dt.timezone.utc)


# ---------------------------------------------------------------- blocks

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


def add_text(p: DocxParagraph, pieces: Sequence[tuple[str, fonts.FontSpec, bool]]) -> None:
    """Runs of ``(text, font, keep_whole)``: numbers with their measure words, and every piece marked
    ``keep_whole``, never break across lines (see the module docstring)."""
    pieces = [(fonts.clean_text(text), spec, keep) for text, spec, keep in pieces]
    text = "".join(t for t, _, _ in pieces)
    specs = [spec for t, spec, _ in pieces for _ in t]
    joined = [False] * len(text)  # joined[i]: no line break between text[i] and text[i + 1]
    start = 0
    for t, _, keep in pieces:
        if keep and len(t) > 1:
            joined[start:start + len(t) - 1] = [True] * (len(t) - 1)
        start += len(t)
    for match in NUMBER_WITH_UNIT.finditer(text):
        joined[match.start():match.end() - 1] = [True] * (match.end() - match.start() - 1)
    whole = [joined[i] or (i > 0 and joined[i - 1]) for i in range(len(text))]
    groups = itertools.groupby(range(len(text)), key=lambda i: (specs[i], whole[i]))
    for (_, kept), positions in groups:
        positions = list(positions)
        run_text = "".join(text[i] + (WORD_JOINER if joined[i] else "") for i in positions)
        run = fonts.add_run(p, run_text, specs[positions[0]])
        if kept:
            _language(run, NO_BREAK_LANGUAGE)


def _language(run, tag: str) -> None:
    rpr = run._r.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # last in CT_RPr among what we write (rFonts, b, sz)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def signature(doc, signature_lines: str | Sequence[str], date_text: str) -> None:
    """§7.3.5.2: one blank line, then the 署名 (joint issuing bodies one per line, §7.3.5), right with
    2 characters of space, and the 成文日期 on the next line, its first character 2 characters right of
    the 署名's. A single string is one 署名 line."""
    lines = [signature_lines] if isinstance(signature_lines, str) else [line for line in signature_lines if line]
    lines = lines or [""]
    rights, date_right = signature_block_layout(lines, date_text)
    paragraph(doc, indent=False)
    for text, right_chars in [*zip(lines, rights), (date_text, date_right)]:
        p = paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = Pt(CHAR_WIDTH.pt * right_chars)
        fonts.add_run(p, text, fonts.BODY)


# ---------------------------------------------------------------- title lines

_TITLE_BREAK_BEFORE = (("关于", 0), ("法治政府建设", 2), ("法治建设", 2), ("法治政府", 2), ("政府信息公开", 2),
                       ("工作情况", 3), ("情况", 3), ("工作报告", 3), ("工作安排", 3))
_TITLE_BREAK_AFTER = (("委员会", 1), ("人民政府", 1), ("办事处", 1), ("党工委", 1))
_TITLE_UNBREAKABLE = re.compile(r"[0-9０-９]+(?:年度|年|月份|月|日)?|[A-Za-z]+|[（《“‘(\[].|.[）》”’)\]、，。：；]")
_ANYWHERE = 20  # between two characters not covered above: allowed, but only when nothing better fits


def title_lines(text: str, width: float = TITLE_CHARS_PER_LINE) -> list[str]:
    """A long title broken the way official documents break it (GB/T 9704 §7.3.3: 梯形 or 菱形): as
    few lines as fit, each at most ``width`` characters, as even as possible, at a natural point
    (a space between joint issuing bodies, before "关于", after an issuing body, before "法治政府建设",
    before "情况"), never inside a number with its "年"/"年度", and never a lone few characters last."""
    text = text.strip()
    total = text_width(text)
    if total <= width:
        return [text]
    costs = _title_break_costs(text)
    for count in range(math.ceil(total / width), len(text) + 1):
        lines = _best_cut(text, costs, count, width)
        if lines:
            return lines
    return [text]


def _best_cut(text: str, costs: dict[int, float], count: int, width: float) -> list[str] | None:
    """The cheapest split into ``count`` lines (dynamic programming over the break points): squared
    distance of each line from the average width, plus the break points' costs."""
    target = text_width(text) / count
    ends = [*sorted(costs), len(text)]
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    for lines in range(1, count + 1):
        for end in ends:
            if (end == len(text)) != (lines == count):
                continue
            candidates = []
            for (done, start), (cost, cut) in best.items():
                if done != lines - 1 or start >= end:
                    continue
                line_width = text_width(text[start:end].strip())
                if line_width > width:
                    continue
                line_cost = (line_width - target) ** 2 + (4 * costs[end] if end < len(text) else 0)
                if end == len(text) and line_width < target / 2:
                    line_cost += width ** 2  # a lone few characters on the last line
                candidates.append((cost + line_cost, [*cut, end]))
            if candidates:
                best[(lines, end)] = min(candidates, key=lambda c: c[0])
    found = best.get((count, len(text)))
    if found is None:
        return None
    bounds = [0, *found[1]]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _title_break_costs(text: str) -> dict[int, float]:
    """Where a title may break (index of the next line's first character) and how natural it is."""
    costs: dict[int, float] = {i: _ANYWHERE for i in range(1, len(text))}
    for match in _TITLE_UNBREAKABLE.finditer(text):
        for i in range(match.start() + 1, match.end()):
            costs.pop(i, None)
    for i, ch in enumerate(text):
        if ch.isspace():
            costs.pop(i, None)
            costs[i + 1] = 0  # the space itself is dropped at a line end
    for marker, cost in _TITLE_BREAK_BEFORE:
        for match in re.finditer(re.escape(marker), text):
            if match.start() in costs:
                costs[match.start()] = min(costs[match.start()], cost)
    for marker, cost in _TITLE_BREAK_AFTER:
        for match in re.finditer(re.escape(marker), text):
            if match.end() in costs:
                costs[match.end()] = min(costs[match.end()], cost)
    return costs


# ---------------------------------------------------------------- page numbers

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
