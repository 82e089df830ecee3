"""Compose the annual report of one township for one year from its records.

The default text of every part is written from the records by ``fazhi.reports.writing`` — part 一 by area
in the seeds' "一是……二是……" manner, part 二 each shortcoming with its figures and cause, part 三 the
principal leaders' duties, part 四 a plan answering each shortcoming. Staff may rewrite any part; their
text keeps every number as a marker (【数据：普法宣传活动】) that is filled from the live figures, so the
figures stay honest whatever staff change around them. A theme whose figures staff removed entirely is
still reported, as a closing sentence of its home part, so no figure silently disappears.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse
from urllib.parse import urlencode

from fazhi.core.models import Organisation
from fazhi.core.workdays import format_date
from fazhi.indicators.registry import Figure, Scope, compute_all
from fazhi.reports import narrative
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport
from fazhi.reports.structure import ComposedReport, FigureRun, Paragraph, Run, Section, Text, signature_layout
from fazhi.reports.suggestions import Suggestion, suggest
from fazhi.reports.writing import markers, sections
from fazhi.reports.writing.context import Writer
from fazhi.reports.writing.measures import OTHER_FIGURE_AREAS, measures
from fazhi.reports.writing.prose import merge, numbered, runs

MARKER = markers.MARKER


@dataclass(frozen=True)
class Theme:
    """A group of figures: the old whole-theme marker (【数据：普法】) and the home part of figures staff removed."""

    name: str
    home: str
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
    def writer(self) -> Writer:
        return Writer(self, narrative.terms_for(self.org))

    @cached_property
    def written(self) -> dict[str, list[Paragraph]]:
        return written(self)

    @cached_property
    def all_suggestions(self) -> list[Suggestion]:
        from fazhi.indicators.gaps import advisor_gaps

        from fazhi.reports.writing import problems

        found = suggest(self.figures, self.previous, unit=narrative.terms_for(self.org).unit,
                        villages_without_advisor=advisor_gaps(self.org, self.year))
        return problems.adjust(found, self)

    @cached_property
    def decisions(self) -> dict[str, str]:
        from fazhi.reports.models import SuggestionDecision

        return dict(SuggestionDecision.objects.filter(organisation=self.org, year=self.year).values_list("title", "decision"))

    @cached_property
    def suggestions(self) -> list[Suggestion]:
        """The suggestions staff have not rejected: they make the default section 二 and the remedies of 四."""
        from fazhi.reports.models import SuggestionDecision

        return [s for s in self.all_suggestions if self.decisions.get(s.title) != SuggestionDecision.REJECTED]


def theme_sentence(theme: Theme, w: Writer) -> list[Run]:
    """The theme's figures in one sentence, each in its registry phrase ("全年开展普法宣传活动57场次，…。")."""
    clauses = []
    for key in theme.keys:
        run = w.run(key)
        if run is None:
            continue
        ind = w.figure(key).indicator
        before, _, after = (ind.phrase or f"{ind.label}{{value}}{ind.unit}").partition("{value}")
        if run.unit and after.startswith(ind.unit):
            after = after[len(ind.unit):]
        clauses.append(runs(before, run, after))
    if not clauses:
        return []
    out: list = ["全年"]
    for i, clause in enumerate(clauses):
        out += ["，" if i else "", clause]
    return runs(*out, "。")


def other_figure_sentences(org: Organisation, year: int) -> dict[str, list[list[Run]]]:
    """The clerk's figures from the 其他数据 ledger (fazhi/otherfigures), one sentence each, by where they go:
    an area of part 一, "duties" (part 三) or "other" (part 五)."""
    from fazhi.otherfigures.report import report_sentences

    out: dict[str, list[list[Run]]] = {}
    for theme, parts in report_sentences(org, year):
        area = OTHER_FIGURE_AREAS.get(theme) or {"第一责任人": "duties", "其他事项": "other"}.get(theme, "other")
        sentence = [Text(p) if isinstance(p, str) else FigureRun(**p) for p in parts]
        if sentence and isinstance(sentence[-1], Text):
            sentence[-1] = Text(sentence[-1].text.rstrip("。"))
        out.setdefault(area, []).append(merge(sentence))
    return out


def written(data: ReportData) -> dict[str, list[Paragraph]]:
    """Every part as the records write it (the default staff start from)."""
    w = data.writer
    extra = other_figure_sentences(data.org, data.year)
    other = [Paragraph(runs(sentence, "。")) for sentence in extra.get("other", [])]
    return {
        "intro_text": sections.intro(w),
        "measures_text": numbered(measures(w, extra)),
        "shortcomings_text": sections.shortcomings(w, data.suggestions),
        "duties_text": sections.duties(w, extra.get("duties", []), told=data.suggestions),
        "plans_text": sections.plans(w, data.suggestions),
        "other_text": other,
    }


def default_texts(org: Organisation, year: int, data: ReportData | None = None) -> dict[str, str]:
    """The composed default of every part as staff see it before they edit: words, with markers for figures."""
    data = data or ReportData.load(org, year)
    return {f: markers.to_text(data.written[f]) for f in NARRATIVE_FIELDS}


def compose_report(report: AnnualReport, data: ReportData | None = None) -> ComposedReport:
    """The report (saved, or an unsaved one carrying the defaults) with live figures."""
    org, year = report.organisation, report.year
    data = data or ReportData.load(org, year)
    w = data.writer
    own = {f: (getattr(report, f) or "").strip() for f in NARRATIVE_FIELDS}
    themes = {t.name: theme_sentence(t, w) for t in THEMES if t.keys}
    # a copy of the cached default: _keep_removed_themes appends to these lists, which must not grow the cache
    parsed = {f: markers.parse(own[f], w, themes) if own[f] else list(data.written[f]) for f in NARRATIVE_FIELDS}
    if any(own.values()):
        _keep_removed_themes(parsed, own, themes)
    headings = narrative.section_headings(year)
    sections_ = [
        Section(f, headings[f], parsed[f], edited=bool(own[f]))
        for f in NARRATIVE_FIELDS
        if f != "intro_text" and (parsed[f] or f != "other_text")
    ]
    date_text = format_date(report.dated)
    sig_right, date_right = signature_layout(report.signature, date_text)
    return ComposedReport(
        org_code=org.code, org_name=org.name, year=year, title=report.title, addressee=report.addressee,
        intro=parsed["intro_text"], sections=sections_, signature=report.signature, dated=report.dated,
        date_text=date_text, signature_right_chars=sig_right, date_right_chars=date_right,
        saved=report.pk is not None,
    )


def _keep_removed_themes(parsed: dict[str, list[Paragraph]], own: dict[str, str], themes: dict[str, list[Run]]) -> None:
    """A theme none of whose figures staff kept (no theme marker, no figure marker) closes its home part."""
    shown = {r.key for paragraphs in parsed.values() for p in paragraphs for r in p.figures}
    typed = {name.strip() for name in MARKER.findall("\n".join(own.values()))}
    for theme in THEMES:
        if theme.name in typed or not themes.get(theme.name) or shown & set(theme.keys):
            continue
        parsed[theme.home].append(Paragraph(list(themes[theme.name])))
