"""Shared fixtures: a county with two townships and the personas every view is tested with.

- ``clerk``: clerk of township A (owner of the records)
- ``other_clerk``: clerk of township B (must never see or change A's records)
- ``supervisor``: county supervisor (reads both townships, writes nothing)
"""
from __future__ import annotations

import pytest

from fazhi.core.models import OrgKind, Role
from fazhi.testing.factories import CountyFactory, TownshipFactory, UserFactory, VillageFactory


@pytest.fixture(autouse=True)
def _fast_hasher(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test client builds the middleware anew, and whitenoise would walk every static folder each time (24 ms,
    # a tenth of the suite); looking a file up when it is asked for serves the same files.
    settings.WHITENOISE_AUTOREFRESH = True
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.FAZHI_PDF_DIR = tmp_path / "pdf"  # no PDF made in one test is served in another
    from django.core.cache import cache

    cache.clear()  # rate-limit counters must not leak from one test into the next
    from fazhi.core import dbstate

    dbstate.reset()  # nor a read-only verdict cached by another test


@pytest.fixture(scope="session", autouse=True)
def _the_workers_libreoffice():
    """As on a server with `fazhi worker` running: one LibreOffice kept for the PDFs of this test process
    (fazhi/core/office.py), when LibreOffice and its Python bridge are installed. Tests of the other way — a
    LibreOffice per document — turn it off for themselves (core/tests/test_pdf.py ``fake_soffice``)."""
    import threading

    from fazhi.core import office

    listener = office.Listener()
    starting = threading.Thread(target=listener.start, daemon=True)  # no test waits for it: until it answers,
    starting.start()  # a PDF is made by a LibreOffice of its own, as on a server without the worker
    yield
    listener.stop()
    starting.join()


@pytest.fixture(scope="session", autouse=True)
def _transactional_tests_empty_tables_quickly():
    """On PostgreSQL a transactional test (transaction=True: browser journeys, concurrency) ends with Django's flush,
    one TRUNCATE of every table: about a second each time, as each of some 250 tables gets a new file. Emptying them
    with DELETE in one block (deferred foreign keys are checked at its commit) leaves the same empty tables in
    a hundredth of that. Sequences are not reset by either (a flush that asks for it keeps Django's own SQL)."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return original(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        names = ", ".join("'" + self.quote_name(table).replace("'", "''") + "'" for table in tables)
        return [f"DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY[{names}] LOOP "
                f"EXECUTE 'DELETE FROM ' || t; END LOOP; END $$;"]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        yield


@pytest.fixture
def county(db):
    return CountyFactory(code="C900", name="示例县")


@pytest.fixture
def township(county):
    return TownshipFactory(code="T901", name="甲镇", parent=county)


@pytest.fixture
def other_township(county):
    return TownshipFactory(code="T902", name="乙镇", parent=county)


@pytest.fixture
def village(township):
    return VillageFactory(code="V9011", name="东村", parent=township, kind=OrgKind.VILLAGE)


@pytest.fixture
def clerk(township):
    return UserFactory(username="clerk_a", organisation=township, role=Role.CLERK)


@pytest.fixture
def other_clerk(other_township):
    return UserFactory(username="clerk_b", organisation=other_township, role=Role.CLERK)


@pytest.fixture
def supervisor(county, township, other_township):
    return UserFactory(username="county_sup", organisation=county, role=Role.COUNTY_SUPERVISOR)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def leader(township):
    return UserFactory(username="leader_a", organisation=township, role=Role.LEADER)


@pytest.fixture
def judicial_officer(township):
    """司法所 staff of township A: the only one who sees community-corrections records."""
    return UserFactory(username="sifasuo_a", organisation=township, role=Role.JUDICIAL_OFFICE)


@pytest.fixture
def other_judicial_officer(other_township):
    return UserFactory(username="sifasuo_b", organisation=other_township, role=Role.JUDICIAL_OFFICE)


@pytest.fixture
def other_county_supervisor(db):
    """The supervisor of a different county: must see none of this county's townships."""
    elsewhere = CountyFactory(code="C800", name="邻县")
    TownshipFactory(code="T801", name="丙镇", parent=elsewhere)
    return UserFactory(username="other_county_sup", organisation=elsewhere, role=Role.COUNTY_SUPERVISOR)


def login(client, user):
    client.force_login(user)
    return client


# The longest tests start first: run at the end, a 30-second test keeps one worker busy while the others have
# nothing left to take (pytest-xdist cannot split a test). The order is otherwise the collection's.
SLOW_FIRST = (
    "fazhi/core/tests/test_migrations.py", "fazhi/demo/tests/county/", "fazhi/tests_browser/",
    "fazhi/core/tests/test_fault_harness.py", "fazhi/core/tests/test_chinese_crawl.py",
)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: not item.nodeid.startswith(SLOW_FIRST))
