"""Expiry reminders: signed contracts ending soon, or past their end and not closed."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.contracts.models import Contract, ContractStatus

EXPIRY_NOTICE_DAYS = 30


@dataclass
class Expiry:
    contract: Contract
    reason: str
    late: bool


def expiring(organisations, today: dt.date, within: int = EXPIRY_NOTICE_DAYS) -> list[Expiry]:
    out = []
    qs = Contract.objects.active().filter(
        organisation__in=organisations, status=ContractStatus.SIGNED,
        ends_on__isnull=False, ends_on__lte=today + dt.timedelta(days=within),
    ).select_related("organisation").order_by("ends_on")
    for contract in qs:
        if contract.ends_on < today:
            out.append(Expiry(contract, f"履行期限已于{contract.ends_on:%Y年%m月%d日}届满，请登记履行完毕或续签", True))
        else:
            left = (contract.ends_on - today).days
            out.append(Expiry(contract, f"将于{contract.ends_on:%Y年%m月%d日}到期（还有{left}天）", False))
    return out
