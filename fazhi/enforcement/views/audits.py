"""案卷评查: case-file audits, their scores and the rectifications they ask for.
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.scoping import (
    can_write_record, get_readable_or_404, get_writable_or_404, readable_orgs, require_writer, scoped, writable_org,
)
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.enforcement import forms as f
from fazhi.enforcement import selectors, services
from fazhi.enforcement.models import CaseAudit, Rectification


@login_required
def audits(request):
    rows = scoped(CaseAudit.objects.active(), request.user).select_related("organisation").prefetch_related("results")
    return render(request, "enforcement/audits.html", {
        "rows": rows, "can_write": writable_org(request.user) is not None,
        "open_items": selectors.open_rectifications(readable_orgs(request.user)),
        "multi_org": readable_orgs(request.user).count() > 1, "today": timezone.localdate(),
    })


@login_required
def audit_create(request):
    org = require_writer(request.user)
    form = f.AuditForm(request.POST or None, organisation=org,
                       initial={"held_on": timezone.localdate(), "auditors": "司法所、党政办"})
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
            r.pk: (bound or {}).get(f"fix_{r.pk}")
            or f.FixForm(initial={"fixed_on": timezone.localdate()}, prefix=f"fix{r.pk}")
            for r in audit.rectifications.active() if not r.fixed_on},
        "timeline": timeline(audit), "today": timezone.localdate(),
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
