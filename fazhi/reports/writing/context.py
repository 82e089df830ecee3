"""What a part of the report is written with: the year's figures as printable runs, their parts, and
the few year-on-year comparisons worth stating.

Every number the writers print comes from here as a ``FigureRun`` (an indicator's figure, a part of a
rate — e.g. the closed cases a success rate is taken over — or the change on last year), so it links
to the records behind it and carries its exact amount for the report check.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from fazhi.indicators.registry import Figure, Kind
from fazhi.reports.structure import FigureRun, Run, Text
from fazhi.reports.writing import numbers
from fazhi.reports.writing.prose import fill

log = logging.getLogger(__name__)

NUMERATOR, DENOMINATOR, CHANGE = "num", "den", "change"
PART_NAMES = {NUMERATOR: "分子", DENOMINATOR: "分母", CHANGE: "较上年"}

# Each rate's numerator and denominator as the report names them, and their measure word: one table for the
# writers, the markers staff edit (【数据：调处成功率·办结】) and the report check.
RATE_PARTS: dict[str, tuple[str, str, str]] = {
    "dispute_success_rate": ("调解成功", "办结", "件"),
    "exam_pass_rate": ("合格", "参考", "人"),
    "exam_excellent_rate": ("优秀", "参考", "人"),
    "disclosure_response_rate": ("按期答复", "应答复", "件"),
    "court_appearance_rate": ("负责人出庭", "开庭审理", "次"),
    "responsibility_on_time_rate": ("按期完成", "到期任务", "项"),
    "legality_review_on_time_rate": ("按期出具意见", "到期送审事项", "件"),
    "normative_filing_on_time_rate": ("按期报备", "应报备", "件"),
    "normative_review_coverage": ("经合法性审核", "制发文件", "件"),
    "penalty_decided_on_time_rate": ("在法定期限内作出", "作出处罚决定", "件"),
    "decision_review_coverage": ("经合法性审查", "作出决策", "项"),
    "contract_review_coverage": ("经合法性审查", "签订合同", "件"),
    "corrections_schedule_rate": ("落实到位", "本年在矫对象", "人"),
    "deputy_suggestions_on_time_rate": ("按期答复", "到期应答复", "件"),
    "deputy_satisfaction_rate": ("满意和基本满意", "已反馈意见", "件"),
    "vice_principal_coverage": ("已配备法治副校长", "学校", "所"),
}

MAX_COMPARISONS = 12
# Figures whose change a reader always wants to know, however small it is.
KEY_TRENDS = ("publicity_events", "legality_reviews", "study_sessions")
# Figures of activity that may be compared with last year when the change is material. Rosters, equipment,
# documents in force and the like are fixed facts, never compared.
TRENDS = KEY_TRENDS + (
    "rule_of_law_meetings", "publicity_materials", "publicity_audience", "legal_consultations", "legal_literates",
    "disclosure_proactive", "disclosure_requests", "penalty_cases", "court_hearings_attended", "exam_participants",
    "school_lessons", "deputy_suggestions", "legal_aid", "advisor_consultations", "liaison_trainings",
    "exam_pass_rate", "dispute_success_rate", "disclosure_response_rate", "court_appearance_rate",
)
MATERIAL_SHARE = Decimal("0.2")  # a count that moved by a fifth or more
MATERIAL_MINIMUM = 3  # …and by at least three
MATERIAL_POINTS = Decimal(5)  # a rate that moved by five percentage points or more


def rate_parts(key: str) -> tuple[str, str, str]:
    """RATE_PARTS, with the appearance rate's unit following how it is counted (per hearing or per case)."""
    parts = RATE_PARTS[key]
    if key == "court_appearance_rate":
        from fazhi.litigation.rules import appearance_basis

        if appearance_basis() == "case":
            return ("负责人出庭的案件", "开庭审理的案件", "件")
    return parts


@dataclass
class Writer:
    data: object  # fazhi.reports.compose.ReportData (figures, previous, org, year)
    terms: object  # fazhi.reports.narrative.Terms
    used: set[str] = field(default_factory=set)  # keys printed so far (for "no figure silently disappears")

    @property
    def scope(self):
        from fazhi.indicators.registry import Scope

        return Scope((self.data.org,), self.data.year)

    def figure(self, key: str) -> Figure | None:
        fig = self.data.figures.get(key)
        if fig is None or not fig.indicator.connected or not fig.has_data or fig.value is None:
            return None
        return fig

    def subsection(self, area: str):
        """An empty paragraph of the area, with this township's heading and framing sentence (wording.py)."""
        from fazhi.reports.writing import wording
        from fazhi.reports.writing.prose import Subsection, runs

        t, year = self.terms, self.data.year
        heading, framing = wording.pick(self.rank, area)
        values = {
            "party": t.party, "government": t.government, "unit": t.unit, "principals": t.principals,
            "congress": "街道人大工委" if t.unit == "街道" else f"{t.unit}人大主席团",
            "plan": "，持续推进“八五”普法规划实施" if 2021 <= year <= 2025 else "",
        }
        return Subsection(heading, runs(framing.format(**values)), area=area)

    @cached_property
    def dated(self):
        """The report's 成文日期: the saved report's, else the default a draft carries (narrative.default_dated).
        Every deadline the plan (part 四) sets must fall after it."""
        from fazhi.reports import narrative
        from fazhi.reports.models import AnnualReport

        saved = AnnualReport.objects.active().filter(organisation=self.data.org, year=self.data.year).first()
        return saved.dated if saved is not None and saved.dated else narrative.default_dated(self.data.org, self.data.year)

    def plan_deadline(self) -> str:
        """"2026年3月底前": the end of the month after the 成文日期's, so a plan never promises a day already past,
        and never before the day the township's disclosure annual report gave its fixes (report_texts.fix_due_on),
        so the two reports set one deadline for the fixes both promise."""
        from fazhi.disclosure.report_texts import fix_due_on

        day, shared = self.dated, fix_due_on(self.data.year)
        after_dated = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        year, month = max(after_dated, (shared.year, shared.month))
        return f"{year}年{month}月底前"

    @cached_property
    def disclosure_findings(self) -> dict:
        """The problems of the township's disclosure annual report of the year by key (report_texts.findings), so a
        shortcoming both reports tell gets the same measure in both; {} when that report cannot be computed."""
        from fazhi.disclosure import annual_report, report_texts

        try:
            found = report_texts.findings(annual_report.load(self.data.org, self.data.year))
        except Exception:  # another module's report: its failure must not stop this one
            log.exception("disclosure findings of %s %s could not be computed", self.data.org, self.data.year)
            return {}
        out: dict = {}
        for problem in found:
            out.setdefault(problem.key, problem)
        return out

    @cached_property
    def rank(self) -> int:
        """The township's place in its county's list, which picks its phrasings (wording.variant)."""
        from fazhi.reports.writing import wording

        return wording.township_rank(self.data.org)

    def choose(self, key: str, variants: tuple):
        """This township's one of several alternatives (phrasings, orders) for ``key``."""
        from fazhi.reports.writing import wording

        return variants[wording.variant(self.rank, key, len(variants))]

    def say(self, key: str, variants: tuple[str, ...], **values) -> list[Run]:
        """One of a frame's phrasings (this township's, ``choose``), its {slots} filled and its [optional clauses]
        kept where their slots have something to say; [] when a required slot is empty (prose.frame)."""
        from fazhi.reports.writing.prose import frame

        return frame(self.choose(key, variants), values)

    def value(self, key: str) -> int | Decimal | None:
        fig = self.figure(key)
        return None if fig is None else fig.value

    def has(self, key: str) -> bool:
        """A figure with records behind it and a value other than zero."""
        return bool(self.value(key))

    def href(self, key: str, year: int | None = None) -> str:
        return reverse("indicator_records", args=[key]) + "?" + urlencode(
            {"year": year or self.data.year, "org": self.data.org.code})

    def run_or_zero(self, key: str) -> Run:
        """The figure, or for a count without records "0" and its unit (a marker staff placed must say something)."""
        run = self.run(key)
        if run is not None:
            return run
        fig = self.data.figures.get(key)
        if fig is None or not fig.indicator.connected or fig.indicator.kind == Kind.RATE:
            return Text("（暂无数据）")
        return FigureRun(key, "0", fig.indicator.unit, self.href(key), fig.indicator.label, amount=0)

    def run(self, key: str) -> FigureRun | None:
        """The figure as printed: "57" + "场次", "1.6万余" + "份", "97.3" + "%"."""
        fig = self.figure(key)
        if fig is None:
            return None
        ind = fig.indicator
        self.used.add(key)
        if ind.kind == Kind.RATE:
            return FigureRun(key, numbers.rate(fig.value), "%", self.href(key), ind.label, amount=fig.value)
        text, unit, approx = numbers.large(fig.value, ind.unit)
        return FigureRun(key, text, unit, self.href(key), ind.label, amount=fig.value, approx=approx)

    def none(self, key: str) -> FigureRun | None:
        """A zero that is itself the result, printed as "无" ("无一起败诉案件"); None unless the figure is 0."""
        fig = self.data.figures.get(key)
        if fig is None or not fig.indicator.connected or fig.value is None or fig.value != 0:
            return None
        self.used.add(key)
        return FigureRun(key, "无", "", self.href(key), fig.indicator.label, amount=0)

    def part(self, key: str, which: str) -> FigureRun | None:
        """A rate's numerator or denominator ("办结37件"), linking to the rate's records (RATE_PARTS)."""
        fig = self.figure(key)
        if fig is None or fig.numerator is None or key not in RATE_PARTS:
            return None
        numerator, denominator, unit = rate_parts(key)
        amount = fig.numerator if which == NUMERATOR else fig.denominator
        text, unit, approx = numbers.large(amount, unit)
        self.used.add(key)
        name = numerator if which == NUMERATOR else denominator
        return FigureRun(key, text, unit, self.href(key), f"{fig.indicator.label}：{name}",
                         amount=amount, approx=approx, part=which)

    def rate_clause(self, key: str, *, full: str, partial: str) -> list[Run]:
        """A rate with its parts in one clause. ``full`` (at 100 %) and ``partial`` are templates with {den},
        {num} and {rate}: "本年应报备的{den}均按期报备" / "本年应报备的{den}中按期报备{num}，按期报备率{rate}".
        [] without data."""
        den = self.part(key, DENOMINATOR)
        if den is None:
            return []
        template = full if self.is_full(key) else partial
        values: dict = {"den": den}
        if "{num}" in template:
            values["num"] = self.part(key, NUMERATOR)
        if "{rate}" in template:
            values["rate"] = self.run(key)
        return fill(template, values)

    def is_full(self, key: str) -> bool:
        """A rate of 100 %."""
        value = self.value(key)
        return value is not None and Decimal(value) == 100

    # ------------------------------------------------------------ year on year

    @cached_property
    def compared(self) -> frozenset[str]:
        """The keys whose change on last year the report states: key figures that changed, then the most
        material changes, at most MAX_COMPARISONS in all."""
        ranked: list[tuple[int, Decimal, str]] = []
        for key in TRENDS:
            delta = self._delta(key)
            if delta is None or delta == 0:
                continue
            fig, last = self.figure(key), self.data.previous.get(key)
            if fig.indicator.kind == Kind.RATE:
                share = abs(delta) / 100
                material = abs(delta) >= MATERIAL_POINTS
            else:
                share = abs(delta) / Decimal(last.value)
                material = share >= MATERIAL_SHARE and abs(delta) >= MATERIAL_MINIMUM
            if delta < 0:
                continue  # part 一 states achievements; a drop that matters is a shortcoming of part 二
            if key in KEY_TRENDS or material:
                ranked.append((0 if key in KEY_TRENDS else 1, -share, key))
        return frozenset(key for _, _, key in sorted(ranked)[:MAX_COMPARISONS])

    def _delta(self, key: str) -> Decimal | None:
        fig, last = self.figure(key), self.data.previous.get(key)
        if fig is None or last is None or not last.has_data or last.value is None:
            return None
        if fig.indicator.kind != Kind.RATE and not last.value:
            return None
        return Decimal(fig.value) - Decimal(last.value)

    def change(self, key: str) -> list[Run]:
        """"，较上年增加15场次" where the report compares this figure, else nothing."""
        if key not in self.compared:
            return []
        run = self.change_run(key)
        return [Text("，"), run] if run else []

    def change_run(self, key: str) -> FigureRun | None:
        delta = self._delta(key)
        if delta is None:
            return None
        fig = self.figure(key)
        ind = fig.indicator
        if ind.kind == Kind.RATE:
            if delta == 0:
                text = "与上年持平"
            else:
                text = f"较上年{'提高' if delta > 0 else '降低'}{numbers.rate(abs(delta))}个百分点"
        elif delta == 0:
            text = "与上年持平"
        else:
            text = f"较上年{'增加' if delta > 0 else '减少'}{numbers.change(delta, ind.unit)}"
        return FigureRun(key, text, "", self.href(key, self.data.year - 1), f"{ind.label}：与上年比较",
                         amount=delta, part=CHANGE)
