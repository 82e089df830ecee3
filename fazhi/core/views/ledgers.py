"""Generic views shared by every ledger: list, create, edit, record page, void, Excel."""
from __future__ import annotations

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core import audit
from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.models import AuditKind, ImportDecision, ImportedFile
from fazhi.core.ledgers import get_ledger
from fazhi.core.ledgers.excel import (
    XLSX_MIME, ImportResult, display_value, export_workbook, import_workbook, record_import, template_workbook,
)
from fazhi.core.ledgers import staging
from fazhi.core.ledgers.forms import ImportDecisionForm
from fazhi.core.ledgers.services import record_save, record_void
from fazhi.core.bounds import YEAR_MIN
from fazhi.core.kit.years import year_param
from fazhi.core.scoping import (
    can_write_record, get_readable_or_404, get_writable_or_404, readable_orgs, require_writer, scoped, writable_org,
)
from fazhi.core.workflow_forms import VoidForm  # noqa: F401 - imported from here by pages that void a record


LEDGER_WRITER_REFUSED = "您的角色只能查看，不能录入或修改记录"


def filtered_rows(request, ledger):
    """The ledger's rows the user may see, narrowed by the page's filters."""
    qs = scoped(ledger.model.objects.all(), request.user).select_related("organisation")
    year = year_param(request)
    if year:
        qs = qs.filter(**{f"{ledger.date_field}__year": year})
    org_code = request.GET.get("org")
    if org_code:
        qs = qs.filter(organisation__code=org_code)
    if request.GET.get("voided") != "1":
        qs = qs.active()
    active_filters = []
    for name in ledger.filter_fields:
        value = request.GET.get(name, "")
        if value == "":
            continue
        field = ledger.field(name)
        if isinstance(field, models.BooleanField):
            qs = qs.filter(**{name: value == "1"})
        elif isinstance(field, models.ForeignKey):
            # an id the database cannot hold (SQLite overflows past 2**63) matches nothing, like any unknown id
            qs = qs.filter(**{f"{name}_id": value}) if value.isdigit() and len(value) <= 18 else qs.none()
        else:
            qs = qs.filter(**{name: value})
        active_filters.append(name)
    q = request.GET.get("q", "").strip()
    if q and ledger.search_fields:
        cond = Q()
        for name in ledger.search_fields:
            cond |= Q(**{f"{name}__icontains": q})
        qs = qs.filter(cond)
    return qs.order_by(*ledger.model._meta.ordering), year


def _filter_widgets(request, ledger):
    widgets = []
    orgs = readable_orgs(request.user)
    for name in ledger.filter_fields:
        field = ledger.field(name)
        if isinstance(field, models.BooleanField):
            options = [("1", "是"), ("0", "否")]
        elif isinstance(field, models.ForeignKey):
            from fazhi.core.models import Organisation, OrgKind

            villages = Organisation.objects.filter(parent__in=orgs, kind=OrgKind.VILLAGE).order_by("code")
            options = [(str(v.pk), str(v)) for v in villages]
        else:
            options = [(str(v), str(label)) for v, label in field.choices]
        widgets.append({"name": name, "label": ledger.label(name), "options": options, "value": request.GET.get(name, "")})
    return widgets


@login_required
def ledger_list(request, slug):
    ledger = get_ledger(slug)
    rows, year = filtered_rows(request, ledger)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    objects = list(page.object_list)
    table = [
        (obj, [display_value(obj, n) for n in ledger.list_fields] + extra)
        for obj, extra in zip(objects, ledger.computed_cells(objects))
    ]
    this_year = timezone.localdate().year
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "core/ledger_list.html", {
        "ledger": ledger,
        "page": page,
        "table": table,
        "headers": [ledger.label(n) for n in ledger.list_fields] + [label for label, _ in ledger.computed],
        "total": page.paginator.count,
        "year": year,
        "years": list(range(this_year, this_year - 6, -1)),
        "filters": _filter_widgets(request, ledger),
        "orgs": readable_orgs(request.user) if readable_orgs(request.user).count() > 1 else [],
        "query": query.urlencode(),
        "can_write": writable_org(request.user) is not None,
    })


@login_required
def ledger_create(request, slug):
    ledger = get_ledger(slug)
    org = require_writer(request.user, LEDGER_WRITER_REFUSED)
    form = ledger.form_class(request.POST or None, organisation=org)
    if request.method == "POST" and form.is_valid():
        obj = record_save(form=form, user=request.user)
        messages.success(request, f"已保存：{obj}")
        if "save_add" in request.POST:
            return redirect("ledger_create", slug=slug)
        return redirect("ledger_detail", slug=slug, pk=obj.pk)
    return render(request, "core/ledger_form.html", {"ledger": ledger, "form": form, "creating": True})


@login_required
def ledger_edit(request, slug, pk):
    ledger = get_ledger(slug)
    obj = get_writable_or_404(ledger.model.objects.all(), request.user, pk)
    if obj.is_void:
        raise PermissionDenied("已作废的记录不能修改")
    form = ledger.form_class(request.POST or None, instance=obj, organisation=obj.organisation)
    if request.method == "POST" and form.is_valid():
        record_save(form=form, user=request.user)
        messages.success(request, "修改已保存，原内容保留在修改记录中")
        return redirect("ledger_detail", slug=slug, pk=obj.pk)
    return render(request, "core/ledger_form.html", {"ledger": ledger, "form": form, "object": obj, "creating": False})


@login_required
def ledger_detail(request, slug, pk):
    ledger = get_ledger(slug)
    obj = get_readable_or_404(ledger.model.objects.all(), request.user, pk)
    fields = [(ledger.label(n), display_value(obj, n)) for n in ledger.form_class._meta.fields]
    fields += list(zip((label for label, _ in ledger.computed), ledger.computed_cells([obj])[0]))
    can_write = can_write_record(request.user, obj)
    return render(request, "core/ledger_detail.html", {
        "ledger": ledger,
        "object": obj,
        "fields": fields,
        "history": history_entries(obj),
        "attachments": attachments_for(obj) if ledger.attachments else None,
        "content_type_id": ContentType.objects.get_for_model(obj).pk,
        "can_write": can_write,
        "void_form": VoidForm(),
        "links": ledger.detail_links(obj) if ledger.detail_links else [],
    })


@login_required
@require_POST
def ledger_void(request, slug, pk):
    ledger = get_ledger(slug)
    obj = get_writable_or_404(ledger.model.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        given = request.POST.get("reason", "").strip()
        messages.error(request, "作废失败：" + ("；".join(form.errors.get("reason", [])) if given else "必须填写作废原因"))
        return redirect("ledger_detail", slug=slug, pk=pk)
    try:
        record_void(record=obj, user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, "作废失败：" + "；".join(exc.messages))
    else:
        messages.success(request, "记录已作废，不再计入统计；原记录和作废原因已保留")
    return redirect("ledger_detail", slug=slug, pk=pk)


@login_required
def ledger_export(request, slug):
    ledger = get_ledger(slug)
    rows, year = filtered_rows(request, ledger)
    data = export_workbook(ledger, rows)
    stamp = f"{year}年" if year else "全部"
    response = HttpResponse(data, content_type=XLSX_MIME)
    filename = f"{ledger.title}-{stamp}-{timezone.localdate():%Y%m%d}.xlsx"
    audit.record(AuditKind.EXPORT, request=request, user=request.user, detail=f"导出台账“{ledger.title}”{stamp}，{rows.count()}条")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    return response


@login_required
def ledger_template(request, slug):
    ledger = get_ledger(slug)
    response = HttpResponse(template_workbook(ledger), content_type=XLSX_MIME)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(ledger.title + '-导入模板.xlsx')}"
    return response


IMPORT_YEARS = 10  # the years offered for an import: this year and the nine before


def import_years() -> list[tuple[int, str]]:
    this_year = timezone.localdate().year
    return [(y, f"{y}年") for y in range(this_year, max(this_year - IMPORT_YEARS, YEAR_MIN - 1), -1)]


class ImportForm(forms.Form):
    file = forms.FileField(label="Excel 文件（.xlsx）", error_messages={"required": "请选择要导入的 .xlsx 文件"})
    year = forms.TypedChoiceField(label="记录所属年度", coerce=int, choices=import_years, error_messages={
        "required": "请选择记录所属年度", "invalid_choice": f"请从列表中选择年度（本年及以前{IMPORT_YEARS - 1}年）"})
    import_valid_rows = forms.BooleanField(label="有错误时，仅导入无误的行", required=False)


@login_required
def ledger_import(request, slug):
    """Upload a file; when it was imported before or repeats records, nothing is saved until the user chooses on a
    second page — only the new rows, all of them, or nothing (the file waits in fazhi/core/ledgers/staging.py)."""
    ledger = get_ledger(slug)
    org = require_writer(request.user, LEDGER_WRITER_REFUSED)
    if request.method == "POST" and "staged" in request.POST:
        return _import_decided(request, ledger, org)
    result = token = None
    initial = {"year": year_param(request, timezone.localdate().year)}  # the list's year when it came from there
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            form.add_error("file", "文件超过 10 MB，请分批导入")
        elif not upload.name.lower().endswith(".xlsx"):
            form.add_error("file", "只支持 .xlsx 格式；.xls 或 .csv 请先用 Excel/WPS 另存为 .xlsx")
        else:
            data = upload.read()
            choices = {"filename": upload.name[:255], "year": form.cleaned_data["year"],
                       "import_valid_rows": form.cleaned_data["import_valid_rows"]}
            result = import_workbook(ledger, data, organisation=org, user=request.user, **choices)
            if result.needs_decision:
                token = staging.stage(data, user=request.user, organisation=org, ledger=ledger.slug, **choices)
            else:
                _report_saved(request, result)
    return _import_page(request, ledger, org, form, result, token)


def _import_decided(request, ledger, org):
    """The second step: the staged file, imported as the user chose (or not at all)."""
    decision = ImportDecisionForm(request.POST)
    form = ImportForm(initial={"year": year_param(request, timezone.localdate().year)})
    token = request.POST.get("staged", "")
    staged = staging.load(token, user=request.user, organisation=org, ledger=ledger.slug)  # another user's: 404
    if staged is None:
        messages.error(request, "待确认的导入已过期或已处理，未导入任何记录。请重新选择文件上传")
        return _import_page(request, ledger, org, form, None, None)
    if not decision.is_valid():  # no (known) choice: the same question again, nothing saved
        for errors in decision.errors.values():
            for message in errors:
                messages.error(request, message)
        result = import_workbook(ledger, staged.data, organisation=org, user=request.user, filename=staged.filename,
                                 year=staged.year, import_valid_rows=staged.import_valid_rows, check_only=True)
        return _import_page(request, ledger, org, form, result, staged.token)
    choice = decision.cleaned_data["choice"]
    with transaction.atomic():
        # Taken first, in the same transaction: a second click (or a second tab) finds it gone and saves nothing.
        if not staging.claim(staged):
            messages.error(request, "这项导入已处理过，未再次导入。请刷新台账列表查看")
            return _import_page(request, ledger, org, form, None, None)
        if choice == ImportDecision.CANCEL:
            record_import(ledger, org, ImportResult(sha256=hashlib.sha256(staged.data).hexdigest()), user=request.user,
                          filename=staged.filename, year=staged.year, decision=ImportDecision.CANCEL)
        else:
            result = import_workbook(
                ledger, staged.data, organisation=org, user=request.user, filename=staged.filename, year=staged.year,
                import_valid_rows=staged.import_valid_rows, decision=choice,
            )
    if choice == ImportDecision.CANCEL:
        messages.info(request, "已取消，未导入任何记录")
        return redirect("ledger_import", ledger.slug)
    _report_saved(request, result)
    return _import_page(request, ledger, org, form, result, None)


def _report_saved(request, result) -> None:
    skipped = f"；与已有记录或本文件其他行相同的{result.duplicates_skipped}行已跳过" if result.duplicates_skipped else ""
    if result.imported:
        messages.success(request, f"已导入{result.imported}条记录{skipped}")
    elif result.duplicates_skipped:
        messages.info(request, f"没有导入新记录{skipped}")


def _import_page(request, ledger, org, form, result, token):
    recent = ImportedFile.objects.filter(organisation=org, ledger=ledger.slug).select_related("created_by")[:10]
    return render(request, "core/ledger_import.html", {
        "ledger": ledger, "form": form, "result": result, "token": token, "recent_imports": recent,
        "choices": dict(ImportDecisionForm.CHOICES),
    })


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
