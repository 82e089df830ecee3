"""The one place that sets fonts in generated .docx files (GB/T 9704-2012 typefaces).

python-docx's ``font.name`` writes only the ASCII/hAnsi slots of ``w:rFonts``; Chinese
text is drawn with the ``w:eastAsia`` font, which it leaves unset, so Word would fall
back to the theme font. Every run and the Normal style go through here instead.
"""
from __future__ import annotations

import functools
import re
from copy import deepcopy
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from docx.text.run import Run


@dataclass(frozen=True)
class FontSpec:
    name: str
    size_pt: float
    bold: bool = False


TITLE = FontSpec("方正小标宋简体", 22)  # 2号小标宋
BODY = FontSpec("仿宋_GB2312", 16)  # 3号仿宋
HEADING_1 = FontSpec("黑体", 16)  # "一、" 3号黑体
HEADING_2 = FontSpec("楷体_GB2312", 16)  # "（一）" 3号楷体
PAGE_NUMBER = FontSpec("宋体", 14)  # 4号半角宋体


def _set_rfonts(rpr, name: str) -> None:
    rfonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), name)
    rfonts.set(qn("w:hint"), "eastAsia")


def apply_font(run: Run, spec: FontSpec) -> Run:
    if run._element.rPr is None:
        # A new run (the common case: every run of a report, ~700 in the disclosure report): a copy of the run
        # properties the setters below make, built once per font. The setters walk python-docx's schema for each
        # child they add, a third of the .docx's rendering time (bench/RESULTS.md).
        run._element.insert(0, deepcopy(_run_properties(spec)))
        return run
    _set_run_font(run, spec)
    return run


def _set_run_font(run: Run, spec: FontSpec) -> None:
    run.font.size = Pt(spec.size_pt)
    run.font.bold = spec.bold
    _set_rfonts(run._element.get_or_add_rPr(), spec.name)


@functools.cache
def _run_properties(spec: FontSpec):
    scratch = Run(OxmlElement("w:r"), None)
    _set_run_font(scratch, spec)
    return scratch._element.rPr


def apply_style_font(style: ParagraphStyle, spec: FontSpec) -> None:
    style.font.size = Pt(spec.size_pt)
    style.font.bold = spec.bold
    _set_rfonts(style.element.get_or_add_rPr(), spec.name)


def apply_document_defaults(document, spec: FontSpec) -> None:
    """Replace the template's theme fonts (which Word prefers over named ones) in docDefaults."""
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is not None:
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme), None)
    _set_rfonts(rpr, spec.name)
    # The document grid's character pitch is reckoned from this size, so it must be the body size.
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(round(spec.size_pt * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")


def set_character_spacing(style: ParagraphStyle, points: float) -> None:
    """w:spacing in the style's rPr (python-docx has no API for it), placed before w:sz as the schema orders it."""
    rpr = style.element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        size = rpr.find(qn("w:sz"))
        if size is not None:
            size.addprevious(spacing)
        else:
            rpr.append(spacing)
    spacing.set(qn("w:val"), str(round(points * 20)))


# What XML 1.0 cannot hold (C0 controls other than tab and newline, U+FFFE/U+FFFF, lone
# surrogates) and DEL: stored text may carry any of them (pasted from Word, imported files).
UNSTORABLE = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text every .docx can hold: Word's manual line break (a vertical tab when copied out of Word)
    and CR/CRLF become a newline, which python-docx writes as a line break; the rest is dropped."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return UNSTORABLE.sub("", text)


def add_run(paragraph, text: str, spec: FontSpec) -> Run:
    """The one way text enters a generated .docx: cleaned (see ``clean_text``), in the GB/T 9704 font."""
    return apply_font(paragraph.add_run(clean_text(text)), spec)

TABLE = FontSpec("仿宋_GB2312", 10.5)  # 五号: the template's tables fit the 156 mm text block
TABLE_HEAD = FontSpec("黑体", 10.5)
TABLE_SMALL = FontSpec("仿宋_GB2312", 9)  # 小五, for the 15 columns of table 四
TABLE_SMALL_HEAD = FontSpec("黑体", 9)
