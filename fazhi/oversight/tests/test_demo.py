"""The demo county shows the county office every state: accepted, late and waiting, missing, imported."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import override_settings

from fazhi.core.models import Organisation
from fazhi.demo.generate import build_demo
from fazhi.oversight.collection import collection
from fazhi.oversight.compare import compare
from fazhi.oversight.models import ImportedReport

TODAY = dt.date(2026, 12, 2)
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Generated once for the module inside a transaction rolled back at the end (as in fazhi/demo/tests)."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=[FAST_HASHER]):
        with transaction.atomic():
            yield build_demo(today=TODAY)
            transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_collection_table_has_every_state(demo):
    rows = {r.township.name: r for r in collection(demo.county, 2025, TODAY)}
    assert rows["青山镇"].state == "县级已接收" and rows["青山镇"].flags == []
    assert rows["河口镇"].state == "已报送，待县级审核" and rows["河口镇"].latest.version == 2
    assert "逾期报送" in rows["河口镇"].flags
    assert rows["云岭乡"].flags == ["逾期未报送", "逾期未公开"]


@pytest.mark.django_db
def test_the_five_seeds_are_imported_with_their_own_years_and_compared(demo):
    reports = ImportedReport.objects.filter(organisation=demo.county)
    assert reports.count() == 5
    assert sorted(reports.values_list("year", flat=True)) == [2023, 2023, 2023, 2023, 2024]
    assert all(r.figures.exists() for r in reports)
    rows = compare(demo.county, 2024).rows
    labels = [r.label for r in rows]
    assert labels[:3] == ["青山镇", "河口镇", "云岭乡"] and any("商家镇" in label for label in labels[3:])
    assert Organisation.objects.filter(name__contains="商家镇").count() == 0  # imported names do not become organisations
