"""The security audit log and the login lockout.

Failed logins are counted in the database (not in one server's memory), so the lockout holds across
every app server behind the load balancer: after FAZHI_LOGIN_MAX_FAILURES failures for one login name
within FAZHI_LOGIN_LOCKOUT_MINUTES, that name cannot log in until the window has passed; after
FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS failures from one client address (any names), that address cannot.
"""
from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from fazhi.core.models import AuditEvent, AuditKind

logger = logging.getLogger("fazhi.security")


def client_ip(request) -> str:
    if request is None:
        return ""
    from fazhi.core.ratelimit import client_address

    return client_address(request)[:64]


def record(kind: str, *, request=None, user=None, username: str = "", detail: str = "") -> AuditEvent:
    user = user if getattr(user, "is_authenticated", False) else None
    event = AuditEvent.objects.create(
        kind=kind, user=user, username=(username or (user.get_username() if user else ""))[:150],
        ip=client_ip(request), path=(request.path if request is not None else "")[:300], detail=detail[:300],
    )
    logger.info("audit %s user=%s ip=%s %s", kind, event.username, event.ip, detail)
    return event


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.FAZHI_LOGIN_LOCKOUT_MINUTES)


def recent_failures(username: str) -> int:
    """Failures for this name inside the window, counted since its last successful login."""
    since = timezone.now() - _window()
    last_ok = AuditEvent.objects.filter(kind=AuditKind.LOGIN, username__iexact=username, at__gte=since).order_by("-at").first()
    if last_ok is not None:
        since = last_ok.at
    return AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, username__iexact=username, at__gt=since).count()


def is_locked_out(username: str) -> bool:
    limit = settings.FAZHI_LOGIN_MAX_FAILURES
    return bool(limit) and bool(username) and recent_failures(username) >= limit


def is_address_locked_out(ip: str) -> bool:
    """One address trying many names (password spraying): FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS failures within
    the window lock logins from that address, whatever the name."""
    limit = getattr(settings, "FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS", 0)
    if not limit or not ip:
        return False
    since = timezone.now() - _window()
    return AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, ip=ip, at__gte=since).count() >= limit


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(AuditKind.LOGIN, request=request, user=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditKind.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    record(AuditKind.LOGIN_FAILED, request=request, username=str(credentials.get("username", "")))
