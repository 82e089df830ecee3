"""The quick way a new run gets its font (a copy of properties built once per font) writes what python-docx's
setters write, and a copy is the document's own."""
from __future__ import annotations

import pytest
from docx import Document
from lxml import etree

from fazhi.core import docx_fonts as fonts

SPECS = [fonts.TITLE, fonts.BODY, fonts.HEADING_1, fonts.HEADING_2, fonts.PAGE_NUMBER, fonts.TABLE_HEAD,
         fonts.TABLE_SMALL]


def xml(element) -> bytes:
    return etree.tostring(element)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.name}-{s.size_pt}")
def test_a_new_runs_font_is_what_the_setters_write(spec):
    paragraph = Document().add_paragraph()
    quick, slow = paragraph.add_run("二〇二五年"), paragraph.add_run("二〇二五年")
    fonts.apply_font(quick, spec)
    fonts._set_run_font(slow, spec)
    assert xml(quick._r) == xml(slow._r)
    kept = xml(fonts._run_properties(spec))
    quick.font.italic = True  # changing one document's run leaves the kept properties as they were
    assert xml(fonts._run_properties(spec)) == kept and b"w:i" not in kept
