"""REST endpoints for every registered ledger and for the indicators, all scoped like the web pages."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as ModelValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.api.records import field_descriptions, form_for, record_to_json
from fazhi.core.ledgers import all_ledgers, get_ledger
from fazhi.core.ledgers.services import record_save, record_void
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, resolve_org, writable_org
from fazhi.core.views.ledgers import filtered_rows
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope

NO_DELETE = "政府记录不得删除：请使用 POST …/void/ 并填写作废原因"


def _payload(request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"detail": ["请求内容必须是 JSON 对象"]})
    return request.data


def _writer_org(user):
    org = writable_org(user)
    if org is None:
        raise DjangoPermissionDenied("您的角色只能查看，不能录入或修改记录")
    return org


def _save(ledger, form, user):
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    with transaction.atomic():
        return record_save(form=form, user=user)


@extend_schema(responses=OpenApiTypes.OBJECT)
class LedgerIndex(APIView):
    """The ledgers this installation keeps, with their fields."""

    @extend_schema(operation_id="ledgers_list")
    def get(self, request):
        return Response([
            {"slug": l.slug, "title": l.title, "group": l.group, "date_field": l.date_field, "fields": field_descriptions(l)}
            for l in all_ledgers()
        ])


@extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
class LedgerCollection(APIView):
    """List a ledger's records (filters as on the web page: year, org, q and the ledger's own) or add one."""

    @extend_schema(operation_id="ledger_records_list")
    def get(self, request, slug: str):
        ledger = get_ledger(slug)
        rows, _year = filtered_rows(request, ledger)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response([record_to_json(ledger, obj) for obj in page])

    @extend_schema(operation_id="ledger_record_create")
    def post(self, request, slug: str):
        ledger = get_ledger(slug)
        org = _writer_org(request.user)
        form = form_for(ledger, payload=_payload(request), organisation=org)
        obj = _save(ledger, form, request.user)
        return Response(record_to_json(ledger, obj), status=status.HTTP_201_CREATED)


@extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
class LedgerItem(APIView):
    """One record: read, replace (PUT) or change some fields (PATCH). Records are voided, never deleted."""

    @extend_schema(operation_id="ledger_record_retrieve")
    def get(self, request, slug: str, pk: int):
        ledger = get_ledger(slug)
        return Response(record_to_json(ledger, get_readable_or_404(ledger.model.objects.all(), request.user, pk)))

    @extend_schema(operation_id="ledger_record_update")
    def put(self, request, slug: str, pk: int):
        return self._update(request, slug, pk, partial=False)

    @extend_schema(operation_id="ledger_record_partial_update")
    def patch(self, request, slug: str, pk: int):
        return self._update(request, slug, pk, partial=True)

    @extend_schema(operation_id="ledger_record_delete_refused")
    def delete(self, request, slug: str, pk: int):
        raise MethodNotAllowed("DELETE", detail=NO_DELETE)

    def _update(self, request, slug: str, pk: int, *, partial: bool):
        ledger = get_ledger(slug)
        obj = get_writable_or_404(ledger.model.objects.all(), request.user, pk)
        if obj.is_void:
            raise DjangoPermissionDenied("已作废的记录不能修改")
        form = form_for(ledger, payload=_payload(request), organisation=obj.organisation, instance=obj, partial=partial)
        return Response(record_to_json(ledger, _save(ledger, form, request.user)))


@extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
class LedgerVoid(APIView):
    """Void a record with a reason (it stays in the database and in history, out of every figure)."""

    @extend_schema(operation_id="ledger_record_void")
    def post(self, request, slug: str, pk: int):
        ledger = get_ledger(slug)
        obj = get_writable_or_404(ledger.model.objects.all(), request.user, pk)
        reason = str(_payload(request).get("reason") or "").strip()
        if not reason:
            raise ValidationError({"reason": ["作废必须填写原因"]})
        try:
            record_void(record=obj, user=request.user, reason=reason[:200])
        except ModelValidationError as exc:  # already void
            raise ValidationError({"detail": exc.messages})
        obj.refresh_from_db()
        return Response(record_to_json(ledger, obj))


@extend_schema(responses=OpenApiTypes.OBJECT)
class IndicatorValues(APIView):
    """Every registered indicator for ?org=CODE&year=YYYY (null where its module is not connected)."""

    @extend_schema(operation_id="indicator_values")
    def get(self, request):
        raw_year = request.query_params.get("year", str(timezone.localdate().year - 1))
        if not raw_year.isdigit() or not 2000 <= int(raw_year) <= 2100:
            raise ValidationError({"year": ["年度应为 2000–2100 之间的四位数字"]})
        year = int(raw_year)
        org = resolve_org(request.user, request.query_params.get("org"))
        if org is None:
            raise ValidationError({"org": ["请用 org 参数指定乡镇编码"]})
        scope = Scope.for_org(org, year)
        result = {}
        for figure in registry.compute_all(scope).values():
            indicator = figure.indicator
            result[indicator.key] = {
                "label": indicator.label,
                "unit": indicator.unit,
                "value": figure.json_value(),
                "connected": indicator.connected,
                "records_url": (
                    f"{reverse('indicator_records', args=[indicator.key])}?year={year}&org={org.code}"
                    if indicator.connected else None
                ),
            }
        return Response({"org": org.code, "year": year, "indicators": result})
