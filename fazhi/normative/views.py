"""Normative documents: the register, one document's page with its next steps, settings and number series."""
from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.history import history_entries
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, readable_orgs, scoped, writable_org
from fazhi.core.transitions import record_transition, timeline
from fazhi.core.views.ledgers import VoidForm
from fazhi.core.workflow_views import can_write_record, perform, require_writer
from fazhi.normative import forms as f
from fazhi.normative import rules, services
from fazhi.normative.choices import BEFORE_ISSUE, DocStatus
from fazhi.normative.models import DocumentSeries, NormativeDocument, NormativeSettings
from fazhi.normative.progress import missing, progress
from fazhi.normative.selectors import needing_attention
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews


@login_required
def document_list(request):
    qs = scoped(NormativeDocument.objects.all(), request.user).filter(voided_at__isnull=True)
    status = request.GET.get("status", "")
    today = timezone.localdate()
    if status in DocStatus.values:
        qs = qs.filter(status=status)
    elif status == "in_force":
        qs = qs.filter(status=DocStatus.PUBLISHED, published_on__lte=today).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(Q(issued_on__year=int(year)) | Q(issued_on__isnull=True, created_at__year=int(year)))
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(doc_number__icontains=q))
    page = Paginator(qs.select_related("organisation").order_by("-issued_on", "-id"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    orgs = readable_orgs(request.user)
    return render(request, "normative/list.html", {
        "page": page, "statuses": DocStatus.choices, "status": status, "year": year, "query": query.urlencode(),
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
        "object": doc, "steps": steps, "missing": missing(steps), "period": period,
        "comments": period.comments.filter(voided_at__isnull=True) if period else [],
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


def _step(name, form_class, run, success):
    @login_required
    @require_POST
    def view(request, pk: int):
        doc = get_writable_or_404(NormativeDocument.objects.all(), request.user, pk)
        kwargs = {"organisation": doc.organisation} if form_class is f.IssueForm else {}
        form = form_class(request.POST, **kwargs)
        done = perform(request, form, lambda d: run(doc, request.user, d), success=success,
                       redirect_to=lambda: redirect("normative_detail", pk=doc.pk))
        return done or _detail(request, doc, {name: form}, status=400)
    view.__name__ = f"normative_{name}"
    return view


comment = _step("comment", f.CommentPeriodForm, lambda doc, u, d: services.open_public_comment(doc, user=u, **d), "已公开征求意见，草案已在门户网站公布")
review = _step("review", f.SendForReviewForm, lambda doc, u, d: services.send_for_legality_review(doc, user=u, **d), "已送请合法性审核")
deliberate = _step("deliberate", f.DeliberationForm, lambda doc, u, d: services.record_deliberation(doc, user=u, **d), "已登记集体审议")
issue = _step("issue", f.IssueForm, lambda doc, u, d: services.issue_document(doc, user=u, **d), "已编号印发")
publish = _step("publish", f.PublishForm, lambda doc, u, d: services.publish_document(doc, user=u, **d), "已公布施行")
file = _step("file", f.FilingForm, lambda doc, u, d: services.file_with_county(doc, user=u, **d), "已登记报送备案")
evaluate = _step("evaluate", f.EvaluationForm, lambda doc, u, d: services.evaluate_document(doc, user=u, **d), "已登记评估清理")
repeal = _step("repeal", f.RepealForm, lambda doc, u, d: services.repeal_document(doc, user=u, **d), "已废止")


@login_required
@require_POST
def void(request, pk: int):
    doc = get_writable_or_404(NormativeDocument.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废必须填写原因")
    elif doc.status not in BEFORE_ISSUE:
        messages.error(request, "已印发的文件有文号，不能作废；如不再施行，请办理废止")
    else:
        reason = form.cleaned_data["reason"]
        try:
            with transaction.atomic():  # the draft, its timeline and its portal comment periods go together
                doc.void(reason=reason, user=request.user)
                record_transition(doc, action="作废草案", user=request.user, note=reason)
                participation.withdraw_periods(doc, user=request.user, reason=reason)
                reviews.withdraw_open_review(doc, user=request.user, reason=reason)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, "草案已作废")
    return redirect("normative_detail", pk=doc.pk)


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
