"""Document numbers under concurrency: documents issued at the same moment in one series and year get
distinct consecutive numbers (PostgreSQL row locks; skipped on SQLite, which serialises writers)."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from fazhi.disclosure.tests.test_concurrency import run_at_once
from fazhi.normative import services
from fazhi.normative.models import DocumentSeries, NormativeDocument

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="并发编号测试需要 PostgreSQL（行锁与多连接）：设置 FAZHI_TEST_POSTGRES=1 后运行；SQLite 下跳过",
)
DOCUMENTS = 12


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_issues_get_consecutive_numbers(reviewed, clerk, township):
    series = DocumentSeries.objects.create(organisation=township, prefix="并发规")
    docs = []
    for i in range(DOCUMENTS):
        doc = reviewed(title=f"文件{i}")
        services.record_deliberation(doc, user=clerk, deliberated_on=dt.date(2025, 3, 10), meeting="常务会议")
        docs.append(doc)

    results, errors = run_at_once(DOCUMENTS, lambda i: services.issue_document(
        NormativeDocument.objects.get(pk=docs[i].pk), user=clerk, series=series, issued_on=dt.date(2025, 3, 12)).number)
    assert errors == []
    assert sorted(results) == list(range(1, DOCUMENTS + 1))
    numbers = set(NormativeDocument.objects.filter(series=series).values_list("doc_number", flat=True))
    assert numbers == {f"并发规〔2025〕{n}号" for n in range(1, DOCUMENTS + 1)}
