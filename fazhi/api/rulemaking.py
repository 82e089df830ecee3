"""API for the legality-review queue and normative documents: read, plus the steps a reviewer performs
(take an item, record the opinion). Scoped like the web pages; refusals are the services' Chinese messages."""
from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.api.serializers import _as_posted, form_errors
from fazhi.core.kit.lists import api_list
from fazhi.core.roles import REVIEW_OPINION
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, scoped
from fazhi.core.transitions import timeline
from fazhi.normative.choices import DocStatus
from fazhi.normative.filters import NormativeApiFilter
from fazhi.normative.models import NormativeDocument
from fazhi.normative.services import filing_is_late
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion, ReviewStatus, SubjectKind
from fazhi.reviews.filters import ReviewFilter
from fazhi.reviews.forms import ConcludeForm, TakeForm
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.selectors import with_clock


def iso_date(day):
    return day.isoformat() if day else None


def review_json(row) -> dict:
    r = row.review
    return {
        "id": r.pk, "organisation": r.organisation.code, "kind": r.kind, "kind_label": r.get_kind_display(),
        "title": r.title, "submitted_by_unit": r.submitted_by_unit, "submitted_on": iso_date(r.submitted_on),
        "days_allowed": r.days_allowed, "due_on": iso_date(row.due.due), "due_on_provisional": row.due.provisional,
        "working_days_taken": row.days_taken, "overdue": row.overdue, "status": r.status,
        "reviewer": str(r.reviewer) if r.reviewer_id else None, "taken_on": iso_date(r.taken_on),
        "opinion": r.opinion or None, "reasons": r.reasons, "suggestions": r.suggestions,
        "concluded_on": iso_date(r.concluded_on), "voided": r.is_void,
    }


def timeline_json(obj) -> list[dict]:
    return [{"on": iso_date(e.on), "action": e.action, "from": e.from_status, "to": e.to_status, "note": e.note,
             "user": str(e.user) if e.user_id else None} for e in timeline(obj)]


def _payload(request) -> dict:
    if not isinstance(request.data, dict):
        raise ValidationError({"detail": "请求内容必须是 JSON 对象"})
    data, wrong = {}, {}
    for key, value in request.data.items():
        posted = _as_posted(value, many=False)
        if posted is None:
            wrong[key] = ["格式不正确：应为文字、数字或日期"]
        else:
            data[key] = posted
    if wrong:
        raise ValidationError(wrong)
    return data


class Reviews(APIView):
    @extend_schema(operation_id="reviews_list", tags=["合法性审查"], summary="合法性审查队列（含审查期限）",
                   parameters=[
                       OpenApiParameter("org", str, description="乡镇编码"),
                       OpenApiParameter("status", str, enum=[*ReviewStatus.values, "open"], description="open 为待审查和审查中"),
                       OpenApiParameter("kind", str, enum=SubjectKind.values),
                       OpenApiParameter("year", int, description="送审年度"),
                       OpenApiParameter("page", int),
                   ], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        filters = ReviewFilter(request.query_params, scoped(LegalityReview.objects.active(), request.user))
        qs = filters.qs.select_related("organisation", "reviewer").order_by("submitted_on", "id")
        return api_list(self, request, qs, lambda page: [review_json(r) for r in with_clock(page)])


class ReviewItem(APIView):
    @extend_schema(operation_id="review_retrieve", tags=["合法性审查"], summary="一件审查事项：期限计算过程与办理过程",
                   responses=OpenApiTypes.OBJECT)
    def get(self, request, pk: int):
        review = get_readable_or_404(LegalityReview.objects.all(), request.user, pk)
        row = with_clock([review])[0]
        return Response(review_json(row) | {"due_explanation": row.due.steps, "timeline": timeline_json(review)})


def _run(request, pk, form_class, action):
    review = get_writable_or_404(LegalityReview.objects.all(), request.user, pk, area=REVIEW_OPINION)
    data = {"taken_on": timezone.localdate().isoformat(), "concluded_on": timezone.localdate().isoformat()} | _payload(request)
    form = form_class(data)
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    action(review, form.cleaned_data)
    review.refresh_from_db()
    return Response(review_json(with_clock([review])[0]))


class ReviewTake(APIView):
    @extend_schema(operation_id="review_take", tags=["合法性审查"], summary="受理（审查人：司法所工作人员或法制审核人员）",
                   request=inline_serializer("ReviewTakeRequest", {"taken_on": serializers.DateField(required=False)}),
                   responses=OpenApiTypes.OBJECT)
    def post(self, request, pk: int):
        return _run(request, pk, TakeForm, lambda r, d: reviews.review_take(r, user=request.user, on=d["taken_on"]))


class ReviewConclude(APIView):
    @extend_schema(operation_id="review_conclude", tags=["合法性审查"], summary="出具审查意见",
                   request=inline_serializer("ReviewConcludeRequest", {
                       "opinion": serializers.ChoiceField(choices=Opinion.choices),
                       "reasons": serializers.CharField(required=False, help_text="修改后通过、不予通过时必填"),
                       "suggestions": serializers.CharField(required=False, help_text="修改后通过时必填"),
                       "concluded_on": serializers.DateField(required=False),
                   }), responses=OpenApiTypes.OBJECT)
    def post(self, request, pk: int):
        return _run(request, pk, ConcludeForm, lambda r, d: reviews.review_conclude(
            r, user=request.user, opinion=d["opinion"], reasons=d["reasons"], suggestions=d["suggestions"],
            concluded_on=d["concluded_on"],
        ))


def document_json(doc: NormativeDocument) -> dict:
    today = timezone.localdate()
    return {
        "id": doc.pk, "organisation": doc.organisation.code, "title": doc.title, "drafting_unit": doc.drafting_unit,
        "affects_rights": doc.affects_rights, "status": doc.status, "status_label": doc.get_status_display(),
        "doc_number": doc.doc_number or None, "review_id": doc.passing_review_id,
        "deliberated_on": iso_date(doc.deliberated_on), "issued_on": iso_date(doc.issued_on), "published_on": iso_date(doc.published_on),
        "valid_until": iso_date(doc.valid_until), "in_force": doc.in_force_on(today), "filed_on": iso_date(doc.filed_on),
        "filing_late": filing_is_late(doc, today) if doc.published_on else None,
        "repealed_on": iso_date(doc.repealed_on), "repeal_reason": doc.repeal_reason, "voided": doc.is_void,
    }


class NormativeDocuments(APIView):
    @extend_schema(operation_id="normative_documents_list", tags=["规范性文件"], summary="行政规范性文件",
                   parameters=[
                       OpenApiParameter("org", str), OpenApiParameter("status", str, enum=DocStatus.values),
                       OpenApiParameter("year", int, description="印发年度"), OpenApiParameter("page", int),
                   ], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        filters = NormativeApiFilter(request.query_params, scoped(NormativeDocument.objects.active(), request.user))
        qs = filters.qs.select_related("organisation").order_by("-issued_on", "-id")
        return api_list(self, request, qs, lambda page: [document_json(d) for d in page])


class NormativeDocumentItem(APIView):
    @extend_schema(operation_id="normative_document_retrieve", tags=["规范性文件"], summary="一件规范性文件及其办理过程",
                   responses=OpenApiTypes.OBJECT)
    def get(self, request, pk: int):
        doc = get_readable_or_404(NormativeDocument.objects.all(), request.user, pk)
        return Response(document_json(doc) | {"timeline": timeline_json(doc)})
