from fazhi.core.listing import WorkflowListing
from fazhi.decisions.models import MajorDecision

DECISION_LISTING = WorkflowListing(
    MajorDecision, "major-decisions", "重大行政决策",
    ("title", "lead_unit", "stage", "launched_on", "decided_on", "published_on"), "decision_detail",
)
