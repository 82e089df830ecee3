"""Back-office pages for disclosure applications: list, counter registration, the workbench of one application."""
from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core import audit
from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.workbench import Workbench
from fazhi.core.kit.years import parse_year
from fazhi.core.models import AuditKind
from fazhi.core.scoping import can_write_record, get_readable_or_404, readable_orgs, require_writer, scoped, writable_org
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.core.workflow_forms import VoidForm
from fazhi.core.workflow_views import perform
from fazhi.disclosure import services
from fazhi.disclosure.choices import RECEIPT_RULES, ApplicantType, RequestStatus, applicant_type_label
from fazhi.disclosure.filters import DisclosureFilter
from fazhi.disclosure.forms import (
    AssignForm, ConsultationEndForm, ConsultationForm, CorrectionForm, CorrectionReceivedForm, CounterApplicationForm,
    ExtensionForm, ReplyForm, apply_service_errors,
)
from fazhi.disclosure.models import Consultation, DisclosureRequest, NoticeKind
from fazhi.disclosure import correction_terms as terms
from fazhi.disclosure.notices import document, issue
from fazhi.disclosure.notices.common import sender
from fazhi.disclosure.selectors import clocked

STATUS_FILTERS = {  # the list's status choices (fazhi/disclosure/filters.py applies them)
    "open": "未办结",
    RequestStatus.RECEIVED.value: RequestStatus.RECEIVED.label,
    RequestStatus.AWAITING_CORRECTION.value: RequestStatus.AWAITING_CORRECTION.label,
    RequestStatus.CLOSED.value: RequestStatus.CLOSED.label,
}
WRITER_REFUSED = "您的角色只能查看，不能登记或办理申请"
FORM_REFUSED = "未能保存，请按提示修改"
REPLY_NOTE = "按2021年年报模板的办理结果分类；上传加盖印章的答复书。"
REPLY_FILES_AGAIN = "页面重新显示后，浏览器不会保留已选择的文件：请重新选择答复书。"


def _report_cell(request):
    """?cell=ROW:COLUMN&report_year=YYYY&org=CODE: the applications behind one cell of the annual report's table 三."""
    from fazhi.disclosure import annual_report

    cell, year, code = request.GET.get("cell", ""), parse_year(request.GET.get("report_year")), request.GET.get("org", "")
    if not cell or year is None or not code:
        return None
    row, _, column = cell.partition(":")
    org = readable_orgs(request.user).filter(code=code).first()
    if org is None or row not in {r.key for r in annual_report.ROWS} or column not in dict(annual_report.COLUMNS):
        return DisclosureRequest.objects.none()
    return annual_report.requests_for_cell(org, year, row, column).values("pk")


@login_required
def request_list(request):
    records = DisclosureRequest.objects.all() if request.GET.get("voided") == "1" else DisclosureRequest.objects.active()
    qs = DisclosureFilter(request.GET, scoped(records, request.user)).qs
    cell = _report_cell(request)
    if cell is not None:
        qs = qs.filter(pk__in=cell)
    context = list_page(request, qs.order_by("-received_on", "-sequence"))
    page = context["page"]
    rows = clocked(DisclosureRequest.objects.filter(pk__in=[r.pk for r in page.object_list]).order_by("-received_on", "-sequence"))
    today = timezone.localdate()
    this_year = today.year
    orgs = readable_orgs(request.user)
    return render(request, "disclosure/request_list.html", {
        **context, "rows": rows, "today": today, "total": page.paginator.count,
        "status_filters": list(STATUS_FILTERS.items()),
        "applicant_types": ApplicantType.choices, "years": list(range(this_year, this_year - 6, -1)),
        "orgs": orgs if orgs.count() > 1 else [], "can_write": writable_org(request.user) is not None,
    })


@login_required
def request_register(request):
    org = require_writer(request.user, WRITER_REFUSED)
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


def _timeline(obj, issued) -> list:
    """The application's events with each notice generated, in the order they happened."""
    rows = list(obj.events.select_related("user"))
    rows += [SimpleNamespace(
        on=timezone.localtime(n.created_at).date(), at=n.created_at, user=n.created_by, get_kind_display="生成文书",
        note=n.get_kind_display() + (f"（致{n.consultation.party}）" if n.consultation_id else "")
        + (f"，{n.number}" if n.number else ""),
    ) for n in issued]
    return sorted(rows, key=lambda row: row.at)


def _detail_context(request, obj, forms: dict | None = None) -> dict:
    calendar = WorkingCalendar.load()
    today = timezone.localdate()
    clock = services.clock_for(obj, calendar=calendar, today=today)
    can_write = can_write_record(request.user, obj)
    forms = forms or {}
    open_consultations = [c for c in obj.consultations.active() if c.is_open]
    issued = list(issue.history(obj))
    correction_term = terms.correction_term(obj.correction_deadline, calendar)
    context = {
        "object": obj, "clock": clock, "today": today, "overdue": clock.is_overdue(today),
        "applicant_type": applicant_type_label(obj.applicant_type),
        "receipt_rule": RECEIPT_RULES.get(obj.channel, ""),
        "events": _timeline(obj, issued),
        "notices": issue.available(obj), "issued_notices": issued, "notice_sender": sender(obj.organisation),
        "consultations": obj.consultations.active(),
        "open_consultations": open_consultations,
        "attachments": [a for a in attachments_for(obj) if a.pk not in {n.attachment_id for n in issued}],
        "history": history_entries(obj), "can_write": can_write,
        "is_open": not obj.is_closed and not obj.is_void,
        "correction_term": correction_term,
        "correction_lapsed": clock.correction_lapsed and not (correction_term is not None and today <= correction_term.due),
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
        context["reply_note"] = REPLY_NOTE + (REPLY_FILES_AGAIN if forms.get("reply") is not None else "")
    context["void_form"] = VoidForm()
    return context


@login_required
def request_detail(request, pk):
    obj = get_readable_or_404(DisclosureRequest.objects.select_related("handler", "organisation"), request.user, pk)
    return render(request, "disclosure/request_detail.html", _detail_context(request, obj))


def _page(request, obj, bound=None, status=200):
    return render(request, "disclosure/request_detail.html", _detail_context(request, obj, bound), status=status)


bench = Workbench(DisclosureRequest, page=_page, detail_route="disclosure_request_detail", name="request",
                  refused=FORM_REFUSED)
request_assign = bench.step("assign", AssignForm, lambda o, u, d: services.request_assign(request=o, handler=d["handler"], user=u),
                            "已指定承办人", form_kwargs=lambda o: {"organisation": o.organisation})
_correction_step = bench.step("correction", CorrectionForm, lambda o, u, d: services.correction_request(
    request=o, user=u, requested_on=d["requested_on"], items=d["items"], deadline=d["deadline"]),
    "已登记补正通知：在收到补正前暂不计算答复期限")


def request_correction(request, pk):
    """The correction step; a 补正期限 set to end on a statutory rest day is registered as set, with a warning of
    the day it moves to (correction_terms.py: 民事诉讼法第八十五条第三款), which the 补正告知书 prints."""
    response = _correction_step(request, pk)
    if response.status_code == 302:
        term = terms.correction_term(DisclosureRequest.objects.get(pk=pk).correction_deadline)
        if term is not None and term.moved:
            messages.warning(request, term.warning)
    return response


request_correction_received = bench.step("correction_received", CorrectionReceivedForm, lambda o, u, d: services.correction_receive(
    request=o, user=u, received_on=d["received_on"]), "已登记收到补正：答复期限自该日起重新计算")
request_consultation = bench.step("consultation", ConsultationForm, lambda o, u, d: services.consultation_start(
    request=o, user=u, kind=d["kind"], party=d["party"], sent_on=d["sent_on"]), "已登记征求意见：征求意见期间不计入答复期限")
request_extension = bench.step("extension", ExtensionForm, lambda o, u, d: services.extension_grant(
    request=o, user=u, days=d["days"], approved_by=d["approved_by"], approved_on=d["approved_on"], reason=d["reason"]),
    "已延长答复期限，请告知申请人")
request_reply = bench.step("reply", ReplyForm, lambda o, u, d: services.request_reply(
    request=o, user=u, result=d["result"], replied_on=d["replied_on"], summary=d["summary"],
    referred_agency=d["referred_agency"], files=d["files"]), "已答复并办结")
request_void = bench.void(lambda o, *, user, reason: services.request_void(request=o, user=user, reason=reason),
                          success="申请已作废：不再计入统计和年度报告，原记录和作废原因已保留",
                          missing="作废失败：必须填写作废原因", failed="作废失败：")


@login_required
@require_POST
def request_consultation_end(request, pk, consultation_pk):
    """The end of one consultation: its own form (prefixed by the consultation) on the application's page."""
    obj = bench.writable(request, pk)
    consultation = get_object_or_404(Consultation.objects.active(), pk=consultation_pk, request=obj)
    form = ConsultationEndForm(request.POST, prefix=f"c{consultation.pk}")
    done = perform(request, form, lambda d: services.consultation_end(
        consultation=consultation, user=request.user, replied_on=d["replied_on"], opinion=d["opinion"]),
        success="已登记收到的意见，恢复计算答复期限", refused=FORM_REFUSED,
        redirect_to=lambda: redirect("disclosure_request_detail", pk=obj.pk))
    return done or _page(request, obj, {f"consultation_end_{consultation.pk}": form}, status=400)


@login_required
def request_notice(request, pk, kind):
    """A notice of the application as .docx (fazhi/disclosure/notices). Generated by the township's staff who work the
    application, it is kept in the application's history (the same text is kept once); the county reads it without
    a record. A notice the application's state does not call for is refused with the reason (400)."""
    obj = get_readable_or_404(DisclosureRequest.objects.select_related("organisation__parent"), request.user, pk)
    if kind not in NoticeKind.values:
        raise Http404("没有这种文书")
    try:
        notice, consultation = issue.compose(obj, kind, request.GET.get("consultation"))
    except issue.NotApplicable as exc:
        return render(request, "errors/error.html", {"code": 400, "title": "不能生成该文书", "message": str(exc)}, status=400)
    if can_write_record(request.user, obj):
        kept = issue.issue(obj, notice, consultation, request.user)
        with kept.attachment.file.open("rb") as stored:
            data = stored.read()
    else:
        data = document.render(issue.numbered(obj, notice, consultation))
    audit.record(AuditKind.EXPORT, request=request, user=request.user,
                 detail=f"下载{NoticeKind(kind).label}（{obj.tracking_number}）")
    response = HttpResponse(data, content_type=document.CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename=\"{kind}-{obj.pk}.docx\"; filename*=UTF-8''{quote(notice.filename)}"
    return response
