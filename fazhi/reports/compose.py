"""Compose the annual report of one township for one year from the indicator registry.

Narrative (staff-edited, or the default of narrative.py) is split into paragraphs;
each 【数据：主题】 marker in it becomes the sentence of that theme's figures, written
from the live registry values with their year-on-year change. Only connected
indicators with data produce a sentence: an unconnected module never shows a number.
A theme whose marker staff removed is still reported, as a closing paragraph of
its home section, so no figure silently disappears.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from fazhi.core.models import Organisation
from fazhi.core.workdays import format_date
from fazhi.indicators.registry import Figure, Kind, Scope, compute_all, format_value
from fazhi.reports import narrative
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport
from fazhi.reports.structure import (
    SUBHEADING, ComposedReport, FigureRun, Paragraph, Run, Section, Text, signature_layout,
)
from fazhi.reports.suggestions import Suggestion, suggest

MARKER = re.compile(r"【数据：([^】]*)】")
SUBHEADING_START = re.compile(r"^（[一二三四五六七八九十]+）")
MAX_SUBHEADING = 50  # characters of a run-in "（一）……。" heading


@dataclass(frozen=True)
class Theme:
    name: str  # the marker name: 【数据：普法】
    home: str  # the section that reports it when its marker is missing
    keys: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme("组织领导", "measures_text", (
        "rule_of_law_meetings", "leading_group_members", "work_plans", "responsibility_on_time_rate", "rule_of_law_budget",
    )),
    Theme("依法行政", "measures_text", (
        "decision_catalog_items", "decisions_completed", "decision_review_coverage",
        "legality_reviews", "legality_reviews_rejected", "legality_review_on_time_rate", "contract_reviews", "contracts_signed", "contract_review_coverage",
        "normative_docs_issued", "normative_docs_filed", "normative_filing_on_time_rate", "normative_docs_repealed",
        "normative_review_coverage", "disclosure_proactive",
        "disclosure_requests", "disclosure_response_rate", "disclosure_appeals",
        # 行政执法 (fazhi/enforcement): staff, equipment, cases, time limits, remedies, audits
        "enforcement_officers", "enforcement_auxiliaries", "enforcement_vehicles", "enforcement_body_cameras",
        "enforcement_training", "penalty_cases", "simple_penalties", "penalty_decided_on_time_rate",
        "penalty_cases_challenged", "penalty_cases_overturned", "case_file_reviews", "enforcement_inspections",
        "case_file_rectifications",
        "reconsideration_cases", "litigation_cases",
        "litigation_cases_lost", "court_assistance", "court_suggestions",
        "obligations_completed",
    )),
    Theme("学法用法", "measures_text", (
        "study_sessions", "exam_participants", "exam_pass_rate", "exam_excellent_rate",
        "court_hearings_attended", "court_observation_attendees",
    )),
    Theme("普法", "measures_text", (
        "publicity_events", "publicity_materials", "publicity_audience", "legal_consultations",
        "publicity_online", "legal_literates", "liaison_trainings", "liaison_training_participants",
        "legal_advisors", "legal_advisor_coverage", "advisor_consultations", "advisor_publicity_events", "advisor_disputes",
        "advisor_contracts", "advisor_suggestions", "legal_aid",
    )),
    Theme("矛盾纠纷", "measures_text", (
        "mediation_committees", "mediators", "disputes_handled", "disputes_resolved", "dispute_success_rate",
    )),
    Theme("社区矫正", "measures_text", (
        "corrections_on_roll", "resettlement_on_roll", "corrections_schedule_rate", "corrections_incidents",
    )),
    Theme("第一责任人", "duties_text", (
        "principal_chaired_meetings", "principal_led_studies", "court_appearances", "court_appearance_rate",
        "principal_law_reports",
    )),
    # 目标管理考核 and 三落实 (fazhi/assessment, fazhi/otherfigures), 政务服务 (otherfigures), 法治副校长 (fazhi/schools),
    # 人大监督 (fazhi/supervision); 其他事项 holds only the clerk's own figures placed in section 五 (EXTRA_SENTENCES)
    Theme("组织保障", "measures_text", (
        "assessment_criteria", "assessment_data_criteria", "assessment_scores",
    )),
    Theme("政务服务", "measures_text", ("service_centre_cases",)),
    Theme("法治副校长", "measures_text", (
        "schools_counted", "vice_principal_coverage", "vice_principals", "school_lessons", "school_lesson_audience",
    )),
    Theme("人大监督", "measures_text", (
        "deputy_suggestions", "deputy_suggestions_on_time_rate", "deputy_suggestions_overdue", "deputy_satisfaction_rate",
        "congress_inspections", "congress_law_checks", "congress_inspection_issues", "congress_inspection_rectified",
    )),
    Theme("其他事项", "other_text", ()),
)
# Sentences that are no single indicator's figure (a figure the clerk named in the 其他数据 ledger, the assessment
# results): each function (org, year) → [(theme name, parts)], a part being text or a dict of FigureRun fields whose
# href opens the record(s) behind the number. The sentence joins its theme's, so it stands at the theme's marker or,
# without one, closes the theme's home section.
EXTRA_SENTENCES = ("fazhi.otherfigures.report.report_sentences", "fazhi.assessment.report.report_sentences")
THEME_NAMES = frozenset(t.name for t in THEMES)


@dataclass
class ReportData:
    """The figures of the report's year and of the year before, for one township."""

    org: Organisation
    year: int
    figures: dict[str, Figure]
    previous: dict[str, Figure]

    @classmethod
    def load(cls, org: Organisation, year: int) -> ReportData:
        """The year's figures live; the year before (only compared with) from the stored township-year figures,
        which are recomputed first if any record changed (fazhi/indicators/aggregates.py)."""
        from fazhi.indicators import aggregates

        previous = aggregates.by_township([org], year - 1)[org.pk]
        return cls(org, year, compute_all(Scope((org,), year)), previous)

    def href(self, key: str) -> str:
        return reverse("indicator_records", args=[key]) + "?" + urlencode({"year": self.year, "org": self.org.code})

    @cached_property
    def all_suggestions(self) -> list[Suggestion]:
        from fazhi.indicators.gaps import advisor_gaps

        return suggest(self.figures, self.previous, unit=narrative.terms_for(self.org).unit,
                       villages_without_advisor=advisor_gaps(self.org, self.year))

    @cached_property
    def decisions(self) -> dict[str, str]:
        from fazhi.reports.models import SuggestionDecision

        return dict(SuggestionDecision.objects.filter(organisation=self.org, year=self.year).values_list("title", "decision"))

    @cached_property
    def suggestions(self) -> list[Suggestion]:
        """The suggestions staff have not rejected: they make the default section 二 and the remedies of 四."""
        from fazhi.reports.models import SuggestionDecision

        return [s for s in self.all_suggestions if self.decisions.get(s.title) != SuggestionDecision.REJECTED]


def year_on_year(fig: Figure, last: Figure | None) -> str:
    """"（同比增长12.5%）" for counts and sums, "（较上年提高3个百分点）" for rates; "" without last year's data."""
    if last is None or not last.has_data or last.value is None or fig.value is None:
        return ""
    if fig.indicator.kind == Kind.RATE:
        diff = Decimal(fig.value) - Decimal(last.value)
        if diff == 0:
            return "（与上年持平）"
        return f"（较上年{'提高' if diff > 0 else '降低'}{format_value(abs(diff))}个百分点）"
    if last.value == 0:
        return ""
    if fig.value == last.value:
        return "（与上年持平）"
    change = ((Decimal(fig.value) - Decimal(last.value)) * 100 / Decimal(last.value)).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )
    if change == 0:
        return "（与上年基本持平）"
    return f"（同比{'增长' if change > 0 else '下降'}{format_value(abs(change))}%）"


def figure_clause(data: ReportData, key: str) -> list[Run]:
    """The indicator's phrase with its figure, e.g. 开展普法宣传活动[67]场次（同比增长12.5%）; [] when nothing to say."""
    fig = data.figures.get(key)
    if fig is not None and fig.value == 0 and fig.indicator.zero_phrase:
        return _zero_clause(data, key, fig)
    if fig is None or not fig.indicator.connected or not fig.has_data or fig.value is None:
        return []
    ind = fig.indicator
    if fig.value == 0 and (ind.kind != Kind.RATE or not ind.core):
        # "发放宣传资料0份" or an untracked "优秀率0%" says nothing; a core rate of 0% is reported as it is
        return []
    phrase = ind.phrase or f"{ind.label}{{value}}{ind.unit}"
    before, _, after = phrase.partition("{value}")
    unit = ind.unit if ind.unit and after.startswith(ind.unit) else ""
    after = after[len(unit):] + year_on_year(fig, data.previous.get(key))
    runs: list[Run] = [Text(before)] if before else []
    runs.append(FigureRun(key, format_value(fig.value), unit, data.href(key), ind.label))
    if after:
        runs.append(Text(after))
    return runs


def _zero_clause(data: ReportData, key: str, fig: Figure) -> list[Run]:
    """A zero that is a result ("无脱管、漏管，无重新犯罪（0人次）"), said only while the figure it depends on is not zero."""
    ind = fig.indicator
    needed = data.figures.get(ind.zero_requires) if ind.zero_requires else None
    if ind.zero_requires and (needed is None or not needed.value):
        return []
    before, _, after = ind.zero_phrase.partition("{value}")
    runs: list[Run] = [Text(before)] if before else []
    runs.append(FigureRun(key, "0", ind.unit, data.href(key), ind.label))
    if after:
        runs.append(Text(after))
    return runs


def theme_sentence(theme: Theme, data: ReportData) -> list[Run]:
    clauses = [c for c in (figure_clause(data, key) for key in theme.keys) if c]
    if not clauses:
        return []
    runs: list[Run] = [Text("全年")]
    for i, clause in enumerate(clauses):
        if i:
            runs.append(Text("，"))
        runs.extend(clause)
    runs.append(Text("。"))
    return _merge(runs)


def _add_extra_sentences(sentences: dict[str, list[Run]], data: ReportData) -> None:
    from django.utils.module_loading import import_string

    for path in EXTRA_SENTENCES:
        for theme, parts in import_string(path)(data.org, data.year):
            if theme not in sentences:
                continue
            runs = [Text(p) if isinstance(p, str) else FigureRun(**p) for p in parts]
            sentences[theme] = _merge([*sentences[theme], *runs])


def parse_narrative(text: str, sentences: dict[str, list[Run]]) -> list[Paragraph]:
    """One paragraph per non-blank line; "（一）……。" opens a run-in subheading; markers become figures."""
    paragraphs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        runs: list[Run] = []
        if SUBHEADING_START.match(line):
            end = line.find("。")
            if 0 < end < MAX_SUBHEADING:
                runs.append(Text(line[: end + 1], SUBHEADING))
                line = line[end + 1:]
            elif end < 0 and len(line) <= MAX_SUBHEADING:
                runs.append(Text(line, SUBHEADING))
                line = ""
        runs.extend(_expand_markers(line, sentences))
        runs = _merge(runs)
        if runs:
            paragraphs.append(Paragraph(runs))
    return paragraphs


def _expand_markers(text: str, sentences: dict[str, list[Run]]) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in MARKER.finditer(text):
        runs.append(Text(text[position:match.start()]))
        name = match.group(1).strip()
        runs.extend(sentences[name] if name in sentences else [Text(match.group(0))])
        position = match.end()
    runs.append(Text(text[position:]))
    return runs


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if isinstance(run, Text):
            if not run.text:
                continue
            if merged and isinstance(merged[-1], Text) and merged[-1].style == run.style:
                merged[-1] = Text(merged[-1].text + run.text, run.style)
                continue
        merged.append(run)
    return merged


def default_texts(org: Organisation, year: int, data: ReportData | None = None) -> dict[str, str]:
    """The composed default narrative of every section (what staff see before they edit)."""
    data = data or ReportData.load(org, year)
    t = narrative.terms_for(org)
    return {
        "intro_text": narrative.default_intro(t, year),
        "measures_text": narrative.default_measures(t, year),
        "shortcomings_text": narrative.default_shortcomings(t, year, [(s.title, s.detail) for s in data.suggestions]),
        "duties_text": narrative.default_duties(t, year),
        "plans_text": narrative.default_plans(t, year, [s.title for s in data.suggestions if not s.generic]),
        "other_text": "",
    }


def compose_report(report: AnnualReport, data: ReportData | None = None) -> ComposedReport:
    """The report (saved, or an unsaved one carrying the defaults) with live figures."""
    org, year = report.organisation, report.year
    data = data or ReportData.load(org, year)
    defaults = default_texts(org, year, data)
    own = {f: (getattr(report, f) or "").strip() for f in NARRATIVE_FIELDS}
    texts = {f: own[f] or defaults[f] for f in NARRATIVE_FIELDS}
    sentences = {t.name: theme_sentence(t, data) for t in THEMES}
    _add_extra_sentences(sentences, data)
    used = set(name.strip() for name in MARKER.findall("\n".join(texts.values())))
    parsed = {f: parse_narrative(texts[f], sentences) for f in NARRATIVE_FIELDS}
    for theme in THEMES:
        if theme.name not in used and sentences[theme.name]:
            parsed[theme.home].append(Paragraph(list(sentences[theme.name])))
    headings = narrative.section_headings(year)
    sections = [
        Section(f, headings[f], parsed[f], edited=bool(own[f]))
        for f in NARRATIVE_FIELDS
        if f != "intro_text" and (parsed[f] or f != "other_text")
    ]
    date_text = format_date(report.dated)
    sig_right, date_right = signature_layout(report.signature, date_text)
    return ComposedReport(
        org_code=org.code, org_name=org.name, year=year, title=report.title, addressee=report.addressee,
        intro=parsed["intro_text"], sections=sections, signature=report.signature, dated=report.dated,
        date_text=date_text, signature_right_chars=sig_right, date_right_chars=date_right,
        saved=report.pk is not None,
    )

