"""行政执法 cases: the dashboard with the case list, filing a case (立案), a case's page (clock, evidence, next
allowed steps, timeline), its documents, its evidence files, voiding it and the result of a remedy.
"""
from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core import audit as security_audit
from fazhi.core.history import history_entries
from fazhi.core.models import AuditKind
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.workbench import Workbench
from fazhi.core.scoping import (
    can_write_record, get_readable_or_404, get_writable_or_404, readable_orgs, require_writer, scoped, writable_org,
)
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.enforcement import documents, evidence, selectors, services
from fazhi.enforcement import forms as f
from fazhi.enforcement.choices import CaseStatus, PenaltyKind, RemedyResult, ReviewGround
from fazhi.enforcement.filters import CaseFilter
from fazhi.enforcement.models import CaseRemedy, EvidenceFile, PenaltyCase
from fazhi.reviews import services as reviews


@login_required
def index(request):
    orgs = readable_orgs(request.user)
    today = timezone.localdate()
    filters = CaseFilter(request.GET, scoped(PenaltyCase.objects.active(), request.user))
    qs = filters.qs.select_related("organisation")
    board = selectors.dashboard(orgs, today)
    overdue_ids = {c.pk for c, _ in board["overdue"]}
    if request.GET.get("overdue") == "1":
        qs = qs.filter(pk__in=overdue_ids)
    return render(request, "enforcement/index.html", {
        **list_page(request, qs.order_by("-filed_on", "-id")), "board": board, "overdue_ids": overdue_ids,
        "statuses": CaseStatus.choices, "status": filters.cleaned("status"), "year": filters.cleaned("year"),
        "can_write": writable_org(request.user) is not None, "multi_org": orgs.count() > 1,
    })


@login_required
def case_create(request):
    org = require_writer(request.user)
    form = f.CaseForm(request.POST or None, initial={"filed_on": timezone.localdate()})
    if request.method == "POST":
        made = {}

        def action(d):
            filed_on = d.pop("filed_on")
            made["c"] = services.case_file(organisation=org, fields=d, filed_on=filed_on, user=request.user)

        done = perform(request, form, action, success="已立案", redirect_to=lambda: redirect("enforcement_case", pk=made["c"].pk))
        if done:
            return done
    return render(request, "enforcement/form.html", {
        "form": form, "title": "立案（普通程序）", "button": "立案",
        "note": "符合立案标准的，应当及时立案（行政处罚法第五十四条第二款）。立案之日起九十日内作出处罚决定（第六十条）。",
    }, status=400 if request.method == "POST" else 200)


def _forms_for(case: PenaltyCase, bound: dict) -> dict:
    today = timezone.localdate()
    org = case.organisation
    s = case.status
    init = {k: today for k in ("taken_on", "notice_on", "statement_on", "requested_on", "notice_sent_on", "held_on",
                               "submitted_on", "approved_on", "decided_on", "served_on", "executed_on", "closed_on",
                               "published_on", "withdrawn_on", "filed_on", "result_on")}
    out: dict = {}
    if s in (CaseStatus.INVESTIGATING, CaseStatus.DEFENCE):
        out["evidence"] = f.EvidenceForm(initial=init | {"certificates_shown": True}, organisation=org)
    if s == CaseStatus.INVESTIGATING:
        out["notice"] = f.NoticeForm(initial=init)
    if s == CaseStatus.DEFENCE:
        if not case.statement_on and not case.rights_waived_on:
            out["statement"] = f.StatementForm(initial=init)
        if case.hearing_eligible and not case.hearing_requested_on and not case.rights_waived_on:
            out["hearing_request"] = f.HearingRequestForm(initial=init)
    if s == CaseStatus.HEARING:
        out["hearing"] = f.HearingForm(initial=init)
    if s in (CaseStatus.DEFENCE, CaseStatus.DECIDING, CaseStatus.LEGAL_REVIEW) and reviews.open_review(case) is None and reviews.passing_review(case) is None:
        out["review"] = f.ReviewForm(initial=init | {"grounds": services.review_grounds(case)})
    if s in (CaseStatus.DEFENCE, CaseStatus.DECIDING, CaseStatus.LEGAL_REVIEW):
        kinds = case.kinds("proposed_kinds")
        out["decide"] = f.DecisionForm(initial=init | {
            "kinds": kinds, "fine_amount": case.proposed_fine, "facts": case.notice_facts, "basis": case.legal_basis,
            "performance": services.default_performance(kinds), "remedies": services.default_remedies(org),
            "organ_name": org.name, "decision_number": services.suggested_decision_number(case),
        })
    if not case.decided_on:
        out["extend"] = f.ExtensionForm(initial=init)
    if s == CaseStatus.SERVING:
        out["serve"] = f.ServiceForm(initial=init)
    if s == CaseStatus.EXECUTING and not case.executed_on:
        out["execute"] = f.ExecutionForm(initial=init | {"amount_paid": case.fine_amount})
    if s == CaseStatus.EXECUTING and case.executed_on:
        out["close"] = f.CloseForm(initial=init)
    if case.decided_on and not case.published_on and not case.changed_on:
        out["publish"] = f.PublishForm(initial=init)
    if case.decided_on:
        out["remedy"] = f.RemedyForm(initial=init)
    if case.changed_on and case.published_on and not case.withdrawn_on:
        out["withdraw"] = f.WithdrawForm(initial=init)
    out.update(bound)
    return out


def case_page(request, case: PenaltyCase, bound=None, status=200):
    """The case page; the steps (case_steps.py) re-render it with their refused form and status 400."""
    today = timezone.localdate()
    can_write = can_write_record(request.user, case)
    steps = list(case.evidence.active().prefetch_related("officers", "files").order_by("taken_on", "id"))
    context = {
        "object": case, "clock": selectors.case_clock(case, today), "evidence_steps": steps, "ladder": selectors.case_steps(case),
        "extensions": case.extensions.active(), "remedies": case.remedies_filed.active(),
        "documents": documents.available(case), "timeline": timeline(case), "history": history_entries(case),
        "can_write": can_write, "same_org": can_write, "review_state": reviews.review_state_text(case),
        "grounds": [ReviewGround(g).label for g in services.review_grounds(case)],
        "proposed": "、".join(PenaltyKind(k).label for k in case.kinds("proposed_kinds")),
        "decided": "、".join(PenaltyKind(k).label for k in case.kinds("decision_kinds")),
        "defence": services.defence_state(case, today) if case.notice_on and not case.decided_on else None,
        "service_late": services.service_late(case),
        "audits": case.audit_results.active().select_related("audit"),
    }
    if can_write and not case.is_void:
        context["forms"] = _forms_for(case, bound or {})
        context["remedy_forms"] = [
            (r, (bound or {}).get(f"remedy_result_{r.pk}") or f.RemedyResultForm(initial={"result_on": today}, prefix=f"r{r.pk}"))
            for r in context["remedies"] if r.result == RemedyResult.PENDING]
    return render(request, "enforcement/case.html", context, status=status)


@login_required
def case_detail(request, pk: int):
    case = get_readable_or_404(PenaltyCase.objects.select_related("organisation", "passing_review"), request.user, pk)
    return case_page(request, case)


@login_required
@require_POST
def remedy_result(request, pk: int, remedy_pk: int):
    case = get_writable_or_404(PenaltyCase.objects.all(), request.user, pk)
    item = CaseRemedy.objects.filter(case=case, pk=remedy_pk).first()
    if item is None:
        raise Http404("记录不存在")
    form = f.RemedyResultForm(request.POST, prefix=f"r{item.pk}")
    done = perform(request, form, lambda d: services.remedy_conclude(item, user=request.user, **d), success="已登记结果",
                   redirect_to=lambda: redirect("enforcement_case", pk=case.pk))
    case.refresh_from_db()
    return done or case_page(request, case, {f"remedy_result_{item.pk}": form}, status=400)


case_void = Workbench(PenaltyCase, page=case_page, detail_route="enforcement_case", name="case").void(
    services.case_void, success="已撤销立案（作废）")


@login_required
def document(request, pk: int, slug: str):
    case = get_readable_or_404(PenaltyCase.objects.select_related("organisation"), request.user, pk)
    if slug not in dict(documents.available(case)):
        raise Http404("该文书尚不能生成")
    data = documents.render(case, slug)
    name = f"{documents.DOCUMENTS[slug]}-{case.number}.docx"
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response["Content-Disposition"] = f"attachment; filename=\"{slug}-{case.pk}.docx\"; filename*=UTF-8''{quote(name)}"
    return response


@login_required
def evidence_download(request, pk: int):
    """Evidence is served to the township's own staff only — not to the county, never publicly — and only while its
    bytes still match the SHA-256 taken at upload."""
    own = writable_org(request.user)
    item = EvidenceFile.objects.active().filter(pk=pk).select_related("step__case").first()
    if item is None or own is None or own.pk != item.organisation_id:
        raise Http404("记录不存在或您无权查看")
    if not evidence.intact(item):
        return HttpResponse("该取证记录文件的校验值（SHA-256）与上传时不一致，文件可能已被篡改，已拒绝提供。请报告系统管理员。",
                            status=409, content_type="text/plain; charset=utf-8")
    security_audit.record(AuditKind.EXPORT, request=request, user=request.user,
                          detail=f"下载取证记录“{item.original_name}”（{item.step.case.number}）")
    response = FileResponse(item.file.open("rb"), content_type=item.mime_type)
    response["Content-Disposition"] = f"attachment; filename=\"evidence-{pk}\"; filename*=UTF-8''{quote(item.original_name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Evidence-SHA256"] = item.sha256
    return response
