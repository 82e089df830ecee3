"""Back-office read API for disclosure applications, scoped like the web pages (writes go through the workbench)."""
from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core import audit
from fazhi.core.kit.lists import api_list
from fazhi.core.models import AuditKind
from fazhi.core.scoping import get_readable_or_404, scoped
from fazhi.disclosure.choices import RequestStatus
from fazhi.disclosure.filters import DisclosureApiFilter
from fazhi.disclosure.models import DisclosureRequest
from fazhi.disclosure.selectors import clocked


def _as_json(item, today) -> dict:
    r, clock = item.request, item.clock
    return {
        "id": r.pk, "tracking_number": r.tracking_number, "organisation": r.organisation.code,
        "channel": r.channel, "received_on": r.received_on.isoformat(), "applicant_type": r.applicant_type,
        "applicant_name": r.applicant_name, "contact": r.contact, "description": r.description,
        "status": r.status, "clock_state": clock.state,
        "due_on": clock.due.isoformat() if clock.due else None, "due_on_provisional": clock.provisional,
        "overdue": clock.is_overdue(today), "extension_days": r.extension_days,
        "result": r.result or None, "replied_on": r.replied_on.isoformat() if r.replied_on else None,
        "handler": str(r.handler) if r.handler_id else None, "voided": r.is_void,
    }


class DisclosureRequests(APIView):
    @extend_schema(operation_id="disclosure_requests_list", tags=["政务公开"], summary="依申请公开申请列表（含答复期限）",
                   parameters=[
                       OpenApiParameter("year", int, description="收到申请的年度"),
                       OpenApiParameter("org", str, description="乡镇编码（仅限可查看的乡镇）"),
                       OpenApiParameter("status", str, enum=[*RequestStatus.values, "open"], description="办理状态；open 为未办结"),
                       OpenApiParameter("page", int, description="页码（每页 50 条）"),
                   ], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        filters = DisclosureApiFilter(request.query_params, scoped(DisclosureRequest.objects.active(), request.user))
        return api_list(self, request, filters.qs.order_by("-received_on", "-sequence"), lambda page: self.rows(request, page))

    @staticmethod
    def rows(request, page) -> list[dict]:
        today = timezone.localdate()
        items = clocked(DisclosureRequest.objects.filter(pk__in=[r.pk for r in page]).order_by("-received_on", "-sequence"))
        # applicants' names and contacts leave the system here: logged like an Excel export
        audit.record(AuditKind.EXPORT, request=request, user=request.user,
                     detail=f"接口读取依申请公开申请列表，{len(items)}条（{request.GET.urlencode()[:150]}）")
        return [_as_json(i, today) for i in items]


class DisclosureRequestItem(APIView):
    @extend_schema(operation_id="disclosure_request_retrieve", tags=["政务公开"], summary="一件申请：答复期限及其计算过程、办理过程",
                   responses=OpenApiTypes.OBJECT)
    def get(self, request, pk: int):
        obj = get_readable_or_404(DisclosureRequest.objects.all(), request.user, pk)
        today = timezone.localdate()
        item = clocked(DisclosureRequest.objects.filter(pk=obj.pk), today=today)[0]
        body = _as_json(item, today)
        body["due_explanation"] = item.clock.steps
        body["events"] = [
            {"on": e.on.isoformat(), "kind": e.kind, "label": e.get_kind_display(), "note": e.note,
             "user": str(e.user) if e.user_id else None}
            for e in obj.events.select_related("user")
        ]
        return Response(body)
