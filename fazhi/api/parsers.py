"""The API's JSON parser: a body no answer can come from is a clear 400/413, never a 500.

- more than ``MAX_DEPTH`` levels of nesting (Python's parser would recurse until RecursionError): 400;
- a lone UTF-16 surrogate anywhere (``"\\ud800张三"``: no database or file can store it): 400;
- a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (DRF reads the stream itself, past Django's check): 413.
"""
from __future__ import annotations

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

from fazhi.core.text import SURROGATE_MESSAGE, has_surrogate

MAX_DEPTH = 32
TOO_DEEP = f"请求内容嵌套层数过多（最多{MAX_DEPTH}层）"


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"

    def __init__(self, limit: int):
        super().__init__(f"提交的内容过大（超过{limit // (1024 * 1024) or 1}MB），请精简后重试")


def _refuse_deep_or_unstorable(data) -> None:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(TOO_DEEP)
        if isinstance(value, str):
            if has_surrogate(value):
                raise ParseError(SURROGATE_MESSAGE)
        elif isinstance(value, dict):
            for key, item in value.items():
                if has_surrogate(key):
                    raise ParseError(SURROGATE_MESSAGE)
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


class SafeJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise PayloadTooLarge(limit)
        try:
            text = raw.decode(encoding)
            data = json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError:
            raise ParseError(TOO_DEEP)
        except ValueError:
            raise ParseError("请求内容不是有效的 JSON")
        _refuse_deep_or_unstorable(data)
        return data
