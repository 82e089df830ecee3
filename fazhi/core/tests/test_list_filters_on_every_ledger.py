"""The list page of every ledger: each filter, the keyword search, the year and the pages narrow the rows
exactly, and nonsense in the address bar gives an empty list, never an error."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import models, transaction

from fazhi.core.ledgers import get_ledger
from fazhi.core.tests.ledger_helpers import LEDGERS, YEAR, data_count, make_record
from fazhi.testing.factories import VillageFactory

FILTER_LEDGERS = [p for p in LEDGERS if p.values[0].filter_fields]


@contextmanager
def rolled_back():
    """One filter's records, gone before the next filter is tried (a savepoint inside the test's transaction)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def two_values(ledger, name, township):
    field = ledger.field(name)
    if isinstance(field, models.BooleanField):
        return (True, "1"), (False, "0")
    if isinstance(field, models.ForeignKey):
        a, b = VillageFactory(parent=township), VillageFactory(parent=township)
        return (a, str(a.pk)), (b, str(b.pk))
    (first, _), (second, _) = field.choices[:2]
    return (first, first), (second, second)


def listed(client, ledger, query):
    page = client.get(f"/ledgers/{ledger.slug}/?{query}")
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.parametrize("ledger", FILTER_LEDGERS)
def test_each_filter_shows_exactly_the_matching_rows(clerk_client, township, ledger):
    for name in ledger.filter_fields:
        with rolled_back():
            (value_a, query_a), (value_b, query_b) = two_values(ledger, name, township)
            a = make_record(ledger, township, **{name: value_a})
            b = make_record(ledger, township, **{name: value_b})
            page = listed(clerk_client, ledger, f"{name}={query_a}")
            assert data_count(page) == "1", name
            assert f"/ledgers/{ledger.slug}/{a.pk}/" in page and f"/ledgers/{ledger.slug}/{b.pk}/" not in page, name
            assert f'<option value="{query_a}" selected>' in page, name  # the chosen filter stays selected
            page = listed(clerk_client, ledger, f"{name}={query_b}")
            assert f"/ledgers/{ledger.slug}/{b.pk}/" in page and f"/ledgers/{ledger.slug}/{a.pk}/" not in page, name


@pytest.mark.parametrize("ledger", FILTER_LEDGERS)
def test_a_nonsense_filter_value_is_an_empty_list_not_an_error(clerk_client, township, ledger):
    make_record(ledger, township)
    for name in ledger.filter_fields:
        for junk in ("nonsense", "99999999999999999999999", "-1", "%27%3B--"):
            page = listed(clerk_client, ledger, f"{name}={junk}")
            if isinstance(ledger.field(name), models.BooleanField):
                assert data_count(page) in ("0", "1"), (name, junk)  # anything but "1" reads as 否
            else:
                assert data_count(page) == "0", (name, junk)


@pytest.mark.parametrize("ledger", [p for p in LEDGERS if p.values[0].search_fields])
def test_the_keyword_search_looks_in_the_named_fields(clerk_client, township, ledger):
    field = ledger.search_fields[0]
    hit = make_record(ledger, township, **{field: "关键字甲乙丙"})
    miss = make_record(ledger, township)
    page = listed(clerk_client, ledger, "q=甲乙")
    assert data_count(page) == "1"
    assert f"/ledgers/{ledger.slug}/{hit.pk}/" in page and f"/ledgers/{ledger.slug}/{miss.pk}/" not in page
    assert data_count(listed(clerk_client, ledger, "q=%25")) == "0"  # a % is a character, not a wildcard


@pytest.mark.parametrize("ledger", LEDGERS)
def test_the_year_filter_uses_the_ledgers_own_date(clerk_client, township, ledger):
    this = make_record(ledger, township)
    last = make_record(ledger, township, year=YEAR - 1)
    page = listed(clerk_client, ledger, f"year={YEAR}")
    assert data_count(page) == "1" and f"/ledgers/{ledger.slug}/{this.pk}/" in page
    page = listed(clerk_client, ledger, f"year={YEAR - 1}")
    assert data_count(page) == "1" and f"/ledgers/{ledger.slug}/{last.pk}/" in page
    for junk in ("abc", "1899", ""):
        assert data_count(listed(clerk_client, ledger, f"year={junk}")) == "2"


def test_pages_of_fifty_keep_the_filters(clerk_client, township):
    ledger = get_ledger("study-sessions")
    for _ in range(51):
        make_record(ledger, township, kind="lecture")
    make_record(ledger, township, kind="central_group")
    first = listed(clerk_client, ledger, f"kind=lecture&year={YEAR}")
    assert data_count(first) == "51" and "第 1 / 2 页" in first
    assert f'href="?kind=lecture&amp;year={YEAR}&page=2"' in first
    second = listed(clerk_client, ledger, f"kind=lecture&year={YEAR}&page=2")
    assert "第 2 / 2 页" in second and second.count("/ledgers/study-sessions/") - second.count("/ledgers/study-sessions/new/") >= 1
    assert "第 2 / 2 页" in listed(clerk_client, ledger, f"kind=lecture&year={YEAR}&page=abc&page=99")
