"""Legality review is review by someone else (issue 20 #2): for each reviewed matter type — contract, normative
document, major decision, enforcement case — the clerk who sent it cannot conclude its review, through the page or
``POST /api/reviews/<id>/conclude/``; a 法制审核人员 who drafted the matter cannot either; the township's 司法所
(``judicial_office``) and legal-review staff can. Every refusal names the rule.
"""
from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from fazhi.core.models import Role
from fazhi.reviews.choices import ReviewStatus
from fazhi.reviews.models import LegalityReview
from fazhi.testing.factories import UserFactory

RULE = "行政处罚法第五十八条"


def _contract(township, author, day):
    from fazhi.contracts import services

    contract = services.register_contract(organisation=township, user=author, fields=dict(
        title="村级道路保洁服务合同", counterparty="某保洁服务有限公司", handling_unit="村建办", amount="86000.00"))
    return services.send_contract_for_review(contract, user=author, submitted_on=day)


def _normative(township, author, day):
    from fazhi.normative import services

    doc = services.create_draft(organisation=township, user=author, fields=dict(
        title="甲镇村规民约指导办法", drafting_unit="党政办", affects_rights=False, draft_text="第一条 为了……制定本办法。"))
    return services.send_for_legality_review(doc, user=author, submitted_on=day)


def _decision(township, author, day):
    from fazhi.decisions import services
    from fazhi.decisions.choices import Stage
    from fazhi.decisions.tests.factories import SCHEDULE, advance, launch

    decision = advance(launch(township, author), clerk=author, reviewer=None, until=Stage.LEGALITY)
    return services.send_for_legality_review(decision, user=author, submitted_on=SCHEDULE[Stage.LEGALITY][0])


def _enforcement(township, author, day):
    from fazhi.enforcement import journey, services

    officers = [
        journey.certified_officer(township, "王执法", valid_until=dt.date(2035, 12, 31), number="T901-001", user=author),
        journey.certified_officer(township, "赵执法", valid_until=dt.date(2035, 12, 31), number="T901-002", user=author),
    ]
    case = services.case_file(organisation=township, fields=journey.case_fields(), filed_on=day, user=author)
    journey.take(case, until="legal_review", officers=officers, user=author)
    return LegalityReview.objects.get(subject_id=case.pk, status=ReviewStatus.PENDING)


MATTERS = {"contract": _contract, "normative": _normative, "decision": _decision, "enforcement": _enforcement}


@pytest.fixture
def day():
    return dt.date(2025, 3, 3)


def _page_conclude(user, review):
    client = Client()
    client.force_login(user)
    return client.post(f"/reviews/{review.pk}/conclude/",
                       {"opinion": "approved", "concluded_on": (review.submitted_on + dt.timedelta(days=2)).isoformat()})


def _api_conclude(user, review):
    client = Client()
    client.force_login(user)
    body = {"opinion": "approved", "concluded_on": (review.submitted_on + dt.timedelta(days=2)).isoformat()}
    return client.post(f"/api/reviews/{review.pk}/conclude/", body, content_type="application/json")


@pytest.mark.parametrize("matter", MATTERS)
def test_the_clerk_who_sent_a_matter_cannot_conclude_its_review(township, clerk, day, matter):
    review = MATTERS[matter](township, clerk, day)
    page = _page_conclude(clerk, review)
    assert page.status_code == 403 and RULE in page.content.decode()
    api = _api_conclude(clerk, review)
    assert api.status_code == 403 and RULE in api.json()["detail"]
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING and not review.opinion


@pytest.mark.parametrize("matter", MATTERS)
def test_a_reviewer_who_drafted_the_matter_cannot_review_it(township, clerk, day, matter):
    """A 法制审核人员 may not write matters (the role matrix), but one made the record some other way still may not review it."""
    author = UserFactory(organisation=township, role=Role.LEGAL_REVIEWER)
    review = MATTERS[matter](township, author, day)
    for response in (_page_conclude(author, review), _api_conclude(author, review)):
        assert response.status_code == 403
        assert "不能审查本人送审或起草的事项" in response.content.decode(response.charset or "utf-8")
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


@pytest.mark.parametrize("matter", MATTERS)
@pytest.mark.parametrize("role", [Role.JUDICIAL_OFFICE, Role.LEGAL_REVIEWER])
def test_the_judicial_office_and_legal_review_staff_conclude(township, clerk, day, matter, role):
    review = MATTERS[matter](township, clerk, day)
    reviewer = UserFactory(organisation=township, role=role)
    response = _api_conclude(reviewer, review) if role == Role.JUDICIAL_OFFICE else _page_conclude(reviewer, review)
    assert response.status_code in (200, 302), response.content.decode()[:300]
    review.refresh_from_db()
    assert review.status == ReviewStatus.CONCLUDED and review.reviewer == reviewer


@pytest.mark.parametrize("role", [Role.LEADER, Role.ENFORCEMENT_OFFICER])
def test_leaders_and_officers_are_refused_naming_who_reviews(township, clerk, day, role):
    review = _contract(township, clerk, day)
    response = _api_conclude(UserFactory(organisation=township, role=role), review)
    assert response.status_code == 403
    assert "司法所工作人员或法制审核人员" in response.json()["detail"]


def test_the_page_tells_the_sender_why_there_is_no_opinion_form(township, clerk, day):
    review = _contract(township, clerk, day)
    client = Client()
    client.force_login(clerk)
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert "data-reviewer-refusal" in page and RULE in page
    assert f"/reviews/{review.pk}/conclude/" not in page
    judicial = UserFactory(organisation=township, role=Role.JUDICIAL_OFFICE)
    client.force_login(judicial)
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert f"/reviews/{review.pk}/conclude/" in page and "data-reviewer-refusal" not in page
