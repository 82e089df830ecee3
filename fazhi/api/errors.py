"""Every API error is JSON with a Chinese ``detail``; bad input is never a 500."""
from __future__ import annotations

from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

_CHINESE = {
    exceptions.ParseError: "请求内容不是有效的 JSON",
}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    for kind, message in _CHINESE.items():
        if isinstance(exc, kind):
            response.data = {"detail": message}
    return response
