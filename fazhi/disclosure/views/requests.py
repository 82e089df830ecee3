"""Back-office pages for disclosure applications: list, counter registration, the workbench of one application."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, readable_orgs, scoped, writable_org
from fazhi.core.views.ledgers import VoidForm
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.disclosure import services
from fazhi.disclosure.choices import RECEIPT_RULES, ApplicantType, RequestStatus, applicant_type_label
from fazhi.disclosure.forms import (
    AssignForm, ConsultationEndForm, ConsultationForm, CorrectionForm, CorrectionReceivedForm, CounterApplicationForm,
    ExtensionForm, ReplyForm, apply_service_errors,
)
from fazhi.disclosure.models import Consultation, DisclosureRequest
from fazhi.disclosure.selectors import clocked

STATUS_FILTERS = {
    "open": ("未办结", ~Q(status=RequestStatus.CLOSED)),
    RequestStatus.RECEIVED.value: (RequestStatus.RECEIVED.label, Q(status=RequestStatus.RECEIVED)),
    RequestStatus.AWAITING_CORRECTION.value: (RequestStatus.AWAITING_CORRECTION.label, Q(status=RequestStatus.AWAITING_CORRECTION)),
    RequestStatus.CLOSED.value: (RequestStatus.CLOSED.label, Q(status=RequestStatus.CLOSED)),
}


def _writer(user):
    org = writable_org(user)
    if org is None:
        raise PermissionDenied("您的角色只能查看，不能登记或办理申请")
    return org


def _report_cell(request):
    """?cell=ROW:COLUMN&report_year=YYYY&org=CODE: the applications behind one cell of the annual report's table 三."""
    from fazhi.disclosure import annual_report

    cell, year, code = request.GET.get("cell", ""), request.GET.get("report_year", ""), request.GET.get("org", "")
    if not cell or not year.isdigit() or not code:
        return None
    row, _, column = cell.partition(":")
    org = readable_orgs(request.user).filter(code=code).first()
    if org is None or row not in {r.key for r in annual_report.ROWS} or column not in dict(annual_report.COLUMNS):
        return DisclosureRequest.objects.none()
    return annual_report.requests_for_cell(org, int(year), row, column).values("pk")


@login_required
def request_list(request):
    qs = scoped(DisclosureRequest.objects.all(), request.user)
    if request.GET.get("voided") != "1":
        qs = qs.filter(voided_at__isnull=True)
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(received_on__year=int(year))
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        qs = qs.filter(STATUS_FILTERS[status][1])
    kind = request.GET.get("applicant_type", "")
    if kind in ApplicantType.values:
        qs = qs.filter(applicant_type=kind)
    org_code = request.GET.get("org", "")
    if org_code:
        qs = qs.filter(organisation__code=org_code)
    cell = _report_cell(request)
    if cell is not None:
        qs = qs.filter(pk__in=cell)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(tracking_number__icontains=q) | Q(applicant_name__icontains=q) | Q(description__icontains=q))
    page = Paginator(qs.order_by("-received_on", "-sequence"), 50).get_page(request.GET.get("page"))
    rows = clocked(DisclosureRequest.objects.filter(pk__in=[r.pk for r in page.object_list]).order_by("-received_on", "-sequence"))
    today = timezone.localdate()
    this_year = today.year
    query = request.GET.copy()
    query.pop("page", None)
    orgs = readable_orgs(request.user)
    return render(request, "disclosure/request_list.html", {
        "page": page, "rows": rows, "today": today, "total": page.paginator.count,
        "status_filters": [(k, v[0]) for k, v in STATUS_FILTERS.items()],
        "applicant_types": ApplicantType.choices, "years": list(range(this_year, this_year - 6, -1)),
        "orgs": orgs if orgs.count() > 1 else [], "query": query.urlencode(),
        "can_write": writable_org(request.user) is not None,
    })


@login_required
def request_register(request):
    org = _writer(request.user)
    form = CounterApplicationForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            obj, _ = services.request_create(
                organisation=org, fields=form.model_fields(), channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"], user=request.user,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已登记，受理编号 {obj.tracking_number}")
            return redirect("disclosure_request_detail", pk=obj.pk)
    return render(request, "disclosure/request_register.html", {"form": form, "receipt_rules": RECEIPT_RULES})


def _detail_context(request, obj, forms: dict | None = None) -> dict:
    calendar = WorkingCalendar.load()
    today = timezone.localdate()
    clock = services.clock_for(obj, calendar=calendar, today=today)
    can_write = writable_org(request.user) is not None and writable_org(request.user).pk == obj.organisation_id
    forms = forms or {}
    open_consultations = [c for c in obj.consultations.all() if c.voided_at is None and c.is_open]
    context = {
        "object": obj, "clock": clock, "today": today, "overdue": clock.is_overdue(today),
        "applicant_type": applicant_type_label(obj.applicant_type),
        "receipt_rule": RECEIPT_RULES.get(obj.channel, ""),
        "events": obj.events.select_related("user"),
        "consultations": obj.consultations.filter(voided_at__isnull=True),
        "open_consultations": open_consultations,
        "attachments": attachments_for(obj), "history": history_entries(obj), "can_write": can_write,
        "is_open": not obj.is_closed and not obj.is_void,
        "correction_note": (
            "申请内容不明确的，应在收到申请之日起7个工作日内一次性告知需要补正的事项和合理的补正期限"
            f"（本申请为{format_date(clock.correction_notice_due)}前，第三十条）。"
        ),
    }
    if can_write and context["is_open"]:
        today_initial = {"requested_on": today, "received_on": today, "sent_on": today, "replied_on": today,
                         "approved_on": today}
        status = obj.status
        context["forms"] = {
            "assign": forms.get("assign") or AssignForm(organisation=obj.organisation, initial={"handler": obj.handler_id}),
            "correction": (forms.get("correction") or CorrectionForm(initial=today_initial))
            if status == RequestStatus.RECEIVED and not obj.correction_requested_on else None,
            "correction_received": (forms.get("correction_received") or CorrectionReceivedForm(initial=today_initial))
            if status == RequestStatus.AWAITING_CORRECTION else None,
            "consultation": (forms.get("consultation") or ConsultationForm(initial=today_initial))
            if status == RequestStatus.RECEIVED else None,
            "consultation_end": [
                (c, forms.get(f"consultation_end_{c.pk}") or ConsultationEndForm(initial=today_initial, prefix=f"c{c.pk}"))
                for c in open_consultations
            ],
            "extension": (forms.get("extension") or ExtensionForm(initial=today_initial))
            if status == RequestStatus.RECEIVED and not obj.extension_days else None,
            "reply": forms.get("reply") or ReplyForm(initial=today_initial),
        }
    context["void_form"] = VoidForm()
    return context


@login_required
def request_detail(request, pk):
    obj = get_readable_or_404(DisclosureRequest.objects.select_related("handler", "organisation"), request.user, pk)
    return render(request, "disclosure/request_detail.html", _detail_context(request, obj))


def _action(request, pk, form_name, form, run, success: str, *, key: str | None = None):
    """Run one transition of the workbench: validate the form, call the service, or show the page with errors."""
    obj = get_writable_or_404(DisclosureRequest.objects.all(), request.user, pk)
    if form.is_valid():
        try:
            run(obj, form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("disclosure_request_detail", pk=obj.pk)
    messages.error(request, "未能保存，请按提示修改")
    return render(request, "disclosure/request_detail.html", _detail_context(request, obj, {key or form_name: form}), status=400)


@login_required
@require_POST
def request_assign(request, pk):
    obj = get_writable_or_404(DisclosureRequest.objects.all(), request.user, pk)
    form = AssignForm(request.POST, organisation=obj.organisation)
    return _action(request, pk, "assign", form,
                   lambda o, d: services.request_assign(request=o, handler=d["handler"], user=request.user), "已指定承办人")


@login_required
@require_POST
def request_correction(request, pk):
    return _action(request, pk, "correction", CorrectionForm(request.POST), lambda o, d: services.correction_request(
        request=o, user=request.user, requested_on=d["requested_on"], items=d["items"], deadline=d["deadline"]),
        "已登记补正通知：在收到补正前暂不计算答复期限", )


@login_required
@require_POST
def request_correction_received(request, pk):
    return _action(request, pk, "correction_received", CorrectionReceivedForm(request.POST), lambda o, d: services.correction_receive(
        request=o, user=request.user, received_on=d["received_on"]), "已登记收到补正：答复期限自该日起重新计算")


@login_required
@require_POST
def request_consultation(request, pk):
    return _action(request, pk, "consultation", ConsultationForm(request.POST), lambda o, d: services.consultation_start(
        request=o, user=request.user, kind=d["kind"], party=d["party"], sent_on=d["sent_on"]),
        "已登记征求意见：征求意见期间不计入答复期限")


@login_required
@require_POST
def request_consultation_end(request, pk, consultation_pk):
    obj = get_writable_or_404(DisclosureRequest.objects.all(), request.user, pk)
    consultation = get_object_or_404(Consultation, pk=consultation_pk, request=obj, voided_at__isnull=True)
    form = ConsultationEndForm(request.POST, prefix=f"c{consultation.pk}")
    return _action(request, pk, "consultation_end", form, lambda o, d: services.consultation_end(
        consultation=consultation, user=request.user, replied_on=d["replied_on"], opinion=d["opinion"]),
        "已登记收到的意见，恢复计算答复期限", key=f"consultation_end_{consultation.pk}")


@login_required
@require_POST
def request_extension(request, pk):
    return _action(request, pk, "extension", ExtensionForm(request.POST), lambda o, d: services.extension_grant(
        request=o, user=request.user, days=d["days"], approved_by=d["approved_by"], approved_on=d["approved_on"],
        reason=d["reason"]), "已延长答复期限，请告知申请人")


@login_required
@require_POST
def request_reply(request, pk):
    form = ReplyForm(request.POST, request.FILES)
    return _action(request, pk, "reply", form, lambda o, d: services.request_reply(
        request=o, user=request.user, result=d["result"], replied_on=d["replied_on"], summary=d["summary"],
        referred_agency=d["referred_agency"], files=d["files"]), "已答复并办结")


@login_required
@require_POST
def request_void(request, pk):
    obj = get_writable_or_404(DisclosureRequest.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "作废失败：必须填写作废原因")
    else:
        try:
            services.request_void(request=obj, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, "作废失败：" + "；".join(exc.messages))
        else:
            messages.success(request, "申请已作废：不再计入统计和年度报告，原记录和作废原因已保留")
    return redirect("disclosure_request_detail", pk=pk)

