"""The indicators grouped by the areas of the annual report: the order part 一 of a report takes them (组织领导, 依法决策,
行政执法, 政务公开和政务服务, 学法用法, 普法, 矛盾纠纷化解和基层治理, 复议应诉, 接受监督), then part 三's first
responsibility and the remaining figures. The report writer groups its own sentences (fazhi/reports/compose.py
THEMES); this is the same division for pages, which may not import the reports (import-linter). Every indicator of
the registry is in exactly one area (fazhi/indicators/tests/test_areas.py); one added later without an area is shown
under 其他 rather than lost.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, TypeVar


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    keys: tuple[str, ...]


AREAS: tuple[Area, ...] = (
    Area("organisation", "组织领导", (
        "rule_of_law_meetings", "leading_group_members", "work_plans", "responsibility_on_time_rate",
        "responsibility_tasks_overdue", "rule_of_law_budget",
    )),
    Area("decisions", "依法决策（重大行政决策、合法性审查、规范性文件、合同）", (
        "decision_catalog_items", "decisions_completed", "decision_review_coverage", "decisions_without_review",
        "legality_reviews", "legality_reviews_rejected", "legality_review_on_time_rate", "decision_reviews",
        "normative_reviews", "enforcement_reviews", "contract_reviews", "other_reviews",
        "normative_docs_issued", "normative_docs_filed", "normative_filing_on_time_rate", "normative_docs_repealed",
        "normative_review_coverage", "normative_docs_in_force", "contracts_signed", "contract_review_coverage",
    )),
    Area("enforcement", "行政执法", (
        "enforcement_officers", "enforcement_auxiliaries", "enforcement_vehicles", "enforcement_body_cameras",
        "enforcement_training", "penalty_cases", "simple_penalties", "penalty_decisions",
        "penalty_decided_on_time_rate",
        "penalty_cases_challenged", "penalty_cases_overturned", "case_file_reviews", "enforcement_inspections",
        "case_file_rectifications", "licensing_decisions", "coercion_decisions",
    )),
    Area("disclosure", "政务公开和政务服务", (
        "disclosure_proactive", "disclosure_requests", "disclosure_response_rate", "disclosure_appeals",
        "disclosure_fees", "service_centre_cases",
    )),
    Area("study", "学法用法", (
        "study_sessions", "exam_participants", "exam_pass_rate", "exam_excellent_rate", "court_hearings_attended",
        "court_observation_attendees",
    )),
    Area("publicity", "普法（含法治进校园、法律明白人）", (
        "publicity_events", "publicity_online", "publicity_materials", "publicity_audience", "legal_consultations",
        "legal_literates", "liaison_trainings", "liaison_training_participants", "schools_counted",
        "vice_principals", "vice_principal_coverage", "school_lessons", "school_lesson_audience",
    )),
    Area("disputes", "矛盾纠纷化解和基层治理（调解、法律顾问、社区矫正）", (
        "disputes_handled", "disputes_resolved", "dispute_success_rate", "mediation_committees", "mediators",
        "legal_advisors", "legal_advisor_coverage", "advisor_consultations", "advisor_publicity_events",
        "advisor_disputes", "advisor_contracts", "advisor_suggestions", "legal_aid", "corrections_on_roll",
        "resettlement_on_roll", "corrections_schedule_rate", "corrections_incidents",
    )),
    Area("litigation", "复议应诉", (
        "reconsideration_cases", "litigation_cases", "cases_concluded", "litigation_cases_lost", "judgments_performed",
        "obligations_completed", "court_assistance", "court_suggestions",
    )),
    Area("supervision", "接受监督（人大监督）", (
        "deputy_suggestions", "deputy_suggestions_on_time_rate", "deputy_suggestions_overdue",
        "deputy_satisfaction_rate", "congress_inspections", "congress_law_checks", "congress_inspection_issues",
        "congress_inspection_rectified",
    )),
    Area("duties", "党政主要负责人履行推进法治建设第一责任人职责", (
        "principal_chaired_meetings", "principal_led_studies", "principal_law_reports", "law_reports",
        "court_appearances", "court_appearance_rate",
    )),
    Area("assessment", "目标管理考核和其他数据", (
        "assessment_criteria", "assessment_data_criteria", "assessment_scores", "other_figures",
    )),
)
OTHER = Area("other", "其他", ())
AREA_OF: dict[str, Area] = {key: area for area in AREAS for key in area.keys}

T = TypeVar("T")


def area_of(key: str) -> Area:
    return AREA_OF.get(key, OTHER)


def grouped(items: Iterable[T], key=lambda item: item) -> list[tuple[Area, list[T]]]:
    """``items`` (indicator keys, or anything ``key`` turns into one) by area, in the report's order of the areas and
    each area's own order; areas without items are left out."""
    position = {k: i for area in AREAS for i, k in enumerate(area.keys)}
    buckets: dict[str, list[T]] = {}
    for item in items:
        buckets.setdefault(area_of(key(item)).key, []).append(item)
    out = []
    for area in (*AREAS, OTHER):
        found = buckets.get(area.key)
        if found:
            out.append((area, sorted(found, key=lambda item: position.get(key(item), len(position)))))
    return out
