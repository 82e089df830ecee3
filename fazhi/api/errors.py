"""Every API error is JSON with a Chinese ``detail``; bad input is never a 500.

DRF's own messages ("Not found.", "Authentication credentials were not provided." …)
are replaced by Chinese ones; messages the views already wrote in Chinese are kept.
"""
from __future__ import annotations

import logging
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, DatabaseError
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from fazhi.core import dbstate
from fazhi.core.models import HardDeleteForbidden

logger = logging.getLogger("fazhi.api")

_HAN = re.compile(r"[\u4e00-\u9fff]")

# Most specific first: the first class the exception is an instance of gives the message.
_CHINESE: list[tuple[type[exceptions.APIException], str]] = [
    (exceptions.ParseError, "请求内容不是有效的 JSON"),
    (exceptions.NotAuthenticated, "尚未登录或登录已过期，请先登录"),
    (exceptions.AuthenticationFailed, "身份验证失败，请重新登录"),
    (exceptions.PermissionDenied, "您没有执行此操作的权限"),
    (exceptions.NotFound, "记录不存在或您无权查看"),
    (exceptions.MethodNotAllowed, "此地址不支持 {method} 请求"),
    (exceptions.NotAcceptable, "无法按所要求的格式答复，请接受 application/json"),
    (exceptions.UnsupportedMediaType, "不支持此请求内容类型，请以 application/json 提交"),
    (exceptions.Throttled, "请求过于频繁，请稍后再试"),
    (exceptions.ValidationError, "提交的内容有误"),
    (exceptions.APIException, "请求未能处理"),
]

VALIDATION_SUMMARY = "提交的内容未通过校验，请按各字段的提示修改"
SERVER_ERROR = "系统处理时出错，已记录。请稍后重试或联系管理员"


def _chinese_for(exc: exceptions.APIException, request) -> str:
    detail = str(exc.detail) if not isinstance(exc.detail, (dict, list)) else ""
    if detail.startswith("CSRF Failed"):
        return "安全校验（CSRF）失败：请刷新页面后重试，并在请求头 X-CSRFToken 中带上 csrftoken"
    if isinstance(exc, exceptions.UnsupportedMediaType):  # DRF's own says only which type was refused
        return "不支持此请求内容类型（{}），请以 application/json 提交".format(
            getattr(request, "content_type", "") or "未注明").replace("{", "").replace("}", "")
    if detail and _HAN.search(detail) and detail != str(exc.default_detail):
        return detail  # already written in Chinese by the view
    for kind, message in _CHINESE:
        if isinstance(exc, kind):
            return message.format(method=getattr(request, "method", ""))
    return _CHINESE[-1][1]


def _validation_body(data) -> dict:
    if isinstance(data, dict):
        body = dict(data)
        if isinstance(body.get("detail"), list):
            body["detail"] = "；".join(str(m) for m in body["detail"])
        body.setdefault("detail", VALIDATION_SUMMARY)
        return body
    messages = data if isinstance(data, list) else [data]
    return {"detail": "；".join(str(m) for m in messages)}


TOO_MANY_FIELDS = "提交的字段过多（超过系统允许的数量），请检查后重试"
TOO_LARGE = "提交的内容过大，请精简后重试"
UNSTORABLE = "提交的内容超出系统能保存的范围（数值过大或含有无法保存的字符），请检查后重试"


class _RequestRefused(exceptions.APIException):
    """An input the request layer refuses (too large, too many fields): a 4xx whose message is already Chinese."""

    def __init__(self, detail: str, status_code: int):
        self.status_code = status_code
        super().__init__(detail)


def _as_api_exception(exc, request):
    """Django's own exceptions as the DRF ones with the same meaning (keeping their messages)."""
    if isinstance(exc, RequestDataTooBig):
        return _RequestRefused(TOO_LARGE, status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, (TooManyFieldsSent, TooManyFilesSent)):
        return _RequestRefused(TOO_MANY_FIELDS, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, SuspiciousOperation):
        return _RequestRefused("请求无法识别，请检查后重试", status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DataError):  # the database refuses the value itself: the input's fault, not an outage
        logger.warning("database refused a value on %s: %s", getattr(request, "path", "?"), exc)
        return exceptions.ValidationError({"detail": UNSTORABLE})
    if isinstance(exc, RecursionError):
        return exceptions.ParseError("请求内容嵌套层数过多")
    if isinstance(exc, Http404):
        return exceptions.NotFound(*exc.args)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    if isinstance(exc, HardDeleteForbidden):
        return exceptions.MethodNotAllowed(getattr(request, "method", "DELETE"), detail=str(exc))
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    return exc


def exception_handler(exc, context):
    request = context.get("request")
    exc = _as_api_exception(exc, request)
    response = drf_exception_handler(exc, context)
    if response is None and isinstance(exc, DatabaseError):
        logger.exception("database error on %s", getattr(request, "path", "?"), exc_info=exc)
        set_rollback()
        return Response({"detail": dbstate.trouble(exc)[1]}, status=status.HTTP_503_SERVICE_UNAVAILABLE,
                        headers={"Retry-After": "60"})
    if response is None:
        if settings.DEBUG:
            return None  # the developer's traceback page
        logger.exception("API error on %s", getattr(request, "path", "?"), exc_info=exc)
        set_rollback()
        return Response({"detail": SERVER_ERROR}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    if isinstance(exc, exceptions.ValidationError):
        response.data = _validation_body(response.data)
    else:
        response.data = {"detail": _chinese_for(exc, request)}
    return response


def api_not_found(request, path: str = ""):
    """Any /api/ address that does not exist: a JSON 404, not the HTML error page."""
    detail = "没有这个接口地址"
    if not request.path.endswith("/"):
        try:
            resolve(request.path + "/")
        except Resolver404:
            pass
        else:
            detail = f"没有这个接口地址；您是否要访问 {request.path}/（地址以 / 结尾）"
    return JsonResponse({"detail": detail}, status=404, json_dumps_params={"ensure_ascii": False})
