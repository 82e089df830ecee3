"""What the records of one township-year say about its disclosure work, for the prose of the annual report
(report_texts.py): who answered late and why (the application's own history), what was published late or off the
website, the result of the 政务公开 criterion of the township's assessment (computed in report_texts: the layer
rules let only it read the assessment app), social evaluation and accountability
(其他数据 entries that name them), the disclosure tasks of the 法治建设责任清单, the deputies' answers published, and
how the releases of 表二's items relate to its counts. Nothing here is worded for the public; every value is a
record or a count of records.

《政府信息公开条例》第五十条第（四）项: a government's report states the problems and their improvement, and the
results of 工作考核、社会评议和责任追究.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q

from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure.choices import ConsultationKind, ReleaseCategory, RequestStatus, TableItem
from fazhi.disclosure.models import Consultation, DisclosureGuide, DisclosureRequest, ProactiveRelease
from fazhi.disclosure.releases import release_timeliness

if TYPE_CHECKING:
    from fazhi.core.models import Organisation

# ---------------------------------------------------------------- one reading of the register per report

_READING: ContextVar[dict | None] = ContextVar("disclosure_report_reading", default=None)


@contextmanager
def one_reading() -> Iterator[None]:
    """While one report is written (its tables, its texts, and the years before it that part 五 reads back), each
    question put to the register — a function of ``once_per_reading`` with its township and year — is asked of the
    database once. Nothing is kept once the outermost reading ends, so the next report reads the register afresh."""
    if _READING.get() is not None:
        yield
        return
    token = _READING.set({})
    try:
        yield
    finally:
        _READING.reset(token)


def once_per_reading(fn):
    """Memoise ``fn(org, year, *args)`` within ``one_reading`` (a list comes back as a fresh copy of the list)."""
    @functools.wraps(fn)
    def wrapper(org, year, *args):
        memo = _READING.get()
        if memo is None:
            return fn(org, year, *args)
        key = (fn.__module__, fn.__qualname__, getattr(org, "pk", org), year, *args)
        if key not in memo:
            memo[key] = fn(org, year, *args)
        value = memo[key]
        return list(value) if isinstance(value, list) else value
    return wrapper


ON_DISCLOSURE = re.compile(r"信息公开|政务公开")
DEPUTY_ANSWER = re.compile(r"人大代表|代表建议|代表议案|建议办理|议案办理")
SOCIAL_EVALUATION = re.compile(r"社会评议|满意度|满意率|测评|群众评议|代表评议")
ACCOUNTABILITY = re.compile(r"责任追究|问责|约谈|通报批评|诫勉")
# "扣3分：资料归档不规范" → (3, "资料归档不规范")
DEDUCTION = re.compile(r"^\s*扣\s*([0-9.]+)\s*分\s*[：:，,]?\s*(.*)$")
SAMPLE = re.compile(r"(发放问卷\d+份(?:[，、]收回\d+份)?|参评[^\d，。）)]{0,8}\d+人|\d+人参评|回收问卷\d+份)")
# Department names as registers abbreviate them → as the disclosure guide names the office.
ABBREVIATED_OFFICES = ("党政办", "党政办公室", "党政综合办", "政务公开办", "政务公开办公室")


def office(org: Organisation) -> str:
    """The office that receives applications and answers for this work (the disclosure guide's 受理机构)."""
    return _office(org, None)


@once_per_reading
def _office(org: Organisation, _year) -> str:
    guide = DisclosureGuide.objects.filter(organisation=org).first()
    return guide.office_name if guide is not None and guide.office_name else \
        DisclosureGuide._meta.get_field("office_name").default


def department_name(org: Organisation, name: str) -> str:
    """One name for the disclosure office: a register's "党政办" is the guide's "党政综合办公室（政务公开办公室）"."""
    return office(org) if name.strip() in ABBREVIATED_OFFICES else name.strip()


@once_per_reading
def releases(org: Organisation, year: int) -> list[ProactiveRelease]:
    return list(ProactiveRelease.objects.active().filter(organisation=org, published_on__year=year)
                .order_by("published_on", "id"))


# ---------------------------------------------------------------- applications answered late

@dataclass
class LateAnswer:
    request: DisclosureRequest
    due: dt.date
    replied_on: dt.date | None  # None: still unanswered
    late_by: int  # working days after the due date (to the reply, or to the year's end)
    consulted: list = field(default_factory=list)  # (kind label, party, sent_on, replied_on)
    extended: bool = False
    corrected: bool = False


@once_per_reading
def late_answers(org: Organisation, year: int) -> list[LateAnswer]:
    """Applications the 按期答复率 counts as late (selectors.judge_response), each with what its history shows."""
    from fazhi.disclosure.selectors import judge_response
    from fazhi.disclosure.services import clock_for

    candidates = DisclosureRequest.objects.active().filter(organisation=org).filter(
        Q(replied_on__year=year) | ~Q(status=RequestStatus.CLOSED))
    verdicts = judge_response(year, candidates)
    late = [pk for pk, on_time in verdicts.items() if not on_time]
    calendar = WorkingCalendar.load()
    out = []
    consultations = Prefetch("consultations", queryset=Consultation.objects.order_by("sent_on", "id"))
    for request in DisclosureRequest.objects.filter(pk__in=late).order_by("received_on", "id").prefetch_related(
            consultations):
        clock = clock_for(request, calendar=calendar)
        end = request.replied_on or dt.date(year, 12, 31)
        consulted = [(c.get_kind_display(), c.party, c.sent_on, c.replied_on)
                     for c in request.consultations.all() if c.voided_at is None]
        out.append(LateAnswer(
            request=request, due=clock.due, replied_on=request.replied_on,
            late_by=calendar.count_working_days(clock.due, end) if clock.due else 0, consulted=consulted,
            extended=bool(request.extension_days), corrected=bool(request.correction_requested_on)))
    return out


def third_party(kind_label: str) -> bool:
    return kind_label == ConsultationKind.THIRD_PARTY.label


# ---------------------------------------------------------------- releases

@once_per_reading
def late_releases(org: Organisation, year: int) -> list[tuple[ProactiveRelease, int]]:
    """Releases published more than 20 working days after the information was formed (《条例》第二十六条), with
    the working days beyond the limit."""
    calendar = WorkingCalendar.load()
    out = []
    for r in releases(org, year):
        timeliness = release_timeliness(r, calendar)
        if timeliness.late:
            out.append((r, timeliness.late_by))
    return out


@dataclass
class ItemReleases:
    """How the releases of one 表二 item relate to its count: e.g. 8 releases of 规范性文件 = 7 documents issued +
    1 repeal decision (of 4 documents); 4 releases of 行政许可 = 4 batches publishing 13 decisions."""
    issued_notices: int = 0
    repeal_decisions: int = 0
    repealed_documents: int = 0
    other_normative: int = 0
    licensing_batches: int = 0
    licensing_decisions: int = 0


def item_releases(org: Organisation, year: int) -> ItemReleases:
    out = ItemReleases()
    for r in releases(org, year):
        if r.category == ReleaseCategory.ART20_1:
            if r.table_item == TableItem.NORMATIVE_ISSUED:
                out.issued_notices += 1
            elif r.table_item == TableItem.NORMATIVE_REPEALED:
                out.repeal_decisions += 1
                out.repealed_documents += r.item_count
            else:
                out.other_normative += 1
        if r.table_item == TableItem.LICENSING:
            out.licensing_batches += 1
            out.licensing_decisions += r.item_count
    return out


def deputy_answer_releases(org: Organisation, year: int) -> list[ProactiveRelease]:
    return [r for r in releases(org, year) if DEPUTY_ANSWER.search(r.title)]


# ---------------------------------------------------------------- 工作考核

@dataclass
class CriterionResult:
    criterion: object
    total_weight: Decimal
    scores: dict  # assessee name → score (the latest of each)
    reasons: dict  # assessee name → (points lost, why) for those that lost points

    @property
    def average(self) -> Decimal:
        return sum(self.scores.values()) / len(self.scores)

    @property
    def lowest(self) -> Decimal:
        return min(self.scores.values())

    @property
    def lowest_names(self) -> list[str]:
        return [name for name, score in self.scores.items() if score == self.lowest]


# ---------------------------------------------------------------- 社会评议, 责任追究

@once_per_reading
def _figures(org: Organisation, year: int, pattern: re.Pattern) -> list:
    from fazhi.otherfigures.models import Metric, OtherFigure

    return [f for f in OtherFigure.objects.active().filter(organisation=org, stated_on__year=year, metric=Metric.OTHER)
            .order_by("stated_on", "id")
            if pattern.search(f.name) and ON_DISCLOSURE.search(f"{f.name}{f.phrase}{f.source_document}")]


def social_evaluations(org: Organisation, year: int) -> list:
    """其他数据 entries of the year recording a social evaluation of this work (e.g. "政务公开群众满意度问卷调查",
    96.4 %)."""
    return _figures(org, year, SOCIAL_EVALUATION)


def evaluation_sample(figure) -> str:
    """"发放问卷320份，收回301份" when the entry's source document says so."""
    match = SAMPLE.search(f"{figure.source_document}{figure.name}")
    return match.group(1) if match else ""


def accountability(org: Organisation, year: int) -> list:
    """其他数据 entries of the year recording accountability for this work (约谈、通报、问责)."""
    return _figures(org, year, ACCOUNTABILITY)


@once_per_reading
def presidium_reviews(org: Organisation, year: int) -> list:
    from fazhi.supervision.models import PresidiumInspection

    return [i for i in PresidiumInspection.objects.active().filter(organisation=org, held_on__year=year)
            .order_by("held_on", "id") if ON_DISCLOSURE.search(f"{i.subject}{i.findings}")]


@once_per_reading
def study_sessions(org: Organisation, year: int) -> list:
    from fazhi.learning.models import StudySession

    return [s for s in StudySession.objects.active().filter(organisation=org, held_on__year=year)
            .order_by("held_on", "id") if ON_DISCLOSURE.search(s.topic)]


# ---------------------------------------------------------------- 法治建设责任清单

@dataclass
class TaskState:
    task: object
    late_by_days: int  # working days after the due date (done late) or to the year's end (not done)
    done: bool


@once_per_reading
def disclosure_tasks(org: Organisation, year: int) -> tuple[list, list[TaskState]]:
    """The year's responsibility-list tasks on 政务公开: (done on time, late or unfinished by the year's end)."""
    from fazhi.governance.models import ResponsibilityTask, TaskStatus

    on_time, behind = [], []
    last = dt.date(year, 12, 31)
    calendar = WorkingCalendar.load()  # delays are stated in working days, as every other delay of the report
    for t in ResponsibilityTask.objects.active().filter(organisation=org, due_on__year=year).order_by("due_on", "id"):
        if not ON_DISCLOSURE.search(t.task):
            continue
        done = t.status == TaskStatus.DONE and t.done_on is not None and t.done_on <= last
        if done and t.done_on <= t.due_on:
            on_time.append(t)
        elif done:
            behind.append(TaskState(t, calendar.count_working_days(t.due_on, t.done_on), True))
        else:
            behind.append(TaskState(t, calendar.count_working_days(t.due_on, last), False))
    return on_time, behind


# ---------------------------------------------------------------- what became of last year's items

def republished_on_website(org: Organisation, items: list[ProactiveRelease], since: dt.date) -> dt.date | None:
    """The day the last of ``items`` (published off the website) was published again on the website, by a release
    of the same title registered from ``since`` on; None if any of them has no such release."""
    website = re.compile(r"网站|门户")
    latest = None
    for item in items:
        again = (ProactiveRelease.objects.active().filter(organisation=org, title=item.title, published_on__gte=since)
                 .exclude(pk=item.pk).order_by("published_on", "id"))
        day = next((r.published_on for r in again if website.search(r.venue or "")), None)
        if day is None:
            return None
        latest = day if latest is None or day > latest else latest
    return latest


def promised_by(measure: str) -> dt.date | None:
    """The date a measure of last year's report promised: "2025年3月底前…" → 31 March 2025, "2025年第四季度…" →
    31 December 2025, "2025年10月底前…" → 31 October 2025; None when the measure names none."""
    import calendar as months

    if match := re.search(r"(\d{4})年(\d{1,2})月底前", measure):
        year, month = int(match.group(1)), int(match.group(2))
        return dt.date(year, month, months.monthrange(year, month)[1])
    if match := re.search(r"(\d{4})年第([一二三四])季度", measure):
        year, quarter = int(match.group(1)), "一二三四".index(match.group(2)) + 1
        month = quarter * 3
        return dt.date(year, month, months.monthrange(year, month)[1])
    return None
