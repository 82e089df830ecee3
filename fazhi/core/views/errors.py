from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "errors/error.html", {"code": 404, "title": "页面不存在", "message": "您要找的页面或记录不存在，或您无权查看。"}, status=404)


def forbidden(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有执行此操作的权限。"
    return render(request, "errors/error.html", {"code": 403, "title": "无权操作", "message": message}, status=403)


def bad_request(request, exception=None):
    """Django's 400 for a request it refuses before any view: a body over the limit is 413, too many fields named."""
    from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent

    from fazhi.core.middleware import _refusal, too_large

    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    if isinstance(exception, (TooManyFieldsSent, TooManyFilesSent)):
        return _refusal(request, 400, "请求有误", "提交的字段或文件过多（超过系统允许的数量），请检查后重试。")
    if request.path.startswith("/api/"):
        return _refusal(request, 400, "请求有误", "请求无法识别，请检查后重试。")
    return render(request, "errors/error.html", {"code": 400, "title": "请求有误", "message": "提交的内容无法识别，请返回重试。"}, status=400)


def server_error(request):
    return render(request, "errors/error.html", {"code": 500, "title": "系统出错", "message": "系统处理时出错，已记录。请稍后重试或联系管理员。"}, status=500)


def csrf_failure(request, reason=""):
    """Django's CSRF refusal, in Chinese (its own page is English)."""
    from fazhi.core.middleware import _refusal

    if request.path.startswith("/api/"):
        message = "安全校验（CSRF）失败：请刷新页面后重试，并在请求头 X-CSRFToken 中带上页面中的 csrfmiddlewaretoken"
    else:
        message = "安全校验失败：页面可能已过期，请刷新页面后重新提交。"
    return _refusal(request, 403, "安全校验失败", message)


class DebugErrorPagesMiddleware:
    """Under DEBUG (``make run``) Django answers a 404 and a refused request with its English technical pages;
    this answers them with the Chinese pages above, as in production. The traceback of a 500 still goes to the
    console (the ``django.request`` log). Outside DEBUG Django calls the handlers of fazhi/urls.py itself.

    Placed after the authentication middleware (the pages show the signed-in user's sidebar) and before
    DatabaseTroubleMiddleware (its 503 comes first: process_exception runs from the last middleware up)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.urls import Resolver404, resolve

        if settings.DEBUG:
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404 as exception:  # no page has this address (CommonMiddleware still adds a missing "/")
                return not_found(request, exception)
        return self.get_response(request)

    def process_exception(self, request, exception):
        import logging

        from django.conf import settings
        from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
        from django.http import Http404

        if not settings.DEBUG or isinstance(exception, PermissionDenied):  # 403: Django calls handler403 in every mode
            return None
        if isinstance(exception, Http404):
            return not_found(request, exception)
        if isinstance(exception, (BadRequest, SuspiciousOperation)):
            logging.getLogger("django.request").warning("Bad request: %s", request.path, exc_info=exception)
            return bad_request(request, exception)
        logging.getLogger("django.request").error("Internal Server Error: %s", request.path, exc_info=exception)
        return server_error(request)
