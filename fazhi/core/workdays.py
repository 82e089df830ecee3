"""The official working-day calendar (工作日) and deadline arithmetic.

Sources of truth, in order:
1. ``CalendarDay`` rows an admin entered from a year's State Council arrangement
   (国务院办公厅关于部分节假日安排的通知), for years the library does not cover yet;
2. the ``chinesecalendar`` library (official holidays and 调休 make-up working days);
3. for a year with neither, the statutory public holidays of 《全国年节及纪念日放假办法》 (as amended by
   国务院令第795号, published 2024-11-12, in force 2025-01-01, Art. 2) and Monday–Friday otherwise; 调休 and substitute days
   are not guessed, and every deadline that reaches such a year is marked *provisional* (暂定) until the
   arrangement is entered.

Counting follows 民事诉讼法 Art. 85 (applied by 行政复议法 Art. 88 and
行政诉讼法 Art. 101): the day of the triggering event is not counted; the period
starts the next day.
"""
from __future__ import annotations

import datetime as dt
import functools
import secrets
import threading
import time
from dataclasses import dataclass, field

import chinese_calendar
from django.db.models.signals import post_delete, post_save
from lunar_python import Lunar, Solar

WEEKDAYS = "一二三四五六日"

_HOLIDAY_CN = {h.value: h.chinese for h in chinese_calendar.Holiday}


def _library_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@functools.lru_cache(maxsize=8192)
def _library_day(day: dt.date) -> tuple[bool, str | None]:
    """The library's (on holiday, holiday name) for a day; cached because each lookup scans its whole table."""
    return chinese_calendar.get_holiday_detail(day)


def _solar_date(solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _lunar_day(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date in ``year`` of the lunar ``month``/``day`` of the lunar year that starts in ``year``."""
    return _solar_date(Lunar.fromYmd(year, month, day).getSolar())


@functools.lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The public holidays every citizen has off in ``year`` under 《全国年节及纪念日放假办法》 Art. 2, as amended by
    国务院令第795号 (in force 2025-01-01): 元旦 1 day (1 January); 春节 4 days (农历除夕 and 正月初一至初三);
    清明节 1 day (the 清明 solar term); 劳动节 2 days (1–2 May); 端午节 1 day (农历五月初五); 中秋节 1 day
    (农历八月十五); 国庆节 3 days (1–3 October). Before 2025 (国务院令第644号): 春节 正月初一至初三 and 劳动节 1 May only.

    Only the statutory days: the State Council's yearly arrangement adds bridging days and 调休 working weekends,
    which are never guessed here."""
    days: dict[dt.date, str] = {dt.date(year, 1, 1): "元旦"}
    new_year = _lunar_day(year, 1, 1)
    spring = [new_year + dt.timedelta(days=i) for i in range(3)]
    if year >= 2025:
        spring.insert(0, new_year - dt.timedelta(days=1))  # 农历除夕: the last day of the lunar year (廿九 or 三十)
    days.update((d, "春节") for d in spring)
    qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    days[_solar_date(qingming)] = "清明节"
    days[dt.date(year, 5, 1)] = "劳动节"
    if year >= 2025:
        days[dt.date(year, 5, 2)] = "劳动节"
    days[_lunar_day(year, 5, 5)] = "端午节"
    days[_lunar_day(year, 8, 15)] = "中秋节"
    for d in (1, 2, 3):
        days.setdefault(dt.date(year, 10, d), "国庆节")  # 中秋 on 1–3 October keeps its own name
    return days


def format_date(day: dt.date) -> str:
    """GB/T 9704 style: no zero padding (2026年5月1日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_date_weekday(day: dt.date) -> str:
    return f"{format_date(day)}（星期{WEEKDAYS[day.weekday()]}）"


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    is_workday: bool
    note: str  # 工作日 / 周末 / 国庆节 / 调休上班（国庆节）
    provisional: bool = False


@dataclass
class DueDate:
    start: dt.date
    working_days: int
    due: dt.date
    provisional: bool
    steps: list[str] = field(default_factory=list)

    def explanation(self) -> str:
        return "\n".join(self.steps)


class WorkingCalendar:
    def __init__(self, overrides: dict[dt.date, tuple[bool, str]] | None = None, arranged_years: set[int] | None = None):
        self._overrides = overrides or {}
        self._arranged_years = arranged_years or set()
        self._coverage: dict[int, bool] = {}
        # One calendar is kept per process (``load``) and asked the same questions over and over — a register's
        # hundreds of applications received on the same days, each clock counted again for every figure and
        # page — so each day's reading and each counted period is worked out once per calendar.
        self._days: dict[dt.date, DayInfo] = {}
        self._added: dict[tuple[dt.date, int], DueDate] = {}

    @classmethod
    def load(cls) -> WorkingCalendar:
        """The calendar with the admin-maintained arrangement tables (library data only before the first migrate).

        Read from the database once per process and kept (``_loaded``): a public application, a deadline page or a
        reminder run no longer reads both tables each time. Kept only while it is known current: every change to
        ``CalendarDay`` or ``HolidayArrangement`` drops this process's copy and stamps a new version in the store
        every server process shares (``settings.CACHES["portal_versions"]``: Redis, or files), which another process
        compares before it uses its copy; a change not yet committed (or rolled back since) is never kept. Without a
        shared store, or after ``CALENDAR_SECONDS``, the tables are read again. Behaviour is that of a fresh read."""
        return _loaded()

    @classmethod
    def read(cls) -> WorkingCalendar:
        """Read the arrangement tables now (no copy kept)."""
        from django.db import DatabaseError

        from fazhi.core.models import CalendarDay, CalendarDayKind, HolidayArrangement

        try:
            overrides = {
                d.date: (d.kind == CalendarDayKind.WORKDAY, d.name) for d in CalendarDay.objects.all()
            }
            years = set(HolidayArrangement.objects.values_list("year", flat=True))
        except DatabaseError:
            return cls()
        return cls(overrides, years)

    def has_data_for(self, year: int) -> bool:
        if year in self._arranged_years:
            return True
        if year not in self._coverage:
            self._coverage[year] = _library_covers(year)
        return self._coverage[year]

    def day(self, day: dt.date) -> DayInfo:
        info = self._days.get(day)
        if info is None:
            info = self._days[day] = self._read_day(day)
        return info

    def _read_day(self, day: dt.date) -> DayInfo:
        if day in self._overrides:
            is_work, name = self._overrides[day]
            return DayInfo(day, is_work, f"调休上班（{name}）" if is_work else name)
        weekend = day.weekday() >= 5
        if day.year in self._arranged_years or not self.has_data_for(day.year):
            provisional = day.year not in self._arranged_years
            if provisional and (holiday := statutory_holidays(day.year).get(day)):
                return DayInfo(day, False, f"{holiday}（暂定）", provisional=True)
            return DayInfo(day, not weekend, "周末" if weekend else "工作日", provisional=provisional)
        on_holiday, name = _library_day(day)
        cn_name = _HOLIDAY_CN.get(name, name) if name else None
        if on_holiday:
            return DayInfo(day, False, cn_name if cn_name else "周末")
        if weekend:  # a weekend day that is a working day: 调休
            return DayInfo(day, True, f"调休上班（{cn_name or '法定调休'}）")
        return DayInfo(day, True, "工作日")

    def is_workday(self, day: dt.date) -> bool:
        return self.day(day).is_workday

    def add_working_days(self, start: dt.date, n: int) -> DueDate:
        """The date that is the n-th working day after ``start`` (start itself not counted)."""
        if n < 1:
            raise ValueError("工作日数必须为正整数")
        counted = self._added.get((start, n))
        if counted is None:
            counted = self._added[(start, n)] = self._count_forward(start, n)
        return DueDate(counted.start, counted.working_days, counted.due, counted.provisional, list(counted.steps))

    def _count_forward(self, start: dt.date, n: int) -> DueDate:
        steps = [f"起算：{format_date_weekday(start)}，按规定当日不计入，自次日起计算{n}个工作日"]
        provisional = False
        skipped: list[DayInfo] = []
        counted = 0
        day = start
        while counted < n:
            day += dt.timedelta(days=1)
            info = self.day(day)
            provisional = provisional or info.provisional
            if not info.is_workday:
                skipped.append(info)
                continue
            if skipped:
                steps.append(_skip_line(skipped))
                skipped = []
            counted += 1
            if info.note != "工作日":
                steps.append(f"第{counted}个工作日：{format_date_weekday(day)}，{info.note}，计入")
        steps.append(f"第{n}个工作日：{format_date_weekday(day)}，即为期限届满日")
        if provisional:
            years = sorted({d.year for d in _dates_between(start, day) if not self.has_data_for(d.year)})
            steps.append(
                "注意：" + "、".join(f"{y}年" for y in years)
                + "的国务院节假日安排尚未录入，本期限跳过《全国年节及纪念日放假办法》规定的法定节假日、"
                "其余按周一至周五暂算（不含调休），录入后自动重算（暂定）"
            )
        return DueDate(start=start, working_days=n, due=day, provisional=provisional, steps=steps)

    def count_working_days(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        if end <= start:
            return 0
        if start.year == end.year:
            return self._through(end) - self._through(start)
        return (self._year_total(start.year) - self._through(start)
                + sum(self._year_total(y) for y in range(start.year + 1, end.year)) + self._through(end))

    def _running_counts(self, year: int) -> list[int]:
        """Working days of ``year`` from 1 January through each day (index: day of the year - 1), built once."""
        counts = self.__dict__.setdefault("_counts", {})
        if year not in counts:
            total, running = 0, []
            for day in _dates_between(dt.date(year, 1, 1), dt.date(year, 12, 31)):
                total += self.is_workday(day)
                running.append(total)
            counts[year] = running
        return counts[year]

    def _through(self, day: dt.date) -> int:
        return self._running_counts(day.year)[day.timetuple().tm_yday - 1]

    def _year_total(self, year: int) -> int:
        return self._running_counts(year)[-1]


# ---------------------------------------------------------------- one calendar per process, dropped on any change

CALENDAR_SECONDS = 300  # a safety net only: a change drops the copy at once (see WorkingCalendar.load)
_STAMP_KEY = "core:calendar:v"
_state: dict = {"calendar": None, "stamp": None, "at": 0.0, "pending": False}
_lock = threading.Lock()


def _stamps():
    from django.conf import settings
    from django.core.cache import caches

    return caches["portal_versions"] if "portal_versions" in settings.CACHES else None


def _current_stamp(store) -> str | None:
    try:
        stamp = store.get(_STAMP_KEY)
        if stamp is None:  # never stamped, or evicted: a new stamp, so no copy made before can match it
            stamp = f"{time.time_ns():x}.{secrets.token_hex(4)}"
            if not store.add(_STAMP_KEY, stamp, None):
                stamp = store.get(_STAMP_KEY)
        return stamp
    except Exception:  # noqa: BLE001 - the store down: read the tables, keep nothing
        return None


def _loaded() -> WorkingCalendar:
    from django.db import connection

    if _state["pending"]:
        if connection.in_atomic_block:  # this transaction changed the calendar: read it as it now stands
            return WorkingCalendar.read()
        _state["pending"] = False  # that transaction has ended (committed: stamped; rolled back: nothing changed)
        _forget()
    store = _stamps()
    stamp = _current_stamp(store) if store is not None else None
    with _lock:
        calendar = _state["calendar"]
        if (calendar is not None and stamp is not None and _state["stamp"] == stamp
                and time.monotonic() - _state["at"] < CALENDAR_SECONDS):
            return calendar
    calendar = WorkingCalendar.read()
    if stamp is not None:
        with _lock:
            _state.update(calendar=calendar, stamp=stamp, at=time.monotonic())
    return calendar


def _forget() -> None:
    with _lock:
        _state.update(calendar=None, stamp=None)


def _bump() -> None:
    store = _stamps()
    if store is not None:
        try:
            store.set(_STAMP_KEY, f"{time.time_ns():x}.{secrets.token_hex(4)}", None)
        except Exception:  # noqa: BLE001 - the other processes fall back on CALENDAR_SECONDS
            pass
    _forget()


def _calendar_changed(sender, **kwargs) -> None:
    """A holiday arrangement or one of its days was saved or deleted: no process uses the copy it holds."""
    from django.db import connection, transaction

    _bump()
    if connection.in_atomic_block:
        _state["pending"] = True

        def committed():
            _state["pending"] = False
            _bump()

        transaction.on_commit(committed)


for _signal in (post_save, post_delete):
    for _sender in ("core.CalendarDay", "core.HolidayArrangement"):
        _signal.connect(_calendar_changed, sender=_sender, dispatch_uid=f"workdays-{_signal is post_save}-{_sender}")


def _dates_between(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _skip_line(days: list[DayInfo]) -> str:
    names = []
    for d in days:
        if d.note not in names:
            names.append(d.note)
    span = format_date(days[0].date) if len(days) == 1 else f"{format_date(days[0].date)}至{format_date(days[-1].date)}"
    return f"跳过{'、'.join(names)}：{span}，共{len(days)}天，不计入"
