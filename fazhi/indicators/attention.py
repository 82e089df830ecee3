"""What needs doing now across the modules, for the dashboard's 需要办理 row: each item a count with a link."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from fazhi.contracts.selectors import expiring
from fazhi.normative.selectors import needing_attention
from fazhi.reviews.selectors import open_queue, with_clock


@dataclass(frozen=True)
class Item:
    label: str
    count: int
    url: str
    late: bool = False


def items(organisations, today: dt.date) -> list[Item]:
    queue = with_clock(open_queue(organisations), today=today)
    documents = needing_attention(organisations, today)
    contracts = expiring(organisations, today)
    found = [
        Item("合法性审查超期", sum(r.overdue for r in queue), reverse("review_queue"), late=True),
        Item("待审查事项", len(queue), reverse("review_queue")),
        Item("规范性文件逾期未备案", sum(a.late and "备案" in a.reason for a in documents), reverse("normative_list"), late=True),
        Item("规范性文件待备案或待清理", sum(not a.late for a in documents), reverse("normative_list")),
        Item("合同已到期未办结", sum(e.late for e in contracts), reverse("contract_list"), late=True),
        Item("合同30天内到期", sum(not e.late for e in contracts), reverse("contract_list")),
    ]
    return [i for i in found if i.count]
