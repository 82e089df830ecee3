"""The simple registers of 行政执法: training, equipment, the enforcement item list, 简易程序 penalties and
inspections — a list, a create form and void for each.
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core.kit.workbench import Workbench
from fazhi.core.kit.years import year_param
from fazhi.core.scoping import readable_orgs, require_writer, scoped, writable_org
from fazhi.core.workflow_views import perform
from fazhi.enforcement import forms as f
from fazhi.enforcement import services
from fazhi.enforcement.models import EnforcementInspection, EnforcementItem, Equipment, Officer, SimplePenalty, TrainingSession


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
    year = year_param(request)
    date_field = {"training": "held_on", "simple": "decided_on", "inspection": "held_on"}.get(kind)
    if date_field and year:
        rows = rows.in_year(year, date_field)
    return render(request, template, {
        "rows": rows, "title": title, "kind": kind, "year": year or "", "can_write": writable_org(request.user) is not None,
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


def _void_view(kind: str):
    model, _, back = REGISTERS[kind]
    after = (lambda obj: redirect("enforcement_officer", pk=obj.pk)) if kind == "officer" else (lambda obj: redirect(back))
    return Workbench(model, page=None, detail_route=back, name=kind).void(services.register_void, back=after)


_VOID_VIEWS = {kind: _void_view(kind) for kind in REGISTERS}


@login_required
@require_POST
def register_void(request, kind: str, pk: int):
    if kind not in _VOID_VIEWS:
        raise Http404
    return _VOID_VIEWS[kind](request, pk)
