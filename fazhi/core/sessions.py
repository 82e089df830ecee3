"""Staff sessions end after a period without activity and a fixed time after login, whatever the cookie says.

FAZHI_SESSION_IDLE_MINUTES (default 30) without any request, or FAZHI_SESSION_MAX_HOURS (default 12) after
logging in: the next request logs the user out and shows "登录已过期" (on the login page; as a 401-style JSON
``detail`` on the API). 0 turns either limit off. The last-activity time is written at most once a minute.
"""
from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import JsonResponse
from django.contrib.auth.views import redirect_to_login

LOGIN_AT = "fazhi_login_at"
SEEN_AT = "fazhi_seen_at"
EXPIRED = "登录已过期（{why}），请重新登录"


@receiver(user_logged_in)
def _stamp_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


def expiry_reason(session, now: float) -> str | None:
    idle = settings.FAZHI_SESSION_IDLE_MINUTES * 60
    absolute = settings.FAZHI_SESSION_MAX_HOURS * 3600
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT, login_at)
    if absolute and login_at is not None and now - login_at > absolute:
        return f"登录已超过{settings.FAZHI_SESSION_MAX_HOURS}小时"
    if idle and seen_at is not None and now - seen_at > idle:
        return f"超过{settings.FAZHI_SESSION_IDLE_MINUTES}分钟未操作"
    return None


class StaffSessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            if LOGIN_AT not in session:  # a session from before this rule: its clock starts now
                session[LOGIN_AT] = session[SEEN_AT] = int(now)
            why = expiry_reason(session, now)
            if why is not None:
                logout(request)
                message = EXPIRED.format(why=why)
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": message}, status=403, json_dumps_params={"ensure_ascii": False})
                messages.warning(request, message)
                return redirect_to_login(request.get_full_path())
            if now - session.get(SEEN_AT, 0) >= 60:
                session[SEEN_AT] = int(now)
        return self.get_response(request)
