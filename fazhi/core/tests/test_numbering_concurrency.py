"""Every series under concurrency on PostgreSQL: cases filed and mediations closed at the same moment get distinct
consecutive numbers (row locks; skipped on SQLite, which serialises writers). Tracking numbers and 文号 have their own
tests (fazhi/disclosure/tests/test_concurrency.py, fazhi/normative/tests/test_numbering_concurrency.py)."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from fazhi.disclosure.tests.test_concurrency import run_at_once
from fazhi.disputes import services as disputes
from fazhi.disputes.models import DisputeCase
from fazhi.enforcement import journey
from fazhi.enforcement import services as enforcement
from fazhi.enforcement.models import PenaltyCase
from fazhi.testing.factories import DisputeCaseFactory

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="并发编号测试需要 PostgreSQL（行锁与多连接）：设置 FAZHI_TEST_POSTGRES=1 后运行；SQLite 下跳过",
)
AT_ONCE = 12


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_cases_filed_at_once_get_consecutive_case_numbers(township, clerk):
    results, errors = run_at_once(AT_ONCE, lambda i: enforcement.case_file(
        organisation=township, fields=journey.case_fields(party=f"当事人{i}"), filed_on=dt.date(2025, 3, 3),
        user=clerk).number_sequence)
    assert errors == []
    assert sorted(results) == list(range(1, AT_ONCE + 1))
    assert set(PenaltyCase.objects.values_list("number", flat=True)) == {f"甲罚〔2025〕{n}号" for n in range(1, AT_ONCE + 1)}


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_mediations_closed_at_once_get_consecutive_dossier_numbers(township):
    cases = [DisputeCaseFactory(organisation=township, outcome="open", agreement="none", closed_on=None) for _ in range(AT_ONCE)]

    def close(i: int) -> int:
        case = DisputeCase.objects.get(pk=cases[i].pk)
        case.outcome, case.agreement, case.closed_on = "failed", "none", dt.date(2025, 5, 6)
        return disputes.case_save(case).dossier_sequence

    results, errors = run_at_once(AT_ONCE, close)
    assert errors == []
    assert sorted(results) == list(range(1, AT_ONCE + 1))
    assert set(DisputeCase.objects.values_list("dossier_no", flat=True)) == {
        f"甲调字〔2025〕第{n:03d}号" for n in range(1, AT_ONCE + 1)}
