"""/indicators/ grouped by the areas of the annual report: every indicator in exactly one area, areas in the
report's order, each a collapsible section with its chart (data in a JSON block, no inline script)."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

from fazhi.indicators import registry
from fazhi.indicators.areas import AREAS
from fazhi.testing.factories import PublicityEventFactory


def test_every_indicator_of_the_registry_is_in_exactly_one_area():
    listed = Counter(key for area in AREAS for key in area.keys)
    assert [k for k, n in listed.items() if n > 1] == []
    assert {i.key for i in registry.all_indicators()} == set(listed)


def test_the_dashboard_shows_the_areas_in_the_reports_order_each_foldable_with_its_chart(clerk_client, township):
    PublicityEventFactory(organisation=township, held_on=dt.date(2025, 5, 20))
    page = clerk_client.get("/indicators/?year=2025").content.decode()
    sections = re.findall(r'<details class="area-group" data-area="(\w+)"( open)?>(.*?)</details>', page, re.S)
    assert [key for key, _, _ in sections] == [area.key for area in AREAS]
    assert [bool(opened) for _, opened, _ in sections].count(True) == 1  # the first open, the rest folded
    publicity = dict((key, body) for key, _, body in sections)["publicity"]
    assert re.search(r'data-indicator="publicity_events"[^>]*>1<', publicity)
    assert 'data-indicator="publicity_events"' not in dict((k, b) for k, _, b in sections)["organisation"]
    data = json.loads(re.search(r'<script id="area-chart-data" type="application/json">(.*?)</script>', page, re.S)[1])
    chart = next(c for c in data["areas"] if c["area"] == "publicity")
    assert data["year"] == 2025 and chart["values"][chart["labels"].index("普法宣传活动")] == 1
    assert 'data-chart="publicity"' in publicity and "indicator-charts.js" in page
    assert "<script>" not in page  # no inline script: the CSP allows only the app's own files
