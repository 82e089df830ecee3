"""REST endpoints for every registered ledger and for the indicators, scoped exactly like the web pages.

Nothing here is written per ledger: the registry says which model, form and filters a
slug has; reads go through fazhi.core.scoping; writes through the ledger's RecordForm
and fazhi.core.ledgers.services, as on the web.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as ModelValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.api.serializers import (
    VoidRequestSerializer,
    field_descriptions,
    form_errors,
    form_for,
    record_to_json,
)
from fazhi.core import audit
from fazhi.core.ledgers import all_ledgers, get_ledger
from fazhi.core.ledgers.services import record_save, record_void
from fazhi.core.models import AuditKind
from fazhi.core.kit.lists import api_list
from fazhi.core.kit.years import YEAR_REFUSED, parse_year
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, require_writer, resolve_org
from fazhi.core.views.ledgers import LEDGER_WRITER_REFUSED, filtered_rows
from fazhi.core.workflow_forms import VoidForm
from fazhi.indicators import registry
from fazhi.indicators.registry import Scope

NO_DELETE = "政府记录不得删除：请使用 POST …/void/ 并填写作废原因（记录作废后保留在历史中）"

LIST_PARAMETERS = [
    OpenApiParameter("year", int, description="年度（按台账的日期字段）"),
    OpenApiParameter("org", str, description="乡镇编码（仅限可查看的乡镇）"),
    OpenApiParameter("q", str, description="关键字"),
    OpenApiParameter("voided", str, enum=["1"], description="为 1 时包括已作废记录"),
    OpenApiParameter("page", int, description="页码（每页 50 条）"),
]


INDICATORS_SCHEMA = {
    "type": "object",
    "description": "指标键 → 指标",
    "additionalProperties": {
        "type": "object",
        "properties": {
            "label": {"type": "string"},
            "unit": {"type": "string"},
            "value": {"type": "number", "nullable": True},
            "connected": {"type": "boolean"},
            "records_url": {"type": "string", "nullable": True},
        },
    },
}


def _writer_org(user):
    return require_writer(user, LEDGER_WRITER_REFUSED)


def _save(form, user):
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    with transaction.atomic():
        return record_save(form=form, user=user)


class LedgerIndex(APIView):
    @extend_schema(operation_id="ledgers_list", tags=["台账"], summary="全部台账及其字段",
                   responses=OpenApiTypes.OBJECT)
    def get(self, request):
        return Response([
            {"slug": l.slug, "title": l.title, "group": l.group, "date_field": l.date_field,
             "filter_fields": list(l.filter_fields), "fields": field_descriptions(l)}
            for l in all_ledgers()
        ])


class LedgerCollection(APIView):
    @extend_schema(operation_id="ledger_records_list", tags=["台账"], summary="台账记录列表（分页）",
                   parameters=LIST_PARAMETERS, responses=OpenApiTypes.OBJECT,
                   description="筛选与网页列表相同：year、org、q，以及该台账的筛选字段（见 GET /api/ledgers/ 的 filter_fields）。")
    def get(self, request, slug: str):
        ledger = get_ledger(slug)
        rows, _year = filtered_rows(request, ledger)

        def as_json(page) -> list[dict]:
            audit.record(AuditKind.EXPORT, request=request, user=request.user,
                         detail=f"接口读取台账“{ledger.title}”，{len(page)}条（{request.GET.urlencode()[:150]}）")
            return [record_to_json(ledger, obj) for obj in page]

        return api_list(self, request, rows, as_json)

    @extend_schema(operation_id="ledger_record_create", tags=["台账"], summary="新增记录",
                   request=OpenApiTypes.OBJECT, responses={201: OpenApiTypes.OBJECT},
                   description="记录总是属于提交人所在乡镇；提交的 organisation 将被忽略。")
    def post(self, request, slug: str):
        ledger = get_ledger(slug)
        org = _writer_org(request.user)
        form = form_for(ledger, payload=request.data, organisation=org)
        obj = _save(form, request.user)
        return Response(record_to_json(ledger, obj), status=status.HTTP_201_CREATED)


class LedgerItem(APIView):
    @extend_schema(operation_id="ledger_record_retrieve", tags=["台账"], summary="查看记录",
                   responses=OpenApiTypes.OBJECT)
    def get(self, request, slug: str, pk: int):
        ledger = get_ledger(slug)
        return Response(record_to_json(ledger, get_readable_or_404(ledger.model.objects.all(), request.user, pk)))

    @extend_schema(operation_id="ledger_record_update", tags=["台账"], summary="修改记录（全部字段）",
                   request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
    def put(self, request, slug: str, pk: int):
        return self._update(request, slug, pk, partial=False)

    @extend_schema(operation_id="ledger_record_partial_update", tags=["台账"], summary="修改记录（部分字段）",
                   request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
    def patch(self, request, slug: str, pk: int):
        return self._update(request, slug, pk, partial=True)

    @extend_schema(operation_id="ledger_record_delete_refused", tags=["台账"], summary="不允许删除（请作废）",
                   responses={405: OpenApiTypes.OBJECT})
    def delete(self, request, slug: str, pk: int):
        raise MethodNotAllowed("DELETE", detail=NO_DELETE)

    def _update(self, request, slug: str, pk: int, *, partial: bool):
        ledger = get_ledger(slug)
        obj = get_writable_or_404(ledger.model.objects.all(), request.user, pk)
        if obj.is_void:
            raise PermissionDenied("已作废的记录不能修改")
        form = form_for(ledger, payload=request.data, organisation=obj.organisation, instance=obj, partial=partial)
        return Response(record_to_json(ledger, _save(form, request.user)))


class LedgerVoid(APIView):
    @extend_schema(operation_id="ledger_record_void", tags=["台账"], summary="作废记录",
                   request=VoidRequestSerializer, responses=OpenApiTypes.OBJECT,
                   description="作废的记录保留在数据库和修改历史中，不再计入任何统计。")
    def post(self, request, slug: str, pk: int):
        ledger = get_ledger(slug)
        obj = get_writable_or_404(ledger.model.objects.all(), request.user, pk)
        payload = request.data
        if not isinstance(payload, dict):
            raise ValidationError({"detail": "请求内容必须是 JSON 对象，如 {\"reason\": \"作废原因\"}"})
        reason = payload.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise ValidationError({"reason": ["作废原因应为文字，如 {\"reason\": \"重复录入\"}"]})
        form = VoidForm({"reason": reason or ""})
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        try:
            record_void(record=obj, user=request.user, reason=form.cleaned_data["reason"])
        except ModelValidationError as exc:  # already void
            raise ValidationError({"detail": exc.messages})
        obj.refresh_from_db()
        return Response(record_to_json(ledger, obj))


class IndicatorValues(APIView):
    @extend_schema(operation_id="indicator_values", tags=["指标"], summary="某乡镇某年度的全部指标",
                   parameters=[
                       OpenApiParameter("org", str, description="乡镇编码；本乡镇用户可省略"),
                       OpenApiParameter("year", int, description="年度，默认上一年"),
                   ],
                   responses={200: INDICATORS_SCHEMA},
                   description="value 为 null 表示该指标所属模块尚未接入或没有可计算的记录。")
    def get(self, request):
        year = parse_year(request.query_params.get("year", timezone.localdate().year - 1))
        if year is None:
            raise ValidationError({"year": [YEAR_REFUSED]})
        org = resolve_org(request.user, request.query_params.get("org"))
        if org is None:
            raise ValidationError({"org": ["请用 org 参数指定乡镇编码"]})
        result = {}
        for key, figure in registry.compute_all(Scope.for_org(org, year)).items():
            indicator = figure.indicator
            result[key] = {
                "label": indicator.label,
                "unit": indicator.unit,
                "value": figure.json_value(),
                "connected": indicator.connected,
                "records_url": (
                    f"{reverse('indicator_records', args=[key])}?year={year}&org={org.code}"
                    if indicator.connected else None
                ),
            }
        return Response(result)
