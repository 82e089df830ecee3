"""Neighbouring townships' disclosure annual reports do not read alike (issue 18): the county reads them side by
side, and three reports word for word the same apart from names and numbers read as a machine's. Each township keeps
its own phrasing of each formula (report_texts.phrase, by DisclosureReportData.style), so with the same kind of
records, digits and names masked, at most 45 % of one report's sentences occur verbatim in another's."""
from __future__ import annotations

import datetime as dt
import itertools
import re

from fazhi.disclosure import annual_report, report_texts
from fazhi.disclosure.models import DisclosureGuide
from fazhi.disclosure.services import request_create, request_reply
from fazhi.testing.factories import ProactiveReleaseFactory, TownshipFactory

D = dt.date


def _records(org, clerk):
    DisclosureGuide.objects.create(organisation=org, address=f"{org.name}人民路1号", phone="0819-6231024")
    for i, (category, venue) in enumerate((("art21_social_assistance", "政府网站、政务公开栏"),
                                           ("art20_7", "政府网站"), ("art21_fundraising", "政务公开栏"),
                                           ("art20_2", "政府网站、微信公众号"))):
        ProactiveReleaseFactory(organisation=org, category=category, venue=venue, published_on=D(2025, 3 + i, 10),
                                formed_on=D(2025, 3 + i, 5))
    request, _ = request_create(organisation=org, channel="portal", received_on=D(2025, 4, 1), user=clerk, fields={
        "applicant_type": "natural", "applicant_name": "王五", "contact": "13800138000",
        "description": "本村低保名单", "delivery": "email"})
    request_reply(request=request, user=clerk, result="granted", replied_on=D(2025, 4, 15))


def _masked_sentences(data) -> list[str]:
    text = "\n".join([data.preamble(), *data.table_texts().values(), *data.texts().values()])
    name = data.organisation.name
    text = text.replace(name, "某").replace(name[:-1], "某")
    text = re.sub(r"[我本][镇乡]|[镇乡]人大", "某", text)
    text = re.sub(r"[0-9.]+", "#", text)
    return [s for s in report_texts.sentences(text) if not report_texts.is_subheading(s)]


def test_three_neighbours_with_like_records_do_not_read_alike(township, other_township, clerk):
    third = TownshipFactory(code="T903", name="丙乡", parent=township.parent)
    reports = []
    for org in (township, other_township, third):
        _records(org, clerk)
        reports.append(_masked_sentences(annual_report.load(org, 2025)))
    for a, b in itertools.combinations(reports, 2):
        share = max(sum(s in set(b) for s in a) / len(a), sum(s in set(a) for s in b) / len(b))
        assert share <= 0.45, share
    # the same township keeps its phrasing from year to year
    assert annual_report.load(township, 2025).style == annual_report.load(township, 2024).style == 0
