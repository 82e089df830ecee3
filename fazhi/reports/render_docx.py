"""The annual rule-of-law report as a .docx in the national official-document format (GB/T 9704-2012).

The page, grid, fonts, signature block and page numbers are ``fazhi.core.gbt9704``'s;
this module lays out the report's parts on it. Every figure (value and unit) and every number
with its measure word stays on one line (``gbt9704.add_text``).
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from fazhi.core import docx_fonts as fonts
from fazhi.core import gbt9704
from fazhi.reports.structure import SUBHEADING, ComposedReport, FigureRun, Paragraph

SUBJECT = "法治政府建设年度报告"


def render_docx(report: ComposedReport) -> bytes:
    doc = gbt9704.new_document(title=report.title, author=report.org_name, subject=SUBJECT, dated=report.dated)
    gbt9704.title(doc, report.title_lines())
    gbt9704.paragraph(doc, indent=False)  # one blank line between title and 主送机关
    fonts.add_run(gbt9704.paragraph(doc, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT), report.addressee_line, fonts.BODY)
    for paragraph in report.intro:
        _body(doc, paragraph)
    for section in report.sections:
        gbt9704.heading(doc, section.heading)
        for paragraph in section.paragraphs:
            _body(doc, paragraph)
    gbt9704.signature(doc, report.signature_lines, report.date_text)
    return gbt9704.to_bytes(doc)


def _body(doc, paragraph: Paragraph) -> None:
    gbt9704.add_text(gbt9704.paragraph(doc), [
        (run.text, fonts.HEADING_2 if getattr(run, "style", None) == SUBHEADING else fonts.BODY, isinstance(run, FigureRun))
        for run in paragraph.runs
    ])
