"""The 司法所's workbench for community corrections and resettlement. Every page: 司法所 of the township only."""
from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core import spreadsheets
from fazhi.core import audit
from fazhi.core.ledgers.excel import display_value
from fazhi.core.models import AuditKind
from fazhi.core.workflow_forms import apply_service_errors
from fazhi.corrections.access import own_or_404, require_judicial_office
from fazhi.corrections.forms import ContactForm, DailyContactForm, IncidentForm, SuperviseeForm, VoidForm
from fazhi.corrections.models import AccessLog, Supervisee, SuperviseeKind
from fazhi.corrections.schedule import missing_contact, missing_education
from fazhi.corrections.services import log_access, record_contacts

ROSTER_FIELDS = ("number", "name", "kind", "gender", "village", "correction_type", "offence", "period_start",
                 "period_end", "ended_on", "end_reason", "phone")


def _roster(request, township):
    people = Supervisee.objects.active().filter(organisation=township).select_related("village")
    kind = request.GET.get("kind", "")
    if kind in SuperviseeKind.values:
        people = people.filter(kind=kind)
    today = timezone.localdate()
    state = request.GET.get("state", "current")
    if state == "current":
        people = people.filter(period_start__lte=today).exclude(ended_on__lt=today).exclude(
            ended_on__isnull=True, period_end__lt=today)
    elif state == "ended":
        people = people.filter(Q(ended_on__lt=today) | Q(ended_on__isnull=True, period_end__lt=today))
    q = (request.GET.get("q") or "").strip()[:40]
    if q:
        people = people.filter(Q(name__contains=q) | Q(number__contains=q))
    return people, kind, state, q


@login_required
def corrections_index(request):
    township = require_judicial_office(request.user)
    today = timezone.localdate()
    people, kind, state, q = _roster(request, township)
    no_contact = missing_contact(township, today)
    no_education = missing_education(township, today)
    form = DailyContactForm(township=township, initial={"people": no_contact})
    return render(request, "corrections/index.html", {
        "township": township, "today": today, "people": people[:500], "kind": kind, "state": state, "q": q,
        "kinds": SuperviseeKind.choices, "no_contact": no_contact, "no_education": no_education, "form": form,
        "query": request.GET.urlencode(),
    })


@login_required
@require_POST
def corrections_daily(request):
    township = require_judicial_office(request.user)
    form = DailyContactForm(request.POST, township=township)
    if form.is_valid():
        try:
            made = record_contacts(township, list(form.cleaned_data["people"]), on=form.cleaned_data["on"],
                                   kind=form.cleaned_data["kind"], user=request.user)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已登记{made}条联系记录")
            return redirect("corrections_index")
    messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("corrections_index")


@login_required
def corrections_export(request):
    township = require_judicial_office(request.user)
    people = list(_roster(request, township)[0])
    content = spreadsheets.table_bytes("对象名册", [str(Supervisee._meta.get_field(n).verbose_name) for n in ROSTER_FIELDS],
                                       ([display_value(person, n) for n in ROSTER_FIELDS] for person in people))
    log_access(request.user, township, "导出名册")
    audit.record(AuditKind.EXPORT, request=request, user=request.user, detail=f"导出社区矫正和安置帮教对象名册，{len(people)}人")
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=f"{township.name}社区矫正和安置帮教对象名册.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _save(request, form, township, success):
    if form.is_valid():
        obj = form.save(commit=False)
        obj.organisation = township
        if not obj.pk:
            obj.created_by = request.user
        obj._history_user = request.user
        obj.save()
        messages.success(request, success)
        return obj
    messages.error(request, "未能保存，请按提示修改后重试")
    return None


@login_required
def corrections_new(request):
    township = require_judicial_office(request.user)
    form = SuperviseeForm(request.POST or None, township=township)
    if request.method == "POST" and (person := _save(request, form, township, "已登记")):
        return redirect("corrections_person", person.pk)
    return render(request, "corrections/form.html", {"form": form, "township": township, "title": "登记对象"})


@login_required
def corrections_edit(request, pk: int):
    township = require_judicial_office(request.user)
    person = own_or_404(Supervisee.objects, township, pk)
    form = SuperviseeForm(request.POST or None, instance=person, township=township)
    if request.method == "POST" and _save(request, form, township, "已保存"):
        return redirect("corrections_person", person.pk)
    return render(request, "corrections/form.html", {"form": form, "township": township, "title": f"修改 {person}"})


@login_required
def corrections_person(request, pk: int):
    township = require_judicial_office(request.user)
    person = own_or_404(Supervisee.objects.select_related("village"), township, pk)
    log_access(request.user, township, "查看", person)
    return render(request, "corrections/person.html", {
        "person": person, "township": township,
        "contacts": person.contacts.active()[:90],
        "incidents": person.incidents.active(),
        "contact_form": ContactForm(supervisee=person), "incident_form": IncidentForm(), "void_form": VoidForm(),
        "contact_url": reverse("corrections_contact", args=[person.pk]),
        "incident_url": reverse("corrections_incident", args=[person.pk]),
        "history": person.history.all().select_related("history_user")[:30],
        "views": AccessLog.objects.filter(supervisee=person).select_related("user")[:20],
        "fields": [(Supervisee._meta.get_field(n).verbose_name, display_value(person, n)) for n in ROSTER_FIELDS],
    })


def _add(request, pk: int, form_class, success: str, **form_kwargs):
    township = require_judicial_office(request.user)
    person = own_or_404(Supervisee.objects, township, pk)
    form = form_class(request.POST, **({"supervisee": person} if form_class is ContactForm else {}))
    if form.is_valid():
        obj = form.save(commit=False)
        obj.organisation, obj.supervisee, obj.created_by = township, person, request.user
        obj._history_user = request.user
        obj.save()
        messages.success(request, success)
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("corrections_person", person.pk)


@login_required
@require_POST
def corrections_contact(request, pk: int):
    return _add(request, pk, ContactForm, "已登记联系记录")


@login_required
@require_POST
def corrections_incident(request, pk: int):
    return _add(request, pk, IncidentForm, "已登记")


@login_required
@require_POST
def corrections_void(request, pk: int):
    township = require_judicial_office(request.user)
    person = own_or_404(Supervisee.objects, township, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废必须填写原因")
        return redirect("corrections_person", person.pk)
    person.void(reason=form.cleaned_data["reason"], user=request.user)
    messages.success(request, "已作废（记录保留）")
    return redirect("corrections_index")


@login_required
def corrections_access_log(request):
    township = require_judicial_office(request.user)
    rows = AccessLog.objects.filter(organisation=township).select_related("user", "supervisee")[:300]
    return render(request, "corrections/access_log.html", {"township": township, "rows": rows})
