"""Per-client rate limit for the public (no-login) endpoints: FAZHI_PUBLIC_RATE_LIMIT requests per minute, 0 = off.

Counted in the cache (Redis in production when configured, so every app server shares the count).
The client is the connecting address; behind a proxy set FAZHI_TRUSTED_PROXY_COUNT so the address
the proxy appends to X-Forwarded-For is used instead.
"""
from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    hops = getattr(settings, "FAZHI_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        parts = [p.strip() for p in forwarded.split(",") if p.strip()]
        if len(parts) >= hops:
            return parts[-hops]
    return request.META.get("REMOTE_ADDR", "unknown")


# Tracking lookups (a tracking number plus a phone number) from the portal page and the public API draw on
# one budget: two separate ones would double the guesses a client can make per minute.
TRACKING_BUCKET = "track"


def over_limit(request, bucket: str = "public") -> bool:
    """Count this request; True when the client has used up its requests for the current minute."""
    limit = getattr(settings, "FAZHI_PUBLIC_RATE_LIMIT", 0)
    if not limit:
        return False
    window = int(time.time() // 60)
    key = f"rl:{bucket}:{client_address(request)}:{window}"
    try:
        if cache.add(key, 1, timeout=70):
            count = 1
        else:
            count = cache.incr(key)
    except Exception:  # noqa: BLE001 - a cache outage never blocks the public from applying
        return False
    return count > limit
