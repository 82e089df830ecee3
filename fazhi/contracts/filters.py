"""The contract register's filters (the list page; contracts have no API list)."""
from __future__ import annotations

from fazhi.contracts.models import Contract, ContractStatus
from fazhi.core.kit.filters import RecordFilter, SearchFilter, StatusFilter, YearFilter


class ContractFilter(RecordFilter):
    status = StatusFilter(ContractStatus.choices)
    year = YearFilter("signed_on", undated="created_at")  # a contract not yet signed: the year it was registered
    q = SearchFilter(("title", "counterparty"))

    class Meta:
        model = Contract
        fields: list[str] = []
