"""A notice as a .docx in GB/T 9704 format (fazhi/core/gbt9704.py): the sender and the title as the heading, the
受理编号 under it, the addressee flush left, the body, the closing, and the unsealed signature with the 成文日期."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from fazhi.core import docx_fonts as fonts
from fazhi.core import gbt9704 as g
from fazhi.core.workdays import format_date
from fazhi.disclosure.notices.common import Notice

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _text(doc, text: str, *, indent: bool = True, align=WD_ALIGN_PARAGRAPH.JUSTIFY) -> None:
    g.add_text(g.paragraph(doc, indent=indent, align=align), [(text, fonts.BODY, False)])


def render(notice: Notice) -> bytes:
    doc = g.new_document(title=f"{notice.title}（{notice.number}）", author=notice.sender, subject=notice.title,
                         dated=notice.dated)
    g.title(doc, [notice.sender, notice.title])
    _text(doc, f"受理编号：{notice.number}", indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _text(doc, f"{notice.addressee}：", indent=False)
    for paragraph in notice.paragraphs:
        _text(doc, paragraph)
    # GB/T 9704 §7.3.5: the 落款 never stands alone on a page. The last body paragraph keeps with "特此告知。", which
    # keeps with the signature (g.signature), which keeps with the date; widow control brings at least its last two
    # lines along.
    last = doc.paragraphs[-1] if notice.paragraphs else None
    if last is not None:
        last.paragraph_format.keep_with_next = True
        last.paragraph_format.widow_control = True
    _text(doc, notice.closing)
    g.signature(doc, notice.sender, format_date(notice.dated))
    for note in notice.notes:
        _text(doc, note, indent=False)
    return g.to_bytes(doc)
