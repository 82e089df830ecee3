"""打包下载全县年度报告: ask for the bundle of a year's township reports, watch it being made, download it.

The worker makes the bundle (the job ``oversight.report_bundle``); when no worker runs, the page runs the same job, a few
townships per POST (static/fazhi/stepper.js, or the no-JS “继续处理” button). Only the county's office sees
its bundles: another county's bundle is 404, township staff are refused (county_for: 403).
"""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.core import audit, clock, jobs
from fazhi.core.models import AuditKind
from fazhi.oversight.bundles import bundle_progress, download_name, start_bundle
from fazhi.oversight.models import BundleStatus, ReportBundle
from fazhi.oversight.views.access import county_for, county_object_or_404
from fazhi.oversight.views.common import chosen_year, step_answer, year_choices

PROCESS_BUDGET_SECONDS = 3.0  # one POST of the bundle page renders townships for about this long
ZIP_MIME = "application/zip"


class BundleForm(forms.Form):
    year = forms.TypedChoiceField(label="报告年度", coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = year_choices()
        field = self.fields["year"]
        field.choices = [(y, f"{y}年") for y in years]
        field.error_messages = {
            "required": "请选择要打包的报告年度",
            "invalid_choice": f"没有这个报告年度：请选择{years[-1]}年至{years[0]}年之间的年度",
        }


def _bundle(request, pk: int) -> ReportBundle:
    county = county_for(request)
    return county_object_or_404(ReportBundle.objects.select_related("county", "requested_by"), county, pk)


def _progress(bundle: ReportBundle) -> dict:
    progress = bundle_progress(bundle)
    done = bundle.status == BundleStatus.DONE
    progress["download"] = reverse("oversight_bundle_download", args=[bundle.pk]) if done else ""
    return progress


@login_required
def bundle_index(request):
    county = county_for(request)
    form = BundleForm(request.POST or None, initial={"year": chosen_year(request)})
    if request.method == "POST":
        if form.is_valid():
            year = form.cleaned_data["year"]
            try:
                bundle, created = start_bundle(county, year, request.user)
            except ValidationError as exc:
                messages.error(request, "未能开始打包：" + "；".join(exc.messages))
            else:
                if created:
                    transaction.on_commit(lambda: jobs.enqueue_once("oversight.report_bundle", bundle_id=bundle.pk))
                    messages.success(request, f"已开始打包{year}年度全县各乡镇（街道）年度报告")
                else:
                    messages.info(request, f"{year}年度的报告已在打包中（{clock.local(bundle.created_at):%Y-%m-%d %H:%M}开始），"
                                           "已为您打开，不会重复打包")
                return redirect("oversight_bundle", bundle.pk)
        else:
            messages.error(request, "未能开始打包：" + "；".join(e for errors in form.errors.values() for e in errors))
    bundles = ReportBundle.objects.filter(county=county).select_related("requested_by")[:30]
    return render(request, "oversight/bundles.html", {"county": county, "form": form, "bundles": bundles,
                                                      "year": chosen_year(request), "years": year_choices()})


@login_required
def bundle_detail(request, pk: int):
    bundle = _bundle(request, pk)
    return render(request, "oversight/bundle.html", {
        "county": bundle.county, "bundle": bundle, "progress": _progress(bundle), "year": bundle.year,
        "years": year_choices(),
    })


@login_required
def bundle_progress_json(request, pk: int):
    return JsonResponse(_progress(_bundle(request, pk)))


@login_required
@require_POST
def bundle_process(request, pk: int):
    """Render the bundle's next townships here for a few seconds — unless a worker is making it (the same job,
    fazhi/core/jobs.py ``run_here_unless_consumed``) — then answer with the progress."""
    bundle = _bundle(request, pk)
    jobs.run_here_unless_consumed("oversight.report_bundle", bundle_id=bundle.pk, budget_seconds=PROCESS_BUDGET_SECONDS)
    bundle.refresh_from_db()
    return step_answer(request, _progress(bundle), "oversight_bundle", bundle.pk)


@login_required
def bundle_download(request, pk: int):
    bundle = _bundle(request, pk)
    if bundle.status != BundleStatus.DONE or not bundle.file:
        messages.error(request, "打包尚未完成，完成后才能下载" if bundle.status == BundleStatus.PENDING
                       else "这次打包未能完成，没有可下载的文件，请重新打包")
        return redirect("oversight_bundle", bundle.pk)
    try:
        handle = bundle.file.open("rb")
    except OSError:
        messages.error(request, "打包文件已丢失（存储中找不到），请重新打包")
        return redirect("oversight_bundle", bundle.pk)
    files = sum(1 for e in bundle.entries if e.get("work"))
    audit.record(AuditKind.EXPORT, request=request, user=request.user,
                 detail=f"下载{bundle.county.name}{bundle.year}年度乡镇年度报告打包（第{bundle.pk}号，{files}个文件）")
    return FileResponse(handle, as_attachment=True, filename=download_name(bundle), content_type=ZIP_MIME)
