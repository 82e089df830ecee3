"""A workflow record's page and the views that post to it, declared once per model.

    bench = Workbench(Contract, page=contract_page, detail_route="contract_detail")
    sign = bench.step("sign", SignForm, lambda c, user, data: services.sign_contract(c, user=user, **data), "已登记签订")
    void = bench.void(services.contract_void)

A step view takes the record the user may change (scoping.get_writable_or_404: 404 outside their scope, 403 outside
their township or role), validates the step's form and runs the service; a refusal re-renders the record's page
with the reason on that form, status 400. ``page(request, record, bound, status)`` is the record's page with the
refused form in ``bound``; ``run(record, user, cleaned_data)`` is the service call.
"""
from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from fazhi.core.scoping import get_writable_or_404
from fazhi.core.workflow_forms import VoidForm
from fazhi.core.workflow_views import FORM_REFUSED, perform

VOID_REASON_MISSING = "作废必须填写原因"


class Workbench:
    def __init__(self, records: type[Model] | QuerySet, *, page: Callable, detail_route: str, name: str = "",
                 refused: str = FORM_REFUSED):
        self.records = records if isinstance(records, QuerySet) else records.objects.all()
        self.page = page
        self.detail_route = detail_route
        self.name = name or self.records.model._meta.model_name
        self.refused = refused

    def writable(self, request, pk, area: str | None = "") -> Model:
        return get_writable_or_404(self.records, request.user, pk, area=area)

    def step(self, name: str, form_class, run: Callable, success: str, *,
             form_kwargs: Callable[[Model], dict] | None = None, area: str | None = "") -> Callable:
        """The view of one step: POST only; ``form_kwargs(record)`` adds arguments to the form (e.g. the township
        whose officers it offers); ``area`` overrides the role-matrix area (fazhi/core/roles.py) of the step."""

        @login_required
        @require_POST
        def view(request, pk: int):
            record = self.writable(request, pk, area)
            form = form_class(request.POST, request.FILES, **(form_kwargs(record) if form_kwargs else {}))
            done = perform(request, form, lambda data: run(record, request.user, data), success=success,
                           redirect_to=lambda: redirect(self.detail_route, pk=record.pk), refused=self.refused)
            if done:
                return done
            record.refresh_from_db()  # a refused service may have touched the instance: show what is stored
            return self.page(request, record, {name: form}, status=400)

        view.__name__ = view.__qualname__ = f"{self.name}_{name}"
        return view

    def void(self, service: Callable, *, success: str = "已作废", missing: str = VOID_REASON_MISSING,
             failed: str = "", back: Callable[[Model], object] | None = None) -> Callable:
        """The void view: a reason is required; ``service(record, user=…, reason=…)`` voids it (with its cascade) or
        raises the refusal, shown as a message prefixed by ``failed``; back to the record's page (or ``back``)."""

        @login_required
        @require_POST
        def view(request, pk: int):
            record = self.writable(request, pk)
            form = VoidForm(request.POST)
            if not form.is_valid():
                messages.error(request, missing)
            else:
                try:
                    service(record, user=request.user, reason=form.cleaned_data["reason"])
                except ValidationError as exc:
                    messages.error(request, failed + "；".join(exc.messages))
                else:
                    messages.success(request, success)
            return back(record) if back else redirect(self.detail_route, pk=record.pk)

        view.__name__ = view.__qualname__ = f"{self.name}_void"
        return view
