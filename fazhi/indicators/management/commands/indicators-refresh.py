"""`fazhi indicators-refresh [--year YYYY ...]`: recompute the stored township-year figures that are stale.

Pages recompute what they need on their own; run this after a bulk import or nightly (cron) so the first
county or province page of the day is fast. Default: this year and the four before it.
"""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind
from fazhi.indicators import aggregates


class Command(BaseCommand):
    help = "重算已过期的各乡镇年度指标汇总（县级、全省汇总页使用）。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", help="年度，可重复；默认当年及前四年")

    def handle(self, *args, year=None, **options):
        this = timezone.localdate().year
        years = year or list(range(this - 4, this + 1))
        townships = list(Organisation.objects.filter(kind=OrgKind.TOWNSHIP, is_active=True))
        for y in years:
            started = time.perf_counter()
            done = aggregates.refresh(townships, y)
            self.stdout.write(f"{y}年：重算 {done} 个乡镇，用时 {time.perf_counter() - started:.1f} 秒")
