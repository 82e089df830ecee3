"""Uploading reports written elsewhere, watching them being read, and correcting what was read."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import jobs
from fazhi.core.kit.years import year_param
from fazhi.ingest.sections import SECTIONS
from fazhi.oversight.audit import audit_imported
from fazhi.oversight.forms import AttributionForm, UploadForm, VoidForm
from fazhi.oversight.importing import Upload, batch_progress, start_batch
from fazhi.oversight.models import ImportBatch, ImportedReport
from fazhi.oversight.views.access import county_for, county_object_or_404
from fazhi.oversight.views.common import step_answer, year_choices

PROCESS_BUDGET_SECONDS = 3.0  # one poll of the batch page reads files for at most this long


@login_required
def import_index(request):
    county = county_for(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            uploads = [Upload(f.name, f.read()) for f in form.cleaned_data["files"]]
            batch = start_batch(county, uploads, user=request.user, year=form.cleaned_data["year"])
            transaction.on_commit(lambda: jobs.enqueue("oversight.import_batch", batch_id=batch.pk))
            messages.success(request, f"已上传{len(uploads)}个文件，正在逐个读取")
            return redirect("oversight_import_batch", batch.pk)
        messages.error(request, "未能上传，请按提示修改后重试")
    batches = ImportBatch.objects.filter(county=county).select_related("created_by")[:30]
    return render(request, "oversight/imports.html", {"county": county, "form": form, "batches": batches})


@login_required
def import_batch(request, pk: int):
    county = county_for(request)
    batch = county_object_or_404(ImportBatch.objects.all(), county, pk)
    return render(request, "oversight/batch.html", {"county": county, "batch": batch, "progress": batch_progress(batch)})


@login_required
def import_batch_progress(request, pk: int):
    county = county_for(request)
    batch = county_object_or_404(ImportBatch.objects.all(), county, pk)
    return JsonResponse(batch_progress(batch))


@login_required
@require_POST
def import_batch_process(request, pk: int):
    """Read the next files of the batch here for a few seconds — unless a worker is reading them (the same job,
    fazhi/core/jobs.py ``run_here_unless_consumed``) — then answer with the progress."""
    county = county_for(request)
    batch = county_object_or_404(ImportBatch.objects.all(), county, pk)
    jobs.run_here_unless_consumed("oversight.import_batch", batch_id=batch.pk, budget_seconds=PROCESS_BUDGET_SECONDS)
    return step_answer(request, batch_progress(batch), "oversight_import_batch", batch.pk)


@login_required
def imported_list(request):
    county = county_for(request)
    reports = ImportedReport.objects.active().filter(organisation=county).select_related("township")
    year = year_param(request)
    if year:
        reports = reports.filter(year=year)
    if request.GET.get("unattributed"):
        reports = reports.filter(township__isnull=True) | reports.filter(year__isnull=True)
    return render(request, "oversight/imported_list.html", {
        "county": county, "reports": reports[:500], "year": str(year or ""), "years": year_choices(),
    })


@login_required
def imported_report(request, pk: int):
    county = county_for(request)
    report = county_object_or_404(ImportedReport.objects.active().select_related("township"), county, pk)
    form = AttributionForm(request.POST or None, county=county, initial={
        "township": report.township, "township_name": report.township_name, "year": report.year,
        "received_on": report.received_on, "published_url": report.published_url,
    })
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                report.township = data["township"]
                report.township_name = (data["township_name"] or "").strip() or (data["township"].name if data["township"] else "")
                report.year, report.received_on, report.published_url = data["year"], data["received_on"], data["published_url"]
                report._history_user = request.user
                report.save()
            messages.success(request, "已保存归属信息")
            return redirect("oversight_imported_report", report.pk)
        messages.error(request, "未能保存，请按提示修改后重试")
    labels = SECTIONS
    return render(request, "oversight/imported_report.html", {
        "county": county, "report": report, "form": form, "figures": report.figures.all(),
        "audit": audit_imported(report), "void_form": VoidForm(),
        "sections": [(key, label, key in report.sections) for key, label in labels.items()],
        "history": report.history.all().select_related("history_user")[:20],
    })


@login_required
@require_POST
def imported_void(request, pk: int):
    county = county_for(request)
    report = county_object_or_404(ImportedReport.objects.active(), county, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废必须填写原因")
        return redirect("oversight_imported_report", report.pk)
    try:
        report.void(reason=form.cleaned_data["reason"], user=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("oversight_imported_report", report.pk)
    messages.success(request, "已作废该导入报告（记录保留，不再参与比较）")
    return redirect("oversight_imported_list")
