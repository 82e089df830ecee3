from fazhi.core.listing import WorkflowListing
from fazhi.contracts.models import Contract

CONTRACT_LISTING = WorkflowListing(
    Contract, "contracts", "合同协议",
    ("title", "counterparty", "amount", "status", "signed_on", "ends_on"), "contract_detail",
)
