"""The annual disclosure report as a .docx: GB/T 9704 pages (fazhi.core.gbt9704) with the
2021 template's tables 二、三、四 laid out as the template prints them (merged header cells).

This is the document a township publishes: the working check of table 三 (一 + 二 = 三（七）+ 四) and its
explanations stay on the staff page, JSON and Excel. There is no forced page break: each part follows the last
on the same page. Tables keep whole rows on a page (w:cantSplit); table 三 is laid out to fit one page (a wide
label column, narrow count cells) and is kept on one page, starting a new one when the rest of the page is too
short, so no group of rows is split from its label and no row stands alone under a repeated header (its header
rows still repeat, w:tblHeader, should a page ever be too short for it); table 二 is kept whole on one page with
its heading (each of its four blocks carries its own 第二十条第（…）项 and column headers, so no header row of one
block could stand for the others; a break between blocks left the last block alone on a page);
table 四 is kept on one page. A heading, and the sentence under it, stay with what follows.

Body text goes through ``gbt9704.add_text``: a number never parts from its measure word ("12条", "1件") and a
telephone number ("0819-6231024") is never broken across lines.
"""
from __future__ import annotations

import functools
import re
from copy import deepcopy

from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.oxml.simpletypes import ST_Merge
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.core import docx_fonts as fonts
from fazhi.core import gbt9704
from fazhi.core.workdays import format_date
from fazhi.disclosure import annual_report as ar
from fazhi.disclosure.report_texts import is_subheading

TABLE3_HEADER_ROWS = 3
# Table 三 on one page: a wide label column (13 characters of 五号 a line, so most labels take one) and narrow
# cells (1 mm margins) for the counts.
TABLE3_WIDTHS_MM = [10, 21, 52] + [10.4] * 7
TABLE3_CELL_MARGIN_MM = 1
TABLE4_HEADER_ROWS = 3


def render_docx(data: ar.DisclosureReportData) -> bytes:
    with ar.one_reading():  # the register is read once for the whole document (annual_report.once_per_reading)
        return _render(data)


def _render(data: ar.DisclosureReportData) -> bytes:
    doc = gbt9704.new_document(title=data.title, author=data.signature, subject="政府信息公开工作年度报告", dated=data.dated)
    gbt9704.title(doc, gbt9704.title_lines(data.title))
    gbt9704.paragraph(doc, indent=False)
    _body(doc, data.preamble())
    texts, table_texts = data.texts(), data.table_texts()
    _section_text(doc, ar.SECTION_TITLES[0], texts[ar.SECTION_TITLES[0]])
    _section_text(doc, ar.SECTION_TITLES[1], table_texts[ar.SECTION_TITLES[1]], keep_with_table=True)
    _table2(doc, data)
    _heading(doc, ar.SECTION_TITLES[2])
    _table3(doc, data)
    _section_text(doc, ar.SECTION_TITLES[3], table_texts[ar.SECTION_TITLES[3]], keep_with_table=True)
    _table4(doc, data)
    for heading in ar.SECTION_TITLES[4:]:
        _section_text(doc, heading, texts[heading])
    gbt9704.signature(doc, data.signature, format_date(data.dated))
    for p in doc.paragraphs[-4:-1]:  # the last line of text, the blank line and the 署名 stay with the 成文日期
        p.paragraph_format.keep_with_next = True
    return gbt9704.to_bytes(doc)


def _heading(doc, text: str) -> None:
    """"一、……" kept on the page of what follows it (a table's heading never ends a page alone)."""
    gbt9704.heading(doc, text)
    doc.paragraphs[-1].paragraph_format.keep_with_next = True


def _section_text(doc, heading: str, text: str, *, keep_with_table: bool = False) -> None:
    _heading(doc, heading)
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if is_subheading(line):
            _body(doc, line, fonts.HEADING_2).paragraph_format.keep_with_next = True
        else:
            p = _body(doc, line)
            if keep_with_table:  # the sentence before a table stays with its first rows
                p.paragraph_format.keep_with_next = True


# A telephone number (区号-号码, with an extension) or a mobile number: kept on one line.
PHONE = re.compile(r"(?<![0-9])(?:0[0-9]{2,3}-[0-9]{7,8}(?:-[0-9]{1,6})?|1[3-9][0-9]{9})(?![0-9])")


def _body(doc, text: str, spec=fonts.BODY):
    """A paragraph of ``text`` whose numbers keep their measure words and whose telephone numbers stay whole."""
    pieces, start = [], 0
    for match in PHONE.finditer(text):
        pieces += [(text[start:match.start()], spec, False), (match.group(), spec, True)]
        start = match.end()
    pieces.append((text[start:], spec, False))
    p = gbt9704.paragraph(doc)
    gbt9704.add_text(p, [piece for piece in pieces if piece[0]])
    return p


# ---------------------------------------------------------------- tables

def _new_table(doc, rows: int, widths_mm: list[float]):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    return table


def _cell_margins(table, mm: float) -> None:
    """Left and right cell margins of the whole table (w:tblCellMar, before w:tblLook in CT_TblPr)."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(Mm(mm).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _put(cell, text, spec=fonts.TABLE, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    p = cell.paragraphs[0]
    if p._p.pPr is None:  # a new cell (nearly all ~840 of them): a copy of the format below, built once per alignment
        p._p.insert(0, deepcopy(_cell_format(align)))
    else:
        _format_cell_paragraph(p, align)
    fonts.add_run(p, str(text), spec)


def _format_cell_paragraph(p, align) -> None:
    fmt = p.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.alignment = align
    _no_grid(p)


@functools.cache
def _cell_format(align):
    scratch = Paragraph(OxmlElement("w:p"), None)
    _format_cell_paragraph(scratch, align)
    return scratch._p.pPr


def _no_grid(p) -> None:
    """Table text on single lines: not snapped to the body's 22-line document grid (which would triple its height)."""
    ppr = p._p.get_or_add_pPr()
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    later = [ppr.find(qn(tag)) for tag in ("w:spacing", "w:ind", "w:jc")]
    later = [el for el in later if el is not None]
    if later:
        later[0].addprevious(snap)
    else:
        ppr.append(snap)


def _cell(table, r: int, c: int) -> _Cell:
    """``table.cell(r, c)`` without building the whole grid (python-docx walks every cell of the table for each
    look-up): the cell of row ``r`` that spans grid column ``c``, or, in a vertical merge, the cell it continues."""
    col = 0
    for tc in table._tbl.tr_lst[r].tc_lst:
        span = tc.grid_span
        if col <= c < col + span:
            return _cell(table, r - 1, c) if tc.vMerge == ST_Merge.CONTINUE else _Cell(tc, table)
        col += span
    raise IndexError(f"no cell at row {r}, column {c}")


def _merge(table, r1, c1, r2, c2, text, spec=fonts.TABLE_HEAD, align=WD_ALIGN_PARAGRAPH.CENTER):
    cell = _cell(table, r1, c1).merge(_cell(table, r2, c2)) if (r1, c1) != (r2, c2) else _cell(table, r1, c1)
    _put(cell, text, spec, align)
    return cell


def _after_table(doc) -> None:
    gbt9704.paragraph(doc, indent=False)  # a blank line below each table


# The children of w:trPr in schema order (ECMA-376 CT_TrPr): Word ignores or rejects them out of order.
_TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


def _row_flag(row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is not None:
        return
    flag = OxmlElement(tag)
    later = {qn(t) for t in _TRPR_ORDER[_TRPR_ORDER.index(tag) + 1:]}
    successor = next((child for child in tr_pr if child.tag in later), None)
    if successor is not None:
        successor.addprevious(flag)
    else:
        tr_pr.append(flag)


def _paginate(table, *, header_rows: int = 0, keep_together: bool = False, breaks_before: set[int] = frozenset()) -> None:
    """No row splits across pages; the first ``header_rows`` repeat on each page; optionally the table stays on one
    page (every row's paragraphs kept with the next row) except before the rows ``breaks_before``, where a page
    may end."""
    rows = list(table.rows)
    for i, row in enumerate(rows):
        _row_flag(row, "w:cantSplit")
        if i < header_rows:
            _row_flag(row, "w:tblHeader")
        if keep_together and i < len(rows) - 1 and i + 1 not in breaks_before:
            for tc in row._tr.tc_lst:
                for p in tc.iter(qn("w:p")):
                    _keep_with_next(p)


def _keep_with_next(p) -> None:
    p_pr = p.get_or_add_pPr()
    p_pr.keepNext_val = True


def _table2(doc, data: ar.DisclosureReportData) -> None:
    t2 = data.table2
    docs_cols = ar.TABLE2_COLUMNS_DOCS
    blocks = [
        ("第二十条第（一）项", list(docs_cols), [("规章", list(t2.rules.values())), ("行政规范性文件", list(t2.normative.values()))]),
        ("第二十条第（五）项", [ar.TABLE2_COLUMN_DECISIONS], [("行政许可", [t2.licensing])]),
        ("第二十条第（六）项", [ar.TABLE2_COLUMN_DECISIONS], [("行政处罚", [t2.penalty]), ("行政强制", [t2.coercion])]),
        ("第二十条第（八）项", [ar.TABLE2_COLUMN_FEES], [("行政事业性收费", [t2.fees])]),
    ]
    rows = sum(2 + len(items) for _, _, items in blocks)
    table = _new_table(doc, rows, [48, 36, 36, 36])
    r = 0
    for heading, columns, items in blocks:
        _merge(table, r, 0, r, 3, heading)
        _put(_cell(table, r + 1, 0), "信息内容", fonts.TABLE_HEAD)
        if len(columns) == 1:
            _merge(table, r + 1, 1, r + 1, 3, columns[0])
        else:
            for i, label in enumerate(columns, start=1):
                _put(_cell(table, r + 1, i), label, fonts.TABLE_HEAD)
        r += 2
        for label, values in items:
            _put(_cell(table, r, 0), label)
            if len(values) == 1:
                _merge(table, r, 1, r, 3, _number(values[0]), fonts.TABLE)
            else:
                for i, value in enumerate(values, start=1):
                    _put(_cell(table, r, i), _number(value))
            r += 1
    # Kept whole on one page with its heading and the sentence before it (14 short rows): a page break between its
    # blocks left the last block (第（八）项 收费) alone on a page, table 三 (kept on one page) starting the next.
    _paginate(table, keep_together=True)
    _after_table(doc)


def _number(value) -> str:
    text = format(value, "f") if not isinstance(value, int) else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _table3(doc, data: ar.DisclosureReportData) -> None:
    head_rows = TABLE3_HEADER_ROWS
    rows = ar.ROWS
    table = _new_table(doc, head_rows + len(rows), TABLE3_WIDTHS_MM)
    _cell_margins(table, TABLE3_CELL_MARGIN_MM)
    _merge(table, 0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", fonts.TABLE)
    _merge(table, 0, 3, 0, 9, "申请人情况")
    _merge(table, 1, 3, 2, 3, "自然人")
    _merge(table, 1, 4, 1, 8, ar.COLUMN_GROUP_ORG)
    _merge(table, 1, 9, 2, 9, "总计")
    for i, (_, label) in enumerate(ar.COLUMNS[1:-1], start=4):
        _put(_cell(table, 2, i), "其他" if label == "其他组织" else label, fonts.TABLE_HEAD)
    results = [i for i, row in enumerate(rows) if row.key not in (ar.ROW_NEW, ar.ROW_CARRIED_IN, ar.ROW_CARRIED_OUT)]
    first_result, last_result = head_rows + results[0], head_rows + results[-1]
    _merge(table, first_result, 0, last_result, 0, ar.RESULTS_HEADING, fonts.TABLE)
    group_start: dict[str, int] = {}
    left = WD_ALIGN_PARAGRAPH.LEFT
    for i, row in enumerate(rows):  # the merges first: each cell look-up walks the whole grid (python-docx)
        r = head_rows + i
        if row.level == 0:
            _merge(table, r, 0, r, 2, row.label, fonts.TABLE, left)
        elif row.level == 1:
            _merge(table, r, 1, r, 2, row.label, fonts.TABLE, left)
        else:
            group_start.setdefault(row.group, r)
    for group, start in group_start.items():
        end = start + sum(1 for row in rows if row.group == group) - 1
        _merge(table, start, 1, end, 1, group, fonts.TABLE, left)
    grid, width = table._cells, len(table.columns)  # then the grid once, for the labels and the ~200 figures
    for i, row in enumerate(rows):
        r = head_rows + i
        if row.level not in (0, 1):
            _put(grid[r * width + 2], row.label, fonts.TABLE, left)
        for j, (column, _) in enumerate(ar.COLUMNS, start=3):
            _put(grid[r * width + j], data.table3.value(row.key, column))
    _paginate(table, header_rows=TABLE3_HEADER_ROWS, keep_together=True)
    _after_table(doc)


def _table4(doc, data: ar.DisclosureReportData) -> None:
    labels = [label for _, label in ar.TABLE4_COLUMNS]
    table = _new_table(doc, 4, [10.4] * 15)
    head, small = fonts.TABLE_SMALL_HEAD, fonts.TABLE_SMALL
    _merge(table, 0, 0, 1, 4, "行政复议", head)
    _merge(table, 0, 5, 0, 14, "行政诉讼", head)
    _merge(table, 1, 5, 1, 9, "未经复议直接起诉", head)
    _merge(table, 1, 10, 1, 14, "复议后起诉", head)
    for block in range(3):
        for i, label in enumerate(labels):
            _put(_cell(table, 2, block * 5 + i), label, head)
    for block, (kind, _) in enumerate(ar.TABLE4_GROUPS):
        for i, (column, _) in enumerate(ar.TABLE4_COLUMNS):
            _put(_cell(table, 3, block * 5 + i), data.table4[kind][column], small)
    _paginate(table, header_rows=TABLE4_HEADER_ROWS, keep_together=True)
    _after_table(doc)
