"""Reliability of numbering: simultaneous submissions on PostgreSQL each get their own consecutive number,
a repeated idempotency key gives one application, and a failed save leaves no gap.

The threaded tests need a real server database (row locks, concurrent connections): they run only
with FAZHI_TEST_POSTGRES=1 (or a PostgreSQL DATABASE_URL) and are skipped on SQLite.
"""
from __future__ import annotations

import json
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.utils import timezone

from fazhi.disclosure import services
from fazhi.disclosure.models import DisclosureEvent, DisclosureRequest

URL = "/api/public/disclosure-requests"
SUBMITTERS = 50
SAME_KEY_SUBMITTERS = 20
CODE = "T901"  # the ``township`` fixture of fazhi/conftest.py

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="并发编号测试需要 PostgreSQL（行锁与多连接）：设置 FAZHI_TEST_POSTGRES=1 后运行；SQLite 下跳过",
)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.FAZHI_PUBLIC_RATE_LIMIT = 0  # 50 submissions from one address in a second are the point here


def body(i: int, **extra) -> dict:
    return {
        "organisation": CODE, "applicant_type": "natural", "applicant_name": f"申请人{i:02d}",
        "contact": f"138{i:08d}", "description": f"第{i}号申请：本镇2026年农村低保对象名单", **extra,
    }


def run_at_once(count: int, work) -> tuple[list, list]:
    """Run ``work(i)`` in ``count`` threads released together; returns (results, errors) in thread order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count
    errors: list = []

    def worker(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported by the test
            errors.append((i, repr(exc)))
        finally:
            connection.close()  # each thread has its own connection; the test database must be droppable

    threads = [threading.Thread(target=worker, args=(i,), name=f"submitter-{i}") for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "有提交线程在120秒内没有结束（可能死锁）"
    return results, errors


def assert_fifty_consecutive(township, numbers: list[str]) -> None:
    year = timezone.localdate().year
    stored = list(DisclosureRequest.objects.filter(organisation=township, year=year).order_by("sequence"))
    assert len(stored) == SUBMITTERS, f"应保存{SUBMITTERS}件申请，实际{len(stored)}件"
    assert [r.sequence for r in stored] == list(range(1, SUBMITTERS + 1)), "年度序号应恰好为 1..50，不重不漏"
    expected = {f"{CODE}-{year}-{n:04d}" for n in range(1, SUBMITTERS + 1)}
    assert {r.tracking_number for r in stored} == expected
    assert sorted(numbers) == sorted(expected), "每个提交者拿到的受理编号应各不相同，且与保存的一致"
    assert DisclosureEvent.objects.filter(request__in=stored, kind="received").count() == SUBMITTERS


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_api_submissions_get_fifty_consecutive_numbers(township):
    def submit(i: int):
        response = Client().post(URL, data=json.dumps(body(i)), content_type="application/json")
        return response.status_code, response.json()

    results, errors = run_at_once(SUBMITTERS, submit)
    assert errors == [], f"提交线程出错：{errors[:5]}"
    failed = [(code, data) for code, data in results if code != 201]
    assert failed == [], f"{len(failed)}个提交没有得到201：{failed[:3]}"
    assert_fifty_consecutive(township, [data["tracking_number"] for _, data in results])


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_service_calls_get_fifty_consecutive_numbers(township):
    fields = {k: v for k, v in body(0).items() if k != "organisation"}

    def create(i: int):
        application, created = services.request_create(
            organisation=township, fields={**fields, "applicant_name": f"申请人{i:02d}"},
            channel="portal", received_on=timezone.localdate(),
        )
        assert created
        return application.tracking_number

    results, errors = run_at_once(SUBMITTERS, create)
    assert errors == [], f"request_create 出错：{errors[:5]}"
    assert_fifty_consecutive(township, results)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_submissions_with_one_idempotency_key_make_one_application(township):
    key = "same-key-double-click-0001"

    def submit(i: int):
        response = Client().post(URL, data=json.dumps(body(7)), content_type="application/json",
                                 HTTP_IDEMPOTENCY_KEY=key)
        return response.status_code, response.json()

    results, errors = run_at_once(SAME_KEY_SUBMITTERS, submit)
    assert errors == [], f"提交线程出错：{errors[:5]}"
    stored = list(DisclosureRequest.objects.filter(organisation=township))
    assert len(stored) == 1, f"同一幂等键应只生成一件申请，实际{len(stored)}件"
    # The losers' numbers were rolled back: the next application takes number 2, not 21.
    follow_up = Client().post(URL, data=json.dumps(body(8)), content_type="application/json")
    assert follow_up.status_code == 201 and follow_up.json()["tracking_number"].endswith("-0002")
    # Every repeat must be answered with the first application (200), never with an error: the
    # applicant (or a retrying client) has no way to tell a 400 here from a rejected application.
    bad = [(code, data) for code, data in results if code not in (200, 201)]
    assert bad == [], (
        f"同一幂等键的并发重复提交应返回已有的申请（200），却有{len(bad)}/{SAME_KEY_SUBMITTERS}个得到错误，"
        f"例如：{bad[:1]}。（request_create 只在 IntegrityError 时回查已有申请，而 _create 里的 full_clean() "
        f"先以 ValidationError 报出幂等约束冲突）"
    )
    codes = sorted(code for code, _ in results)
    assert codes.count(201) == 1 and codes.count(200) == SAME_KEY_SUBMITTERS - 1, codes
    assert {data["tracking_number"] for _, data in results} == {stored[0].tracking_number}


@pytest.mark.django_db
@pytest.mark.parametrize("failure", ["full_clean", "timeline_event"])
def test_a_failed_save_leaves_no_gap_in_the_numbers(township, monkeypatch, failure):
    """Fails once either before the row is written (validation) or after it (the timeline event):
    both roll the counter back, so the next application takes the number the failed one would have had."""
    fields = {k: v for k, v in body(1).items() if k != "organisation"}
    today = timezone.localdate()

    def create():
        return services.request_create(organisation=township, fields=fields, channel="portal", received_on=today)[0]

    first = create()
    assert first.sequence == 1

    calls = {"n": 0}
    if failure == "full_clean":
        original = DisclosureRequest.full_clean

        def flaky(self, *args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 1:
                raise ValidationError({"description": "模拟的一次保存失败"})
            return original(self, *args, **kwargs)

        monkeypatch.setattr(DisclosureRequest, "full_clean", flaky)
    else:
        original = services._event

        def flaky(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 1:
                raise RuntimeError("模拟的一次保存失败（申请已写入后）")
            return original(*args, **kwargs)

        monkeypatch.setattr(services, "_event", flaky)

    with pytest.raises((ValidationError, RuntimeError)):
        create()
    assert calls["n"] == 1
    assert DisclosureRequest.objects.count() == 1, "失败的保存不应留下申请"

    second = create()
    assert second.sequence == 2, f"失败的保存留下了空号：下一件申请的序号是{second.sequence}，应为2"
    assert second.tracking_number == f"{CODE}-{today.year}-0002"
    assert list(DisclosureRequest.objects.order_by("sequence").values_list("sequence", flat=True)) == [1, 2]
