"""The demo county shows each module in every state: the county office's submissions (accepted, late and
waiting, missing) and imported seeds; the 司法所's roster with people missing a call today or a class this month."""
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


@pytest.mark.django_db
def test_the_judicial_office_sees_its_roster_and_todays_gaps_and_the_report_only_counts(demo):
    from fazhi.corrections.models import Incident, Supervisee
    from fazhi.corrections.schedule import missing_contact, missing_education
    from fazhi.indicators.registry import Scope, get

    qingshan = demo.townships["SFX01"]
    assert Supervisee.objects.filter(organisation=qingshan).count() == 54
    assert len(missing_contact(qingshan, TODAY)) == 1 and len(missing_education(qingshan, TODAY)) == 1
    scope = Scope((qingshan,), 2025)
    assert get("corrections_on_roll").compute(scope).value > 0
    assert get("corrections_schedule_rate").compute(scope).value == 100  # 日日有电联、月月有集中教育, as the seeds say
    earlier = get("corrections_schedule_rate").compute(Scope((qingshan,), 2024))
    assert 0 < earlier.numerator < earlier.denominator  # the year before, some missed a day
    assert get("corrections_incidents").compute(scope).value == 0 and Incident.objects.filter(organisation=qingshan).exists()


@pytest.mark.django_db
def test_the_demo_townships_have_cases_hearings_and_an_overdue_suggestion(demo):
    from fazhi.indicators.registry import Scope, get
    from fazhi.litigation.ledgers import _suggestion_state
    from fazhi.litigation.models import CourtSuggestion

    qingshan = demo.townships["SFX01"]
    scope = Scope((qingshan,), 2025)
    assert get("reconsideration_cases").compute(scope).value == 2
    assert get("litigation_cases").compute(scope).value >= 2
    assert get("court_appearances").compute(scope).value >= 2
    assert get("court_assistance").compute(scope).value == 3
    assert "已逾期" in _suggestion_state(list(CourtSuggestion.objects.filter(organisation=qingshan)))


@pytest.mark.django_db
def test_the_demo_advisors_cover_every_village_but_one(demo):
    from fazhi.advisors.figures import villages_without_advisor
    from fazhi.indicators.registry import Scope, get

    assert villages_without_advisor(demo.townships["SFX01"], 2025) == []
    assert len(villages_without_advisor(demo.townships["SFX03"], 2025)) == 1
    scope = Scope((demo.townships["SFX01"],), 2025)
    assert get("legal_advisor_coverage").compute(scope).value == 12
    assert get("advisor_consultations").compute(scope).value > 0 and get("legal_aid").compute(scope).value > 0


@pytest.mark.django_db
def test_the_demo_responsibility_list_has_an_overdue_task_and_the_report_states_述法(demo):
    from fazhi.indicators.registry import Scope, get

    qingshan = demo.townships["SFX01"]
    assert get("responsibility_tasks_overdue").compute(Scope((qingshan,), TODAY.year)).value >= 1
    assert get("principal_law_reports").compute(Scope((qingshan,), 2025)).value == 2
