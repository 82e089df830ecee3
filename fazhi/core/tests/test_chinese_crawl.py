"""Chinese everywhere: every HTML page, as every role, shows no English word, indicator key or field name.

One world (township A's records of the security walk, fazhi/core/tests/test_security_walk.py) and one pass per role
over the HTML pages of the walk's TABLE plus the list, form, import and record page of every ledger:

- A's clerk and the county supervisor open every page (the township's and the county's view of each);
- a visitor opens the public pages;
- the other township roles (leader, 法制审核, 执法人员, 司法所) open the home page and the pages of the areas they
  handle (fazhi/core/roles.py WRITE_MATRIX): elsewhere they see the clerk's page with fewer buttons.

The visible text of each answer (scripts, styles and attributes left out; the attributes a user reads — placeholder,
title, alt, aria-label — kept) must hold no ASCII word of three letters or more outside ALLOWED, and no indicator key
(fazhi/indicators registry) or model field name (``held_on``). The test data's own ASCII marks (WALKMARK-…, login
names), file extensions and file digests are removed first: they are what a user typed or uploaded.
"""
from __future__ import annotations

import re
from collections import defaultdict

import lxml.html
import pytest
from django.apps import apps
from django.test import Client

from fazhi.core.models import Role, User
from fazhi.core.roles import REVIEW_OPINION, WRITE_MATRIX, area_of_path
from fazhi.core.tests.test_security_walk import PATTERNS, TABLE, WALKED, World, _path
from fazhi.testing.url_walk import COUNTY, OK, OWNER, Access, content_type, expected

# The only ASCII words a page may show: file formats and products a clerk knows, the keys printed on a keyboard,
# and SHA (SHA-256, the digest that fixes an electronic piece of evidence).
ALLOWED = frozenset({"Excel", "PDF", "Word", "WPS", "API", "OpenAPI", "JSON", "CSV", "CSRF", "SHA",
                     "Alt", "Ctrl", "Shift", "Delete", "Enter", "Tab", "Esc"})

WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])")
SNAKE = re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")
NOT_WORDS = re.compile(
    r"(?i:walk)[\w-]*"  # the walk's test data (WALKMARK-A-REC, walk.txt, walk_leader)
    r"|\.(?:docx?|xlsx?|pdf|png|jpe?g|gif|txt|zip|html?|csv|ofd|wps)(?![A-Za-z])"  # a file name's extension
    r"|(?<![0-9A-Za-z])[0-9a-f]{8,}(?![0-9A-Za-z])"  # a file digest
)
VISIBLE_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label")
INVISIBLE = ("script", "style", "noscript", "template")

TOWNSHIP_ROLES = (Role.LEADER, Role.LEGAL_REVIEWER, Role.ENFORCEMENT_OFFICER, Role.JUDICIAL_OFFICE)
LEADER_AREAS = frozenset({"reports"})  # the leader approves and submits the annual report; elsewhere a clerk's page


def visible_text(html: str) -> str:
    doc = lxml.html.document_fromstring(html)
    for element in list(doc.iter(*INVISIBLE)):
        element.drop_tree()
    said = [value for element in doc.iter() if isinstance(element.tag, str)
            for name in VISIBLE_ATTRIBUTES if (value := element.get(name))]
    said += [element.get("value", "") for element in doc.iter("input") if element.get("type") in ("submit", "button")]
    return doc.text_content() + "\n" + "\n".join(said)


def developer_terms() -> frozenset[str]:
    """Indicator keys and the snake_case names of every model field of the project."""
    from fazhi.indicators.registry import all_indicators

    names = {indicator.key for indicator in all_indicators()}
    for model in apps.get_models():
        if model.__module__.startswith("fazhi."):
            names.update(field.name for field in model._meta.get_fields() if "_" in field.name)
    return frozenset(names)


def leaks(text: str, terms: frozenset[str]) -> list[tuple[str, str]]:
    """(what, the word) for every developer term and English word of a page's visible text."""
    found = [("内部名称", m.group()) for m in SNAKE.finditer(text) if m.group() in terms]
    text = SNAKE.sub(lambda m: "" if m.group() in terms else m.group(), text)
    return found + [("英文", m.group()) for m in WORD.finditer(text) if m.group() not in ALLOWED]


def context(text: str, word: str) -> str:
    at = text.find(word)
    return " ".join(text[max(0, at - 30):at + len(word) + 30].split())


def _ledger_pages(world: World) -> list[str]:
    """Every ledger's list, new-record form, import form and one record of A's (built with its factory)."""
    from fazhi.core.ledgers.registry import all_ledgers
    from fazhi.testing.factories import LEDGER_FACTORIES

    pages = []
    for ledger in all_ledgers():
        base = f"/ledgers/{ledger.slug}/"
        pages += [base, f"{base}new/", f"{base}import/"]
        factory = LEDGER_FACTORIES.get(ledger.slug)
        if factory is not None:
            pages.append(f"{base}{factory(organisation=world.township).pk}/")
    return pages


def _walk_pages(world: World) -> dict[str, Access]:
    """The HTML pages of the security walk's TABLE that someone may open (no files, JSON or POST-only URLs)."""
    pages = {}
    for key in WALKED:
        entry = TABLE[key]
        if entry.kind != "html" or (entry.path or PATTERNS[key].route).lstrip("/").startswith("api/"):
            continue
        if OK in (expected(entry, "GET", OWNER), expected(entry, "GET", COUNTY)) or entry.access == Access.JUDICIAL:
            pages[_path(key, world)] = entry.access
    return pages


def _role_pages(role: Role, pages: dict[str, Access]) -> list[str]:
    """A township role's own pages: those of the areas it handles (its reviews for a reviewer, the rolls for 司法所)."""
    areas = LEADER_AREAS if role == Role.LEADER else set(WRITE_MATRIX[role])
    if REVIEW_OPINION in areas:
        areas.add("reviews")
    return ["/"] + [path for path, access in pages.items()
                    if area_of_path(path) in areas or (access == Access.JUDICIAL and "corrections" in areas)]


def _user(role: Role, world: World) -> User:
    from fazhi.testing.factories import UserFactory

    organisation = world.township.parent if role == Role.COUNTY_SUPERVISOR else world.township
    return UserFactory(username=f"crawl_{role.value}", organisation=organisation, role=role)


@pytest.mark.django_db
def test_every_page_speaks_chinese_to_every_role(township, other_township, clerk) -> None:
    world = World(township, other_township, clerk)
    pages = _walk_pages(world) | dict.fromkeys(_ledger_pages(world), Access.LIST)
    every = ["/"] + list(pages)
    passes: dict[str, tuple[User | None, list[str]]] = {
        "办事员": (clerk, every),
        "县依法治县办": (_user(Role.COUNTY_SUPERVISOR, world), every),
        "访客": (None, [path for path, access in pages.items() if access == Access.PUBLIC]),
    }
    passes |= {role.label: (_user(role, world), _role_pages(role, pages)) for role in TOWNSHIP_ROLES}
    terms = developer_terms()
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    seen: dict[str, int] = defaultdict(int)
    for name, (user, paths) in passes.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        for path in paths:
            response = client.get(path)
            if content_type(response) != "text/html" or not response.content.strip():
                continue  # a redirect, a download, a 405 without a body
            seen[name] += response.status_code == 200
            text = NOT_WORDS.sub("", visible_text(response.content.decode()))
            for username in User.objects.values_list("username", flat=True):
                text = text.replace(username, "")
            for what, word in leaks(text, terms):
                found[(what, word, context(text, word))].add(f"{path}（{name}，{response.status_code}）")
    assert seen["办事员"] > 150 and seen["县依法治县办"] > 100 and seen["访客"] >= 5, dict(seen)
    assert all(seen[role.label] >= 3 for role in TOWNSHIP_ROLES), dict(seen)
    report = [f"{what} {word}：“{where}”\n    " + "\n    ".join(sorted(paths)[:3])
              for (what, word, where), paths in sorted(found.items())]
    assert not report, f"{len(report)} 处开发者用语:\n" + "\n".join(report)


@pytest.mark.django_db
def test_a_record_history_shows_choice_labels_never_stored_codes(township, clerk) -> None:
    import datetime as dt

    from fazhi.core.history import history_entries
    from fazhi.enforcement import journey, services

    case = services.case_file(organisation=township, fields=journey.case_fields("历史当事人"), user=clerk,
                              filed_on=dt.date.today() - dt.timedelta(days=5))
    case.proposed_kinds, case._history_user = "warning,fine", clerk
    case.save()
    changes = dict((label, (old, new)) for label, old, new in history_entries(case)[0].changes)
    assert changes["拟处罚种类"] == ("", "警告、通报批评；罚款")
    page = Client()
    page.force_login(clerk)
    text = visible_text(page.get(f"/enforcement/cases/{case.pk}/").content.decode())
    assert "拟处罚种类：（空） → 警告、通报批评；罚款" in " ".join(text.split()) and "fine" not in text


@pytest.mark.django_db
def test_criteria_show_the_indicator_label_and_no_command_line(township, clerk_client) -> None:
    from fazhi.testing.factories import AssessmentCriterionFactory

    criterion = AssessmentCriterionFactory(organisation=township, indicator_key="publicity_events")
    for path in ("/ledgers/assessment-criteria/", f"/ledgers/assessment-criteria/{criterion.pk}/",
                 "/ledgers/assessment-scores/"):
        text = visible_text(clerk_client.get(path).content.decode())
        assert "publicity_events" not in text and "fazhi" not in text and "min(" not in text, path
    assert "普法宣传活动" in visible_text(clerk_client.get(f"/ledgers/assessment-criteria/{criterion.pk}/").content.decode())


ENGLISH_DEBUG_PAGE = ("Page not found", "Django", "Traceback", "Request Method", "Forbidden", "Bad Request")


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_error_pages_are_chinese_in_every_mode(settings, debug, township, clerk, clerk_client) -> None:
    """404 (no such address, no such record), 403, 400, 500 and a failed CSRF check, with DEBUG on (``make run``)
    and off: the Chinese error page, never Django's English technical page."""
    from django.core.exceptions import SuspiciousOperation
    from django.test import RequestFactory

    from fazhi.core.views.errors import DebugErrorPagesMiddleware

    settings.DEBUG = debug
    answers = {
        "页面不存在": [clerk_client.get("/no-such-page/"), clerk_client.get("/ledgers/publicity-events/999999/"),
                   Client().get("/portal/NOPE/")],
        "无权操作": [clerk_client.get("/oversight/")],
    }
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(clerk)
    answers["安全校验失败"] = [csrf.post("/ledgers/publicity-events/new/", {})]
    if debug:  # Django itself calls the handlers of fazhi/urls.py without DEBUG; with it, the middleware does
        request = RequestFactory().get("/ledgers/")
        request.user = clerk
        middleware = DebugErrorPagesMiddleware(lambda r: None)
        answers["请求有误"] = [middleware.process_exception(request, SuspiciousOperation("bad"))]
        answers["系统出错"] = [middleware.process_exception(request, ValueError("boom"))]
    codes = {"页面不存在": 404, "无权操作": 403, "安全校验失败": 403, "请求有误": 400, "系统出错": 500}
    for title, responses in answers.items():
        for response in responses:
            html = response.content.decode()
            assert response.status_code == codes[title] and title in html, (title, response.status_code, html[:300])
            assert not any(word in html for word in ENGLISH_DEBUG_PAGE), html[:300]
    assert clerk_client.get("/indicators").status_code == 301  # a missing "/" is still added
