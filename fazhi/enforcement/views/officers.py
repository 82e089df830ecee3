"""执法人员 and their certificates (执法证).
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.history import history_entries
from fazhi.core.scoping import (
    can_write_record, get_readable_or_404, get_writable_or_404, readable_orgs, require_writer, scoped, writable_org,
)
from fazhi.core.workflow_views import perform
from fazhi.enforcement import forms as f
from fazhi.enforcement import selectors, services
from fazhi.enforcement.models import Officer


@login_required
def officers(request):
    orgs = readable_orgs(request.user)
    today = timezone.localdate()
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
    today = timezone.localdate()
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
