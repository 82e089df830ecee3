"""The daily jobs: the queue's periodic tasks (fazhi/core/jobs.py ``daily``, ``is_due``, ``run_daily``).

The consumer's scheduler checks a daily job at its time of day and every DAILY_POLL_MINUTES after it; the job runs
once a day however many consumers check it — the first to write the day's mark runs it. A consumer killed mid-job
leaves its mark to go stale and another runs the job later that day; a failed job is tried again after
DAILY_RETRY_SECONDS. The clock is injected, so all of that is deterministic; one test repeats "two consumers, one
run" on the real Redis.
"""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core import jobs
from fazhi.core.tests.queue_fixture import job_queue  # noqa: F401 - the fixture
from fazhi.core.tests.redis_fixture import redis_jobs  # noqa: F401 - the fixture

TZ = dt.timezone(dt.timedelta(hours=8))


class Clock:
    def __init__(self, when: str):
        self.now = dt.datetime.fromisoformat(when).replace(tzinfo=TZ)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def runs():
    return []


@pytest.fixture
def job(runs, settings, job_queue):
    settings.FAZHI_DAILY_JOBS_AT = "07:30"
    return jobs.DailyJob("test.morning", "FAZHI_DAILY_JOBS_AT", lambda today: runs.append(today))


def at(when: str) -> dt.datetime:
    return dt.datetime.fromisoformat(when)


def test_the_scheduler_checks_a_job_from_its_time_of_day_and_an_empty_time_is_off(job, settings):
    due = [when for when in ("07:29", "07:30", "07:31", "07:39", "07:40", "11:30", "23:50", "23:55")
           if jobs.is_due(job, at(f"2026-03-02T{when}"))]
    assert due == ["07:30", "07:40", "11:30", "23:50"]
    settings.FAZHI_DAILY_JOBS_AT = ""
    assert not jobs.is_due(job, at("2026-03-02T07:30"))


def test_a_job_runs_once_a_day_and_a_late_consumer_still_runs_it(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    assert jobs.run_daily(job, worker_id="a", clock=clock) and runs == [dt.date(2026, 3, 2)]
    for _ in range(3):
        clock.advance(minutes=jobs.DAILY_POLL_MINUTES)
        assert not jobs.run_daily(job, worker_id="a", clock=clock)  # once that day
    assert [m["state"] for m in jobs.day_marks(job, dt.date(2026, 3, 2))] == ["done"]
    clock.advance(hours=28)  # 2026-03-03 12:00: consumers were down at 07:30
    assert jobs.run_daily(job, worker_id="a", clock=clock) and runs[-1] == dt.date(2026, 3, 3)


def test_two_consumers_checking_at_the_same_moment_run_it_once(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    ran = []
    threads = [threading.Thread(target=lambda i=i: ran.append(jobs.run_daily(job, worker_id=str(i), clock=clock)))
               for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert runs == [dt.date(2026, 3, 2)] and sorted(ran) == [False] * 7 + [True]


def test_a_consumer_killed_mid_job_leaves_the_job_to_another_later_that_day(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    # consumer a takes the day and dies before finishing: its mark says "running"
    assert jobs.queue.put_if_empty(jobs._mark_key(job, clock().date(), 0),
                                   {"state": "running", "by": "a", "at": clock().isoformat()})
    assert not jobs.run_daily(job, worker_id="b", clock=clock)
    clock.advance(seconds=jobs.DAILY_RUNNING_SECONDS)
    assert jobs.run_daily(job, worker_id="b", clock=clock) and runs == [dt.date(2026, 3, 2)]
    assert [(m["state"], m["by"]) for m in jobs.day_marks(job, dt.date(2026, 3, 2))] == [("running", "a"),
                                                                                      ("done", "b")]


def test_a_failed_job_is_tried_again_later(job_queue, settings, runs):
    attempts = []

    def flaky(today):
        attempts.append(today)
        if len(attempts) == 1:
            raise RuntimeError("database restarting")

    failing = jobs.DailyJob("test.flaky", "FAZHI_DAILY_JOBS_AT", flaky)
    clock = Clock("2026-03-02T07:30:00")
    assert jobs.run_daily(failing, worker_id="a", clock=clock)  # ran, and failed: logged, not raised
    assert jobs.day_marks(failing, dt.date(2026, 3, 2))[0]["state"] == "failed"
    clock.advance(minutes=jobs.DAILY_POLL_MINUTES)
    assert not jobs.run_daily(failing, worker_id="a", clock=clock) and len(attempts) == 1
    clock.advance(seconds=jobs.DAILY_RETRY_SECONDS)
    assert jobs.run_daily(failing, worker_id="a", clock=clock) and len(attempts) == 2
    clock.advance(minutes=jobs.DAILY_POLL_MINUTES)
    assert not jobs.run_daily(failing, worker_id="a", clock=clock) and len(attempts) == 2


def test_the_marks_of_old_days_are_deleted(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    for _ in range(jobs.DAILY_KEEP_DAYS + 1):
        jobs.run_daily(job, worker_id="a", clock=clock)
        clock.advance(days=1)
    assert not jobs.day_marks(job, dt.date(2026, 3, 2)) and jobs.day_marks(job, dt.date(2026, 3, 3))


def test_the_daily_jobs_are_the_queues_periodic_tasks(job_queue, settings, monkeypatch):
    """The scheduler queues the recompute at 02:00, the reminders at 07:30; each runs the real job once a day."""
    settings.FAZHI_DAILY_JOBS_AT, settings.FAZHI_INDICATORS_REFRESH_AT = "07:30", "02:00"
    by_name = {j.name: j.setting for j in jobs.daily_jobs()}
    assert by_name == {
        "disclosure.reminders": "FAZHI_DAILY_JOBS_AT",
        "oversight.report_reminders": "FAZHI_DAILY_JOBS_AT",
        "indicators.refresh_stale": "FAZHI_INDICATORS_REFRESH_AT",
    }
    names = lambda when: sorted(type(t).__name__ for t in jobs.queue.read_periodic(at(when)))  # noqa: E731
    assert names("2026-03-02T02:00") == ["indicators.refresh_stale"]
    assert names("2026-03-02T07:30") == ["disclosure.reminders", "indicators.refresh_stale",
                                         "oversight.report_reminders"]  # the recompute checked again: done today
    assert names("2026-03-02T07:31") == []

    calls = []
    monkeypatch.setattr("fazhi.disclosure.notify.refresh_reminders", lambda **kw: calls.append("disclosure") or 0)
    monkeypatch.setattr("fazhi.disclosure.notify.send_pending_emails", lambda: 0)
    monkeypatch.setattr("fazhi.oversight.reminders.refresh_reminders", lambda today: calls.append("report") or [])
    monkeypatch.setattr("fazhi.oversight.reminders.send_pending_emails", lambda: 0)
    monkeypatch.setattr("django.core.management.call_command", lambda name, *a, **kw: calls.append(name))
    for _ in range(2):  # the scheduler of two consumers, or of one, ten minutes later
        for task in jobs.queue.read_periodic(at("2026-03-02T07:30")):
            jobs.queue.execute(task)
    assert sorted(calls) == ["disclosure", "indicators-refresh", "report"]


@pytest.mark.parametrize("value", ["7.30", "25:00", "07:30:00", "早上"])
def test_a_bad_time_stops_the_worker_at_start_with_a_clear_message(job_queue, settings, value):
    settings.FAZHI_INDICATORS_REFRESH_AT = value
    with pytest.raises(CommandError, match="FAZHI_INDICATORS_REFRESH_AT 应为“时:分”"):
        call_command("worker")


def test_two_consumers_one_run_on_the_real_redis(redis_jobs, settings, runs):
    settings.FAZHI_DAILY_JOBS_AT = "07:30"
    job = jobs.DailyJob("test.morning", "FAZHI_DAILY_JOBS_AT", lambda today: runs.append(today))
    clock = Clock("2026-03-02T07:30:00")
    assert [jobs.run_daily(job, worker_id=w, clock=clock) for w in "ab"] == [True, False]
    assert runs == [dt.date(2026, 3, 2)]
    assert [(m["state"], m["by"]) for m in jobs.day_marks(job, dt.date(2026, 3, 2))] == [("done", "a")]
