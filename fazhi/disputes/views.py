"""The mediation agreement as .docx, and the success rate of each kind of dispute."""
from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.kit.years import year_param
from fazhi.core.scoping import get_readable_or_404, readable_orgs, resolve_org
from fazhi.disputes.agreement import agreement_docx
from fazhi.disputes.models import AgreementForm, DisputeCase, DisputeCategory, DisputeOutcome

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def dispute_agreement(request, pk: int):
    case = get_readable_or_404(DisputeCase.objects.all(), request.user, pk)
    if case.agreement != AgreementForm.WRITTEN:
        raise Http404("该纠纷没有书面调解协议")
    return FileResponse(io.BytesIO(agreement_docx(case)), as_attachment=True,
                        filename=f"人民调解协议书（{case.dossier_no or case.pk}）.docx", content_type=DOCX_MIME)


@login_required
def dispute_categories(request):
    """Per category: taken in, closed, resolved and the success rate (resolved ÷ closed, as dispute_success_rate)."""
    year = year_param(request, timezone.localdate().year - 1)
    org = resolve_org(request.user, request.GET.get("org"))
    orgs = [org] if org is not None else list(readable_orgs(request.user))
    cases = DisputeCase.objects.active().filter(organisation__in=orgs)
    taken = dict(cases.filter(received_on__year=year).values_list("category").annotate(n=Count("pk")))
    closed = cases.filter(closed_on__year=year).exclude(outcome=DisputeOutcome.OPEN).values("category").annotate(
        closed=Count("pk"), resolved=Count("pk", filter=Q(outcome=DisputeOutcome.RESOLVED)))
    closed = {row["category"]: row for row in closed}
    rows = []
    for value, label in DisputeCategory.choices:
        c = closed.get(value, {"closed": 0, "resolved": 0})
        if not taken.get(value) and not c["closed"]:
            continue
        rate = round(c["resolved"] * 100 / c["closed"], 1) if c["closed"] else None
        rows.append({"label": label, "taken": taken.get(value, 0), "closed": c["closed"], "resolved": c["resolved"], "rate": rate})
    this_year = timezone.localdate().year
    return render(request, "disputes/categories.html", {
        "rows": rows, "year": year, "org": org, "years": list(range(this_year, this_year - 6, -1)),
    })
