"""The public disclosure-application API: no login, CSRF-exempt (no session is read), rate-limited per client.

POST /api/public/disclosure-requests          → 201 {tracking_number, received_on, due_on, …}
GET  /api/public/disclosure-requests/{number}?contact=…  → the status; a wrong contact is 404.

Validation is the portal form's (one set of rules). The same ``Idempotency-Key`` header (or
``idempotency_key`` field) twice with the same application returns the first one with 200 instead of a second
one; with a different application, 409 and nothing of the first. JSON bodies only (415 otherwise). Status
lookups share one per-minute budget with the portal's tracking page.
"""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException, NotFound, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.api.parsers import SafeJSONParser
from fazhi.api.serializers import _as_posted, form_errors
from fazhi.core.models import Organisation, OrgKind
from fazhi.disclosure.forms import ApplicationForm
from fazhi.disclosure.public import find_for_applicant, public_status, submit_online
from fazhi.core.ratelimit import TRACKING_BUCKET, over_limit
from fazhi.disclosure.services import IdempotencyConflict

APPLICATION_SCHEMA = {
    "type": "object",
    "required": ["organisation", "applicant_type", "applicant_name", "contact", "description"],
    "properties": {
        "organisation": {"type": "string", "description": "乡镇（街道）编码，如 SFX01"},
        "applicant_type": {
            "type": "string",
            "enum": ["natural", "commercial", "research", "public_interest", "legal_service", "other_org"],
            "description": "自然人 natural；法人或其他组织：商业企业 commercial、科研机构 research、社会公益组织 public_interest、"
                           "法律服务机构 legal_service、其他 other_org（也接受中文名称）",
        },
        "applicant_name": {"type": "string"},
        "id_number": {"type": "string", "description": "身份证件号码或统一社会信用代码"},
        "contact": {"type": "string", "description": "联系电话（查询进度时使用）"},
        "email": {"type": "string"},
        "address": {"type": "string"},
        "description": {"type": "string", "description": "所需政府信息的名称、文号或特征性描述"},
        "delivery": {"type": "string", "enum": ["paper_pickup", "paper_post", "email", "fax", "online", "on_site"]},
        "idempotency_key": {"type": "string", "description": "同一键重复提交只生成一件申请（也可用请求头 Idempotency-Key）"},
    },
}
STATUS_SCHEMA = {
    "type": "object",
    "properties": {
        "tracking_number": {"type": "string"}, "organisation": {"type": "string"},
        "received_on": {"type": "string", "format": "date"},
        "due_on": {"type": "string", "format": "date", "nullable": True},
        "due_on_provisional": {"type": "boolean"}, "status": {"type": "string"}, "status_text": {"type": "string"},
        "applicant": {"type": "string", "description": "已脱敏"}, "result": {"type": "string", "nullable": True},
        "replied_on": {"type": "string", "format": "date", "nullable": True},
        "due_explanation": {"type": "array", "items": {"type": "string"}},
    },
}
RATE_LIMITED = "请求过于频繁，请稍后再试（每分钟请求次数有限制）"


class IdempotencyKeyReused(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "idempotency_conflict"


class PublicView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    # JSON only: a form-encoded or text/plain body (what another site's <form> can send without CORS) is 415,
    # so no other site can file applications in a visitor's name (the API has no CSRF token to check).
    parser_classes = [SafeJSONParser]
    rate_bucket = "api-public"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if over_limit(request, self.rate_bucket):
            raise Throttled(detail=RATE_LIMITED, wait=60)


class PublicApplications(PublicView):
    @extend_schema(operation_id="public_disclosure_request_create", tags=["公开门户"], auth=[],
                   summary="提交政府信息公开申请（无需登录）", request={"application/json": APPLICATION_SCHEMA},
                   responses={201: STATUS_SCHEMA, 200: STATUS_SCHEMA, 400: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT,
                              413: OpenApiTypes.OBJECT, 415: OpenApiTypes.OBJECT, 429: OpenApiTypes.OBJECT})
    def post(self, request):
        payload = request.data
        if not isinstance(payload, dict) or hasattr(payload, "lists"):
            raise ValidationError({"detail": "请求内容必须是 JSON 对象（Content-Type: application/json）"})
        code = payload.get("organisation")
        errors = {}
        org = None
        if not isinstance(code, str) or not code.strip():
            errors["organisation"] = ["请填写受理机关（乡镇编码）"]
        else:
            org = Organisation.objects.filter(code=code.strip(), kind=OrgKind.TOWNSHIP, is_active=True).first()
            if org is None:
                errors["organisation"] = [f"没有编码为“{code.strip()[:40]}”的乡镇（街道）"]
        data = {}
        for name in ApplicationForm.base_fields:
            if name in payload:
                posted = _as_posted(payload[name], many=False)
                if posted is None:
                    errors[name] = ["格式不正确：应为文字"]
                else:
                    data[name] = posted
        data.setdefault("delivery", ApplicationForm.base_fields["delivery"].initial)
        form = ApplicationForm(data=data)
        if not form.is_valid():
            errors.update(form_errors(form))
        if errors:
            raise ValidationError(errors)
        key = request.headers.get("Idempotency-Key") or payload.get("idempotency_key") or ""
        if not isinstance(key, str):
            raise ValidationError({"idempotency_key": ["应为文字"]})
        if len(key) > 64:
            raise ValidationError({"idempotency_key": ["幂等键最长64个字符"]})
        try:
            application, created = submit_online(organisation=org, form=form, idempotency_key=key)
        except IdempotencyConflict:
            raise IdempotencyKeyReused(IdempotencyConflict.MESSAGE)
        return Response(public_status(application, new=created).as_json(),
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class PublicApplicationStatus(PublicView):
    rate_bucket = TRACKING_BUCKET  # one per-minute budget for status lookups, shared with the portal's /portal/track/

    @extend_schema(operation_id="public_disclosure_request_status", tags=["公开门户"], auth=[],
                   summary="凭受理编号和联系电话查询办理状态与答复期限",
                   parameters=[OpenApiParameter("contact", str, required=True, description="申请时填写的联系电话")],
                   responses={200: STATUS_SCHEMA, 404: OpenApiTypes.OBJECT})
    def get(self, request, tracking_number: str):
        contact = request.query_params.get("contact", "")
        application = find_for_applicant(tracking_number, contact)
        if application is None:
            raise NotFound("没有找到该申请：请核对受理编号和申请时填写的联系电话")
        return Response(public_status(application).as_json())


@extend_schema(exclude=True)
class PublicApplicationsSlash(PublicApplications):
    """The same endpoint with a trailing slash (clients add one out of habit)."""


@extend_schema(exclude=True)
class PublicApplicationStatusSlash(PublicApplicationStatus):
    pass
