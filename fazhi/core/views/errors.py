from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "errors/error.html", {"code": 404, "title": "页面不存在", "message": "您要找的页面或记录不存在，或您无权查看。"}, status=404)


def forbidden(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有执行此操作的权限。"
    return render(request, "errors/error.html", {"code": 403, "title": "无权操作", "message": message}, status=403)


def bad_request(request, exception=None):
    return render(request, "errors/error.html", {"code": 400, "title": "请求有误", "message": "提交的内容无法识别，请返回重试。"}, status=400)


def server_error(request):
    return render(request, "errors/error.html", {"code": 500, "title": "系统出错", "message": "系统处理时出错，已记录。请稍后重试或联系管理员。"}, status=500)
