"""The 主动公开 register of a demo township-year, made from the township's own records (《政府信息公开条例》):

- each normative document published in the year, with its 文号 and title (第二十条第（一）项), on the day it was
  published — within 20 working days of issue (第二十六条), except where the township's profile says one was late;
  the year's clean-up of documents as one repeal decision;
- each ordinary-procedure penalty decision publicised in the year (第二十条第（六）项; PenaltyCase.published_on);
- the year's licensing decisions in a few batches adding up to the number decided (第二十条第（五）项;
  《行政许可法》第四十条);
- the major-decision catalogue, every draft put out for comment (decisions and normative documents alike) and each
  decision published (第二十条第（三）项 and 第（十五）项; 《重大行政决策程序暂行条例》第十条、第十四条、第三十六条);
- the year's budget and the previous year's final accounts (第二十条第（七）项).

All of them on the government website, so the annual disclosure report finds every record it counts released.
"""
from __future__ import annotations

import datetime as dt
import random

from simple_history.utils import bulk_create_with_history

from fazhi.core.workdays import WorkingCalendar
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.disclosure.choices import ReleaseCategory, TableItem
from fazhi.disclosure.models import ProactiveRelease
from fazhi.enforcement.models import PenaltyCase
from fazhi.normative.models import NormativeDocument
from fazhi.otherfigures.models import Metric, OtherFigure
from fazhi.participation.models import CommentPeriod

WEBSITE = "政府网站"
WEBSITE_AND_BOARD = "政府网站、政务公开栏"


def _release(township, clerk, **fields) -> ProactiveRelease:
    return ProactiveRelease(organisation=township, created_by=clerk, **fields)


def _documents(township, clerk, year: int) -> list[ProactiveRelease]:
    out = []
    for doc in NormativeDocument.objects.filter(organisation=township, published_on__year=year).order_by("published_on", "id"):
        out.append(_release(township, clerk, title=f"关于印发《{doc.title}》的通知", category=ReleaseCategory.ART20_1,
                            table_item=TableItem.NORMATIVE_ISSUED, document_number=doc.doc_number,
                            formed_on=doc.issued_on, published_on=doc.published_on, venue=WEBSITE_AND_BOARD))
    repealed = list(NormativeDocument.objects.filter(organisation=township, repealed_on__year=year).order_by("issued_on", "id"))
    if repealed:
        day = max(d.repealed_on for d in repealed)
        first = f"《{repealed[0].title}》" + (f"等{len(repealed)}件" if len(repealed) > 1 else "")
        out.append(_release(township, clerk, title=f"关于废止{first}行政规范性文件的决定", category=ReleaseCategory.ART20_1,
                            table_item=TableItem.NORMATIVE_REPEALED, item_count=len(repealed), formed_on=day,
                            published_on=day + dt.timedelta(days=2), venue=WEBSITE_AND_BOARD))
    return out


def _penalties(township, clerk, year: int) -> list[ProactiveRelease]:
    cases = PenaltyCase.objects.filter(organisation=township, published_on__year=year, publish_required=True)
    return [_release(township, clerk, title=f"{township.name}人民政府行政处罚决定书（{c.decision_number}）",
                     category=ReleaseCategory.ART20_6, table_item=TableItem.PENALTY, document_number=c.decision_number,
                     formed_on=c.decided_on, published_on=c.published_on, venue=WEBSITE)
            for c in cases.order_by("published_on", "id")]


def _licensing(township, clerk, year: int, calendar: WorkingCalendar, rng: random.Random) -> list[ProactiveRelease]:
    """The year's licensing decisions (其他数据, from the 政务服务 platform) published in batches at the end of some
    months, the batches adding up to the number decided."""
    figure = OtherFigure.objects.filter(organisation=township, metric=Metric.LICENSING_DECISIONS,
                                        stated_on__year=year).order_by("-stated_on").first()
    total = int(figure.value) if figure else 0
    if not total:
        return []
    months = sorted(rng.sample(range(1, figure.stated_on.month + 1), min(total, figure.stated_on.month, rng.randint(3, 5))))
    sizes = [1] * len(months)
    for _ in range(total - len(months)):
        sizes[rng.randrange(len(sizes))] += 1
    out = []
    for n, (month, size) in enumerate(zip(months, sizes), start=1):
        formed = min(dt.date(year, month, 25), figure.stated_on)
        published = min(calendar.add_working_days(formed, rng.randint(2, 6)).due, figure.stated_on)
        published = max(published, formed)
        out.append(_release(township, clerk, title=f"{township.name}{year}年第{n}批行政许可决定公示",
                            category=ReleaseCategory.ART20_5, table_item=TableItem.LICENSING, item_count=size,
                            formed_on=formed, published_on=published, venue=WEBSITE_AND_BOARD))
    return out


def _decisions(township, clerk, year: int) -> list[ProactiveRelease]:
    out = []
    for catalog in DecisionCatalog.objects.active().filter(organisation=township, published_on__year=year):
        out.append(_release(township, clerk, title=catalog.title, category=ReleaseCategory.ART20_15,
                            formed_on=catalog.party_approved_on or catalog.published_on, published_on=catalog.published_on,
                            venue=WEBSITE))
    for period in CommentPeriod.objects.filter(organisation=township, opens_on__year=year).order_by("opens_on", "id"):
        out.append(_release(township, clerk, title=period.title, category=ReleaseCategory.ART20_15,
                            formed_on=period.opens_on, published_on=period.opens_on, venue=WEBSITE))
    for decision in MajorDecision.objects.filter(organisation=township, published_on__year=year).order_by("published_on", "id"):
        out.append(_release(township, clerk, title=f"关于印发《{decision.title}》的通知", category=ReleaseCategory.ART20_3,
                            document_number=decision.doc_number, formed_on=decision.decided_on or decision.published_on,
                            published_on=decision.published_on, venue=WEBSITE))
    return out


def _accounts(township, clerk, year: int, last: dt.date, calendar: WorkingCalendar, rng: random.Random) -> list[ProactiveRelease]:
    """The budget approved by the township's people's congress early in the year, the previous year's final accounts
    in summer; each published within 20 days of approval (《预算法》第十四条)."""
    out = []
    for title, approved in ((f"{township.name}{year}年财政预算", dt.date(year, 2, 10) + dt.timedelta(days=rng.randint(0, 12))),
                            (f"{township.name}{year - 1}年财政决算", dt.date(year, 7, 20) + dt.timedelta(days=rng.randint(0, 20)))):
        published = calendar.add_working_days(approved, rng.randint(3, 10)).due
        if published <= last:
            out.append(_release(township, clerk, title=title, category=ReleaseCategory.ART20_7, formed_on=approved,
                                published_on=published, venue=WEBSITE))
    return out


def generate_record_releases(spec, township, year: int, *, today: dt.date, clerk) -> int:
    """Release the township-year's records; called once, by generate_township_year, after they are made."""
    rng = random.Random(f"fazhi-demo-record-releases:{spec.code}:{year}")
    calendar = WorkingCalendar.load()
    last = min(dt.date(year, 12, 31), today)
    releases = (_documents(township, clerk, year) + _penalties(township, clerk, year)
                + _licensing(township, clerk, year, calendar, rng) + _decisions(township, clerk, year)
                + _accounts(township, clerk, year, last, calendar, rng))
    releases = [r for r in releases if r.published_on <= last]
    for r in releases:
        r.full_clean()
    bulk_create_with_history(releases, ProactiveRelease, default_user=clerk, default_change_reason="演示数据")
    return len(releases)
