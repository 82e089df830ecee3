"""The dashboard's 需要办理 row names overdue tasks, late answers and coverage gaps of the institution modules."""
from __future__ import annotations

import datetime as dt

from fazhi.governance.models import ResponsibilityTask, WorkPlan
from fazhi.indicators.attention import items
from fazhi.litigation.tests.factories import CourtSuggestionFactory, LegalCaseFactory
from fazhi.testing.factories import DisputeCaseFactory, VillageFactory


def test_overdue_and_missing_things_are_counted(township):
    today = dt.date(2026, 3, 10)
    plan = WorkPlan.objects.create(organisation=township, year=2026, title="要点", adopted_on=dt.date(2026, 1, 5))
    ResponsibilityTask.objects.create(organisation=township, plan=plan, assigned_on=dt.date(2026, 1, 5), task="普法",
                                      lead="甲", department="司法所", owner="乙", due_on=dt.date(2026, 2, 28), status="ongoing")
    CourtSuggestionFactory(organisation=township, received_on=dt.date(2025, 12, 1))  # due 2026-01-30, unanswered
    LegalCaseFactory(organisation=township, received_on=dt.date(2026, 2, 1))  # answer due 2026-02-16
    DisputeCaseFactory(organisation=township, received_on=dt.date(2026, 1, 20), outcome="open", agreement="none", closed_on=None)
    VillageFactory(parent=township, code="V1", name="东村")
    found = {i.label: i.count for i in items([township], today)}
    assert found["法治建设责任清单任务逾期未完成"] == 1
    assert found["司法建议、检察建议逾期未答复"] == 1
    assert found["复议、诉讼案件逾期未答复（答辩）"] == 1
    assert found["矛盾纠纷调解超过一个月"] == 1
    assert found["未配备法律顾问的村（社区）"] == 1
