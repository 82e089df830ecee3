"""The read API, the public portal (masked, withdrawn decisions gone), the indicator figures, the report's
enforcement sentence and the demo data (every state, overdue cases on the dashboard)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fazhi.core import clock
from fazhi.enforcement import journey, services
from fazhi.enforcement.choices import CaseStatus, OfficerKind
from fazhi.indicators.registry import Scope, compute_all

D = dt.date


def test_api_lists_and_explains_deadlines_scoped(client, clerk, other_clerk, case_at):
    case = case_at("executing")
    client.force_login(clerk)
    data = client.get("/api/enforcement/cases/").json()
    assert data["count"] == 1 and data["results"][0]["number"] == case.number
    item = client.get(f"/api/enforcement/cases/{case.pk}/").json()
    labels = {d["label"]: d for d in item["deadlines"]}
    assert labels["作出处罚决定期限"]["unit"] == "日" and labels["作出处罚决定期限"]["days"] == 90
    assert labels["缴纳罚款期限"]["explanation"][0].startswith("缴纳罚款期限：15日")
    assert item["evidence"][0]["files"][0]["sha256"]
    assert item["timeline"][0]["action"] == "立案"
    officers = client.get("/api/enforcement/officers/").json()
    assert {o["certificate"] for o in officers["results"]} == {"T901-001", "T901-002"}
    assert client.get("/api/enforcement/cases/?status=nonsense&year=abc").status_code == 200
    client.force_login(other_clerk)
    assert client.get(f"/api/enforcement/cases/{case.pk}/").status_code == 404
    assert client.get("/api/enforcement/cases/").json()["count"] == 0
    schema = client.get("/api/openapi.json").json()
    assert "/api/enforcement/cases/{id}/" in schema["paths"] and "/api/enforcement/officers/" in schema["paths"]


def test_portal_shows_published_decisions_masked_and_drops_withdrawn(client, case_at, clerk, township):
    closed = case_at("closed")
    pending = case_at("deciding", filed_on=D(2025, 4, 1))
    services.item_register(organisation=township, fields={"name": "对占道经营的处罚", "category": "penalty", "basis": "条例"})
    page = client.get(f"/portal/{township.code}/enforcement/").content.decode()
    assert closed.decision_number in page and "张**" in page and "张某某" not in page
    assert "13800000000" not in page and closed.party_address not in page
    assert "T901-001" in page and "对占道经营的处罚" in page
    assert pending.number not in page
    remedy = services.remedy_record(closed, kind="litigation", filed_on=closed.closed_on, user=clerk)
    services.remedy_conclude(remedy, result="changed", result_on=closed.closed_on + dt.timedelta(days=30), user=clerk)
    closed.refresh_from_db()
    services.case_withdraw_publication(closed, withdrawn_on=closed.changed_on, user=clerk)
    assert closed.decision_number not in client.get(f"/portal/{township.code}/enforcement/").content.decode()


ENFORCEMENT_KEYS = ("enforcement_officers", "enforcement_auxiliaries", "enforcement_vehicles", "enforcement_body_cameras",
                    "enforcement_training", "penalty_cases", "simple_penalties", "penalty_decided_on_time_rate",
                    "penalty_cases_challenged", "penalty_cases_overturned", "case_file_reviews", "enforcement_inspections",
                    "case_file_rectifications")


def test_figures_come_from_the_records(case_at, township, clerk, officers, client):
    helper = services.officer_register(organisation=township, fields={"name": "辅", "kind": OfficerKind.AUXILIARY})
    journey.certified_officer(township, "过期", valid_until=D(2025, 6, 30), number="OLD", user=clerk)
    services.training_record(organisation=township, held_on=D(2025, 4, 2), topic="行政处罚法", attendees=officers)
    services.equipment_register(organisation=township, fields={"kind": "vehicle", "name": "执法车"})
    for i in range(5):
        services.equipment_register(organisation=township, fields={"kind": "body_camera", "name": f"记录仪{i}"})
    on_time = case_at("closed")
    late = case_at("deciding", filed_on=D(2025, 7, 3))
    services.extend_decision_limit(late, days=30, approved_by="吴镇长", approved_on=D(2025, 10, 9), reason="复杂", user=clerk)
    services.case_decide(late, **journey.decide_kwargs(late, D(2025, 10, 10), "决2"), user=clerk)
    remedy = services.remedy_record(on_time, kind="reconsideration", filed_on=D(2025, 12, 1), user=clerk)
    services.remedy_conclude(remedy, result="annulled", result_on=D(2025, 12, 20), user=clerk)
    audit = services.audit_run(organisation=township, held_on=D(2025, 12, 5), title="评查", auditors="司法所", cases=[on_time])
    services.rectification_suggest(audit, suggestion="补签名", due_on=D(2025, 12, 30))
    f = {k: v.value for k, v in compute_all(Scope((township,), 2025)).items()}
    assert f["enforcement_officers"] == 2  # the expired certificate does not count at year end
    assert f["enforcement_auxiliaries"] == 1 and helper
    assert f["enforcement_vehicles"] == 1 and f["enforcement_body_cameras"] == 5
    assert f["enforcement_training"] == 1 and f["penalty_cases"] == 2 and f["case_file_reviews"] == 1
    assert f["penalty_decided_on_time_rate"] == Decimal("100.0")  # the extended case was decided in its extended limit
    assert f["penalty_cases_challenged"] == 1 and f["penalty_cases_overturned"] == 1 and f["case_file_rectifications"] == 1
    client.force_login(clerk)
    figures = compute_all(Scope((township,), 2025))
    for key in ENFORCEMENT_KEYS:  # every figure opens the records that produce it, showing the same number
        response = client.get(f"/indicators/{key}/records/?year=2025&org={township.code}")
        assert response.status_code == 200, key
        fig = figures[key]
        assert f'data-count="{fig.display}"' in response.content.decode() or fig.value == 0, key


def test_report_enforcement_sentence(case_at, township, officers):
    from fazhi.reports.compose import compose_report
    from fazhi.reports.services import report_new

    case_at("closed")
    composed = compose_report(report_new(township, 2025))
    text = "\n".join(p.plain for s in composed.sections for p in s.paragraphs)
    assert "取得行政执法证件人员2人" in text and "立案办理普通程序行政处罚案件1件" in text
    assert "penalty_cases" in {fig.key for fig in composed.figures()}


def test_demo_has_cases_in_every_state_and_overdue_ones_on_the_dashboard(client, db):
    from fazhi.demo.generate import TOWNSHIPS, default_year, ensure_orgs, ensure_users, generate_township_year
    from fazhi.enforcement.models import PenaltyCase, SimplePenalty

    county, townships, _ = ensure_orgs()
    users, _ = ensure_users(county, townships)
    spec = TOWNSHIPS[0]
    township = townships[spec.code]
    year = default_year(clock.today())
    generate_township_year(spec, township, year, user=users[f"{spec.slug}_clerk"])
    cases = PenaltyCase.objects.filter(organisation=township)
    assert set(cases.values_list("status", flat=True)) == set(CaseStatus.values)
    closed = cases.filter(filed_on__year=year, status=CaseStatus.CLOSED).count()
    assert closed >= 3 and closed != 5  # never the seed's 5 (岔河镇's published report)
    assert SimplePenalty.objects.filter(organisation=township).exists()
    figures = {k: v.value for k, v in compute_all(Scope((township,), year)).items()}
    assert figures["case_file_reviews"] >= 1 and figures["case_file_reviews"] != 2
    assert figures["case_file_rectifications"] >= figures["case_file_reviews"] and figures["case_file_rectifications"] != 3
    assert figures["enforcement_inspections"] >= 1 and figures["enforcement_inspections"] != 2
    assert figures["enforcement_officers"] >= 7
    client.force_login(users[f"{spec.slug}_clerk"])
    page = client.get("/enforcement/").content.decode()
    assert "data-overdue=" in page and 'data-cert-alert="expiring"' in page and 'data-cert-alert="expired"' in page
    assert "行政处罚案件超期" in client.get("/indicators/").content.decode()
