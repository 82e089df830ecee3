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
