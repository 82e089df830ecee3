"""行政执法 pages: the dashboard with the case list, a case's page (clock, evidence, next allowed steps, timeline),
officers and their certificates, training, equipment, the enforcement item list, 简易程序, case-file audits.

Views are thin: each step's form posts to its own URL and runs one service; a refusal re-renders the page with the
Chinese reason (naming the article) on the form, with status 400.
"""
from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core import audit as security_audit
from fazhi.core.history import history_entries
from fazhi.core.models import AuditKind
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, readable_orgs, scoped, writable_org
from fazhi.core.transitions import timeline
from fazhi.core.views.ledgers import VoidForm
from fazhi.core.workflow_views import can_write_record, perform, require_writer
from fazhi.enforcement import documents, evidence, selectors, services
from fazhi.enforcement import forms as f
from fazhi.enforcement.choices import CaseStatus, PenaltyKind, RemedyResult, ReviewGround
from fazhi.enforcement.models import (
    CaseAudit, CaseRemedy, EnforcementInspection, EnforcementItem, Equipment, EvidenceFile, Officer, PenaltyCase, Rectification, SimplePenalty,
    TrainingSession,
)
from fazhi.reviews import services as reviews


def _today():
    return timezone.localdate()


# ---------------------------------------------------------------- dashboard and case list

@login_required
def index(request):
    orgs = readable_orgs(request.user)
    today = _today()
    qs = scoped(PenaltyCase.objects.active(), request.user).select_related("organisation")
    status = request.GET.get("status", "")
    if status in CaseStatus.values:
        qs = qs.filter(status=status)
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(filed_on__year=int(year))
    board = selectors.dashboard(orgs, today)
    overdue_ids = {c.pk for c, _ in board["overdue"]}
    if request.GET.get("overdue") == "1":
        qs = qs.filter(pk__in=overdue_ids)
    page = Paginator(qs.order_by("-filed_on", "-id"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "enforcement/index.html", {
        "page": page, "board": board, "overdue_ids": overdue_ids, "statuses": CaseStatus.choices, "status": status,
        "year": year, "query": query.urlencode(), "can_write": writable_org(request.user) is not None,
        "multi_org": orgs.count() > 1,
    })


@login_required
def case_create(request):
    org = require_writer(request.user)
    form = f.CaseForm(request.POST or None, initial={"filed_on": _today()})
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


# ---------------------------------------------------------------- one case

def _forms_for(case: PenaltyCase, bound: dict) -> dict:
    today = _today()
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
            "organ_name": org.name, "decision_number": case.number.replace("罚", "罚决"),
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


def _case_page(request, case: PenaltyCase, bound=None, status=200):
    today = _today()
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
    return _case_page(request, case)


def _step(name, form_class, run, success, org_form=False):
    @login_required
    @require_POST
    def view(request, pk: int):
        case = get_writable_or_404(PenaltyCase.objects.all(), request.user, pk)
        kwargs = {"organisation": case.organisation} if org_form else {}
        form = form_class(request.POST, request.FILES, **kwargs)
        done = perform(request, form, lambda d: run(case, request.user, d), success=success,
                       redirect_to=lambda: redirect("enforcement_case", pk=case.pk))
        case.refresh_from_db()
        return done or _case_page(request, case, {name: form}, status=400)
    view.__name__ = f"case_{name}"
    return view


def _decide(case, user, d):
    return services.case_decide(case, user=user, **d)


evidence_add = _step("evidence", f.EvidenceForm, lambda c, u, d: services.evidence_record(c, user=u, **d),
                     "已登记调查取证", org_form=True)
notify = _step("notice", f.NoticeForm, lambda c, u, d: services.case_notify(c, user=u, **d), "已登记告知")
statement = _step("statement", f.StatementForm, lambda c, u, d: services.statement_record(c, user=u, **d), "已登记陈述申辩")
hearing_request = _step("hearing_request", f.HearingRequestForm, lambda c, u, d: services.hearing_request(c, user=u, **d),
                        "已登记听证申请")
hearing = _step("hearing", f.HearingForm, lambda c, u, d: services.hearing_hold(c, user=u, **d), "已登记听证")
review = _step("review", f.ReviewForm, lambda c, u, d: services.send_for_legal_review(c, user=u, **d), "已送法制审核")
extend = _step("extend", f.ExtensionForm, lambda c, u, d: services.extend_decision_limit(c, user=u, **d), "已延长办案期限")
decide = _step("decide", f.DecisionForm, _decide, "已作出行政处罚决定")
serve = _step("serve", f.ServiceForm, lambda c, u, d: services.case_serve(c, user=u, **d), "已登记送达")
execute = _step("execute", f.ExecutionForm, lambda c, u, d: services.case_execute(c, user=u, **d), "已登记执行")
close = _step("close", f.CloseForm, lambda c, u, d: services.case_close(c, user=u, **d), "已结案归档")
publish = _step("publish", f.PublishForm, lambda c, u, d: services.case_publish(c, user=u, **d), "已在公开门户公示")
withdraw = _step("withdraw", f.WithdrawForm, lambda c, u, d: services.case_withdraw_publication(c, user=u, **d), "已撤下公示")
remedy = _step("remedy", f.RemedyForm, lambda c, u, d: services.remedy_record(c, user=u, **d), "已登记复议（诉讼）")


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
    return done or _case_page(request, case, {f"remedy_result_{item.pk}": form}, status=400)


@login_required
@require_POST
def case_void(request, pk: int):
    case = get_writable_or_404(PenaltyCase.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废必须填写原因")
    else:
        try:
            services.case_void(case, reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, "已撤销立案（作废）")
    return redirect("enforcement_case", pk=case.pk)


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
    item = EvidenceFile.objects.filter(pk=pk, voided_at__isnull=True).select_related("step__case").first()
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


# ---------------------------------------------------------------- officers

@login_required
def officers(request):
    orgs = readable_orgs(request.user)
    today = _today()
    people = scoped(Officer.objects.active(), request.user).select_related("organisation").prefetch_related("certificates")
    rows = []
    for o in people.order_by("organisation__code", "kind", "name"):
        cert = o.certificate_on(today)
        rows.append((o, cert))
    return render(request, "enforcement/officers.html", {
        "rows": rows, "alerts": selectors.certificate_alerts(orgs, today), "can_write": writable_org(request.user) is not None,
        "multi_org": orgs.count() > 1, "warning_days": selectors.EXPIRY_WARNING_DAYS,
    })


@login_required
def officer_create(request):
    org = require_writer(request.user)
    form = f.OfficerForm(request.POST or None)
    if request.method == "POST":
        made = {}
        done = perform(request, form, lambda d: made.setdefault("o", services.officer_register(organisation=org, fields=d, user=request.user)),
                       success="已登记执法人员", redirect_to=lambda: redirect("enforcement_officer", pk=made["o"].pk))
        if done:
            return done
    return render(request, "enforcement/form.html", {"form": form, "title": "登记执法人员", "button": "登记",
                                                     "back": "enforcement_officers"},
                  status=400 if request.method == "POST" else 200)


def _officer_page(request, officer, cert_form=None, status=200):
    can_write = can_write_record(request.user, officer)
    today = _today()
    return render(request, "enforcement/officer.html", {
        "object": officer, "certificates": officer.certificates.active(), "current": officer.certificate_on(today),
        "trainings": officer.trainings.active(), "steps": officer.evidence_steps.active().select_related("case")[:50],
        "can_write": can_write, "history": history_entries(officer),
        "cert_form": (cert_form or f.CertificateForm()) if can_write and not officer.is_void and officer.kind == "officer" else None,
    }, status=status)


@login_required
def officer_detail(request, pk: int):
    return _officer_page(request, get_readable_or_404(Officer.objects.all(), request.user, pk))


@login_required
@require_POST
def certificate_add(request, pk: int):
    officer = get_writable_or_404(Officer.objects.all(), request.user, pk)
    form = f.CertificateForm(request.POST)
    done = perform(request, form, lambda d: services.certificate_add(officer, user=request.user, **d), success="已登记执法证",
                   redirect_to=lambda: redirect("enforcement_officer", pk=officer.pk))
    return done or _officer_page(request, officer, form, status=400)


# ---------------------------------------------------------------- simple registers: training, equipment, items, 简易程序

REGISTERS = {
    "training": (TrainingSession, "执法人员培训", "enforcement_trainings"),
    "equipment": (Equipment, "执法装备", "enforcement_equipment"),
    "item": (EnforcementItem, "行政执法事项清单", "enforcement_items"),
    "simple": (SimplePenalty, "简易程序处罚", "enforcement_simple_list"),
    "officer": (Officer, "执法人员", "enforcement_officers"),
    "inspection": (EnforcementInspection, "现场执法检查活动", "enforcement_inspections"),
}


def _register_list(request, kind: str, template: str, extra: dict | None = None):
    model, title, _ = REGISTERS[kind]
    rows = scoped(model.objects.active(), request.user).select_related("organisation")
    year = request.GET.get("year", "")
    date_field = {"training": "held_on", "simple": "decided_on", "inspection": "held_on"}.get(kind)
    if date_field and year.isdigit() and len(year) == 4:
        rows = rows.filter(**{f"{date_field}__year": int(year)})
    return render(request, template, {
        "rows": rows, "title": title, "kind": kind, "year": year, "can_write": writable_org(request.user) is not None,
        "multi_org": readable_orgs(request.user).count() > 1, **(extra or {}),
    })


@login_required
def trainings(request):
    return _register_list(request, "training", "enforcement/trainings.html")


@login_required
def equipment_list(request):
    return _register_list(request, "equipment", "enforcement/equipment.html")


@login_required
def items(request):
    return _register_list(request, "item", "enforcement/items.html")


@login_required
def simple_list(request):
    return _register_list(request, "simple", "enforcement/simple.html", {"limits": "公民200元、法人或者其他组织3000元"})


def _register_create(request, form_class, run, *, title: str, back: str, note: str = "", org_form: bool = False):
    org = require_writer(request.user)
    kwargs = {"organisation": org} if org_form else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST":
        done = perform(request, form, lambda d: run(org, request.user, d), success="已登记", redirect_to=back)
        if done:
            return done
    return render(request, "enforcement/form.html", {"form": form, "title": title, "button": "登记", "note": note, "back": back},
                  status=400 if request.method == "POST" else 200)


@login_required
def training_create(request):
    def run(org, user, d):
        d["hours"] = d.get("hours") or 0
        return services.training_record(organisation=org, user=user, **d)
    return _register_create(request, f.TrainingForm, run, title="登记执法人员培训", back="enforcement_trainings", org_form=True)


@login_required
def equipment_create(request):
    return _register_create(request, f.EquipmentForm,
                            lambda org, user, d: services.equipment_register(organisation=org, fields=d, user=user),
                            title="登记执法装备", back="enforcement_equipment")


@login_required
def item_create(request):
    return _register_create(request, f.ItemForm, lambda org, user, d: services.item_register(organisation=org, fields=d, user=user),
                            title="登记行政执法事项", back="enforcement_items",
                            note="执法主体、依据、程序和救济渠道应当公示（行政处罚法第三十九条）。")


@login_required
def inspections(request):
    return _register_list(request, "inspection", "enforcement/inspections.html")


@login_required
def inspection_create(request):
    return _register_create(request, f.InspectionForm,
                            lambda org, user, d: services.inspection_record(organisation=org, fields=d, user=user),
                            title="登记现场执法检查活动", back="enforcement_inspections")


@login_required
def simple_create(request):
    def run(org, user, d):
        officers_chosen = d.pop("officers")
        return services.simple_penalty_register(organisation=org, fields=d, officers=officers_chosen, user=user)
    return _register_create(request, f.SimplePenaltyForm, run, title="登记当场处罚（简易程序）", back="enforcement_simple_list",
                            org_form=True,
                            note="违法事实确凿并有法定依据，对公民处200元以下、对法人或者其他组织处3000元以下罚款或者警告的，可以当场作出"
                                 "（行政处罚法第五十一条）；填写预定格式、编有号码的决定书编号，并报所属行政机关备案（第五十二条）。")


@login_required
@require_POST
def register_void(request, kind: str, pk: int):
    if kind not in REGISTERS:
        raise Http404
    model, _, back = REGISTERS[kind]
    obj = get_writable_or_404(model.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废必须填写原因")
    else:
        try:
            obj.void(reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, "已作废")
    return redirect("enforcement_officer", pk=obj.pk) if kind == "officer" else redirect(back)


# ---------------------------------------------------------------- case-file audits

@login_required
def audits(request):
    rows = scoped(CaseAudit.objects.active(), request.user).select_related("organisation").prefetch_related("results")
    return render(request, "enforcement/audits.html", {
        "rows": rows, "can_write": writable_org(request.user) is not None,
        "open_items": selectors.open_rectifications(readable_orgs(request.user)),
        "multi_org": readable_orgs(request.user).count() > 1, "today": _today(),
    })


@login_required
def audit_create(request):
    org = require_writer(request.user)
    form = f.AuditForm(request.POST or None, organisation=org, initial={"held_on": _today(), "auditors": "司法所、党政办"})
    if request.method == "POST":
        made = {}

        def run(d):
            made["a"] = services.audit_run(organisation=org, user=request.user, held_on=d["held_on"], title=d["title"],
                                           auditors=d["auditors"], cases=d["cases"], sample=d.get("sample") or 0)
        done = perform(request, form, run, success="已完成评查打分", redirect_to=lambda: redirect("enforcement_audit", pk=made["a"].pk))
        if done:
            return done
    return render(request, "enforcement/form.html", {
        "form": form, "title": "开展案卷评查", "button": "评查打分", "back": "enforcement_audits",
        "note": "选择已结案归档的案卷，或填写随机抽查件数；系统按评查标准逐项打分（满分100分），列出发现的问题。"},
        status=400 if request.method == "POST" else 200)


def _audit_page(request, audit, bound=None, status=200):
    can_write = can_write_record(request.user, audit)
    return render(request, "enforcement/audit.html", {
        "object": audit, "results": audit.results.active().select_related("case"),
        "items": audit.rectifications.active().select_related("case"), "can_write": can_write,
        "form": (bound or {}).get("rect") or (f.RectificationForm(audit=audit) if can_write else None),
        "fix_forms": {} if not can_write else {
            r.pk: (bound or {}).get(f"fix_{r.pk}") or f.FixForm(initial={"fixed_on": _today()}, prefix=f"fix{r.pk}")
            for r in audit.rectifications.active() if not r.fixed_on},
        "timeline": timeline(audit), "today": _today(),
    }, status=status)


@login_required
def audit_detail(request, pk: int):
    return _audit_page(request, get_readable_or_404(CaseAudit.objects.all(), request.user, pk))


@login_required
@require_POST
def rectification_add(request, pk: int):
    audit = get_writable_or_404(CaseAudit.objects.all(), request.user, pk)
    form = f.RectificationForm(request.POST, audit=audit)
    done = perform(request, form, lambda d: services.rectification_suggest(audit, user=request.user, **d), success="已提出整改建议",
                   redirect_to=lambda: redirect("enforcement_audit", pk=audit.pk))
    return done or _audit_page(request, audit, {"rect": form}, status=400)


@login_required
@require_POST
def rectification_fix(request, pk: int):
    item = get_writable_or_404(Rectification.objects.select_related("audit"), request.user, pk)
    form = f.FixForm(request.POST, prefix=f"fix{item.pk}")
    done = perform(request, form, lambda d: services.rectification_fix(item, user=request.user, **d), success="已登记整改完成",
                   redirect_to=lambda: redirect("enforcement_audit", pk=item.audit_id))
    return done or _audit_page(request, item.audit, {f"fix_{item.pk}": form}, status=400)

