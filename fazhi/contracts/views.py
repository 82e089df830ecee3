"""Contracts: the register with expiry reminders, one contract's page and its steps."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.contracts import forms as f
from fazhi.contracts import services
from fazhi.contracts.models import Contract, ContractStatus
from fazhi.contracts.selectors import expiring
from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, readable_orgs, scoped, writable_org
from fazhi.core.transitions import record_transition, timeline
from fazhi.core.views.ledgers import VoidForm
from fazhi.core.workflow_views import can_write_record, perform, require_writer
from fazhi.reviews import services as reviews


@login_required
def contract_list(request):
    qs = scoped(Contract.objects.all(), request.user).filter(voided_at__isnull=True)
    status = request.GET.get("status", "")
    if status in ContractStatus.values:
        qs = qs.filter(status=status)
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(Q(signed_on__year=int(year)) | Q(signed_on__isnull=True, created_at__year=int(year)))
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(counterparty__icontains=q))
    page = Paginator(qs.select_related("organisation").order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    orgs = readable_orgs(request.user)
    return render(request, "contracts/list.html", {
        "page": page, "statuses": ContractStatus.choices, "status": status, "year": year, "query": query.urlencode(),
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


def _step(name, form_class, run, success):
    @login_required
    @require_POST
    def view(request, pk: int):
        contract = get_writable_or_404(Contract.objects.all(), request.user, pk)
        form = form_class(request.POST, request.FILES)
        done = perform(request, form, lambda d: run(contract, request.user, d), success=success,
                       redirect_to=lambda: redirect("contract_detail", pk=contract.pk))
        return done or _detail(request, contract, {name: form}, status=400)
    view.__name__ = f"contract_{name}"
    return view


review = _step("review", f.ReviewForm, lambda c, u, d: services.send_contract_for_review(c, user=u, **d), "已送请合法性审查")
sign = _step("sign", f.SignForm, lambda c, u, d: services.sign_contract(c, user=u, **d), "已登记签订")
close = _step("close", f.CloseForm, lambda c, u, d: services.close_contract(c, user=u, **d), "已办结")


@login_required
@require_POST
def void(request, pk: int):
    contract = get_writable_or_404(Contract.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废必须填写原因")
    elif contract.status in (ContractStatus.SIGNED, ContractStatus.CLOSED):
        messages.error(request, "已签订的合同不能作废；请登记解除或终止")
    else:
        reason = form.cleaned_data["reason"]
        try:
            with transaction.atomic():
                contract.void(reason=reason, user=request.user)
                record_transition(contract, action="作废", user=request.user, note=reason)
                reviews.withdraw_open_review(contract, user=request.user, reason=reason)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, "已作废")
    return redirect("contract_detail", pk=contract.pk)
