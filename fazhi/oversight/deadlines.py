"""When a township's annual report is due at the county and due in public.

LAW.md §1 (《法治政府建设与责任落实督察工作规定》, restated by the provincial 工作指引): the report
for year Y goes to the next level up by 3月1日 of Y+1 and is made public by 4月1日 (Art. 24).
A county may set its own dates (``CountyDeadlines``); these are the defaults.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from fazhi.core.models import Organisation, OrgKind

DEFAULT_SUBMIT = (3, 1)
DEFAULT_PUBLISH = (4, 1)
DEFAULT_REMIND_DAYS = 14


@dataclass(frozen=True)
class Deadlines:
    submit_by: dt.date
    publish_by: dt.date
    remind_days: int


def _date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))  # 2月29日 in a common year → 28日


def county_of(org: Organisation) -> Organisation | None:
    if org.kind == OrgKind.COUNTY:
        return org
    if org.kind == OrgKind.TOWNSHIP:
        return org.parent
    return org.parent.parent if org.parent_id else None


def deadlines_for(org: Organisation, year: int) -> Deadlines:
    """The deadlines for the report on ``year`` of ``org`` (a township or its county)."""
    from fazhi.oversight.models import CountyDeadlines

    county = county_of(org)
    rule = CountyDeadlines.objects.filter(county=county).first() if county else None
    submit = (rule.submit_month, rule.submit_day) if rule else DEFAULT_SUBMIT
    publish = (rule.publish_month, rule.publish_day) if rule else DEFAULT_PUBLISH
    remind = rule.remind_days if rule else DEFAULT_REMIND_DAYS
    return Deadlines(_date(year + 1, *submit), _date(year + 1, *publish), remind)
