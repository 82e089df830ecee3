"""Normative documents: the register, one document's page with its next steps, settings and number series."""
from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.core.history import history_entries
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.progress import current
from fazhi.core.kit.workbench import Workbench
from fazhi.core.scoping import can_write_record, get_readable_or_404, readable_orgs, require_writer, scoped, writable_org
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.normative import forms as f
from fazhi.normative import rules, services
from fazhi.normative.choices import DocStatus
from fazhi.normative.filters import NormativeFilter
from fazhi.normative.models import DocumentSeries, NormativeDocument, NormativeSettings
from fazhi.normative.progress import progress
from fazhi.normative.selectors import needing_attention
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews


@login_required
def document_list(request):
    today = timezone.localdate()
    filters = NormativeFilter(request.GET, scoped(NormativeDocument.objects.active(), request.user))
    orgs = readable_orgs(request.user)
    return render(request, "normative/list.html", {
        **list_page(request, filters.qs.select_related("organisation").order_by("-issued_on", "-id")),
        "statuses": DocStatus.choices, "status": filters.cleaned("status"), "year": filters.cleaned("year"),
        "attention": needing_attention(orgs, today), "multi_org": orgs.count() > 1,
        "can_write": writable_org(request.user) is not None,
    })


@login_required
def document_create(request):
    org = require_writer(request.user)
    form = f.DraftForm(request.POST or None)
    if request.method == "POST":
        made = {}
        done = perform(request, form, lambda d: made.setdefault("doc", services.create_draft(organisation=org, fields=d, user=request.user)),
                       success="已建立草案", redirect_to=lambda: redirect("normative_detail", pk=made["doc"].pk))
        if done:
            return done
    return render(request, "normative/form.html", {"form": form})


def _forms_for(doc, bound: dict) -> dict:
    today = timezone.localdate()
    initial = {k: today for k in ("opens_on", "submitted_on", "deliberated_on", "issued_on", "published_on", "filed_on",
                                  "evaluated_on", "repealed_on")}
    cfg = rules.settings_for(doc.organisation)
    initial["closes_on"] = today + dt.timedelta(days=cfg.comment_min_days - 1)
    out = {}
    if doc.status in (DocStatus.DRAFTING, DocStatus.COMMENTING, DocStatus.IN_REVIEW):
        period = participation.current_period(doc)
        if doc.affects_rights and doc.status != DocStatus.IN_REVIEW and (period is None or period.closes_on < today):
            out["comment"] = f.CommentPeriodForm(initial=initial)
        if reviews.open_review(doc) is None and reviews.passing_review(doc) is None:
            out["review"] = f.SendForReviewForm(initial=initial)
        out["deliberate"] = f.DeliberationForm(initial=initial)
    if doc.status == DocStatus.DELIBERATED:
        out["issue"] = f.IssueForm(organisation=doc.organisation, initial=initial)
    if doc.status == DocStatus.ISSUED:
        out["publish"] = f.PublishForm(initial=initial)
    if doc.status in (DocStatus.PUBLISHED, DocStatus.REPEALED) and doc.published_on and not doc.filed_on:
        out["file"] = f.FilingForm(initial=initial)
    if doc.status == DocStatus.PUBLISHED:
        out["evaluate"] = f.EvaluationForm(initial=initial)
    if doc.status in (DocStatus.ISSUED, DocStatus.PUBLISHED):
        out["repeal"] = f.RepealForm(initial=initial)
    for name, form in bound.items():
        out[name] = form
    return out


def _detail(request, doc, bound=None, status=200):
    today = timezone.localdate()
    steps = progress(doc, today)
    can_write = can_write_record(request.user, doc)
    period = participation.current_period(doc)
    context = {
        "object": doc, "steps": steps, "missing": current(steps), "period": period,
        "comments": period.comments.active() if period else [],
        "timeline": timeline(doc), "history": history_entries(doc), "can_write": can_write,
        "in_force": doc.in_force_on(today), "evaluations": doc.evaluations.all(),
        "no_series": not DocumentSeries.objects.filter(organisation=doc.organisation, is_active=True).exists(),
    }
    if can_write and not doc.is_void:
        context["forms"] = _forms_for(doc, bound or {})
    return render(request, "normative/detail.html", context, status=status)


@login_required
def document_detail(request, pk: int):
    return _detail(request, get_readable_or_404(NormativeDocument.objects.select_related("passing_review"), request.user, pk))


bench = Workbench(NormativeDocument, page=_detail, detail_route="normative_detail", name="normative")
comment = bench.step("comment", f.CommentPeriodForm, lambda doc, u, d: services.open_public_comment(doc, user=u, **d),
                     "已公开征求意见，草案已在门户网站公布")
review = bench.step("review", f.SendForReviewForm, lambda doc, u, d: services.send_for_legality_review(doc, user=u, **d),
                    "已送请合法性审核")
deliberate = bench.step("deliberate", f.DeliberationForm, lambda doc, u, d: services.record_deliberation(doc, user=u, **d),
                        "已登记集体审议")
issue = bench.step("issue", f.IssueForm, lambda doc, u, d: services.issue_document(doc, user=u, **d), "已编号印发",
                   form_kwargs=lambda doc: {"organisation": doc.organisation})
publish = bench.step("publish", f.PublishForm, lambda doc, u, d: services.publish_document(doc, user=u, **d), "已公布施行")
file = bench.step("file", f.FilingForm, lambda doc, u, d: services.file_with_county(doc, user=u, **d), "已登记报送备案")
evaluate = bench.step("evaluate", f.EvaluationForm, lambda doc, u, d: services.evaluate_document(doc, user=u, **d),
                      "已登记评估清理")
repeal = bench.step("repeal", f.RepealForm, lambda doc, u, d: services.repeal_document(doc, user=u, **d), "已废止")
void = bench.void(services.draft_void, success="草案已作废")


@login_required
def settings_page(request):
    org = require_writer(request.user)
    instance = NormativeSettings.objects.filter(organisation=org).first() or NormativeSettings(organisation=org)
    form = f.SettingsForm(request.POST if request.POST.get("form") == "settings" else None, instance=instance)
    series_form = f.SeriesForm(request.POST if request.POST.get("form") == "series" else None)
    if request.method == "POST":
        if request.POST.get("form") == "settings" and form.is_valid():
            form.save()
            messages.success(request, "已保存设置")
            return redirect("normative_settings")
        if request.POST.get("form") == "series" and series_form.is_valid():
            prefix = series_form.cleaned_data["prefix"]
            if DocumentSeries.objects.filter(organisation=org, prefix=prefix).exists():
                series_form.add_error("prefix", "该发文机关代字已存在")
            else:
                DocumentSeries.objects.create(organisation=org, prefix=prefix, name=series_form.cleaned_data["name"])
                messages.success(request, f"已添加发文字号系列：{prefix}")
                return redirect("normative_settings")
        messages.error(request, "未能保存，请按提示修改后重试")
    return render(request, "normative/settings.html", {
        "form": form, "series_form": series_form, "series": DocumentSeries.objects.filter(organisation=org),
    }, status=400 if request.method == "POST" else 200)
