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
