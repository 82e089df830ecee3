"""`fazhi demo`, `fazhi orgs --json` and `fazhi indicators --json` against one generated demo county.

The demo county is generated once for the package (conftest.py), on a fixed day.
"""
from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core import clock
from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.demo.generate import DEMO_PASSWORD, LEDGERS, TOWNSHIPS
from fazhi.demo.tests.county.conftest import YEAR
from fazhi.disputes.models import DisputeCase, DisputeOutcome
from fazhi.indicators.registry import Kind, Scope, all_indicators, compute_all
from fazhi.publicity.models import Channel, PublicityEvent
from fazhi.testing.spec import INDICATORS_MD_KEYS as FIXED_KEYS

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def run(*args, **kwargs) -> str:
    out = StringIO()
    call_command(*args, stdout=out, **kwargs)
    return out.getvalue()


def counts() -> dict[str, int]:
    result = {"orgs": Organisation.objects.count(), "users": User.objects.count()}
    for model, _ in LEDGERS:
        result[model.__name__] = model.objects.count()
        result[model.__name__ + "_history"] = model.history.count()
    return result


pytestmark = pytest.mark.django_db


def test_demo_creates_county_townships_villages_and_users_of_every_role(demo):
    assert "示范县" in demo.output and "已生成" in demo.output
    county = Organisation.objects.get(code="SFX")
    assert county.kind == OrgKind.COUNTY and county.name == "示范县" and county.superior_body == "县委、县政府"
    townships = Organisation.objects.filter(parent=county, kind=OrgKind.TOWNSHIP).order_by("code")
    assert [t.code for t in townships] == ["SFX01", "SFX02", "SFX03"]
    assert [t.name for t in townships] == ["青山镇", "河口镇", "云岭乡"]
    for township in townships:
        villages = township.villages()
        assert 8 <= villages.count() <= 15
        assert all(v.code.startswith(township.code) and len(v.code) == 7 for v in villages)
        roles = set(User.objects.filter(organisation=township).values_list("role", flat=True))
        assert roles == {Role.CLERK, Role.LEADER, Role.LEGAL_REVIEWER, Role.ENFORCEMENT_OFFICER, Role.JUDICIAL_OFFICE}
    for org in Organisation.objects.filter(code__startswith="SFX"):
        org.full_clean()


@pytest.mark.parametrize("username, role, org_code", [
    ("qingshan_clerk", Role.CLERK, "SFX01"),
    ("qingshan_leader", Role.LEADER, "SFX01"),
    ("hekou_reviewer", Role.LEGAL_REVIEWER, "SFX02"),
    ("yunling_officer", Role.ENFORCEMENT_OFFICER, "SFX03"),
    ("county_supervisor", Role.COUNTY_SUPERVISOR, "SFX"),
])
def test_demo_logins_work(demo, client, username, role, org_code):
    user = User.objects.get(username=username)
    assert user.role == role and user.organisation.code == org_code
    assert user.check_password(DEMO_PASSWORD)
    user.full_clean()
    assert client.login(username=username, password=DEMO_PASSWORD)


def test_admin_is_superuser_without_organisation(demo):
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser and admin.role == Role.ADMIN and admin.organisation is None
    assert admin.check_password(DEMO_PASSWORD)


def test_running_twice_changes_nothing(demo):
    before = counts()
    assert before["PublicityEvent"] > 0 and before["PublicityEvent_history"] == before["PublicityEvent"]
    output = run("demo")
    assert "跳过" in output and "已生成" not in output
    assert counts() == before


def test_changed_password_is_kept_on_rerun(demo):
    user = User.objects.get(username="hekou_clerk")
    user.set_password("another-secret-1")
    user.save()
    run("demo")
    user.refresh_from_db()
    assert user.check_password("another-secret-1")


def test_logins_prints_table_and_creates_nothing(demo):
    before = counts()
    output = run("demo", logins=True)
    assert counts() == before
    for spec in TOWNSHIPS:
        for suffix in ("clerk", "leader", "reviewer", "officer"):
            assert f"{spec.slug}_{suffix}" in output
    assert "county_supervisor" in output and "admin" in output and DEMO_PASSWORD in output
    assert "县依法治县办" in output and "青山镇" in output
    assert "已生成" not in output


@pytest.mark.parametrize("code", ["SFX01", "SFX02", "SFX03"])
def test_demo_year_figures_are_seed_like(demo, code):
    township = Organisation.objects.get(code=code)
    figures = {k: f.json_value() for k, f in compute_all(Scope.for_org(township, YEAR)).items()}
    assert 20 <= figures["publicity_events"] <= 120
    assert figures["legal_consultations"] >= 100
    assert figures["publicity_materials"] >= 1000
    assert figures["disputes_handled"] >= 10
    assert 80 <= figures["dispute_success_rate"] <= 100
    assert figures["rule_of_law_meetings"] >= 3 and figures["study_sessions"] >= 5
    assert 30 <= figures["exam_participants"] + 3 and figures["exam_pass_rate"] >= 90
    assert figures["legal_literates"] >= 8 and figures["court_hearings_attended"] >= 1
    assert figures["publicity_online"] >= 1
    previous = {k: f.json_value() for k, f in compute_all(Scope.for_org(township, YEAR - 1)).items()}
    for key in ("publicity_events", "publicity_materials", "disputes_handled", "study_sessions",
                "exam_participants", "legal_literates", "rule_of_law_meetings"):
        assert previous[key], key


def test_every_demo_record_is_valid_and_dated_within_its_year(demo):
    today = clock.today()
    for model, datefield in LEDGERS:
        rows = list(model.objects.filter(organisation__code__startswith="SFX"))
        assert rows, model.__name__
        for obj in rows:
            obj.full_clean()
            day = getattr(obj, datefield)
            assert day.year in (YEAR, YEAR - 1) and day <= today
            assert obj.history.count() == 1 and obj.created_by is not None
    for case in DisputeCase.objects.all():
        if case.closed_on:
            assert case.received_on <= case.closed_on and case.closed_on.year == case.received_on.year
    outcomes = set(DisputeCase.objects.values_list("outcome", flat=True))
    assert {DisputeOutcome.RESOLVED, DisputeOutcome.FAILED} <= outcomes or DisputeOutcome.TERMINATED in outcomes
    # campaigns at their proper times of year
    assert PublicityEvent.objects.filter(campaign="constitution_week", held_on__month=12, held_on__day__lte=7).exists()
    assert not PublicityEvent.objects.filter(campaign="civil_code_month").exclude(held_on__month=5).exists()
    assert PublicityEvent.objects.filter(channel=Channel.ONLINE).exists()


def test_demo_is_deterministic_for_township_and_year(demo):
    titles = list(PublicityEvent.objects.filter(organisation__code="SFX01", held_on__year=YEAR)
                  .order_by("held_on", "title").values_list("held_on", "title", "materials"))
    from fazhi.demo.generate import _Gen

    spec = TOWNSHIPS[0]
    township = Organisation.objects.get(code=spec.code)
    again = sorted((e.held_on, e.title, e.materials) for e in _Gen(spec, township, YEAR, clock.today(), 1.0, None).publicity())
    assert sorted(titles) == again


def test_orgs_json_structure(demo):
    data = json.loads(run("orgs", json=True))
    assert isinstance(data, list) and data
    for row in data:
        assert set(row) == {"code", "name", "kind", "parent"}
        assert row["kind"] in {"county", "township", "village"}
    by_code = {row["code"]: row for row in data}
    assert by_code["SFX"] == {"code": "SFX", "name": "示范县", "kind": "county", "parent": None}
    assert by_code["SFX02"]["parent"] == "SFX" and by_code["SFX0101"]["parent"] == "SFX01"
    assert by_code["SFX0101"]["kind"] == "village"
    assert "青山镇" in run("orgs")  # readable table, raw Chinese


def test_indicators_json_has_every_key_and_matches_registry(demo):
    output = run("indicators", org="SFX01", year=str(YEAR), json=True)
    data = json.loads(output)
    indicators = {i.key: i for i in all_indicators()}
    assert set(data) == set(indicators)
    for key in FIXED_KEYS:
        assert key in data
        assert (data[key] is None) == (not indicators[key].connected), key
    expected = compute_all(Scope.for_org(Organisation.objects.get(code="SFX01"), YEAR))
    assert data == {k: f.json_value() for k, f in expected.items()}
    assert isinstance(data["dispute_success_rate"], float) and isinstance(data["publicity_events"], int)


def test_county_code_sums_its_townships(demo):
    county = json.loads(run("indicators", org="SFX", year=str(YEAR), json=True))
    townships = [json.loads(run("indicators", org=c, year=str(YEAR), json=True)) for c in ("SFX01", "SFX02", "SFX03")]
    additive = [i for i in all_indicators() if i.connected and i.kind in (Kind.COUNT, Kind.SUM)]
    assert additive
    for ind in additive:
        assert county[ind.key] == sum(t[ind.key] for t in townships), ind.key
    assert county["publicity_events"] > townships[0]["publicity_events"]


def test_indicators_table_is_readable_chinese(demo):
    output = run("indicators", org="SFX01", year=str(YEAR))
    assert "普法宣传活动" in output and "场次" in output and "行政复议案件" in output


@pytest.mark.parametrize("kwargs", [
    {"org": "NOPE", "year": "2025"},
    {"org": "SFX01", "year": "二〇二五"},
    {"org": "SFX01", "year": "1899"},
    {"org": "SFX01", "year": str(clock.today().year + 1)},
    {"org": "SFX0101", "year": "2025"},
])
def test_indicators_errors_are_chinese(demo, kwargs):
    with pytest.raises(CommandError) as excinfo:
        run("indicators", json=True, **kwargs)
    assert CHINESE.search(str(excinfo.value))


def test_demo_rejects_future_year(demo):
    with pytest.raises(CommandError) as excinfo:
        run("demo", year=str(clock.today().year + 1))
    assert CHINESE.search(str(excinfo.value))
