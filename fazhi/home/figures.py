"""The few figures that matter to each role, on the home page below the to-dos, grouped by the report's areas.

Township staff see their township's figures of this year so far (each links to its records, as everywhere);
the county office sees where last year's reports stand across its townships (the collection table in numbers).
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse

from fazhi.core.models import Role
from fazhi.core.scoping import writable_org
from fazhi.core.todo import is_county
from fazhi.indicators import areas, registry
from fazhi.indicators.registry import Scope

ROLE_FIGURES: dict[str, tuple[str, ...]] = {
    Role.CLERK: (
        "responsibility_on_time_rate", "disclosure_requests", "disclosure_response_rate",
        "normative_filing_on_time_rate",
        "publicity_events", "disputes_handled", "dispute_success_rate", "deputy_suggestions_on_time_rate",
    ),
    Role.LEADER: (
        "rule_of_law_meetings", "responsibility_on_time_rate", "decision_review_coverage",
        "legality_review_on_time_rate",
        "disclosure_response_rate", "penalty_decided_on_time_rate", "court_appearance_rate",
        "deputy_suggestions_on_time_rate",
    ),
    Role.LEGAL_REVIEWER: (
        "legality_reviews", "legality_reviews_rejected", "legality_review_on_time_rate", "decision_review_coverage",
        "normative_review_coverage", "contract_review_coverage",
    ),
    Role.ENFORCEMENT_OFFICER: (
        "enforcement_officers", "penalty_cases", "simple_penalties", "penalty_decided_on_time_rate",
        "enforcement_inspections", "penalty_cases_challenged",
    ),
    Role.JUDICIAL_OFFICE: (
        "legality_reviews", "legality_review_on_time_rate", "disputes_handled", "dispute_success_rate",
        "publicity_events", "legal_consultations", "legal_advisor_coverage", "corrections_on_roll",
    ),
}


def role_figures(user, today: dt.date) -> list[dict]:
    if is_county(user):
        return _county_collection(user, today)
    keys = ROLE_FIGURES.get(getattr(user, "role", None), ())
    org = writable_org(user)
    if not keys or org is None:
        return []
    scope = Scope((org,), today.year)
    query = urlencode({"year": scope.year, "org": org.code})
    groups = []
    for area, found in areas.grouped([registry.get(k) for k in keys], key=lambda i: i.key):
        items = []
        for indicator in found:
            figure = indicator.compute(scope)
            items.append({"key": indicator.key, "label": indicator.label, "display": figure.display,
                          "unit": indicator.unit if figure.value is not None else "",
                          "url": reverse("indicator_records", args=[indicator.key]) + "?" + query})
        groups.append({"title": area.name, "items": items})
    return groups


def _county_collection(user, today: dt.date) -> list[dict]:
    """Where the townships' reports on last year stand (fazhi/oversight/collection.py), as counts of townships."""
    from fazhi.oversight.collection import collection
    from fazhi.oversight.models import SubmissionStatus

    county = user.organisation
    year = today.year - 1
    rows = collection(county, year, today)
    url = reverse("oversight_index") + f"?year={year}"
    status = [r.latest.status if r.latest is not None else None for r in rows]
    counts = (
        ("乡镇（街道）", len(rows)),
        ("已报送", sum(1 for r in rows if r.submitted_on)),
        ("待县级审核", sum(1 for r in rows if r.needs_review)),
        ("已退回修改", status.count(SubmissionStatus.RETURNED)),
        ("县级已接收", status.count(SubmissionStatus.ACCEPTED)),
        ("逾期未报送", sum(1 for r in rows if not r.submitted_on and r.submit_late)),
        ("已向社会公开", sum(1 for r in rows if r.is_published)),
    )
    return [{"title": f"{year}年度法治政府建设报告收集", "items": [
        {"key": "", "label": label, "display": str(n), "unit": "个", "url": url} for label, n in counts]}]
