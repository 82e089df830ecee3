"""One demo county for every test of this package: `fazhi demo` run once on 2 December 2026 (Beijing time), inside
an outer transaction rolled back when the package's tests are done, so no other test ever sees it; each test runs
in its own savepoint. The clock stays on that day (ticking) while the package runs, so the demo's "today" (a call
missed today, a task overdue, the default year 2025) is the same whenever the suite is run."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from fazhi.core.models import Organisation, OrgKind

TODAY = dt.date(2026, 12, 2)
YEAR = 2025  # the demo's default year on TODAY: reports are written for the year before
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"  # as fazhi/conftest.py, so the logins can be checked


@dataclass
class DemoCounty:
    output: str  # what `fazhi demo` printed
    county: Organisation
    townships: dict[str, Organisation]


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")  # the imported seed reports are stored here
    morning = dt.datetime.combine(TODAY, dt.time(9), tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(morning), django_db_blocker.unblock(), \
            override_settings(PASSWORD_HASHERS=[FAST_HASHER], MEDIA_ROOT=media):
        with transaction.atomic():
            out = StringIO()
            call_command("demo", stdout=out)
            county = Organisation.objects.get(code="SFX")
            townships = {t.code: t for t in Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP)}
            yield DemoCounty(out.getvalue(), county, townships)
            transaction.set_rollback(True)
