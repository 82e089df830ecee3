"""The daily jobs the worker runs (fazhi/core/jobs.py: Scheduler), with the clock injected.

Each job runs once a day at its time however many workers tick: the first to SET NX the day's lock runs it.
A worker killed mid-job leaves the lock to expire and another runs the job later that day; a failed job is
tried again after DAILY_RETRY_SECONDS. The fake Redis below keeps expiries on the same injected clock, so
all of that is deterministic; one test repeats "two workers, one run" on the real Redis.
"""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from fazhi.core import jobs
from fazhi.core.tests.redis_fixture import redis_jobs  # noqa: F401 - the fixture

TZ = dt.timezone(dt.timedelta(hours=8))


class Clock:
    def __init__(self, when: str):
        self.now = dt.datetime.fromisoformat(when).replace(tzinfo=TZ)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


class FakeRedis:
    """SET with NX and EX, and GET — with expiry on the test's clock."""

    def __init__(self, clock: Clock):
        self.clock = clock
        self.data: dict[str, tuple[str, dt.datetime | None]] = {}
        self.lock = threading.Lock()

    def _live(self, key):
        value = self.data.get(key)
        if value and value[1] is not None and value[1] <= self.clock():
            del self.data[key]
            return None
        return value

    def set(self, key, value, nx=False, ex=None):
        with self.lock:
            if nx and self._live(key):
                return None
            self.data[key] = (str(value), self.clock() + dt.timedelta(seconds=ex) if ex else None)
            return True

    def get(self, key):
        value = self._live(key)
        return value[0] if value else None


@pytest.fixture
def runs():
    return []


@pytest.fixture
def job(runs, settings):
    settings.FAZHI_DAILY_JOBS_AT = "07:30"
    return jobs.DailyJob("test.morning", "FAZHI_DAILY_JOBS_AT", lambda today: runs.append(today))


def worker(redis, clock, job, name="a"):
    return jobs.Scheduler(redis, worker_id=name, clock=clock, jobs=[job])


def test_a_job_runs_at_its_time_once_a_day(job, runs):
    clock = Clock("2026-03-02T07:29:59")
    redis = FakeRedis(clock)
    a = worker(redis, clock, job)
    assert a.tick() == [] and runs == []  # not yet
    clock.advance(seconds=1)
    assert a.tick() == ["test.morning"] and runs == [dt.date(2026, 3, 2)]
    clock.advance(hours=8)
    assert a.tick() == [] and len(runs) == 1  # once that day
    assert redis.get(f"{jobs.DAILY_PREFIX}test.morning:2026-03-02").startswith("done a ")
    clock.advance(hours=20)  # 2026-03-03 11:30: the next day, later than its time (workers were down at 07:30)
    assert a.tick() == ["test.morning"] and runs[-1] == dt.date(2026, 3, 3)


def test_two_workers_one_run(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    redis = FakeRedis(clock)
    a, b = worker(redis, clock, job, "a"), worker(redis, clock, job, "b")
    ran = a.tick() + b.tick() + b.tick() + a.tick()
    assert ran == ["test.morning"] and runs == [dt.date(2026, 3, 2)]


def test_two_workers_ticking_at_the_same_moment_run_it_once(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    redis = FakeRedis(clock)
    workers = [worker(redis, clock, job, str(i)) for i in range(8)]
    threads = [threading.Thread(target=w.tick) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert runs == [dt.date(2026, 3, 2)]


def test_a_worker_killed_mid_job_leaves_the_job_to_another_later_that_day(job, runs):
    clock = Clock("2026-03-02T07:30:00")
    redis = FakeRedis(clock)
    a, b = worker(redis, clock, job, "a"), worker(redis, clock, job, "b")
    # a takes the lock and dies before finishing: the lock says "running" and expires
    assert redis.set(a.lock_key(job, clock().date()), "running a", nx=True, ex=jobs.DAILY_RUNNING_SECONDS)
    assert b.tick() == []
    clock.advance(seconds=jobs.DAILY_RUNNING_SECONDS)
    assert b.tick() == ["test.morning"] and runs == [dt.date(2026, 3, 2)]


def test_a_failed_job_is_tried_again_later_and_does_not_stop_the_others(runs, settings):
    settings.FAZHI_DAILY_JOBS_AT = "07:30"
    attempts = []

    def flaky(today):
        attempts.append(today)
        if len(attempts) == 1:
            raise RuntimeError("database restarting")

    failing = jobs.DailyJob("test.flaky", "FAZHI_DAILY_JOBS_AT", flaky)
    other = jobs.DailyJob("test.other", "FAZHI_DAILY_JOBS_AT", lambda today: runs.append(today))
    clock = Clock("2026-03-02T07:30:00")
    redis = FakeRedis(clock)
    a = jobs.Scheduler(redis, worker_id="a", clock=clock, jobs=[failing, other])
    assert a.tick() == ["test.flaky", "test.other"] and runs == [dt.date(2026, 3, 2)]
    assert redis.get(f"{jobs.DAILY_PREFIX}test.flaky:2026-03-02").startswith("failed a ")
    assert a.tick() == []
    clock.advance(seconds=jobs.DAILY_RETRY_SECONDS)
    assert a.tick() == ["test.flaky"] and len(attempts) == 2 and runs == [dt.date(2026, 3, 2)]


def test_each_job_has_its_own_time_and_an_empty_one_is_off(settings, runs):
    settings.FAZHI_DAILY_JOBS_AT = ""
    settings.FAZHI_INDICATORS_REFRESH_AT = "02:00"
    morning = jobs.DailyJob("test.morning", "FAZHI_DAILY_JOBS_AT", lambda today: runs.append("morning"))
    night = jobs.DailyJob("test.night", "FAZHI_INDICATORS_REFRESH_AT", lambda today: runs.append("night"))
    clock = Clock("2026-03-02T01:59:00")
    a = jobs.Scheduler(FakeRedis(clock), worker_id="a", clock=clock, jobs=[morning, night])
    assert a.tick() == []
    clock.advance(minutes=1)
    assert a.tick() == ["test.night"]
    clock.advance(hours=20)
    assert a.tick() == [] and runs == ["night"]  # the morning job is left to the systemd timer


@pytest.mark.parametrize("value", ["7.30", "25:00", "07:30:00", "早上"])
def test_a_bad_time_stops_the_worker_at_start_with_a_clear_message(settings, value):
    settings.FAZHI_DAILY_JOBS_AT = value
    job = jobs.DailyJob("test.morning", "FAZHI_DAILY_JOBS_AT", lambda today: None)
    with pytest.raises(ImproperlyConfigured, match="FAZHI_DAILY_JOBS_AT 应为“时:分”"):
        jobs.Scheduler(FakeRedis(Clock("2026-03-02T07:30:00")), worker_id="a", jobs=[job])


def test_the_registered_daily_jobs():
    jobs.load_handlers()
    by_name = {j.name: j.setting for j in jobs.daily_jobs()}
    assert by_name == {
        "disclosure.reminders": "FAZHI_DAILY_JOBS_AT",
        "oversight.report_reminders": "FAZHI_DAILY_JOBS_AT",
        "indicators.refresh_stale": "FAZHI_INDICATORS_REFRESH_AT",
    }


def test_two_workers_one_run_on_the_real_redis(redis_jobs, job, runs):
    clock = Clock("2026-03-02T07:30:00")
    a, b = worker(redis_jobs, clock, job, "a"), worker(redis_jobs, clock, job, "b")
    assert a.tick() + b.tick() == ["test.morning"] and runs == [dt.date(2026, 3, 2)]
    assert redis_jobs.get(f"{jobs.DAILY_PREFIX}test.morning:2026-03-02").startswith(b"done a ")
    assert 0 < redis_jobs.ttl(f"{jobs.DAILY_PREFIX}test.morning:2026-03-02") <= jobs.DAILY_DONE_SECONDS


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_daily_jobs_between_queue_jobs(redis_jobs, settings, monkeypatch, capsys):
    """`fazhi worker` (not --once) ticks the scheduler: the real daily jobs run against the database once."""
    settings.FAZHI_DAILY_JOBS_AT = "00:00"
    settings.FAZHI_INDICATORS_REFRESH_AT = "00:00"
    calls = []
    monkeypatch.setattr("fazhi.disclosure.notify.refresh_reminders", lambda **kw: calls.append("disclosure") or 0)
    monkeypatch.setattr("fazhi.oversight.reminders.refresh_reminders", lambda today: calls.append("report") or [])
    monkeypatch.setattr("django.core.management.call_command", lambda name, *a, **kw: calls.append(name))
    polls = []

    def run_one(timeout):
        polls.append(timeout)
        if len(polls) == 3:
            raise KeyboardInterrupt  # stop the endless loop
        return None

    monkeypatch.setattr(jobs, "run_one", run_one)
    with pytest.raises(KeyboardInterrupt):
        call_command("worker")
    assert sorted(calls) == ["disclosure", "indicators-refresh", "report"]  # each once, not once per poll
    out = capsys.readouterr().out
    assert "每日任务 disclosure.reminders：00:00（FAZHI_DAILY_JOBS_AT）" in out and "已执行每日任务 oversight.report_reminders" in out


def test_the_worker_refuses_to_start_with_a_bad_time(redis_jobs, settings):
    from django.core.management.base import CommandError

    settings.FAZHI_INDICATORS_REFRESH_AT = "2点"
    with pytest.raises(CommandError, match="FAZHI_INDICATORS_REFRESH_AT"):
        call_command("worker")
