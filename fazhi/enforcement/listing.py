"""How enforcement records are listed where a figure is traced back to them."""
from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from fazhi.core.listing import WorkflowListing
from fazhi.enforcement.models import (
    CaseAudit, EnforcementInspection, Equipment, Officer, PenaltyCase, Rectification, SimplePenalty, TrainingSession,
)


@dataclass(frozen=True)
class PageListing(WorkflowListing):
    """Records without a page of their own link to their register page (detail_route takes no argument)."""

    def detail_url(self, obj) -> str:
        return reverse(self.detail_route) + f"#r{obj.pk}"


OFFICER_LISTING = WorkflowListing(Officer, "enforcement-officers", "执法人员", ("name", "kind", "unit", "position"),
                                  "enforcement_officer")
CASE_LISTING = WorkflowListing(PenaltyCase, "penalty-cases", "行政处罚案件",
                               ("number", "party_name", "status", "filed_on", "decided_on", "closed_on"), "enforcement_case")
AUDIT_LISTING = WorkflowListing(CaseAudit, "case-audits", "执法案卷评查", ("held_on", "title", "auditors"), "enforcement_audit")
TRAINING_LISTING = PageListing(TrainingSession, "enforcement-trainings", "执法人员培训", ("held_on", "topic", "organiser", "hours"),
                               "enforcement_trainings")
EQUIPMENT_LISTING = PageListing(Equipment, "enforcement-equipment", "执法装备", ("kind", "name", "identifier", "acquired_on"),
                                "enforcement_equipment")
SIMPLE_LISTING = PageListing(SimplePenalty, "simple-penalties", "简易程序处罚",
                             ("form_number", "decided_on", "party_name", "penalty", "fine_amount"), "enforcement_simple_list")

INSPECTION_LISTING = PageListing(EnforcementInspection, "enforcement-inspections", "现场执法检查活动",
                                 ("held_on", "topic", "place", "inspectors"), "enforcement_inspections")


@dataclass(frozen=True)
class RectificationListing(WorkflowListing):
    def detail_url(self, obj) -> str:
        return reverse("enforcement_audit", args=[obj.audit_id])


RECTIFICATION_LISTING = RectificationListing(Rectification, "audit-rectifications", "评查整改建议",
                                             ("suggestion", "due_on", "fixed_on"), "enforcement_audit")
