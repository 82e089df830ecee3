"""What needs doing now across the modules, for the dashboard's 需要办理 row: each item a count with a link."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from fazhi.contracts.selectors import expiring
from fazhi.enforcement import selectors as enforcement
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
        Item("行政处罚案件超期", len(enforcement.overdue_cases(organisations, today)),
             reverse("enforcement_index") + "?overdue=1", late=True),
        Item("行政执法证60日内到期或已失效", len(enforcement.certificate_alerts(organisations, today)), reverse("enforcement_officers")),
        *_institution_items(organisations, today),
    ]
    return [i for i in found if i.count]


def _institution_items(organisations, today: dt.date) -> list[Item]:
    """Overdue tasks of the responsibility list, unanswered court suggestions, late answers in lawsuits,
    mediations open over a month, villages without a legal advisor."""

    from fazhi.advisors.figures import count_villages_without_advisor
    from fazhi.disputes.deadlines import open_too_long_filter
    from fazhi.disputes.models import DisputeCase
    from fazhi.governance.models import ResponsibilityTask, TaskStatus
    from fazhi.litigation.models import CourtSuggestion, LegalCase
    from fazhi.litigation.rules import answer_due

    orgs = list(organisations)
    tasks = ResponsibilityTask.objects.active().filter(organisation__in=orgs, due_on__lt=today,
                                                       plan__voided_at__isnull=True).exclude(status=TaskStatus.DONE)
    suggestions = CourtSuggestion.objects.active().filter(organisation__in=orgs, answered_on__isnull=True, due_on__lt=today)
    unanswered = [c for c in LegalCase.objects.active().filter(organisation__in=orgs, answered_on__isnull=True, outcome="")
                  if answer_due(c.kind, c.received_on)[0] < today]
    disputes = open_too_long_filter(DisputeCase.objects.active().filter(organisation__in=orgs), today)
    gaps = count_villages_without_advisor(orgs, today.year)
    ledger = lambda slug, query="": reverse("ledger_list", args=[slug]) + query  # noqa: E731
    return [
        Item("法治建设责任清单任务逾期未完成", tasks.count(), ledger("responsibility-tasks", "?status=ongoing"), late=True),
        Item("司法建议、检察建议逾期未答复", suggestions.count(), ledger("court-suggestions"), late=True),
        Item("复议、诉讼案件逾期未答复（答辩）", len(unanswered), ledger("legal-cases"), late=True),
        Item("矛盾纠纷调解超过一个月", disputes.count(), ledger("disputes", "?outcome=open")),
        Item("未配备法律顾问的村（社区）", gaps, ledger("advisor-assignments")),
    ]
