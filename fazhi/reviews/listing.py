from fazhi.core.listing import WorkflowListing
from fazhi.reviews.models import LegalityReview

REVIEW_LISTING = WorkflowListing(
    LegalityReview, "legality-reviews", "合法性审查",
    ("kind", "title", "submitted_by_unit", "submitted_on", "status", "opinion", "concluded_on"), "review_detail",
)
