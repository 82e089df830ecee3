"""Request hygiene that no single view should have to remember."""
from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

NUL_MESSAGE = "网址中含有无法识别的字符（空字符），请检查后重试。"


class RejectNullCharactersMiddleware:
    """Answer 400 to a query string containing NUL: PostgreSQL cannot store or compare it (a 500 otherwise).

    Form fields already refuse NUL (Django's ProhibitNullCharactersValidator); query parameters
    feed filters and searches directly, so they are checked here once for every page and API call.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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

        from fazhi.core import dbstate

        if not isinstance(exception, DatabaseError):
            return None
        import logging

        logging.getLogger("fazhi.database").exception("database error on %s", request.path)
        title, message = dbstate.trouble(exception)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=503, json_dumps_params={"ensure_ascii": False})
        response = render(request, "errors/error.html", {"code": 503, "title": title, "message": message}, status=503)
        response["Retry-After"] = "60"
        return response
