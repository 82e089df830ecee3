"""Legal advisors: coverage of villages, the service log feeding the figures, legal aid with masked applicants."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from fazhi.advisors.figures import villages_without_advisor
from fazhi.advisors.forms import AdvisorAssignmentForm
from fazhi.advisors.models import AdvisorAssignment, AdvisorService, LegalAdvisor, LegalAidReferral
from fazhi.indicators.registry import Scope, get
from fazhi.reports.compose import compose_report
from fazhi.reports.services import report_new
from fazhi.testing.factories import PublicityEventFactory, VillageFactory

pytestmark = pytest.mark.django_db


def advisor(township, name="赵律师"):
    return LegalAdvisor.objects.create(organisation=township, name=name, kind="lawyer", firm="示范律师事务所",
                                       contract_start=dt.date(2024, 1, 1), contract_end=dt.date(2026, 12, 31))


def test_coverage_counts_each_village_once_and_lists_the_ones_without(township):
    east, west, north = (VillageFactory(parent=township, code=c, name=n) for c, n in
                         (("V1", "东村"), ("V2", "西村"), ("V3", "北村")))
    a, b = advisor(township), advisor(township, "钱律师")
    AdvisorAssignment.objects.create(organisation=township, advisor=a, village=east, starts_on=dt.date(2024, 3, 1))
    AdvisorAssignment.objects.create(organisation=township, advisor=b, village=east, starts_on=dt.date(2025, 3, 1))
    AdvisorAssignment.objects.create(organisation=township, advisor=a, village=west, starts_on=dt.date(2024, 3, 1),
                                     ends_on=dt.date(2025, 6, 30))  # ended before the year's end
    scope = Scope((township,), 2025)
    assert get("legal_advisor_coverage").compute(scope).value == 1
    assert villages_without_advisor(township, 2025) == [west, north]
    assert get("legal_advisor_coverage").compute(Scope((township,), 2024)).value == 2


def test_consultations_add_the_advisors_log_to_the_events_and_stay_traceable(client, township, clerk):
    PublicityEventFactory(organisation=township, consultations=15)
    a = advisor(township)
    AdvisorService.objects.create(organisation=township, advisor=a, held_on=dt.date(2025, 5, 2), kind="consultation", quantity=40)
    AdvisorService.objects.create(organisation=township, advisor=a, held_on=dt.date(2025, 6, 2), kind="suggestion", quantity=3)
    scope = Scope((township,), 2025)
    assert get("legal_consultations").compute(scope).value == 55
    assert get("advisor_consultations").compute(scope).value == 40
    assert get("advisor_suggestions").compute(scope).value == 3
    client.force_login(clerk)
    page = client.get(reverse("indicator_records", args=["legal_consultations"]) + f"?org={township.code}&year=2025").content.decode()
    assert 'data-count="55"' in page and "data-parts" in page and "法律顾问解答法律咨询 40人次" in page
    text = "\n".join(p.plain for s in compose_report(report_new(township, 2025)).sections for p in s.paragraphs)
    assert "解答法律咨询55人次" in text and "法律顾问全年提供法律咨询40人次、提出法律建议3条" in text


def test_an_assignment_takes_only_the_townships_advisor(township, other_township):
    VillageFactory(parent=township, code="V1", name="东村")
    theirs = advisor(other_township)
    form = AdvisorAssignmentForm(data={"advisor": theirs.pk, "village": township.villages().first().pk,
                                       "starts_on": "2025-01-01"}, organisation=township)
    assert not form.is_valid() and "请选择本镇已登记的法律顾问" in str(form.errors)


def test_legal_aid_counts_and_the_list_masks_the_applicant(client, township, clerk):
    LegalAidReferral.objects.create(organisation=township, received_on=dt.date(2025, 4, 1), applicant="张三丰",
                                    matter="劳动报酬", outcome="granted")
    assert get("legal_aid").compute(Scope((township,), 2025)).value == 1
    client.force_login(clerk)
    page = client.get(reverse("ledger_list", args=["legal-aid"]) + "?year=2025").content.decode()
    assert "张*丰" in page or "张**" in page
    assert "张三丰" not in page


def test_villages_without_an_advisor_are_a_suggested_shortcoming(township):
    from fazhi.reports.compose import ReportData

    VillageFactory(parent=township, code="V1", name="东村")
    titles = {s.title: s.basis for s in ReportData.load(township, 2025).all_suggestions}
    assert titles["村（社区）法律顾问尚未全覆盖"] == "未配备法律顾问的村（社区）：东村"
