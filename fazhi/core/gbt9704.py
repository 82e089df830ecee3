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

Numbers. A number stays on one line with its measure word ("2025年", "38件", "97.3%", "1.6万余份"), and
a marked figure from its first digit on ("较上年增加|16件"), without a single character added to the
text a reader copies or searches. ``add_text`` puts each such span in a run of the character style
"数字与计量单位" (NUMBER_STYLE_ID, no formatting of its own), and the document's line-breaking rules for
Simplified Chinese (``w:noLineBreaksAfter`` / ``w:noLineBreaksBefore``, ECMA-376 §17.15.1.59-60) forbid
a break after a digit and before a measure word, as Word and WPS apply them. LibreOffice (7.4) ignores
those rules and breaks Chinese text between any two characters (even "1.|6"), so the copy it converts to
PDF goes through ``prepare_for_libreoffice``: each run of that style gets U+2060 WORD JOINER between
its characters and the language "und" (LibreOffice's Unicode break iterator honours the joiner, its CJK
one does not), and a U+200B ZERO WIDTH SPACE stands before it and wherever a Chinese character meets a
Latin letter or digit. Both draw nothing and are not in the PDF's text. The zero width space keeps the
line breakable there, stops the space LibreOffice adds between Chinese and digits (it ignores
``w:autoSpaceDE`` / ``w:autoSpaceDN``, which are off for Word), so "2025年" looks the same in the title, a
heading and the body. A kept number takes the closing punctuation after it into its run ("38件，"):
LibreOffice lost a "，" or "、" hanging at the end of a line where the language changed.
"""
from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from fazhi.core import docx_fonts as fonts

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)  # 156 mm
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
ZERO_WIDTH_SPACE = "\u200b"
NO_BREAK_LANGUAGE = "und"  # LibreOffice's Unicode break iterator honours WORD JOINER; its CJK one does not
NUMBER_STYLE_ID, NUMBER_STYLE_NAME = "NumberWithUnit", "数字与计量单位"
SIGNATURE_STYLE_ID, SIGNATURE_STYLE_NAME = "Signature", "落款"
_MULTI_MEASURE_WORDS = ("个百分点", "百分点", "平方米", "公里", "课时", "学时", "小时", "人次", "户次", "场次",
                        "余人", "万元", "亿元", "年度", "月份")
_SINGLE_MEASURE_WORDS = "年月日时分秒个件份场次人名户家起项条期篇元所村批册张套本台辆处类部轮堂节岁天周号届位支队组座间"
_MEASURE_WORDS = "|".join(_MULTI_MEASURE_WORDS) + f"|[{_SINGLE_MEASURE_WORDS}]"
# A number with its multiplier and measure word ("1.6万余份", "97.3%", "2025年度"), or a Latin word.
NUMBER_WITH_UNIT = re.compile(
    rf"[0-9０-９]+(?:[.．,][0-9０-９]+)*(?:[万亿千百]?[余多]?)(?:[%％‰]|{_MEASURE_WORDS})?|[A-Za-z]+(?:[-.][A-Za-z0-9]+)*"
)
_DIGIT = re.compile("[0-9０-９]")
# Word's default line-breaking rules for Simplified Chinese (Options › Typography), extended so that no line
# ends with a digit or decimal point and none starts with a measure word (or the 余/多 after 万).
_NO_BREAK_BEFORE = ("!%),.:;?]}¢°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠"
                    + "".join(dict.fromkeys("余多" + _SINGLE_MEASURE_WORDS + "".join(w[1:] for w in _MULTI_MEASURE_WORDS))))
_NO_BREAK_AFTER = "$(£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥" + "0123456789.０１２３４５６７８９"


def text_width(text: str) -> float:
    """Width in full-width characters: ASCII (half-width digits, letters) counts one half."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


# The body's characters as set: 3号 condensed by CHARACTER_SPACING_PT (see the module docstring).
SET_CHARACTER = Pt(CHAR_WIDTH.pt + CHARACTER_SPACING_PT)
# Half-width digits and Latin letters in 仿宋_GB2312, the official face Word and WPS draw them in.
HALF_WIDTH_EM = 0.5


def text_points(text: str, ascii_em: Mapping[str, float] | None = None) -> float:
    """How wide ``text`` is set in the body font, in points: full-width characters at 1 em, ASCII at
    half an em or what ``ascii_em`` says for the face that draws them, each condensed by
    CHARACTER_SPACING_PT. A joiner or zero width space (only in the copy for LibreOffice) draws nothing
    but takes the condensing off its neighbour in LibreOffice (measured in its PDFs)."""
    ascii_em = ascii_em or {}
    return sum(-CHARACTER_SPACING_PT if ch in (WORD_JOINER, ZERO_WIDTH_SPACE) else
               (ascii_em.get(ch, HALF_WIDTH_EM) if ord(ch) < 128 else 1.0) * CHAR_WIDTH.pt + CHARACTER_SPACING_PT
               for ch in text)


def signature_block_starts(lines: Sequence[str], date_text: str, *,
                           ascii_em: Mapping[str, float] | None = None) -> tuple[float, float]:
    """Where the 署名 column and the 成文日期 start, in points from the left margin (GB/T 9704 §7.3.5.2,
    unsealed): the 署名 lines (联合行文 one body a line, §7.3.5) start in one column, the widest keeping
    2 characters of right space, and the date's first character is 2 characters right of that column;
    when the date is the longer, it keeps the 2 characters and the column moves left."""
    two = 2 * SET_CHARACTER.pt
    right = TEXT_WIDTH.pt - two
    widest = max(text_points(line, ascii_em) for line in lines)
    column = right - widest
    date_start = column + two
    overrun = date_start + text_points(date_text, ascii_em) - right
    if overrun > 0:
        column, date_start = column - overrun, date_start - overrun
    return max(column, 0.0), max(date_start, 0.0)


def signature_layout(signature: str, date_text: str) -> tuple[float, float]:
    """(right space of 署名, right space of 成文日期), in characters (``signature_block_starts``)."""
    column, date_start = signature_block_starts([signature], date_text)
    right = TEXT_WIDTH.pt
    return ((right - column - text_points(signature)) / SET_CHARACTER.pt,
            (right - date_start - text_points(date_text)) / SET_CHARACTER.pt)


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
    ppr = normal.element.get_or_add_pPr()
    _switch_off(ppr, "w:snapToGrid")  # the body carries the grid's metrics itself (see the module docstring)
    _switch_off(ppr, "w:autoSpaceDE")  # no added space between Chinese and Latin letters
    _switch_off(ppr, "w:autoSpaceDN")  # ... nor digits
    _line_breaking_rules(doc)


_PPR_ORDER = ("w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc")


def _switch_off(ppr, tag: str) -> None:
    """An on/off paragraph property set to off, in its place in CT_PPrBase."""
    element = ppr.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        later = [ppr.find(qn(t)) for t in _PPR_ORDER[_PPR_ORDER.index(tag) + 1:]]
        later = [el for el in later if el is not None]
        if later:
            later[0].addprevious(element)
        else:
            ppr.append(element)
    element.set(qn("w:val"), "0")


def _line_breaking_rules(doc: DocumentObject) -> None:
    """Simplified Chinese line-breaking rules (ECMA-376 §17.15.1.59-60) that keep numbers with their
    measure words in Word and WPS: CT_Settings puts them right after w:characterSpacingControl."""
    settings = doc.settings.element
    for tag in ("w:noLineBreaksAfter", "w:noLineBreaksBefore"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    anchor = settings.find(qn("w:characterSpacingControl"))
    for tag, characters in (("w:noLineBreaksBefore", _NO_BREAK_BEFORE), ("w:noLineBreaksAfter", _NO_BREAK_AFTER)):
        element = OxmlElement(tag)
        element.set(qn("w:lang"), "zh-CN")
        element.set(qn("w:val"), characters)
        if anchor is not None:
            anchor.addnext(element)
        else:
            settings.append(element)


# ---------------------------------------------------------------- document properties

APPLICATION = "法治工作台"  # docProps/app.xml: which documents are ours (prepare_for_libreoffice)
APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity><Company>{company}</Company>"
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
    app._blob = APP_PROPERTIES.format(application=APPLICATION, company=escape(author)).encode("utf-8")
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
    """Runs of ``(text, font, keep_whole)``: every number with its measure word, and every piece marked
    ``keep_whole`` from its first digit on, in a run of the style NUMBER_STYLE_ID, which no line break
    splits (see the module docstring). The text itself is exactly what was given."""
    pieces = [(fonts.clean_text(text), spec, keep) for text, spec, keep in pieces]
    text = "".join(t for t, _, _ in pieces)
    specs = [spec for t, spec, _ in pieces for _ in t]
    kept = [False] * len(text)
    start = 0
    for t, _, keep in pieces:
        digit = _DIGIT.search(t) if keep else None
        if digit and len(t) - digit.start() > 1:
            kept[start + digit.start():start + len(t)] = [True] * (len(t) - digit.start())
        start += len(t)
    for match in NUMBER_WITH_UNIT.finditer(text):
        if match.end() - match.start() > 1:
            kept[match.start():match.end()] = [True] * (match.end() - match.start())
    for (spec, keep), positions in itertools.groupby(range(len(text)), key=lambda i: (specs[i], kept[i])):
        run = fonts.add_run(p, "".join(text[i] for i in positions), spec)
        if keep:
            _number_style(p.part)
            run._r.get_or_add_rPr().style = NUMBER_STYLE_ID


def _number_style(part) -> None:
    """The character style of kept numbers, added to the document the first time it is used."""
    styles = part.styles
    if styles.element.get_by_id(NUMBER_STYLE_ID) is None:  # one XPath, not a Python walk over every style
        style = styles.add_style(NUMBER_STYLE_NAME, WD_STYLE_TYPE.CHARACTER)
        style.style_id = NUMBER_STYLE_ID
        style.hidden = False


def signature(doc, signature_lines: str | Sequence[str], date_text: str) -> None:
    """§7.3.5.2 (unsealed): one blank line, then the 署名 (joint issuing bodies one per line, §7.3.5)
    starting in one column with the widest line 2 characters from the right margin, and the 成文日期 on the
    next line, its first character 2 characters right of that column (``signature_block_starts``). Each
    line starts at a left indent, so the first characters' positions do not depend on how wide the
    digits are drawn (the widths of Word's official face; ``prepare_for_libreoffice`` redoes them for the
    face LibreOffice draws them in). The block never stands alone on a page: the last lines of the paragraph before it
    (at least two, by widow control) keep with it. A single string is one 署名 line."""
    lines = [signature_lines] if isinstance(signature_lines, str) else [line for line in signature_lines if line]
    lines = lines or [""]
    column, date_start = signature_block_starts(lines, date_text)
    last = _last_paragraph(doc)
    if last is not None:
        last.paragraph_format.keep_with_next = True
        last.paragraph_format.widow_control = True
    blank = paragraph(doc, indent=False)
    blank.paragraph_format.keep_with_next = True
    _signature_style(doc.part)
    for text, start in [*((line, column) for line in lines), (date_text, date_start)]:
        p = paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
        p._p.get_or_add_pPr().get_or_add_pStyle().val = SIGNATURE_STYLE_ID
        p.paragraph_format.left_indent = Pt(round(start, 2))
        p.paragraph_format.keep_with_next = text is not date_text
        fonts.add_run(p, text, fonts.BODY)


def _signature_style(part) -> None:
    """The paragraph style of the signature block (the Normal style by another name), so that the copy for
    LibreOffice can place the block by the digits of the face that draws it (``prepare_for_libreoffice``)."""
    styles = part.styles
    if not any(style.style_id == SIGNATURE_STYLE_ID for style in styles):
        style = styles.add_style(SIGNATURE_STYLE_NAME, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = SIGNATURE_STYLE_ID
        style.base_style = styles["Normal"]


def _last_paragraph(doc) -> DocxParagraph | None:
    """The body's last block if it is a paragraph (not a table)."""
    blocks = [el for el in doc.element.body if el.tag != qn("w:sectPr")]
    if blocks and blocks[-1].tag == qn("w:p"):
        return DocxParagraph(blocks[-1], doc._body)
    return None


# ---------------------------------------------------------------- the copy LibreOffice converts

def prepare_for_libreoffice(data: bytes, *, ascii_em: Mapping[str, float] | None = None) -> bytes:
    """The copy of one of our .docx files that LibreOffice converts to PDF (see the module docstring):
    every run of the style NUMBER_STYLE_ID joined by WORD JOINER in the language "und" with the closing
    punctuation after it (``_join_for_libreoffice``), and ZERO WIDTH
    SPACEs as ``_break_hints`` places them, all in the language "und" (``_one_language``). Any other .docx (not written by APPLICATION) comes back
    unchanged. ``ascii_em``: the widths of digits and Latin letters in the face that will draw the body
    (fazhi/core/pdf.py: the stand-in's), to place the signature block by them."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        ours = b"<Application>" + APPLICATION.encode() + b"</Application>" in package.read("docProps/app.xml")
        xml = package.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError):
        return data
    if not ours:
        return data
    root = parse_xml(xml)
    for run in root.iter(qn("w:r")):
        if _run_style(run) == NUMBER_STYLE_ID:
            _join_for_libreoffice(run)
    for p in root.iter(qn("w:p")):
        _break_hints(p)
    if ascii_em:
        _place_signatures(root, ascii_em)
    _one_language(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in package.infolist():
            content = package.read(info)
            if info.filename == "word/document.xml":
                content = _xml_bytes(root)
            elif info.filename == "word/styles.xml":
                styles = parse_xml(content)
                _one_language(styles)
                content = _xml_bytes(styles)
            target.writestr(info, content)
    return out.getvalue()


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_OPENING_PUNCTUATION = "（《「『〈【〔“‘([{"
_CLOSING_PUNCTUATION = "，。、；：！？）》」』〉】〕”’…%％‰,.;:!?)]}"


def _break_hints(p) -> None:
    """ZERO WIDTH SPACEs for LibreOffice, across runs: wherever a Chinese character meets a Latin letter or
    digit (not where a WORD JOINER already stands), which stops the space LibreOffice adds there (it ignores
    ``w:autoSpaceDE`` / ``DN``); and before every kept number unless an opening bracket or quote precedes
    it, which stops LibreOffice from losing punctuation hanging at a line's end next to the number."""
    previous = ""
    for run in p.iter(qn("w:r")):
        kept = _run_style(run) == NUMBER_STYLE_ID
        for t in run.iter(qn("w:t")):
            out = []
            for ch in t.text or "":
                scripts_meet = (_is_han(previous) and _is_latin(ch)) or (_is_latin(previous) and _is_han(ch))
                number_starts = kept and not out and previous and previous not in _OPENING_PUNCTUATION + WORD_JOINER
                if previous and (scripts_meet or number_starts) and previous != ZERO_WIDTH_SPACE:
                    out.append(ZERO_WIDTH_SPACE)
                out.append(ch)
                previous = ch
            t.text = "".join(out)
            kept = False  # only before the run's first character


def _one_language(root) -> None:
    """Every language in ``root`` (document.xml or styles.xml, whose document defaults always get one) set to
    NO_BREAK_LANGUAGE, so LibreOffice breaks every line with its Unicode break iterator.

    Its CJK one (zh-CN) lets "。，、；：" hang past the right margin, and in a justified line where part of the mark
    would have fitted (a digit or Latin letter narrower than a character earlier in the line) it does not draw
    the mark at all: "……均在规定时限内出具" with the "。" gone from the PDF (w:overflowPunct="0" does not reach
    it). Where the language changes inside a line it breaks a character or two early. In "und" no mark hangs:
    the character before goes down with it (as Word does when it does not compress), so GB/T 15834-2011
    §5.1.1 (句号、逗号、顿号、分号、冒号……不出现在一行之首) holds and nothing is lost. The fonts are named in
    each run (w:rFonts), so the language does not choose them."""
    for lang in root.iter(qn("w:lang")):
        lang.set(qn("w:val"), NO_BREAK_LANGUAGE)
        lang.set(qn("w:eastAsia"), NO_BREAK_LANGUAGE)
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), NO_BREAK_LANGUAGE)
        lang.set(qn("w:eastAsia"), NO_BREAK_LANGUAGE)
        later = [el for el in rpr if el.tag in (qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath"))]
        if later:  # CT_RPr: w:lang comes before these three
            later[0].addprevious(lang)
        else:
            rpr.append(lang)


def _place_signatures(root, ascii_em: Mapping[str, float]) -> None:
    """Each signature block (consecutive paragraphs of the style SIGNATURE_STYLE_ID, the date last)
    placed again by ``signature_block_starts`` with the given widths of digits and Latin letters."""
    def style(p) -> str | None:
        ppr = p.find(qn("w:pPr"))
        element = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return element.get(qn("w:val")) if element is not None else None

    for signs, group in itertools.groupby(root.iter(qn("w:p")), key=lambda p: style(p) == SIGNATURE_STYLE_ID):
        if not signs:
            continue
        block = list(group)
        texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in block]
        column, date_start = signature_block_starts(texts[:-1] or [""], texts[-1], ascii_em=ascii_em)
        for p, start in zip(block, [column] * (len(block) - 1) + [date_start]):
            ind = p.find(qn("w:pPr")).find(qn("w:ind"))
            if ind is not None:
                ind.set(qn("w:left"), str(round(start * 20)))


def _xml_bytes(element) -> bytes:
    from lxml import etree

    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _run_style(run) -> str | None:
    rpr = run.find(qn("w:rPr"))
    style = rpr.find(qn("w:rStyle")) if rpr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def _join_for_libreoffice(run) -> None:
    """The kept run joined, in the language "und", with the closing punctuation that follows it: LibreOffice
    loses punctuation hanging at a line's end when it begins a run in another language."""
    texts = run.findall(qn("w:t"))
    following = run.getnext()
    if texts and following is not None and following.tag == qn("w:r") and _run_style(following) != NUMBER_STYLE_ID:
        content = [el for el in following if el.tag != qn("w:rPr")]
        if content and content[0].tag == qn("w:t") and content[0].text:
            rest = content[0].text.lstrip(_CLOSING_PUNCTUATION)
            texts[-1].text = (texts[-1].text or "") + content[0].text[:len(content[0].text) - len(rest)]
            content[0].text = rest
    for t in texts:
        t.text = WORD_JOINER.join(t.text or "")
    for t in texts[1:]:
        t.text = WORD_JOINER + t.text
    rpr = run.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # last in CT_RPr among what we write (rStyle, rFonts, b, sz)
    lang.set(qn("w:val"), NO_BREAK_LANGUAGE)
    lang.set(qn("w:eastAsia"), NO_BREAK_LANGUAGE)


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


# ---------------------------------------------------------------- letters (信函格式) and sealed signatures

LETTERHEAD_RED = "FF0000"
SEAL_BLANK_LINES = 2  # lines left for the seal between the body and the 署名 (``sealed_signature``)
SEALED_DATE_RIGHT_CHARS = 4  # 成文日期右空四字 (§7.3.5.1)


def letterhead(doc, issuing_body: str, number: str) -> None:
    """§10.1 信函格式: the 发文机关标志 (the issuing body's full name) centred in red 小标宋, a red double line
    under it (上粗下细), and the 发文字号 on the next line, 顶格居版心右边缘. A letter to one addressee is set this
    way rather than in the 文件格式 of §7.2.4, whose 发文字号 stands centred under a 版头 sized for documents sent
    down to many bodies; ``number`` may be empty (a document not yet issued), and the line is then left out."""
    p = paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    run = fonts.add_run(p, issuing_body, fonts.TITLE)
    run.font.color.rgb = RGBColor.from_string(LETTERHEAD_RED)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thickThinSmallGap"), ("w:sz", "24"), ("w:space", "4"), ("w:color", LETTERHEAD_RED)):
        bottom.set(qn(key), value)
    border.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(
        border, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", *_PPR_ORDER)
    if number:
        add_text(paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT), [(number, fonts.BODY, False)])


def sealed_signature(doc, issuing_body: str, date_text: str) -> None:
    """§7.3.5.1 加盖印章的公文, single issuing body: the 成文日期 右空四字, the 发文机关署名 above it centred on the
    date (以成文日期为准居中), and SEAL_BLANK_LINES empty lines between the body and the 署名, so the seal (a
    township's is 42 mm, about four lines) can stand with its top within one line of the body and press both the
    署名 and the date, which then sit at its centre and just below (居印章中心偏下). No "（印章）" text: the seal
    itself is pressed on the printed copy. Both lines are right-aligned by their right indents, so the date's place
    does not depend on how wide the face draws digits; the 署名's centring on the date uses the widths of Word's
    official face (``text_points``). The block keeps with the last lines of the paragraph before it."""
    last = _last_paragraph(doc)
    if last is not None:
        last.paragraph_format.keep_with_next = True
        last.paragraph_format.widow_control = True
    for _ in range(SEAL_BLANK_LINES):
        paragraph(doc, indent=False).paragraph_format.keep_with_next = True
    date_right = SEALED_DATE_RIGHT_CHARS * SET_CHARACTER.pt
    centred = date_right + (text_points(date_text) - text_points(issuing_body)) / 2
    for text, right in ((issuing_body, max(centred, 0.0)), (date_text, date_right)):
        p = paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = Pt(round(right, 2))
        p.paragraph_format.keep_with_next = text is not date_text
        fonts.add_run(p, text, fonts.BODY)
