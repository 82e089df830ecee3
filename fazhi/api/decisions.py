"""Read API for major decisions: where each stands, its steps and its timeline (transitions are done on the page)."""
from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.api.rulemaking import iso_date, timeline_json
from fazhi.core.kit.lists import api_list
from fazhi.core.scoping import get_readable_or_404, scoped
from fazhi.decisions import steps
from fazhi.decisions.choices import Stage
from fazhi.decisions.filters import DecisionApiFilter
from fazhi.decisions.figures import without_review_in
from fazhi.decisions.models import MajorDecision


def decision_json(d: MajorDecision) -> dict:
    return {
        "id": d.pk, "organisation": d.organisation.code, "title": d.title, "lead_unit": d.lead_unit,
        "catalog_year": d.catalog.year if d.catalog_id else None, "stage": d.stage, "stage_label": d.get_stage_display(),
        "launched_on": iso_date(d.launched_on), "review_id": d.passing_review_id, "discussed_on": iso_date(d.discussed_on),
        "decided_on": iso_date(d.decided_on), "doc_number": d.doc_number or None, "published_on": iso_date(d.published_on),
        "archived_on": iso_date(d.archived_on), "evaluated_on": iso_date(d.evaluated_on), "voided": d.is_void,
    }


class Decisions(APIView):
    @extend_schema(operation_id="decisions_list", tags=["重大行政决策"], summary="重大行政决策",
                   parameters=[OpenApiParameter("org", str), OpenApiParameter("stage", str, enum=Stage.values),
                               OpenApiParameter("year", int, description="目录年度"),
                               OpenApiParameter("unreviewed", str, enum=["1"],
                                                description="为 1 时只列目录内法制审核尚未启动的决策（year 年度的目录，缺省为本年）"),
                               OpenApiParameter("page", int)],
                   responses=OpenApiTypes.OBJECT)
    def get(self, request):
        filters = DecisionApiFilter(request.query_params, scoped(MajorDecision.objects.active(), request.user))
        qs = filters.qs.select_related("organisation", "catalog")
        if request.query_params.get("unreviewed") == "1":
            unreviewed_year = filters.cleaned("year") or timezone.localdate().year
            qs = qs.filter(pk__in=without_review_in(unreviewed_year).values("pk"))
        return api_list(self, request, qs.order_by("-launched_on", "-id"), lambda page: [decision_json(d) for d in page])


class DecisionItem(APIView):
    @extend_schema(operation_id="decision_retrieve", tags=["重大行政决策"], summary="一项决策：各环节状态（含缺少的环节）与办理过程",
                   responses=OpenApiTypes.OBJECT)
    def get(self, request, pk: int):
        d = get_readable_or_404(MajorDecision.objects.select_related("passing_review", "catalog"), request.user, pk)
        progress = steps.progress(d, timezone.localdate())
        return Response(decision_json(d) | {
            "steps": [{"stage": s.stage.value, "label": s.label, "state": s.state, "optional": s.optional,
                       "article": s.article, "detail": s.detail} for s in progress],
            "missing": [s.stage.value for s in progress if not s.settled and s.stage in steps.REQUIRED_FOR_COMPLETION],
            "timeline": timeline_json(d),
        })
