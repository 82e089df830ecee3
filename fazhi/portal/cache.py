"""Rendered public pages, cached and invalidated by what feeds them.

A public page (the portal's GET pages) is rendered once and then served from the cache until a record that feeds
it changes. Each cached page is stored under its address (the path, the query parameters the page reads and
today's date — pages show what is published *as of today*) together with the version stamps that were current
when it was rendered: one for the whole portal (the list of townships: any ``Organisation`` change) and one for
its township. A change to a record that a public page shows (``FEEDS``) stamps a new version for its township:
right away (a reader in the same transaction sees the change) and again when the transaction commits (so a page
another process rendered from the data as it stood before the commit is never taken for current). A page whose
stored stamps differ from the current ones is rendered afresh, so a page is never stale after a change.

Where things live (settings.CACHES): pages in ``default`` (Redis when FAZHI_REDIS_URL is set, else memory of
each process); version stamps in ``portal_versions`` (Redis, or files under FAZHI_DATA_DIR shared by every
process of the server, so that a change made through one worker is seen by all).

Never cached: a logged-in user's request (staff see the live page), anything but GET, a response other than
200 or one that sets a cookie, and the status lookup (``/portal/track/?…``: one applicant's data). Forms stay
usable: the CSRF token (and the application form's one-time idempotency key) are cut out of the stored page
and a fresh one is put in for each visitor.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import re
import secrets
import time
import uuid
from collections.abc import Callable

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

log = logging.getLogger("fazhi.portal.cache")

PAGE_SECONDS = 600  # a safety net only: a page is replaced as soon as a feeding record changes
GLOBAL = "portal:v:all"
CSRF_SLOT = "\x00csrf\x00"
IDEMPOTENCY_SLOT = "\x00idem\x00"
_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_IDEMPOTENCY_INPUT = re.compile(r'(name="idempotency_key" value=")([0-9a-f]{32})(")')

# (app label, model name) of every record a public page shows; each has ``organisation_id``.
FEEDS = (
    ("disclosure", "DisclosureGuide"), ("disclosure", "ProactiveRelease"), ("disclosure", "DisclosureAnnualReport"),
    ("participation", "CommentPeriod"), ("participation", "PublicComment"),
    ("normative", "NormativeDocument"),
    ("decisions", "DecisionCatalog"), ("decisions", "MajorDecision"),
    ("enforcement", "PenaltyCase"), ("enforcement", "Officer"), ("enforcement", "Certificate"),
    ("enforcement", "EnforcementItem"),
)


def _pages():
    return caches["default"]


def _versions():
    return caches["portal_versions"]


def township_key(organisation_id) -> str:
    return f"portal:v:org:{organisation_id}"


def _new_stamp() -> str:
    return f"{time.time_ns():x}.{secrets.token_hex(4)}"


def current_stamps(keys: list[str]) -> list[str]:
    """The current version stamp of each key; a missing one (never bumped, or evicted) gets a new stamp, so a
    page rendered before it went missing can never match it again."""
    store = _versions()
    found = store.get_many(keys)
    out = []
    for key in keys:
        stamp = found.get(key)
        if stamp is None:
            stamp = _new_stamp()
            if not store.add(key, stamp, timeout=None):
                stamp = store.get(key) or stamp
        out.append(stamp)
    return out


def bump(key: str) -> None:
    try:
        _versions().set(key, _new_stamp(), timeout=None)
    except Exception:  # noqa: BLE001 - a cache outage must never fail a save; pages expire after PAGE_SECONDS
        log.exception("could not invalidate the public pages (%s)", key)


def _bump_now_and_on_commit(key: str) -> None:
    bump(key)
    transaction.on_commit(functools.partial(bump, key))


def _record_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):  # a restore (loaddata): every page may change
        _bump_now_and_on_commit(GLOBAL)
        return
    organisation_id = getattr(instance, "organisation_id", None)
    _bump_now_and_on_commit(township_key(organisation_id) if organisation_id else GLOBAL)


def _organisation_changed(sender, instance, **kwargs):
    _bump_now_and_on_commit(GLOBAL)  # names, codes and which townships are listed


def connect() -> None:
    from django.apps import apps

    from fazhi.core.models import Organisation

    post_save.connect(_organisation_changed, sender=Organisation, dispatch_uid="portal-cache-org")
    post_delete.connect(_organisation_changed, sender=Organisation, dispatch_uid="portal-cache-org-del")
    for app_label, model_name in FEEDS:
        model = apps.get_model(app_label, model_name)
        post_save.connect(_record_changed, sender=model, dispatch_uid=f"portal-cache-{model._meta.label}")
        post_delete.connect(_record_changed, sender=model, dispatch_uid=f"portal-cache-del-{model._meta.label}")


# --- query parameters a page reads, normalised as the page reads them (anything else does not change the page)

def page_number(value: str | None) -> str:
    """As ``Paginator.get_page``: not a whole number → page 1; below 1 or very large → the last page."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "1"
    return str(number) if 1 <= number < 10**6 else "last"


def flag(value: str | None) -> str:
    return "1" if value == "1" else ""


def one_of(choices) -> Callable[[str | None], str]:
    allowed = frozenset(choices)
    return lambda value: value if value in allowed else ""


# --- the decorator

def _township_id(code: str) -> int | None:
    from fazhi.core.models import Organisation, OrgKind

    return Organisation.objects.filter(code=code, kind=OrgKind.TOWNSHIP, is_active=True).values_list("id", flat=True).first()


def _address(request, params: dict) -> str:
    from fazhi.core.dbstate import is_read_only

    query = "&".join(f"{name}={normalise(request.GET.get(name))}" for name, normalise in sorted(params.items()))
    raw = f"{request.path}?{query}|{timezone.localdate().isoformat()}|{int(is_read_only())}"
    return "portal:page:" + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def _version_keys(organisation_id) -> list[str]:
    return [GLOBAL] if organisation_id is None else [GLOBAL, township_key(organisation_id)]


def _serve(request, entry: dict) -> HttpResponse:
    body = entry["body"]
    if CSRF_SLOT in body:
        body = body.replace(CSRF_SLOT, get_token(request))
    if IDEMPOTENCY_SLOT in body:
        body = body.replace(IDEMPOTENCY_SLOT, uuid.uuid4().hex)
    response = HttpResponse(body, content_type=entry["content_type"])
    response["X-Portal-Cache"] = "hit"
    return response


def _storable(response) -> str | None:
    """The page's text with its per-visitor parts cut out, or None when the response must not be cached."""
    if response.status_code != 200 or response.streaming or response.cookies or response.has_header("Cache-Control"):
        return None
    body = response.content.decode(response.charset)
    if CSRF_SLOT in body or IDEMPOTENCY_SLOT in body:
        return None
    for token in set(_CSRF_INPUT.findall(body)):
        body = body.replace(token, CSRF_SLOT)
    return _IDEMPOTENCY_INPUT.sub(lambda m: m.group(1) + IDEMPOTENCY_SLOT + m.group(3), body)


def cached_page(*, township: bool = True, params: dict | None = None, only_without_query: bool = False):
    """Cache a public GET page (see the module docstring). ``township``: the page belongs to the township named
    by the ``code`` in its address; ``params``: the query parameters it reads, each with its normaliser;
    ``only_without_query``: cache the bare page only (a query string asks for personal data)."""
    params = params or {}

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "GET" or (only_without_query and request.GET) or request.user.is_authenticated:
                return view(request, *args, **kwargs)
            try:
                address = _address(request, params)
                entry = _pages().get(address)
                if entry is not None and current_stamps(_version_keys(entry["organisation"])) == entry["stamps"]:
                    return _serve(request, entry)
                organisation_id = _township_id(kwargs["code"]) if township else None
                if township and organisation_id is None:
                    return view(request, *args, **kwargs)  # the view answers 404
                stamps = current_stamps(_version_keys(organisation_id))  # read before the data the page shows
            except Exception:  # noqa: BLE001 - a cache outage serves the page uncached, never an error
                log.exception("public page cache unavailable")
                return view(request, *args, **kwargs)
            response = view(request, *args, **kwargs)
            body = _storable(response)
            if body is not None:
                entry = {"organisation": organisation_id, "stamps": stamps, "body": body,
                         "content_type": response["Content-Type"]}
                try:
                    _pages().set(address, entry, PAGE_SECONDS)
                except Exception:  # noqa: BLE001
                    log.exception("public page cache unavailable")
                response["X-Portal-Cache"] = "miss"
            return response

        return wrapper

    return decorate
