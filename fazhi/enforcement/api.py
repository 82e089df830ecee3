"""Read API for 行政执法: penalty cases (with every time limit, explained, and the timeline) and officers with their
certificates. Steps are taken on the workbench pages through the services; reads are scoped exactly like the pages
(another township's id answers 404)."""
from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core.kit.lists import api_list
from fazhi.core.scoping import get_readable_or_404, scoped
from fazhi.core.transitions import timeline
from fazhi.enforcement import selectors
from fazhi.enforcement.choices import CaseStatus
from fazhi.enforcement.filters import CaseApiFilter, OfficerFilter
from fazhi.enforcement.models import Officer, PenaltyCase


def iso_date(day):
    return day.isoformat() if day else None


def timeline_json(obj) -> list[dict]:
    return [{"on": iso_date(e.on), "action": e.action, "from": e.from_status, "to": e.to_status, "note": e.note,
             "user": str(e.user) if e.user_id else None} for e in timeline(obj)]


def _money(value):
    return str(value) if value is not None else None


def case_json(c: PenaltyCase) -> dict:
    return {
        "id": c.pk, "organisation": c.organisation.code, "number": c.number, "status": c.status,
        "status_label": c.get_status_display(), "party_kind": c.party_kind, "party_name": c.party_name,
        "alleged_violation": c.alleged_violation, "legal_basis": c.legal_basis, "filed_on": iso_date(c.filed_on),
        "notice_on": iso_date(c.notice_on), "hearing_eligible": c.hearing_eligible,
        "hearing_requested_on": iso_date(c.hearing_requested_on), "hearing_on": iso_date(c.hearing_on),
        "review_id": c.passing_review_id, "decided_on": iso_date(c.decided_on), "decision_number": c.decision_number or None,
        "decision_kinds": c.kinds(), "fine_amount": _money(c.fine_amount), "served_on": iso_date(c.served_on),
        "executed_on": iso_date(c.executed_on), "late_fee": _money(c.late_fee), "closed_on": iso_date(c.closed_on),
        "published_on": iso_date(c.published_on), "voided": c.is_void,
    }


class PenaltyCases(APIView):
    @extend_schema(operation_id="enforcement_cases_list", tags=["行政执法"], summary="行政处罚案件（普通程序）",
                   parameters=[OpenApiParameter("org", str), OpenApiParameter("status", str, enum=CaseStatus.values),
                               OpenApiParameter("year", int, description="立案年度"), OpenApiParameter("page", int)],
                   responses=OpenApiTypes.OBJECT)
    def get(self, request):
        filters = CaseApiFilter(request.query_params, scoped(PenaltyCase.objects.active(), request.user))
        qs = filters.qs.select_related("organisation").order_by("-filed_on", "-id")
        return api_list(self, request, qs, lambda page: [case_json(c) for c in page])


class PenaltyCaseItem(APIView):
    @extend_schema(operation_id="enforcement_case_retrieve", tags=["行政执法"],
                   summary="一件行政处罚案件：各项期限（单位、届满日、计算过程、是否超期）与办理过程", responses=OpenApiTypes.OBJECT)
    def get(self, request, pk: int):
        case = get_readable_or_404(PenaltyCase.objects.select_related("organisation"), request.user, pk)
        clock = selectors.case_clock(case, timezone.localdate())
        return Response(case_json(case) | {
            "deadlines": [{"label": r["label"], "basis": r["basis"], "unit": r["unit"], "days": r["days"],
                           "due": iso_date(r["due"]), "done": iso_date(r["done"]), "late": r["late"], "state": r["state"],
                           "explanation": r["steps"]} for r in clock.rows],
            "evidence": [{"kind": s.kind, "taken_on": iso_date(s.taken_on), "officers": [o.name for o in s.officers.all()],
                          "files": [{"name": f.original_name, "sha256": f.sha256, "size": f.size} for f in s.files.all()]}
                         for s in case.evidence.active().prefetch_related("officers", "files")],
            "timeline": timeline_json(case),
        })


class Officers(APIView):
    @extend_schema(operation_id="enforcement_officers_list", tags=["行政执法"], summary="执法人员、执法辅助人员及其执法证",
                   parameters=[OpenApiParameter("org", str), OpenApiParameter("page", int)], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        filters = OfficerFilter(request.query_params, scoped(Officer.objects.active(), request.user))
        qs = filters.qs.select_related("organisation").prefetch_related("certificates")
        today = timezone.localdate()
        return api_list(self, request, qs.order_by("organisation__code", "kind", "name", "id"),
                        lambda page: [officer_json(o, today) for o in page])


def officer_json(o: Officer, today) -> dict:
    current = o.certificate_on(today)
    return {
        "id": o.pk, "organisation": o.organisation.code, "name": o.name, "kind": o.kind, "unit": o.unit,
        "certificate": current.number if current else None, "valid_until": iso_date(current.valid_until) if current else None,
        "certificates": [{"number": c.number, "issued_by": c.issued_by, "valid_until": iso_date(c.valid_until)}
                         for c in o.certificates.all() if not c.is_void],
    }
