"""A notice as a .docx in GB/T 9704 format (fazhi/core/gbt9704.py), set as a letter (信函格式, §10.1): the township's
name as 发文机关标志 with the red double line, the 发文字号 flush right under it, the title, the addressee (主送)
flush left, the body, the closing, and the sealed signature (§7.3.5.1) with the 成文日期.

Why the letter format: each notice goes to one applicant (or one third party) as a 函, not to many bodies as a
document in the 文件格式 (§7.2.4, 发文字号 centred under the 版头); §10.1 puts the 发文字号 顶格居版心右边缘.
Why sealed: a notice to an applicant is an administrative act in the township's name, sent with its seal (the
page's "上传加盖印章的答复书"), so the signature is laid out for the seal to press the 署名 and the date."""
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
    number = notice.document_number or notice.number
    doc = g.new_document(title=f"{notice.title}（{number}）", author=notice.sender, subject=notice.title,
                         dated=notice.dated)
    g.letterhead(doc, notice.sender, notice.document_number)
    g.paragraph(doc, indent=False)  # §10.1: the title two lines below the element above it
    g.title(doc, [notice.title])
    g.paragraph(doc, indent=False)  # 主送 one line below the title (§7.3.2)
    _text(doc, f"{notice.addressee}：", indent=False)
    for paragraph in notice.paragraphs:
        _text(doc, paragraph)
    # GB/T 9704 §7.3.5: the 落款 never stands alone on a page. The last body paragraph keeps with "特此告知。", which
    # keeps with the seal's lines and the signature (g.sealed_signature), which keeps with the date; widow control
    # brings at least its last two lines along.
    last = doc.paragraphs[-1] if notice.paragraphs else None
    if last is not None:
        last.paragraph_format.keep_with_next = True
        last.paragraph_format.widow_control = True
    _text(doc, notice.closing)
    g.sealed_signature(doc, notice.sender, format_date(notice.dated))
    for note in notice.notes:
        _text(doc, note, indent=False)
    return g.to_bytes(doc)
