"""Precomputed figures per township and year, so that a county or the province adds up stored numbers
instead of recomputing every township's records on each page view.

A row is a cache of ``Indicator.compute(Scope((township,), year))``: it is marked stale whenever a record
of that township changes (signals, fazhi/indicators/aggregates.py), recomputed before it is read, and
tested never to disagree with the live computation.
"""
from __future__ import annotations

from django.db import models

from fazhi.core.models import Organisation


class Aggregate(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    key = models.CharField(max_length=64)
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    has_data = models.BooleanField(default=False)
    row_count = models.PositiveIntegerField(default=0)
    numerator = models.PositiveIntegerField(null=True)
    denominator = models.PositiveIntegerField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year", "key"], name="aggregate_unique")]
        indexes = [models.Index(fields=["year", "key"])]


class AggregateState(models.Model):
    """When a township-year's figures were computed; no row, or ``stale``, means compute before reading."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    computed_on = models.DateField(null=True)  # figures of a running year depend on the date (overdue items)
    stale = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="aggregate_state_unique")]
        indexes = [models.Index(fields=["year", "stale"])]
