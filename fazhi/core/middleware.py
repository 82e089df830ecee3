"""Request hygiene that no single view should have to remember."""
from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

NUL_MESSAGE = "网址中含有无法识别的字符（空字符），请检查后重试。"


def _refusal(request, code: int, title: str, message: str):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=code, json_dumps_params={"ensure_ascii": False})
    return render(request, "errors/error.html", {"code": code, "title": title, "message": message}, status=code)


class RejectNullCharactersMiddleware:
    """Answer 400 to a query string containing NUL: PostgreSQL cannot store or compare it (a 500 otherwise),
    and 404 to an address containing one (``/portal/SFX01%00/``): no page has such an address, and the
    code in it must not reach the database (it answered "数据库连接中断" before).

    Form fields already refuse NUL (Django's ProhibitNullCharactersValidator); query parameters
    feed filters and searches directly, so they are checked here once for every page and API call.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in request.path_info:
            return _refusal(request, 404, "页面不存在", "您要找的页面或记录不存在，或您无权查看。")
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": NUL_MESSAGE}, status=400, json_dumps_params={"ensure_ascii": False})
            return render(request, "errors/error.html", {
                "code": 400, "title": "请求有误", "message": NUL_MESSAGE,
            }, status=400)
        return self.get_response(request)


# No inline script anywhere: every script is a file served by the app itself (intranet, no CDN).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Django's admin sets a few inline style attributes; its scripts are files too.
ADMIN_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy header on every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = ADMIN_CONTENT_SECURITY_POLICY if admin else CONTENT_SECURITY_POLICY
        return response


class DatabaseTroubleMiddleware:
    """A database that refuses a write (read-only) or drops the connection mid-request answers 503 with a
    Chinese message saying nothing was saved — the service's transaction has rolled back — and to retry."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import DatabaseError

        from django.db import DataError

        from fazhi.core import dbstate

        if not isinstance(exception, DatabaseError):
            return None
        import logging

        if isinstance(exception, DataError):  # the database refuses the value itself: bad input, not an outage
            logging.getLogger("fazhi.database").warning("database refused a value on %s: %s", request.path, exception)
            return _refusal(request, 400, "请求有误", "提交的内容超出系统能保存的范围（数值过大或含有无法保存的字符），请检查后重试。")

        logging.getLogger("fazhi.database").exception("database error on %s", request.path)
        title, message = dbstate.trouble(exception)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=503, json_dumps_params={"ensure_ascii": False})
        response = render(request, "errors/error.html", {"code": 503, "title": title, "message": message}, status=503)
        response["Retry-After"] = "60"
        return response


class RequestSizeLimitMiddleware:
    """Answer 413 with a Chinese message before reading a body larger than its address allows.

    The limits (settings.FAZHI_BODY_LIMITS: address pattern → bytes, first match wins, the last one is the
    default) are the same the sample nginx configuration sets per location (deploy/nginx.conf): evidence up to
    FAZHI_MAX_EVIDENCE_BYTES, imports 20 MB, report batches FAZHI_MAX_REPORT_BATCH_BYTES, the rest small.
    """

    def __init__(self, get_response):
        import re

        from django.conf import settings

        self.get_response = get_response
        self.limits = [(re.compile(pattern), limit) for pattern, limit in settings.FAZHI_BODY_LIMITS]

    def limit_for(self, path: str) -> int | None:
        for pattern, limit in self.limits:
            if pattern.search(path):
                return limit
        return None

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _refusal(request, 400, "请求有误", "请求头 Content-Length 无法识别。")
        limit = self.limit_for(request.path)
        if limit is not None and length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request, limit: int | None = None):
    size = f"（本处最多{_megabytes(limit)}）" if limit else ""
    return _refusal(request, 413, "提交的内容过大", f"提交的内容过大{size}，请缩小文件或分批提交。")


def _megabytes(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:.0f}MB" if mb >= 1 else f"{max(1, limit // 1024)}KB"
