"""Facts of single records the report names: each absence from a hearing and why, each judicial or procuratorial
suggestion and its reply, each judgment performed, a 人大 suggestion still unanswered, a normative document
published late, how fast penalty decisions were publicised, releases kept off the website.

Like facts.py these return names, dates and reasons, never a figure to print; the counts a sentence prints beside
them are detail runs (records.detail_run) or the registry's figures.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fazhi.indicators.registry import Scope
from fazhi.reports.writing.facts import month_day, records

# 《中华人民共和国政府信息公开条例》第二十六条: information is published within 20 working days of being formed.
PUBLICATION_WORKING_DAYS = 20


# ---------------------------------------------------------------- 出庭应诉 (LAW.md §7)

@dataclass(frozen=True)
class Absence:
    case_number: str
    held_on: dt.date
    reason: str  # the recorded 事由 ("需要履行他人不能代替的公务")
    note: str  # "镇长参加县防汛紧急会议，委托司法所所长出庭"


@dataclass(frozen=True)
class HearingYear:
    cases: int  # cases heard in open court in the year
    cases_attended: int  # of them, cases at whose hearings a qualifying head appeared at least once
    hearings: int
    absences: list[Absence]


def hearing_year(scope: Scope) -> HearingYear | None:
    """The year's open-court hearings by case (the rate itself is per hearing, INDICATORS.md)."""
    from fazhi.litigation.models import AbsenceReason, Hearing

    rows = records("court_appearance_rate", scope)
    if rows is None or rows.model is not Hearing or not rows.exists():
        return None
    labels = dict(AbsenceReason.choices)
    by_case: dict[int, bool] = {}
    absences = []
    for hearing in rows.select_related("case").order_by("held_on", "id"):
        by_case[hearing.case_id] = by_case.get(hearing.case_id, False) or hearing.head_appeared
        if not hearing.head_appeared:
            absences.append(Absence(hearing.case.number.strip(), hearing.held_on,
                                    labels.get(hearing.absence_reason, "") if hearing.absence_reason else "",
                                    (hearing.absence_note or "").strip().rstrip("。")))
    return HearingYear(len(by_case), sum(by_case.values()), rows.count(), absences)


def absence_clause(absence: Absence) -> str:
    """"（2024）示0421行初40号案1月29日开庭时，镇长参加县防汛紧急会议，委托司法所所长出庭"."""
    lead = f"{absence.case_number}案{month_day(absence.held_on)}开庭时"
    if absence.note:
        return f"{lead}，{absence.note}"
    if absence.reason:
        return f"{lead}，负责人因{absence.reason}未能出庭，依法委托相应工作人员出庭"
    return f"{lead}，负责人未出庭"


# ---------------------------------------------------------------- 司法建议、检察建议

@dataclass(frozen=True)
class CourtAdvice:
    kind: str  # 司法建议 / 检察建议
    issuer: str
    subject: str
    received_on: dt.date
    due_on: dt.date | None
    answered_on: dt.date | None
    year_end: dt.date

    @property
    def overdue(self) -> bool:
        """Answered after its term, or unanswered when the term ran out before the year's end."""
        if self.due_on is None:
            return False
        if self.answered_on:
            return self.answered_on > self.due_on
        return self.due_on < self.year_end

    @property
    def named(self) -> str:
        """"县人民检察院检察建议（关于加强农村集中式饮用水水源地保护）"."""
        subject = self.subject.strip().rstrip("。")
        if subject and not subject.startswith("关于"):
            subject = "关于" + subject
        return f"{self.issuer}{self.kind}" + (f"（{subject}）" if subject else "")

    @property
    def status(self) -> str:
        if self.answered_on:
            late = "，超过答复期限" if self.overdue else ""
            return f"已于{month_day(self.answered_on)}书面回复{late}"
        if self.overdue:
            return f"答复期限{month_day(self.due_on)}已过，至年底尚未回复"
        if self.due_on:
            return f"正在办理，答复期限为{self.due_on.year}年{month_day(self.due_on)}"
        return "正在办理"


def court_advice(scope: Scope) -> list[CourtAdvice]:
    from fazhi.litigation.models import SuggestionKind

    rows = records("court_suggestions", scope)
    if rows is None:
        return []
    labels = dict(SuggestionKind.choices)
    year_end = dt.date(scope.year, 12, 31)
    return [CourtAdvice(labels.get(r.kind, "建议"), _short_issuer(r.issuer), r.subject, r.received_on, r.due_on,
                        r.answered_on if r.answered_on and r.answered_on <= year_end else None, year_end)
            for r in rows.order_by("received_on", "id")]


def _short_issuer(issuer: str) -> str:
    """"示范县人民法院" → "县人民法院": the county's name is the reader's own."""
    issuer = issuer.strip()
    match = re.match(r"^.{1,8}?(县|区|市)(人民法院|人民检察院)$", issuer)
    return f"{match.group(1)}{match.group(2)}" if match else issuer


# ---------------------------------------------------------------- 生效裁判的履行

@dataclass(frozen=True)
class Performed:
    content: str  # "履行（2025）示0421民初539号民事调解书，支付集镇绿化养护费用"
    completed_on: dt.date | None


def judgments_performed(scope: Scope, limit: int = 2) -> list[Performed]:
    rows = records("judgments_performed", scope)
    if rows is None:
        return []
    out = []
    for content, done in rows.order_by("received_on", "id").values_list("content", "completed_on")[:limit]:
        content = content.strip().rstrip("。")
        out.append(Performed(content if content.startswith("履行") else f"履行{content}", done))
    return out


# ---------------------------------------------------------------- 人大代表建议

@dataclass(frozen=True)
class Unanswered:
    title: str
    department: str
    due_on: dt.date
    answered_on: dt.date | None  # answered after the year (None: still open)


def unanswered_suggestions(scope: Scope) -> list[Unanswered]:
    """The year's 人大代表建议 whose term ran out in the year without an answer by 31 December."""
    from fazhi.supervision.models import DeputySuggestion

    year_end = dt.date(scope.year, 12, 31)
    rows = DeputySuggestion.objects.active().filter(organisation__in=scope.org_ids, assigned_on__year=scope.year,
                                                    due_on__lte=year_end)
    out = []
    for row in rows.order_by("due_on", "id"):
        if row.answered_on is None or row.answered_on > year_end:
            out.append(Unanswered(row.title.strip(), row.department.strip(), row.due_on, row.answered_on))
    return out


def unsatisfied_suggestions(scope: Scope, limit: int = 2) -> list[str]:
    from fazhi.supervision.models import DeputySuggestion

    rows = DeputySuggestion.objects.active().filter(organisation__in=scope.org_ids, assigned_on__year=scope.year,
                                                    satisfaction="unsatisfied")
    return list(dict.fromkeys(rows.order_by("answered_on", "id").values_list("title", flat=True)))[:limit]


# ---------------------------------------------------------------- 规范性文件的公布

@dataclass(frozen=True)
class LatePublication:
    title: str
    number: str
    issued_on: dt.date
    published_on: dt.date
    working_days: int

    @property
    def cited(self) -> str:
        return f"《{self.title}》" + (f"（{self.number}）" if self.number else "")


def late_publications(scope: Scope) -> list[LatePublication]:
    """Normative documents of the year published more than 20 working days after they were issued
    (条例第二十六条; an unpublished document is no basis for administration, LAW.md §6)."""
    from fazhi.core.workdays import WorkingCalendar

    rows = records("normative_docs_issued", scope)
    if rows is None:
        return []
    calendar = WorkingCalendar.load()
    out = []
    for title, number, issued, published in rows.order_by("number_year", "number", "issued_on").values_list(
            "title", "doc_number", "issued_on", "published_on"):
        if issued and published:
            days = calendar.count_working_days(issued, published)
            if days > PUBLICATION_WORKING_DAYS:
                out.append(LatePublication(title.strip(), number.strip(), issued, published, days))
    return out


# ---------------------------------------------------------------- 行政处罚决定的公示

def penalty_publicity_days(scope: Scope) -> int | None:
    """The most working days any of the year's penalty decisions took to be publicised (from the releases of
    行政处罚决定书); None when none was released."""
    from fazhi.core.workdays import WorkingCalendar
    from fazhi.disclosure.models import ProactiveRelease

    rows = ProactiveRelease.objects.active().filter(organisation__in=scope.org_ids, formed_on__year=scope.year,
                                                    title__contains="行政处罚决定")
    pairs = list(rows.values_list("formed_on", "published_on"))
    if not pairs:
        return None
    calendar = WorkingCalendar.load()
    return max(calendar.count_working_days(formed, published) for formed, published in pairs)


# ---------------------------------------------------------------- 政务公开：未上网的信息

def off_website_releases(scope: Scope, limit: int = 2) -> list[str]:
    """Titles of the year's releases published on no website (only a notice board or an account), which the
    disclosure annual report names as a problem (条例第二十四条)."""
    rows = records("disclosure_proactive", scope)
    if rows is None:
        return []
    titles = [title for title, venue in rows.order_by("published_on", "id").values_list("title", "venue")
              if "网站" not in (venue or "")]
    return titles[:limit] + (["…"] if len(titles) > limit else [])


def cases_carried(scope: Scope) -> tuple[int, int]:
    """(cases concluded in the year that were received in an earlier year, cases received in the year still open at
    its end): the sentence "全年审结N件" beside the year's new cases must say both, or a reader takes every new case
    for concluded (review G9)."""
    concluded = records("cases_concluded", scope)
    new = records("litigation_cases", scope)
    if concluded is None or new is None:
        return 0, 0
    from fazhi.litigation.models import LegalCase

    year_start, year_end = dt.date(scope.year, 1, 1), dt.date(scope.year, 12, 31)
    earlier = concluded.filter(received_on__lt=year_start).count()
    received = LegalCase.objects.active().filter(organisation__in=scope.organisations, received_on__year=scope.year)
    still_open = received.exclude(concluded_on__lte=year_end, outcome__gt="").count()
    return earlier, still_open
