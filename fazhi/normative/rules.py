"""The dates the rules on normative documents set, computed (never stored).

- Filing: 国发〔2008〕17号（十八）— 自公布之日起15日内报送备案 (UNCONFIRMED, LAW.md §6; the period is the
  township's setting). Calendar days; when the last day falls on a rest day the period ends on the next
  working day (民事诉讼法第八十五条, the rule LAW.md applies where a statute is silent) — fazhi/core/deadlines.py.
- Validity and clean-up: provincial rules (often 5 years, 暂行/试行 2 years; UNCONFIRMED nationally).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.core import deadlines, numbering
from fazhi.core.models import Organisation
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.normative.models import NormativeSettings


def settings_for(organisation: Organisation) -> NormativeSettings:
    found = NormativeSettings.objects.filter(organisation=organisation).first()
    return found or NormativeSettings(organisation=organisation)


FILING_BASIS = "国发〔2008〕17号（十八）"


@dataclass(frozen=True)
class FilingDeadline:
    due: dt.date
    explanation: str  # one line, as the timeline and the attention list quote it
    deadline: deadlines.Deadline  # the step-by-step counting


def filing_deadline(published_on: dt.date, days: int, calendar: WorkingCalendar | None = None) -> FilingDeadline:
    counted = deadlines.calendar_days("报送备案期限", FILING_BASIS, published_on, days, calendar)
    text = f"自{format_date(published_on)}公布之日起{days}日内报送备案，至{format_date(counted.nominal_due or counted.due)}"
    if counted.moved:
        text += f"；该日为休息日（{counted.rest_day_note}），顺延至{format_date(counted.due)}"
    return FilingDeadline(counted.due, text, counted)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def default_valid_until(published_on: dt.date, *, trial: bool, settings: NormativeSettings) -> dt.date:
    years = settings.trial_validity_years if trial else settings.validity_years
    return add_years(published_on, years) - dt.timedelta(days=1)


def format_doc_number(prefix: str, year: int, number: int) -> str:
    """GB/T 9704-2012 7.2.4: 年份用六角括号〔〕，序号不编虚位（不加“第”，无前导零）."""
    return numbering.chinese_document_number(prefix, "", year, number)
