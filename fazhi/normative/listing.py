from fazhi.core.listing import WorkflowListing
from fazhi.normative.models import NormativeDocument

DOCUMENT_LISTING = WorkflowListing(
    NormativeDocument, "normative-documents", "行政规范性文件",
    ("title", "doc_number", "status", "issued_on", "published_on", "filed_on", "repealed_on"), "normative_detail",
)
