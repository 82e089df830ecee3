"""Major decisions: the list (with the decisions whose legality review has not started), the year's catalog,
one decision's step ladder with the forms for its next step."""
from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.progress import current
from fazhi.core.kit.workbench import Workbench
from fazhi.core.scoping import (
    can_write_record, get_readable_or_404, get_writable_or_404, readable_orgs, require_writer, scoped, writable_org,
)
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.decisions import forms as f
from fazhi.decisions import selectors, services, steps
from fazhi.decisions.choices import Stage
from fazhi.decisions.filters import DecisionFilter
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews


@login_required
def decision_list(request):
    today = timezone.localdate()
    orgs = readable_orgs(request.user)
    filters = DecisionFilter(request.GET, scoped(MajorDecision.objects.active(), request.user))
    year = filters.cleaned("year")
    unreviewed_year = year or today.year
    unreviewed = selectors.pending_legality_review(orgs.values_list("pk", flat=True), unreviewed_year)
    qs = filters.qs
    if request.GET.get("unreviewed") == "1":
        qs = qs.filter(pk__in=unreviewed.values("pk"))
    own = writable_org(request.user)
    return render(request, "decisions/list.html", {
        **list_page(request, qs.select_related("organisation", "catalog").order_by("-launched_on", "-id")),
        "stages": Stage.choices, "stage": filters.cleaned("stage"), "year": year,
        "unreviewed": unreviewed, "unreviewed_year": unreviewed_year,
        "catalogs": scoped(DecisionCatalog.objects.active(), request.user).select_related("organisation").order_by("-year")[:10],
        "multi_org": orgs.count() > 1, "can_write": own is not None,
        "board": selectors.dashboard(own, year=unreviewed_year, today=today) if own is not None else None,
    })


@login_required
def catalog_create(request):
    org = require_writer(request.user)
    today = timezone.localdate()
    form = f.CatalogForm(request.POST or None, initial={"year": today.year, "title": f"{org.name}{today.year}年度重大行政决策事项目录"})
    if request.method == "POST":
        made = {}
        done = perform(request, form, lambda d: made.setdefault("c", services.create_catalog(organisation=org, user=request.user, **d)),
                       success="已建立决策事项目录", redirect_to=lambda: redirect("decision_catalog", pk=made["c"].pk))
        if done:
            return done
    return render(request, "decisions/catalog_form.html", {"form": form})


@login_required
def catalog_detail(request, pk: int):
    catalog = get_readable_or_404(DecisionCatalog.objects.all(), request.user, pk)
    form = None
    if can_write_record(request.user, catalog) and not catalog.published_on and not catalog.is_void:
        form = f.PublishCatalogForm(request.POST or None, initial={
            "title": catalog.title, "party_approved_on": catalog.party_approved_on})
        if request.method == "POST":
            done = perform(request, form, lambda d: services.update_catalog(catalog, user=request.user, **d),
                           success="目录已保存" if not form.data.get("published_on") else "目录已公布",
                           redirect_to=lambda: redirect("decision_catalog", pk=catalog.pk))
            if done:
                return done
    elif request.method == "POST":
        get_writable_or_404(DecisionCatalog.objects.all(), request.user, pk)
        messages.error(request, "该目录已经公布（或已作废），不能再修改；年度中新增的事项在启动时列入目录")
    pending = set(selectors.pending_legality_review([catalog.organisation_id], catalog.year).values_list("pk", flat=True))
    rows = [(d, d.pk in pending, reviews.review_state_text(d)) for d in catalog.decisions.active().order_by("id")]
    return render(request, "decisions/catalog.html", {
        "catalog": catalog, "rows": rows, "form": form,
        "can_write": can_write_record(request.user, catalog),
    }, status=400 if request.method == "POST" else 200)


@login_required
def decision_create(request):
    org = require_writer(request.user)
    form = f.LaunchForm(request.POST or None, organisation=org, initial={"launched_on": timezone.localdate()})
    if request.method == "POST":
        made = {}

        def action(d):
            launched_on = d.pop("launched_on")
            made["d"] = services.launch_decision(organisation=org, fields=d, launched_on=launched_on, user=request.user)

        done = perform(request, form, action, success="已启动决策事项",
                       redirect_to=lambda: redirect("decision_detail", pk=made["d"].pk))
        if done:
            return done
    return render(request, "decisions/form.html", {"form": form})


def _forms_for(decision, bound: dict) -> dict:
    today = timezone.localdate()
    stage = steps.next_stage(decision, today)
    init = {k: today for k in ("drafted_on", "opens_on", "done_on", "reviewed_on", "assessed_on", "on", "submitted_on",
                               "discussed_on", "reported_on", "decided_on", "published_on", "archived_on", "evaluated_on")}
    init["closes_on"] = today + dt.timedelta(days=29)
    out: dict = {}
    if stage == Stage.DRAFTING:
        out["drafting"] = f.DraftingForm(initial=init)
    elif stage == Stage.PARTICIPATION:
        if participation.current_period(decision) is None:
            out["participation"] = f.ParticipationForm(initial=init | {"draft_text": decision.summary})
        else:
            out["participation_done"] = f.ParticipationDoneForm(initial=init)
    elif stage in (Stage.EXPERT, Stage.RISK, Stage.PARTY_REPORT):
        form_class = {Stage.EXPERT: f.ExpertForm, Stage.RISK: f.RiskForm, Stage.PARTY_REPORT: f.PartyReportForm}[stage]
        out[stage.value] = form_class(initial=init)
        out["skip"] = f.SkipForm(initial=init | {"stage": stage.value}, stage=stage)
    elif stage == Stage.LEGALITY:
        if reviews.open_review(decision) is None and reviews.passing_review(decision) is None:
            out["review"] = f.ReviewForm(initial=init)
        out["discussion"] = f.DiscussionForm(initial=init)
    elif stage == Stage.DISCUSSION:
        out["discussion"] = f.DiscussionForm(initial=init)
    elif stage == Stage.DECISION:
        out["decision"] = f.DecisionForm(initial=init)
    elif stage == Stage.PUBLICATION:
        out["publish"] = f.PublishForm(initial=init | {"adoption_explanation": decision.comments_adoption})
    elif stage == Stage.ARCHIVING:
        out["archive"] = f.ArchiveForm(initial=init)
    elif stage == Stage.DONE and not decision.evaluated_on:
        out["evaluation"] = f.EvaluationForm(initial=init)
    out.update(bound)
    return out


def _detail(request, decision, bound=None, status=200):
    today = timezone.localdate()
    ladder = steps.progress(decision, today)
    can_write = can_write_record(request.user, decision)
    period = participation.current_period(decision)
    context = {
        "object": decision, "steps": ladder, "missing": current(ladder),
        "missing_steps": steps.missing_steps(decision, today),
        "next_stage": steps.next_stage(decision, today), "period": period,
        "comments": period.comments.active() if period else [],
        "attachments": attachments_for(decision), "timeline": timeline(decision), "history": history_entries(decision),
        "can_write": can_write,
    }
    if can_write and not decision.is_void:
        context["forms"] = _forms_for(decision, bound or {})
    return render(request, "decisions/detail.html", context, status=status)


@login_required
def decision_detail(request, pk: int):
    return _detail(request, get_readable_or_404(MajorDecision.objects.select_related("passing_review", "catalog"), request.user, pk))


bench = Workbench(MajorDecision, page=_detail, detail_route="decision_detail", name="decision")
drafting = bench.step("drafting", f.DraftingForm, lambda d, u, c: services.record_drafting(d, user=u, **c), "已登记拟订方案")
participation_open = bench.step("participation", f.ParticipationForm,
                                lambda d, u, c: services.open_public_participation(d, user=u, **c),
                                "决策草案已在门户网站公开征求意见")
participation_done = bench.step("participation_done", f.ParticipationDoneForm,
                                lambda d, u, c: services.close_public_participation(d, user=u, **c), "已登记公众参与情况")
expert = bench.step("expert", f.ExpertForm, lambda d, u, c: services.record_expert_review(d, user=u, **c), "已登记专家论证")
risk = bench.step("risk", f.RiskForm, lambda d, u, c: services.record_risk_assessment(d, user=u, **c), "已登记风险评估")
skip = bench.step("skip", f.SkipForm, lambda d, u, c: services.skip_optional_step(d, user=u, **c), "已记录不进行的理由")
review = bench.step("review", f.ReviewForm, lambda d, u, c: services.send_for_legality_review(d, user=u, **c), "已送请合法性审查")
discussion = bench.step("discussion", f.DiscussionForm, lambda d, u, c: services.hold_collective_discussion(d, user=u, **c),
                        "已登记集体讨论")
party_report = bench.step("party_report", f.PartyReportForm,
                          lambda d, u, c: services.report_to_party_committee(d, user=u, **c), "已登记向党委请示报告")
decide = bench.step("decision", f.DecisionForm, lambda d, u, c: services.make_decision(d, user=u, **c), "已登记决定")
publish = bench.step("publish", f.PublishForm, lambda d, u, c: services.publish_decision(d, user=u, **c), "决策已公布")
archive = bench.step("archive", f.ArchiveForm, lambda d, u, c: services.archive_decision(d, user=u, **c), "已归档")
evaluate = bench.step("evaluation", f.EvaluationForm, lambda d, u, c: services.evaluate_decision(d, user=u, **c),
                      "已登记决策后评估")
void = bench.void(services.decision_void)
