"""Contracts: the register with expiry reminders, one contract's page and its steps."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.contracts import forms as f
from fazhi.contracts import services
from fazhi.contracts.filters import ContractFilter
from fazhi.contracts.models import Contract, ContractStatus
from fazhi.contracts.selectors import expiring
from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.workbench import Workbench
from fazhi.core.scoping import can_write_record, get_readable_or_404, readable_orgs, require_writer, scoped, writable_org
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.reviews import services as reviews


@login_required
def contract_list(request):
    filters = ContractFilter(request.GET, scoped(Contract.objects.active(), request.user))
    orgs = readable_orgs(request.user)
    return render(request, "contracts/list.html", {
        **list_page(request, filters.qs.select_related("organisation").order_by("-created_at", "-id")),
        "statuses": ContractStatus.choices, "status": filters.cleaned("status"), "year": filters.cleaned("year"),
        "expiring": expiring(orgs, timezone.localdate()), "multi_org": orgs.count() > 1,
        "can_write": writable_org(request.user) is not None,
    })


@login_required
def contract_create(request):
    org = require_writer(request.user)
    form = f.ContractForm(request.POST or None)
    if request.method == "POST":
        made = {}
        done = perform(request, form, lambda d: made.setdefault("c", services.register_contract(organisation=org, fields=d, user=request.user)),
                       success="已登记合同", redirect_to=lambda: redirect("contract_detail", pk=made["c"].pk))
        if done:
            return done
    return render(request, "contracts/form.html", {"form": form})


def _detail(request, contract, bound=None, status=200):
    today = timezone.localdate()
    can_write = can_write_record(request.user, contract)
    context = {
        "object": contract, "review_state": reviews.review_state_text(contract), "timeline": timeline(contract),
        "history": history_entries(contract), "attachments": attachments_for(contract), "can_write": can_write,
        "expiry": next((e for e in expiring([contract.organisation_id], today) if e.contract.pk == contract.pk), None),
    }
    if can_write and not contract.is_void:
        initial = {"submitted_on": today, "signed_on": today, "starts_on": today, "closed_on": today}
        forms = {}
        if contract.status in (ContractStatus.DRAFT, ContractStatus.IN_REVIEW):
            if reviews.open_review(contract) is None and reviews.passing_review(contract) is None:
                forms["review"] = f.ReviewForm(initial=initial)
            forms["sign"] = f.SignForm(initial=initial)
        if contract.status == ContractStatus.SIGNED:
            forms["close"] = f.CloseForm(initial=initial)
        forms.update(bound or {})
        context["forms"] = forms
    return render(request, "contracts/detail.html", context, status=status)


@login_required
def contract_detail(request, pk: int):
    return _detail(request, get_readable_or_404(Contract.objects.all(), request.user, pk))


bench = Workbench(Contract, page=_detail, detail_route="contract_detail", name="contract")
review = bench.step("review", f.ReviewForm, lambda c, u, d: services.send_contract_for_review(c, user=u, **d), "已送请合法性审查")
sign = bench.step("sign", f.SignForm, lambda c, u, d: services.sign_contract(c, user=u, **d), "已登记签订")
close = bench.step("close", f.CloseForm, lambda c, u, d: services.close_contract(c, user=u, **d), "已办结")
void = bench.void(services.contract_void)
