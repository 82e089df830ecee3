"""The disclosure dashboard, reminders, the disclosure guide and the annual disclosure report pages."""
from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.models import OrgKind
from fazhi.core.scoping import can_write, readable_orgs, resolve_org, writable_org
from fazhi.core.views.downloads import pdf_download, prepare_pdf
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.disclosure import annual_report, notify
from fazhi.disclosure.forms import GuideForm, ReportTextForm, apply_service_errors
from fazhi.disclosure.models import DisclosureGuide, ProactiveRelease, Reminder
from fazhi.disclosure.releases import release_timeliness
from fazhi.disclosure.report_services import report_finalise, report_save_texts
from fazhi.disclosure.selectors import dashboard as dashboard_data

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def dashboard(request):
    orgs = readable_orgs(request.user)
    today = timezone.localdate()
    notify.refresh_reminders(organisations=orgs, today=today)
    data = dashboard_data(orgs, today=today)
    calendar = WorkingCalendar.load()
    late_releases = [
        (r, release_timeliness(r, calendar))
        for r in ProactiveRelease.objects.active().filter(organisation__in=orgs, published_on__year=today.year)
        .select_related("organisation").order_by("-published_on")
    ]
    late_releases = [(r, t) for r, t in late_releases if t.late]
    reminders = Reminder.objects.filter(user=request.user, read_at__isnull=True).select_related("request")[:50]
    return render(request, "disclosure/dashboard.html", {
        "d": data, "today": today, "late_releases": late_releases, "reminders": reminders,
        "multi_org": orgs.count() > 1, "can_write": writable_org(request.user) is not None,
        "rate": round(data.answered_on_time_this_year * 100 / data.answered_this_year, 1) if data.answered_this_year else None,
    })


@login_required
@require_POST
def reminder_read(request, pk):
    reminder = get_object_or_404(Reminder, pk=pk, user=request.user)
    reminder.read_at = timezone.now()
    reminder.save(update_fields=["read_at"])
    return redirect("disclosure_dashboard")


@login_required
def guide_edit(request):
    org = writable_org(request.user)
    if org is None:
        raise PermissionDenied("只有乡镇工作人员可以修改本乡镇的公开指南")
    guide = DisclosureGuide.objects.filter(organisation=org).first() or DisclosureGuide(organisation=org)
    form = GuideForm(request.POST or None, instance=guide)
    if request.method == "POST" and form.is_valid():
        guide = form.save(commit=False)
        guide._history_user = request.user
        guide.save()
        messages.success(request, "公开指南已更新，公开门户即时显示")
        return redirect("disclosure_guide")
    return render(request, "disclosure/guide_edit.html", {"form": form, "org": org})


# ---------------------------------------------------------------- annual disclosure report

def _report_org_year(request, code: str, year: int):
    org = resolve_org(request.user, code)
    if org is None or org.kind != OrgKind.TOWNSHIP:
        raise Http404("组织不存在或您无权查看")
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404("年度超出范围")
    return org, year


@login_required
def report_index(request):
    this_year = timezone.localdate().year
    return render(request, "disclosure/report_index.html", {
        "orgs": readable_orgs(request.user).order_by("code"),
        "years": list(range(this_year, this_year - 6, -1)),
        "default_year": this_year - 1,
    })


@login_required
def report_view(request, code: str, year: int):
    from fazhi.disclosure import report_texts

    org, year = _report_org_year(request, code, year)
    data = annual_report.load(org, year)
    prepare_pdf("disclosure.prerender_report_pdf", organisation_id=org.pk, year=year)
    return render(request, "disclosure/report_view.html", {
        "data": data, "org": org, "year": year, "tables": annual_report_tables(data),
        "can_write": can_write(request.user, org.pk),
        "sources": [*annual_report.table2_sources(data), report_texts.fee_source(data),
                    report_texts.supervision_source(data)],
    })


EDITABLE_DEFAULTS = {
    "overview_text": annual_report.default_overview,
    "problems_text": annual_report.default_problems,
    "other_text": annual_report.default_other,
}


def _same_text(a: str, b: str) -> bool:
    """Browsers send a textarea's lines with CRLF: an unchanged default must still compare equal."""
    def norm(text: str) -> str:
        return "\n".join(line.strip() for line in (text or "").replace("\r\n", "\n").strip().split("\n"))
    return norm(a) == norm(b)


@login_required
def report_edit(request, code: str, year: int):
    org, year = _report_org_year(request, code, year)
    if not can_write(request.user, org.pk):
        raise PermissionDenied("只有本乡镇工作人员可以编写本乡镇的年度报告")
    data = annual_report.load(org, year)
    report = data.report
    defaults = {name: make(data) for name, make in EDITABLE_DEFAULTS.items()}
    initial = {name: getattr(report, name) or default for name, default in defaults.items()}
    initial["dated"] = report.dated
    form = ReportTextForm(request.POST or None, initial=initial)
    deadline = annual_report.publication_deadline(year)
    form.fields["dated"].help_text = (
        f"不填写时按{format_date(deadline)}（《条例》第四十九条：每年1月31日前公布上一年度的年度报告，取此前最后一个工作日）；"
        "在此之前定稿的，按定稿日期")
    if request.method == "POST" and form.is_valid():
        texts = dict(form.cleaned_data)
        for name, default in defaults.items():  # an unchanged default keeps following the register
            if _same_text(texts[name], default):
                texts[name] = ""
        try:
            report_save_texts(organisation=org, year=year, user=request.user, **texts)
        except ValidationError as exc:
            apply_service_errors(form, exc)
            return render(request, "disclosure/report_edit.html",
                          {"form": form, "org": org, "year": year, "data": data}, status=400)
        if "finalise" in request.POST:
            report_finalise(organisation=org, year=year, user=request.user)
            messages.success(request, "已定稿：表格数据已留存，公开门户可查阅本报告；如需修改可再次保存并定稿")
        else:
            messages.success(request, "已保存")
        return redirect("disclosure_report_view", code=code, year=year)
    return render(request, "disclosure/report_edit.html", {"form": form, "org": org, "year": year, "data": data})


def _download(content: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@login_required
def report_docx(request, code: str, year: int):
    from fazhi.disclosure.render_docx import render_docx

    org, year = _report_org_year(request, code, year)
    data = annual_report.load(org, year)
    return _download(render_docx(data), DOCX_MIME, f"{data.title}.docx")


@login_required
def report_pdf(request, code: str, year: int):
    """The .docx through LibreOffice (core/pdf.py: numbers kept with their units, no punctuation lost at a line end);
    a Chinese page when it cannot be produced."""
    from fazhi.disclosure.render_docx import render_docx

    org, year = _report_org_year(request, code, year)
    data = annual_report.load(org, year)
    return pdf_download(request, render_docx(data), f"{data.title}.pdf")


@login_required
def report_xlsx(request, code: str, year: int):
    from fazhi.disclosure.render_xlsx import render_xlsx

    org, year = _report_org_year(request, code, year)
    data = annual_report.load(org, year)
    return _download(render_xlsx(data), XLSX_MIME, f"{data.title}.xlsx")


@login_required
def report_json(request, code: str, year: int):
    org, year = _report_org_year(request, code, year)
    return JsonResponse(annual_report.load(org, year).to_json(), json_dumps_params={"ensure_ascii": False, "indent": 2})


def annual_report_tables(data) -> dict:
    """Rows of the three tables ready for the template, each table-三 cell with the link to its applications."""
    from django.urls import reverse

    t3_rows = []
    base = reverse("disclosure_request_list")
    for row in annual_report.ROWS:
        cells = []
        for column, _ in annual_report.COLUMNS:
            value = data.table3.value(row.key, column)
            href = f"{base}?cell={row.key}:{column}&org={data.organisation.code}&report_year={data.year}"
            cells.append({"value": value, "href": href})
        t3_rows.append({"row": row, "cells": cells})
    t4_rows = [
        {"label": label, "cells": [data.table4[kind][col] for col, _ in annual_report.TABLE4_COLUMNS]}
        for kind, label in annual_report.TABLE4_GROUPS
    ]
    table_texts = data.table_texts()
    return {
        "t3": t3_rows, "t4": t4_rows, "t3_columns": annual_report.COLUMNS, "t4_columns": annual_report.TABLE4_COLUMNS,
        "table2_text": table_texts[annual_report.SECTION_TITLES[1]],
        "table4_text": table_texts[annual_report.SECTION_TITLES[3]],
    }

