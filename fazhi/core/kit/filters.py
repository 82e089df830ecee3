"""One filter definition per model (django-filter), read by the model's HTML list and its API list.

The lists forgive: a value that is not one of the filter's choices, not a year in the bound or not readable is
ignored (the list shows everything it would without that filter), never an error page. Each institution
declares a ``RecordFilter`` in its ``filters.py``; pages add their defaults (e.g. the review queue opens on
"open") by passing ``defaults``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from fazhi.core.kit.years import YEAR_REFUSED, parse_year


class YearField(forms.Field):
    """A year within the bound; what ``parse_year`` refuses is invalid (and so ignored by the list)."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        year = parse_year(value)
        if year is None:
            raise forms.ValidationError(YEAR_REFUSED, code="invalid")
        return year


class YearFilter(django_filters.Filter):
    """``?year=YYYY`` on a date field (``signed_on`` → ``signed_on__year``), or with ``exact`` on a field holding a
    year (``catalog__year``). ``undated`` names the date that places a record still without the first one (a
    contract not yet signed is listed by the year it was registered)."""

    field_class = YearField

    def __init__(self, field_name=None, *, undated: str | None = None, exact: bool = False, **kwargs):
        self.undated = undated
        self.exact = exact
        super().__init__(field_name=field_name, **kwargs)

    def filter(self, qs: QuerySet, value) -> QuerySet:
        if value is None:
            return qs
        condition = Q(**{self.field_name if self.exact else f"{self.field_name}__year": value})
        if self.undated:
            condition |= Q(**{f"{self.field_name}__isnull": True, f"{self.undated}__year": value})
        return qs.filter(condition)


class SearchFilter(django_filters.CharFilter):
    """``?q=`` : any of ``fields`` contains the words (case-insensitive)."""

    def __init__(self, fields: Iterable[str], **kwargs):
        self.fields = tuple(fields)
        super().__init__(**kwargs)

    def filter(self, qs: QuerySet, value) -> QuerySet:
        if not value:
            return qs
        condition = Q()
        for name in self.fields:
            condition |= Q(**{f"{name}__icontains": value})
        return qs.filter(condition)


class OrgFilter(django_filters.CharFilter):
    """``?org=CODE``: one township among those the user may read (the queryset is already scoped)."""

    def __init__(self, **kwargs):
        super().__init__(field_name="organisation__code", **kwargs)


class StatusFilter(django_filters.ChoiceFilter):
    """``?status=``: one of the model's statuses, or one of ``groups``: a name → the condition it stands for (or a
    function giving it when the list is read), e.g. "open" → not closed, "in_force" → in force today."""

    def __init__(self, choices, *, groups: dict[str, Q | Callable[[], Q]] | None = None, field_name: str = "status",
                 **kwargs):
        self.groups = dict(groups or {})
        super().__init__(field_name=field_name, choices=[*((k, k) for k in self.groups), *choices], **kwargs)

    def filter(self, qs: QuerySet, value) -> QuerySet:
        if value in self.groups:
            condition = self.groups[value]
            return qs.filter(condition() if callable(condition) else condition)
        return super().filter(qs, value)


class RecordFilter(django_filters.FilterSet):
    """Base of every list's filters. ``cleaned(name)`` is the value a page shows back in its filter form."""

    def __init__(self, data=None, queryset=None, *, defaults: dict[str, str] | None = None, **kwargs):
        if defaults:
            data = data.copy() if data is not None else {}
            for key, value in defaults.items():
                if key not in data:
                    data[key] = value
        super().__init__(data, queryset=queryset, **kwargs)

    def cleaned(self, name: str, empty=""):
        self.form.is_valid()
        value = self.form.cleaned_data.get(name)
        return empty if value in (None, "") else value
