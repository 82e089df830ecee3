"""The assessment results of one township-year: every assessee's score per criterion and total, ranked.

Per criterion and assessee the latest valid score counts (a re-scoring replaces the earlier one; voided scores
count nowhere). A village criterion lists every village of the township, so a missing score shows as 未评分.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from fazhi.assessment.models import Assessee, AssessmentCriterion, AssessmentScore
from fazhi.core.models import Organisation


@dataclass
class Line:
    criterion: AssessmentCriterion
    score: AssessmentScore | None  # None: not scored yet


@dataclass
class Result:
    kind: str  # Assessee value
    name: str
    village: Organisation | None
    lines: list[Line] = field(default_factory=list)
    rank: int = 0

    @property
    def total(self) -> Decimal:
        return sum((line.score.score or Decimal(0) for line in self.lines if line.score), Decimal(0))

    @property
    def full_marks(self) -> Decimal:
        return sum((line.criterion.weight for line in self.lines), Decimal(0))

    @property
    def missing(self) -> list[AssessmentCriterion]:
        return [line.criterion for line in self.lines if line.score is None]


def criteria_of(org: Organisation, year: int):
    return AssessmentCriterion.objects.active().filter(organisation=org, adopted_on__year=year).order_by(
        "applies_to", "id")


def assessment_results(org: Organisation, year: int) -> list[Result]:
    criteria = list(criteria_of(org, year))
    if not criteria:
        return []
    latest: dict[tuple, AssessmentScore] = {}
    scores = AssessmentScore.objects.active().filter(
        organisation=org, criterion__in=criteria,
    ).select_related("village", "criterion").order_by("scored_on", "id")
    departments: list[str] = []
    for s in scores:
        who = (Assessee.VILLAGE, s.village_id) if s.assessee_kind == Assessee.VILLAGE else (Assessee.DEPARTMENT, s.department)
        latest[(s.criterion_id, who)] = s  # later rows replace earlier ones
        if s.assessee_kind == Assessee.DEPARTMENT and s.department not in departments:
            departments.append(s.department)
    results: list[Result] = []
    village_criteria = [c for c in criteria if c.applies_to == Assessee.VILLAGE]
    department_criteria = [c for c in criteria if c.applies_to == Assessee.DEPARTMENT]
    if village_criteria:
        scored_villages = {who[1] for (_, who) in latest if who[0] == Assessee.VILLAGE}
        villages = Organisation.objects.filter(pk__in=set(org.villages().values_list("pk", flat=True)) | scored_villages)
        for v in villages.order_by("code"):
            results.append(Result(Assessee.VILLAGE, v.name, v, [
                Line(c, latest.get((c.pk, (Assessee.VILLAGE, v.pk)))) for c in village_criteria]))
    for name in departments:
        results.append(Result(Assessee.DEPARTMENT, name, None, [
            Line(c, latest.get((c.pk, (Assessee.DEPARTMENT, name)))) for c in department_criteria]))
    results = [r for r in results if r.lines]
    ranked = sorted(results, key=lambda r: (-r.total, r.kind, r.name))
    for kind in (Assessee.VILLAGE, Assessee.DEPARTMENT):  # villages and departments are ranked separately
        for position, r in enumerate([r for r in ranked if r.kind == kind], start=1):
            r.rank = position
    return ranked
