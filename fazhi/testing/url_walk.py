"""Machinery for the security walk over every URL of the project (fazhi/core/tests/test_security_walk.py).

- ``project_patterns()`` lists every pattern of the URL conf (admin, static and media left out);
- ``Entry`` says how to build one URL from the owner township's records and who may do what on it;
- ``expected()`` turns an entry's access class into the answer each persona must get;
- the helpers check a response the same way for every URL (login redirect, security headers,
  CSRF token in every POST form, nothing changed in the database by a refused write).
"""
from __future__ import annotations

import enum
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.db import models
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

# ---------------------------------------------------------------- the URL conf

SKIPPED_PREFIXES = ("admin/", "static/", "media/")


@dataclass(frozen=True)
class UrlPattern:
    key: str  # "namespace:name" (or "name"); the joined route when the pattern has no name
    name: str | None  # what reverse() takes, None for an unnamed pattern
    route: str  # e.g. "disclosure/requests/<int:pk>/"
    params: tuple[str, ...]  # the keyword arguments the pattern captures
    buildable: bool  # True when every level is a route (path()), so the URL can be built from kwargs


def _join_route(first: str, second: str) -> str:
    """As Django joins the routes of nested patterns in ResolverMatch.route."""
    return first + (second[1:] if second.startswith("^") else second)


def _params(pattern) -> tuple[str, ...]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters)
    return tuple(pattern.regex.groupindex)


def walk(patterns: Iterable, prefix: str = "", namespace: str = "", params: tuple[str, ...] = (),
         buildable: bool = True) -> list[UrlPattern]:
    found: list[UrlPattern] = []
    for item in patterns:
        route = _join_route(prefix, str(item.pattern))
        here = params + _params(item.pattern)
        here_buildable = buildable and isinstance(item.pattern, RoutePattern)
        if isinstance(item, URLResolver):
            ns = f"{namespace}{item.namespace}:" if item.namespace else namespace
            found += walk(item.url_patterns, route, ns, here, here_buildable)
        elif isinstance(item, URLPattern):
            name = f"{namespace}{item.name}" if item.name else None
            found.append(UrlPattern(name or route, name, route, here, here_buildable))
    return found


def project_patterns() -> list[UrlPattern]:
    """Every pattern of the project's URL conf except the Django admin, static files and media."""
    return [p for p in walk(get_resolver().url_patterns) if not p.route.startswith(SKIPPED_PREFIXES)]


def app_walk_entries() -> dict[str, "Entry"]:
    """The entries that apps keep beside their tests: ENTRIES of fazhi/<app>/tests/walk.py, for every installed app."""
    import importlib
    import importlib.util

    entries: dict[str, Entry] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.tests.walk"
        if (config.name.startswith("fazhi.") and importlib.util.find_spec(f"{config.name}.tests")
                and importlib.util.find_spec(module_name)):
            entries.update(importlib.import_module(module_name).ENTRIES)
    return entries


def build_path(pattern: UrlPattern, kwargs: Mapping[str, Any]) -> str:
    if set(kwargs) != set(pattern.params):
        raise AssertionError(
            f"{pattern.key}: the table gives kwargs {sorted(kwargs)}, the URL conf wants {sorted(pattern.params)}"
        )
    if pattern.name:
        return reverse(pattern.name, kwargs=dict(kwargs))
    if not pattern.buildable:
        raise AssertionError(f"{pattern.key}: a regular-expression pattern without a name needs Entry(path=...)")
    return "/" + re.sub(r"<(?:[^>:]+:)?([^>]+)>", lambda m: str(kwargs[m.group(1)]), pattern.route)


# ---------------------------------------------------------------- personas and access classes

ANON = "anonymous"
OTHER = "other_clerk"  # clerk of township B, same county
STRANGER = "other_county_supervisor"  # supervisor of another county
OWNER = "clerk"  # clerk of township A, which owns every record the walk creates
COUNTY = "supervisor"  # supervisor of the county of A and B: reads both, writes nothing
PERSONAS = (ANON, OTHER, STRANGER, OWNER, COUNTY)


class Access(enum.Enum):
    """Who gets what, for GET and for a write (POST, or the entry's write_method)."""

    PUBLIC = "public"  # no login: everyone is answered
    STAFF = "staff"  # any logged-in user; the page holds no township's records (a template, a form)
    LIST = "list"  # any logged-in user, rows scoped: outsiders get 200 without A's marker
    READ = "read"  # one of A's records/pages: owner and county 200, everyone else 404
    EDIT = "edit"  # form changing one of A's records: owner 200, county 403, outsiders 404
    CREATE = "create"  # form creating a record in the user's own township: clerks 200, supervisors 403
    ACTION = "action"  # POST-only change of one of A's records: GET 405; POST as EDIT
    GONE = "gone"  # answers 404 to everyone (the /api/ catch-all)
    # the county office's own pages (县依法治县办): township staff are refused with 403
    COUNTY_LIST = "county_list"  # any county supervisor, rows of their own county; township staff 403
    COUNTY_READ = "county_read"  # a record the county holds (an import): its supervisor 200, another county 404
    COUNTY_CREATE = "county_create"  # a form creating a record of the supervisor's own county
    COUNTY_ACTION = "county_action"  # POST-only change of a county-held record: GET 405
    # sensitive personal data (社区矫正): only the township's 司法所 staff, who is none of the personas — every
    # persona is refused with 403 (the walk's CSRF check is made as A's 司法所, csrf_as="judicial_officer")
    JUDICIAL = "judicial"


OK = "ok"  # the entry's own success status (Entry.ok / Entry.post_ok)
LOGIN = "login"  # pages: 302 to the login page; /api/: 401 or 403
Expect = int | str

_GET: dict[Access, dict[str, Expect]] = {
    Access.PUBLIC: dict.fromkeys(PERSONAS, OK),
    Access.STAFF: {ANON: LOGIN, OTHER: OK, STRANGER: OK, OWNER: OK, COUNTY: OK},
    Access.LIST: {ANON: LOGIN, OTHER: OK, STRANGER: OK, OWNER: OK, COUNTY: OK},
    Access.READ: {ANON: LOGIN, OTHER: 404, STRANGER: 404, OWNER: OK, COUNTY: OK},
    Access.EDIT: {ANON: LOGIN, OTHER: 404, STRANGER: 404, OWNER: OK, COUNTY: 403},
    Access.CREATE: {ANON: LOGIN, OTHER: OK, STRANGER: 403, OWNER: OK, COUNTY: 403},
    Access.ACTION: {ANON: LOGIN, OTHER: 405, STRANGER: 405, OWNER: 405, COUNTY: 405},
    Access.GONE: dict.fromkeys(PERSONAS, 404),
    Access.COUNTY_LIST: {ANON: LOGIN, OTHER: 403, STRANGER: OK, OWNER: 403, COUNTY: OK},
    Access.COUNTY_READ: {ANON: LOGIN, OTHER: 403, STRANGER: 404, OWNER: 403, COUNTY: OK},
    Access.COUNTY_CREATE: {ANON: LOGIN, OTHER: 403, STRANGER: OK, OWNER: 403, COUNTY: OK},
    Access.COUNTY_ACTION: {ANON: LOGIN, OTHER: 405, STRANGER: 405, OWNER: 405, COUNTY: 405},
    Access.JUDICIAL: {ANON: LOGIN, OTHER: 403, STRANGER: 403, OWNER: 403, COUNTY: 403},
}
_WRITE: dict[Access, dict[str, Expect]] = {
    Access.PUBLIC: dict.fromkeys(PERSONAS, OK),
    Access.EDIT: {ANON: LOGIN, OTHER: 404, STRANGER: 404, OWNER: OK, COUNTY: 403},
    Access.ACTION: {ANON: LOGIN, OTHER: 404, STRANGER: 404, OWNER: OK, COUNTY: 403},
    Access.CREATE: {ANON: LOGIN, OTHER: OK, STRANGER: 403, OWNER: OK, COUNTY: 403},
    Access.GONE: dict.fromkeys(PERSONAS, 404),
    Access.COUNTY_READ: {ANON: LOGIN, OTHER: 403, STRANGER: 404, OWNER: 403, COUNTY: OK},
    Access.COUNTY_CREATE: {ANON: LOGIN, OTHER: 403, STRANGER: OK, OWNER: 403, COUNTY: OK},
    Access.COUNTY_ACTION: {ANON: LOGIN, OTHER: 403, STRANGER: 404, OWNER: 403, COUNTY: OK},
    Access.JUDICIAL: {ANON: LOGIN, OTHER: 403, STRANGER: 403, OWNER: 403, COUNTY: 403},
}


def _none(world: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Entry:
    """One URL of the table. Callables take the test's World (the owner township's records, built on demand)."""

    access: Access
    kwargs: Callable[[Any], dict[str, Any]] = _none  # the URL's keyword arguments
    query: Callable[[Any], str] | None = None  # a query string, without "?"
    path: str | None = None  # a fixed path, for patterns that cannot be built (regular expressions)
    marker: Callable[[Any], str] | None = None  # LIST: text of A's record, shown to owner/county, never to outsiders
    write: Callable[[Any], dict[str, Any]] | None = None  # a valid body: the URL accepts writes
    write_method: str = "POST"
    write_access: Access | None = None  # when writes follow another class than GET (an API list that takes POST)
    ok: int = 200  # GET status of a permitted persona
    post_ok: frozenset[int] = frozenset({302})  # write status of a permitted persona (API: 200/201)
    kind: str = "html"  # html | json | file | redirect (derived as json for /api/)
    expect: Mapping[tuple[str, str], Expect] = field(default_factory=dict)  # (method, persona) overrides
    csrf_exempt: str = ""  # why a write works without a CSRF token; "" means it must be refused (403)
    csrf_as: str = OWNER  # who performs the CSRF check (the persona for whom the write succeeds)
    bugs: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (method, persona) → "BUG: …" (xfail strict)

    def is_api(self, path: str) -> bool:
        return path.startswith("/api/")


def expected(entry: Entry, method: str, persona: str) -> Expect:
    if (method, persona) in entry.expect:
        return entry.expect[(method, persona)]
    if method == "GET":
        return _GET[entry.access][persona]
    access = entry.write_access or entry.access
    if access not in _WRITE:
        raise AssertionError(f"access class {access} takes no writes: give the entry write_access=")
    return _WRITE[access][persona]


# ---------------------------------------------------------------- checking a response

def content_type(response: HttpResponse) -> str:
    return response.get("Content-Type", "").split(";")[0].strip()


def body_text(response: HttpResponse) -> str:
    """What the user sees: HTML/JSON/text as is, an .xlsx as its cell values."""
    if getattr(response, "streaming", False):
        raw = b"".join(response.streaming_content)
    else:
        raw = response.content
    if content_type(response) == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True)
        return "\n".join(
            "\t".join("" if v is None else str(v) for v in row)
            for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
        )
    return raw.decode("utf-8", errors="replace")


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_ATTR = re.compile(r"""(?:^|\s)(method|action)\s*=\s*["']([^"']*)["']""", re.I)


def post_forms(html: str, page_path: str) -> list[tuple[str, bool]]:
    """(action path, has a CSRF token) of every POST form on the page."""
    forms = []
    for attrs, inner in _FORM.findall(html):
        found = {k.lower(): v for k, v in _ATTR.findall(attrs)}
        if found.get("method", "get").lower() != "post":
            continue
        action = urlsplit(urljoin(page_path, found.get("action") or page_path)).path
        forms.append((action, 'name="csrfmiddlewaretoken"' in inner))
    return forms


def is_login_redirect(response: HttpResponse) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/login/?next=")


# ---------------------------------------------------------------- "nothing changed"

def db_fingerprint(objects: Iterable[models.Model] = ()) -> dict[str, Any]:
    """Row counts of every table (history tables included, so any save shows) and the fields of ``objects``."""
    counts: dict[str, Any] = {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.managed and not m._meta.proxy and m._meta.label != "sessions.Session"
    }
    for obj in objects:
        counts[f"{obj._meta.label}#{obj.pk}"] = type(obj)._default_manager.filter(pk=obj.pk).values().first()
    return counts
