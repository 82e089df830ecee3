"""The quick way a new table cell of the disclosure report gets its format (a copy built once per alignment) writes
what python-docx's setters write."""
from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from fazhi.core import docx_fonts as fonts
from fazhi.disclosure import render_docx


@pytest.mark.parametrize("align", [WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT])
def test_a_new_table_cells_format_is_what_the_setters_write(align):
    table = Document().add_table(rows=1, cols=2)
    quick, slow = table.cell(0, 0), table.cell(0, 1)
    render_docx._put(quick, "12", fonts.TABLE, align)
    slow.vertical_alignment = quick.vertical_alignment
    render_docx._format_cell_paragraph(slow.paragraphs[0], align)
    fonts.add_run(slow.paragraphs[0], "12", fonts.TABLE)
    assert etree.tostring(quick._tc) == etree.tostring(slow._tc)
