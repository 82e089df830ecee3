"""Read-only REST API for major decisions: where each stands, its steps (with what is missing) and its timeline.

Transitions are made on the workbench pages, through the services. Reads are scoped exactly like the pages
(fazhi.core.scoping): a township's staff see their township, the county supervisor the county's townships;
another township's id answers 404. Session authentication and IsAuthenticated come from REST_FRAMEWORK.

``api_urlpatterns`` is meant to be included under /api/ (paths ``decisions/`` and ``decisions/<pk>/``, names
``api_decisions`` and ``api_decision``).
"""
from __future__ import annotations

from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.pagination import PageNumberPagination

from fazhi.core.scoping import scoped
from fazhi.core.transitions import timeline
from fazhi.decisions import steps
from fazhi.decisions.choices import Stage
from fazhi.decisions.figures import without_review_in
from fazhi.decisions.models import MajorDecision


class DecisionPages(PageNumberPagination):
    page_size = 50
    invalid_page_message = "页码无效：没有第 {page_number} 页"


class DecisionStepSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices, help_text="环节")
    label = serializers.CharField()
    state = serializers.ChoiceField(choices=["done", "skipped", "current", "todo"],
                                    help_text="done 已完成；skipped 说明理由不进行；current 当前应办；todo 尚未到")
    optional = serializers.BooleanField(help_text="可说明理由不进行的环节")
    article = serializers.CharField(help_text="《重大行政决策程序暂行条例》条文")
    detail = serializers.CharField()

    def to_representation(self, step):
        return {"stage": step.stage.value, "label": step.label, "state": step.state, "optional": step.optional,
                "article": step.article, "detail": step.detail}


class DecisionEventSerializer(serializers.Serializer):
    on = serializers.DateField()
    action = serializers.CharField()
    from_ = serializers.CharField()
    to = serializers.CharField()
    note = serializers.CharField()
    user = serializers.CharField(allow_null=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields

    def to_representation(self, e):
        return {"on": e.on.isoformat() if e.on else None, "action": e.action, "from": e.from_status,
                "to": e.to_status, "note": e.note, "user": str(e.user) if e.user_id else None}


class DecisionSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text="乡镇编码")
    catalog_year = serializers.SerializerMethodField(help_text="所属目录的年度；未列入目录为 null")
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    review_id = serializers.IntegerField(source="passing_review_id", allow_null=True, read_only=True,
                                         help_text="通过的合法性审查（提交集体讨论时记录）")
    doc_number = serializers.SerializerMethodField()
    voided = serializers.BooleanField(source="is_void", read_only=True)

    class Meta:
        model = MajorDecision
        fields = [
            "id", "organisation", "title", "lead_unit", "catalog_year", "stage", "stage_label", "planned_on",
            "launched_on", "review_id", "discussed_on", "decided_on", "doc_number", "published_on", "archived_on",
            "evaluated_on", "voided",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.INT)
    def get_catalog_year(self, d) -> int | None:
        return d.catalog.year if d.catalog_id else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_doc_number(self, d) -> str | None:
        return d.doc_number or None


class DecisionDetailSerializer(DecisionSerializer):
    steps = serializers.SerializerMethodField(help_text="各环节及其状态（缺少的环节为 current/todo）")
    missing = serializers.SerializerMethodField(help_text="完成前尚缺的环节")
    timeline = serializers.SerializerMethodField(help_text="办理过程（每次环节变化一条）")

    class Meta(DecisionSerializer.Meta):
        fields = [*DecisionSerializer.Meta.fields, "summary", "off_catalog_reason", "steps", "missing", "timeline"]
        read_only_fields = fields

    def _progress(self, d):
        cache = self.context.setdefault("_progress", {})
        if d.pk not in cache:
            cache[d.pk] = steps.progress(d, timezone.localdate())
        return cache[d.pk]

    @extend_schema_field(DecisionStepSerializer(many=True))
    def get_steps(self, d):
        return DecisionStepSerializer(self._progress(d), many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField(help_text="环节（同 stage 的取值）")))
    def get_missing(self, d):
        return [s.stage.value for s in self._progress(d) if not s.settled and s.stage in steps.REQUIRED_FOR_COMPLETION]

    @extend_schema_field(DecisionEventSerializer(many=True))
    def get_timeline(self, d):
        return DecisionEventSerializer(timeline(d), many=True).data


@extend_schema_view(
    list=extend_schema(
        operation_id="decisions_list", tags=["重大行政决策"], summary="重大行政决策",
        parameters=[
            OpenApiParameter("org", str, description="乡镇编码（仅限可查看的乡镇）"),
            OpenApiParameter("stage", str, enum=Stage.values, description="当前环节"),
            OpenApiParameter("year", int, description="目录年度"),
            OpenApiParameter("unreviewed", str, enum=["1"],
                             description="为 1 时只列目录内法制审核尚未启动的决策（year 年度的目录，缺省为本年）"),
            OpenApiParameter("page", int, description="页码（每页 50 条）"),
        ],
    ),
    retrieve=extend_schema(operation_id="decision_retrieve", tags=["重大行政决策"],
                           summary="一项决策：各环节状态（含缺少的环节）与办理过程"),
)
class DecisionViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = DecisionPages

    def get_serializer_class(self):
        return DecisionDetailSerializer if self.action == "retrieve" else DecisionSerializer

    def get_queryset(self):
        if self.action == "retrieve":  # a voided decision stays readable, marked "voided"
            return scoped(MajorDecision.objects.all(), self.request.user).select_related("organisation", "catalog")
        qs = scoped(MajorDecision.objects.active(), self.request.user).select_related("organisation", "catalog")
        params = self.request.query_params
        if params.get("org"):
            qs = qs.filter(organisation__code=params["org"])
        if params.get("stage") in Stage.values:
            qs = qs.filter(stage=params["stage"])
        year = params.get("year", "")
        if year.isdigit() and len(year) == 4:
            qs = qs.filter(catalog__year=int(year))
        if params.get("unreviewed") == "1":
            unreviewed_year = int(year) if year.isdigit() and len(year) == 4 else timezone.localdate().year
            qs = qs.filter(pk__in=without_review_in(unreviewed_year).values("pk"))
        return qs.order_by("-launched_on", "-id")


api_urlpatterns = [
    path("decisions/", DecisionViewSet.as_view({"get": "list"}), name="api_decisions"),
    path("decisions/<int:pk>/", DecisionViewSet.as_view({"get": "retrieve"}), name="api_decision"),
]
