"""`/healthz`: for the load balancer. 200 when this app server can read the database, 503 otherwise."""
from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import JsonResponse


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "不可用"}, status=503, json_dumps_params={"ensure_ascii": False})
    return JsonResponse({"status": "ok", "database": "ok"})


def ping(request):
    """No database, no template: the cheapest response the stack can give (the load benchmark's floor)."""
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")
