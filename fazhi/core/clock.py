"""The one clock of Fazhi: Beijing time (settings.TIME_ZONE = Asia/Shanghai) for every "today", every date shown,
stored or compared, every deadline and every default year.

Datetimes are stored aware (UTC in the database). Calling ``.date()`` on one gives the UTC date, which is the
day before in Beijing from 00:00 to 08:00 — a submission at 01:52 on 6 December would be dated 5 December.
Always go through ``local_date``; never ``date.today()``, naive ``datetime.now()`` or ``timezone.now().date()``.
"""
from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    """The current moment, aware (store this)."""
    return timezone.now()


def local_now() -> dt.datetime:
    """The current moment on Beijing's wall clock (aware, in settings.TIME_ZONE)."""
    return timezone.localtime(timezone.now())


def today() -> dt.date:
    """Today's date in Beijing."""
    return timezone.localdate()


def current_year() -> int:
    return today().year


def local(moment: dt.datetime) -> dt.datetime:
    """A stored (aware) moment on Beijing's wall clock, for showing or formatting it (``f"{clock.local(t):%H:%M}"``)."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localtime(moment)


def local_date(moment: dt.datetime | dt.date | None) -> dt.date | None:
    """The Beijing date of a stored moment (aware datetimes are converted; a plain date is returned as it is)."""
    if moment is None:
        return None
    if not isinstance(moment, dt.datetime):
        return moment
    return local(moment).date()
