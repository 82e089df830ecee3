"""The records behind the normative-document figures (the registry filters by organisation and voids)."""
from __future__ import annotations

from fazhi.normative import rules
from fazhi.normative.models import NormativeDocument


def issued(scope):
    return NormativeDocument.objects.filter(issued_on__year=scope.year)


def filed(scope):
    return NormativeDocument.objects.filter(filed_on__year=scope.year)


def repealed(scope):
    return NormativeDocument.objects.filter(repealed_on__year=scope.year)


def filing_due(scope):
    """Documents whose filing fell due in the year (published in the year or filed in it)."""
    from django.db.models import Q

    return NormativeDocument.objects.filter(Q(published_on__year=scope.year) | Q(filed_on__year=scope.year)).exclude(published_on=None)


def judge_filing_on_time(scope, qs) -> dict[int, bool]:
    import datetime as dt

    from fazhi.core.workdays import WorkingCalendar

    calendar = WorkingCalendar.load()
    year_end = dt.date(scope.year, 12, 31)
    verdicts = {}
    settings_cache = {}
    for doc in qs.select_related("organisation"):
        cfg = settings_cache.setdefault(doc.organisation_id, rules.settings_for(doc.organisation))
        due = rules.filing_deadline(doc.published_on, cfg.filing_days, calendar).due
        if doc.filed_on is None and due > year_end:
            continue  # not yet due within the year: not counted either way
        verdicts[doc.pk] = doc.filed_on is not None and doc.filed_on <= due
    return verdicts


def in_force(scope):
    """现行有效 (政府信息公开年报表二): published by the year's end (today, for the running year) and by then
    neither repealed nor past its term — the same rule as ``NormativeDocument.in_force_on``, as of that day."""
    from django.db.models import Q

    from fazhi.core import periods
    from fazhi.normative.choices import DocStatus

    day = periods.as_of(scope.year)
    return NormativeDocument.objects.filter(
        status__in=(DocStatus.PUBLISHED, DocStatus.REPEALED), published_on__lte=day,
    ).filter(Q(repealed_on__isnull=True) | Q(repealed_on__gt=day)).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
