"""Annual report pages: list, web page, edit, downloads. Access goes through core.scoping.

An outsider gets 404 (the township "does not exist" for them); the county supervisor
reads every township's report and gets 403 on edit.
"""
from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from functools import wraps
from typing import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django.utils import timezone

from fazhi.core.history import history_entries
from fazhi.core.models import Organisation
from fazhi.core.scoping import can_write, readable_orgs, resolve_org, writable_org
from fazhi.core.views.downloads import prepare_pdf
from fazhi.indicators import registry
from fazhi.oversight.deadlines import deadlines_for
from fazhi.oversight.filing import latest_submissions
from fazhi.oversight.models import Submission, SubmissionStatus
from fazhi.oversight.reminders import notices_for
from fazhi.oversight.views.filing import report_page_state
from fazhi.reports.check import check_composed
from fazhi.reports.compose import ReportData, compose_report, default_texts
from fazhi.reports.forms import (
    THEME_MARKERS, AnnualReportForm, ReportPreviewForm, marker_chips, marker_names, part_figures, unknown_markers,
    unknown_markers_message,
)
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport
from fazhi.reports.render_docx import render_docx
from fazhi.reports.render_html import body_html, paragraph_html
from fazhi.reports.render_md import render_markdown
from fazhi.reports.services import (
    HEADER_FIELDS, ReportInputError, same_text, check_report_target, decide_suggestion, report_get_or_new,
    report_initial, report_save, report_year_range,
)

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _target(request: HttpRequest, code: str, year: int) -> Organisation:
    """The township the URL names, if the user may read it, and a year a report can exist for."""
    org = resolve_org(request.user, code)
    check_report_target(org, year)
    return org


def _bad_input_is_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A report that cannot exist (year out of range) is a 404 that says why, in Chinese."""
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ReportInputError as error:
            context = {"code": 404, "title": "没有这份报告", "message": str(error)}
            return render(request, "errors/error.html", context, status=404)
    return wrapper


def _writable_target(request: HttpRequest, code: str, year: int) -> Organisation:
    org = _target(request, code, year)
    if not can_write(request.user, org.pk):
        raise PermissionDenied("您只能查看本报告，不能修改（县依法治县办对乡镇报告只读）")
    return org


@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    years = list(reversed(report_year_range()))[:6]
    default_year = timezone.localdate().year - 1
    try:
        year = int(request.GET.get("year", default_year))
    except ValueError:
        year = default_year
    if year not in report_year_range():
        year = default_year
    orgs = list(readable_orgs(request.user).order_by("code"))
    saved = AnnualReport.objects.active().filter(organisation__in=orgs).select_related("organisation", "created_by")
    by_org = {r.organisation_id: r for r in saved if r.year == year}
    submitted = latest_submissions(orgs, year)
    today = timezone.localdate()
    rows = [{"org": o, "report": by_org.get(o.pk), "can_write": can_write(request.user, o.pk),
             "status": report_status(by_org.get(o.pk), submitted.get(o.pk), today > deadlines_for(o, year).submit_by)}
            for o in orgs]
    return render(request, "reports/index.html", {
        "year": year, "years": years, "rows": rows, "saved": saved.order_by("-year", "organisation__code"),
        "writer": writable_org(request.user), "notices": list(notices_for(request.user)[:20]),
    })


@dataclass(frozen=True)
class ReportStatus:
    label: str  # 未开始 / 起草中 / 已报送 / 已退回 / 已接收
    css: str  # status-ok | status-warn | status-bad | status-neutral (fazhi/static/fazhi/app.css)
    detail: str = ""
    submission: Submission | None = None


def report_status(report: AnnualReport | None, latest: Submission | None, past_deadline: bool) -> ReportStatus:
    """Where a township's report of the year stands, coloured by meaning: accepted green, returned amber, waiting
    grey, and not yet submitted after the county's deadline red (LAW.md §1: to the county by 3月1日)."""
    if latest is not None:
        detail = f"第{latest.version}版，{timezone.localtime(latest.submitted_at):%Y-%m-%d}报送"
        if latest.status == SubmissionStatus.ACCEPTED:
            return ReportStatus("已接收", "status-ok", detail, latest)
        if latest.status == SubmissionStatus.RETURNED:
            return ReportStatus("已退回", "status-warn", f"{detail}，待修改后重新报送", latest)
        return ReportStatus("已报送", "status-neutral", f"{detail}，待县级审核", latest)
    late = "，已超过报送期限" if past_deadline else ""
    css = "status-bad" if past_deadline else "status-neutral"
    if report is None:
        return ReportStatus("未开始", css, f"尚未保存{late}")
    return ReportStatus("起草中", css, f"已保存，尚未报送{late}")


@login_required
@_bad_input_is_404
def report_view(request: HttpRequest, code: str, year: int) -> HttpResponse:
    org = _target(request, code, year)
    report = report_get_or_new(org, year)
    data = ReportData.load(org, year)  # the page's one compute: the report and 报送后数据已变化 share it
    composed = compose_report(report, data)
    unconnected = [i.label for i in registry.all_indicators() if i.core and not i.connected]
    prepare_pdf("reports.prerender_pdf", organisation_id=org.pk, year=year)
    return render(request, "reports/view.html", {
        "org": org, "year": year, "report": report, "composed": composed, "body": body_html(composed),
        "filed": report_page_state(request.user, org, year, data.figures),
        "check": check_composed(composed, org),
        "can_write": can_write(request.user, org.pk),
        "history": history_entries(report) if report.pk else [],
        "unconnected": unconnected,
    })


@login_required
@_bad_input_is_404
def report_edit(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Each part's text beside its preview; the editor script (static/fazhi/report-editor.js) shows the markers as
    chips and refreshes the previews through ``report_preview``. Without JavaScript: text areas with markers, the
    previews as of the page's text, and 恢复默认 as a button that brings the page back with that part's default."""
    org = _writable_target(request, code, year)
    report = report_get_or_new(org, year)
    data = ReportData.load(org, year)
    defaults = default_texts(org, year, data)
    restored = request.POST.get("restore", "") if request.method == "POST" else ""
    if restored in NARRATIVE_FIELDS:
        posted = {name: request.POST.get(name, "") for name in AnnualReportForm.base_fields}
        form = AnnualReportForm(instance=report, initial={**posted, restored: defaults[restored]})
        messages.info(request, f"“{form[restored].label}”已恢复为默认稿，保存后生效。")
    elif request.method == "POST":
        form = AnnualReportForm(request.POST, instance=report)
        if form.is_valid():
            report_save(org=org, year=year, data=form.cleaned_data, user=request.user)
            messages.success(request, "已保存。报告中的数字仍按台账实时计算。")
            return redirect("report_view", code=org.code, year=year)
    else:
        form = AnnualReportForm(instance=report, initial=report_initial(report, data))
        prepare_pdf("reports.prerender_pdf", organisation_id=org.pk, year=year)  # the page's PDF link: the saved text
    texts = {f: form[f].value() or "" for f in NARRATIVE_FIELDS}
    previews = part_previews(report, data, texts, defaults)
    offered = part_figures(defaults, data)
    shown = {n for text in [*texts.values(), *defaults.values()] for n in marker_names(text)}
    editor = {  # for static/fazhi/report-editor.js, through json_script
        "previewUrl": reverse("report_preview", args=[org.code, year]), "defaults": defaults, "offered": offered,
        "chips": marker_chips(shown | {n for names in offered.values() for n in names}, data),
    }
    return render(request, "reports/edit.html", {
        "org": org, "year": year, "report": report, "form": form, "editor": editor,
        "header_fields": [form[f] for f in HEADER_FIELDS],
        "parts": [(form[f], previews[f]) for f in NARRATIVE_FIELDS],
        "check": check_composed(compose_report(report_get_or_new(org, year), _fresh(data)), org),  # as saved
        "suggestions": [(sg, data.decisions.get(sg.title, "")) for sg in data.all_suggestions], "markers": THEME_MARKERS,
    })


@login_required
@_bad_input_is_404
@require_POST
def report_preview(request: HttpRequest, code: str, year: int) -> JsonResponse:
    """The editor's live preview: a part's draft text (with the other parts' drafts) composed as saving it would
    compose it, as the report page's HTML, and the chips of its markers. Nothing is saved."""
    org = _writable_target(request, code, year)
    form = ReportPreviewForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": form.first_error()}, status=400)
    part, drafts = form.cleaned_data["part"], form.drafts()
    data = ReportData.load(org, year)
    previews = part_previews(report_get_or_new(org, year), data, drafts, default_texts(org, year, data))
    unknown = unknown_markers("\n".join(drafts.values()))
    return JsonResponse({
        "part": part, "html": previews[part], "parts": previews,
        "chips": marker_chips({n for text in drafts.values() for n in marker_names(text)}, data),
        "problems": [unknown_markers_message(unknown) + "（保存时将被拒绝）"] if unknown else [],
    })


def _fresh(data: ReportData) -> ReportData:
    """``data`` with its own copy of the written parts: composing appends removed themes to the part it reads."""
    clone = copy.copy(data)
    clone.__dict__["written"] = {f: list(paragraphs) for f, paragraphs in data.written.items()}
    return clone


def part_previews(report: AnnualReport, data: ReportData, texts: dict[str, str], defaults: dict[str, str]) -> dict[str, str]:
    """The HTML of every part as the report would print it if ``texts`` were saved over ``report`` (a text equal to
    the part's default is stored blank and follows the data, as services.report_save does)."""
    draft = copy.copy(report)
    for f, text in texts.items():
        setattr(draft, f, "" if same_text(text, defaults[f]) else text.strip())
    composed = compose_report(draft, _fresh(data))
    sections = {s.key: s for s in composed.sections}
    previews = {"intro_text": _paragraphs(composed.intro)}
    for f in NARRATIVE_FIELDS[1:]:
        section = sections.get(f)
        previews[f] = (format_html("<h2>{}</h2>{}", section.heading, _paragraphs(section.paragraphs)) if section
                       else format_html('<p class="preview-empty">{}</p>', "本部分为空，报告中不出现。"))
    return previews


def _paragraphs(paragraphs: list) -> str:
    return mark_safe("".join(paragraph_html(p) for p in paragraphs))


@login_required
@_bad_input_is_404
@require_POST
def report_suggestion(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Adopt or reject one shortcoming the data suggested (section 二), from the edit page."""
    org = _writable_target(request, code, year)
    try:
        message = decide_suggestion(org, year, request.POST.get("title", "")[:100], request.POST.get("decision", ""),
                                    request.user)
    except ReportInputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, message)
    return redirect("report_edit", code=org.code, year=year)


@login_required
@_bad_input_is_404
def report_docx(request: HttpRequest, code: str, year: int) -> FileResponse:
    org = _target(request, code, year)
    composed = compose_report(report_get_or_new(org, year))
    return FileResponse(
        io.BytesIO(render_docx(composed)), as_attachment=True, filename=f"{composed.title}.docx", content_type=DOCX_MIME,
    )


@login_required
@_bad_input_is_404
def report_md(request: HttpRequest, code: str, year: int) -> FileResponse:
    org = _target(request, code, year)
    composed = compose_report(report_get_or_new(org, year))
    return FileResponse(
        io.BytesIO(render_markdown(composed).encode("utf-8")), as_attachment=True,
        filename=f"{composed.title}.md", content_type="text/markdown; charset=utf-8",
    )
