"""HTML of the composed report: the body shared by the web page and the standalone file.

Every figure is ``<a data-indicator="KEY" href="/indicators/KEY/records/?year=…&org=…" data-amount="EXACT">VALUE</a>``
followed by its unit, so a reader can open the records behind any number; VALUE may be rounded as reports write
large figures ("1.6万余"), ``data-amount`` is the exact figure. A rate's numerator or denominator, or the change on
last year, carries ``data-part`` ("num", "den", "change") and links to the rate's (or last year's) records.
"""
from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from fazhi.indicators.registry import format_value
from fazhi.reports.structure import SUBHEADING, ComposedReport, FigureRun, Paragraph, Run


def run_html(run: Run) -> SafeString:
    if isinstance(run, FigureRun):
        exact = "" if run.amount is None else format_html(' data-amount="{}"', format_value(run.amount))
        part = format_html(' data-part="{}"', run.part) if run.part else ""
        return format_html(
            '<a data-indicator="{}" href="{}"{}{} title="{}：查看来源记录">{}</a>{}',
            run.key, run.href, exact, part, run.label, run.value, run.unit,
        )
    if run.style == SUBHEADING:
        return format_html('<span class="subheading">{}</span>', run.text)
    return format_html("{}", run.text)


def paragraph_html(paragraph: Paragraph, css_class: str = "") -> SafeString:
    inner = mark_safe("".join(run_html(r) for r in paragraph.runs))
    if css_class:
        return format_html('<p class="{}">{}</p>', css_class, inner)
    return format_html("<p>{}</p>", inner)


def body_html(report: ComposedReport) -> SafeString:
    """The document from title to date, for inside ``<article class="report-page">``."""
    parts = [
        format_html("<h1>{}</h1>", mark_safe("<br>".join(format_html("{}", line) for line in report.title_lines()))),
        format_html('<p class="addressee">{}</p>', report.addressee_line),
        *(paragraph_html(p) for p in report.intro),
    ]
    for section in report.sections:
        parts.append(format_html('<h2 id="{}">{}</h2>', section.key, section.heading))
        parts.extend(paragraph_html(p) for p in section.paragraphs)
    lines = format_html_join("", '<p class="signature">{}</p>', ((line,) for line in report.signature_lines))
    parts.append(format_html(
        '<div class="signature-block"><div class="signature-lines">{}<p class="date">{}</p></div></div>',
        lines, report.date_text,
    ))
    return format_html_join("\n", "{}", ((p,) for p in parts))


def standalone_html(report: ComposedReport) -> str:
    """A complete HTML document (no navigation) for publication or archiving."""
    return render_to_string("reports/standalone.html", {"report": report, "body": body_html(report)})
