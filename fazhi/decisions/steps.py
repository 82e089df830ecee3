"""The steps of a major decision, in the order the regulation sets, and where one decision stands.

A step is done (its facts recorded), skipped (optional, with a recorded reason) or not yet settled.
No step may be taken while an earlier one is unsettled; the refusal names the missing step.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.core.kit.progress import Rung, StepState, mark_current
from fazhi.core.workdays import format_date
from fazhi.decisions.choices import OPTIONAL_STEPS, Stage
from fazhi.decisions.models import MajorDecision
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews

# The decision is made at the collective discussion (条例第三十条); the report to the Party committee comes
# before the decision is issued (出台前, 条例第三十一条), i.e. before it is published.
ORDER: tuple[Stage, ...] = (
    Stage.LAUNCH, Stage.DRAFTING, Stage.PARTICIPATION, Stage.EXPERT, Stage.RISK, Stage.LEGALITY, Stage.DISCUSSION,
    Stage.DECISION, Stage.PARTY_REPORT, Stage.PUBLICATION, Stage.ARCHIVING, Stage.EVALUATION,
)
ARTICLES = {
    Stage.LAUNCH: "第十条、第十一条", Stage.DRAFTING: "第十二条、第十三条", Stage.PARTICIPATION: "第十四条至第十八条",
    Stage.EXPERT: "第十九条至第二十一条", Stage.RISK: "第二十二条至第二十四条", Stage.LEGALITY: "第二十五条至第二十八条",
    Stage.DISCUSSION: "第二十九条、第三十条", Stage.PARTY_REPORT: "第三十一条", Stage.DECISION: "第三十条",
    Stage.PUBLICATION: "第三十二条", Stage.ARCHIVING: "第三十三条", Stage.EVALUATION: "第三十四条至第三十七条",
}
# Evaluation follows only when results fall short, objections are many, or the organ deems it needed (条例第三十六条):
# a decision is complete without it.
REQUIRED_FOR_COMPLETION = tuple(s for s in ORDER if s != Stage.EVALUATION)
DONE, SKIPPED, TODO = StepState.DONE, StepState.SKIPPED, StepState.TODO


@dataclass
class DecisionStep(Rung):
    """One rung of a decision's ladder (fazhi/core/kit/progress.py), with its stage."""

    stage: Stage | None = None

    @property
    def optional(self) -> bool:
        return self.stage in OPTIONAL_STEPS


def _date(d: dt.date | None) -> str:
    return format_date(d) if d else ""


def _state(decision: MajorDecision, stage: Stage, today: dt.date) -> tuple[StepState, str]:
    d = decision
    if stage == Stage.LAUNCH:
        return (DONE, f"{_date(d.launched_on)}启动，承办单位：{d.lead_unit}") if d.launched_on else (TODO, "")
    if stage == Stage.DRAFTING:
        return (DONE, f"{_date(d.drafted_on)}形成决策草案") if d.drafted_on else (TODO, "")
    if stage == Stage.PARTICIPATION:
        if d.participation_done_on:
            hearing = f"；{_date(d.hearing_held_on)}举行听证会" if d.hearing_held_on else ""
            return DONE, f"征求意见已完成{hearing}；{d.comments_adoption[:60]}"
        period = participation.current_period(d)
        if period is None:
            return TODO, "须在公开门户公布决策草案，征求意见期不少于30日"
        summary = participation.comment_summary(d)
        when = f"{_date(period.opens_on)}至{_date(period.closes_on)}征求意见，收到{summary['received']}条"
        return TODO, when + ("；期满后登记意见采纳情况" if period.closes_on < today else "；征求意见期尚未结束")
    if stage == Stage.EXPERT:
        if d.expert_reviewed_on:
            return DONE, f"{_date(d.expert_reviewed_on)}论证：{d.experts[:40]}"
        return (SKIPPED, f"不进行：{d.expert_skip_reason}") if d.expert_skip_reason else (TODO, "专业性、技术性较强的须组织专家论证")
    if stage == Stage.RISK:
        if d.risk_assessed_on:
            return DONE, f"{_date(d.risk_assessed_on)}，{d.risk_assessor}：{d.risk_conclusion[:40]}"
        return (SKIPPED, f"不进行：{d.risk_skip_reason}") if d.risk_skip_reason else (TODO, "可能引发社会稳定、公共安全等风险的须进行风险评估")
    if stage == Stage.LEGALITY:
        passed = d.passing_review_id or reviews.passing_review(d)
        return (DONE if passed else TODO), reviews.review_state_text(d)
    if stage == Stage.DISCUSSION:
        if d.discussed_on:
            return DONE, f"{_date(d.discussed_on)}{d.get_meeting_kind_display()}，{d.chair}主持"
        return TODO, ""
    if stage == Stage.PARTY_REPORT:
        if d.party_reported_on:
            return DONE, f"{_date(d.party_reported_on)}向党委请示报告"
        return (SKIPPED, f"未报告：{d.party_skip_reason}") if d.party_skip_reason else (TODO, "决策出台前按照规定向同级党委请示报告")
    if stage == Stage.DECISION:
        return (DONE, f"{_date(d.decided_on)}{('，' + d.doc_number) if d.doc_number else ''}") if d.decided_on else (TODO, "")
    if stage == Stage.PUBLICATION:
        return (DONE, f"{_date(d.published_on)}，{d.publication_channel}") if d.published_on else (TODO, "")
    if stage == Stage.ARCHIVING:
        return (DONE, f"{_date(d.archived_on)}归档，档号{d.archive_number}") if d.archived_on else (TODO, "")
    if d.evaluated_on:
        return DONE, f"{_date(d.evaluated_on)}，{d.evaluator}：{d.evaluation_conclusion[:40]}"
    return TODO, "决策实施后按需进行"


def progress(decision: MajorDecision, today: dt.date) -> list[DecisionStep]:
    steps = []
    for stage in ORDER:
        state, detail = _state(decision, stage, today)
        steps.append(DecisionStep(stage.label, state, detail, ARTICLES[stage], stage=stage))
    return mark_current(steps)


def next_stage(decision: MajorDecision, today: dt.date) -> Stage:
    for step in progress(decision, today):
        if not step.settled and step.stage in REQUIRED_FOR_COMPLETION:
            return step.stage
    return Stage.DONE


def missing_before(decision: MajorDecision, stage: Stage, today: dt.date) -> list[DecisionStep]:
    """The earlier steps that are neither done nor (if optional) skipped with a reason."""
    out = []
    for step in progress(decision, today):
        if step.stage == stage:
            break
        if not step.settled:
            out.append(step)
    return out


def refusal(step: DecisionStep) -> str:
    if step.stage == Stage.LEGALITY:
        return f"尚未完成“{step.label}”——{step.detail}（条例{step.article}）"
    if step.optional:
        return f"“{step.label}”既未进行也未说明不进行的理由（条例{step.article}）"
    return f"尚未完成“{step.label}”（条例{step.article}）"


def last_step_date(decision: MajorDecision, stage: Stage) -> tuple[dt.date | None, str]:
    """The latest date recorded for the steps before ``stage``: a step cannot be dated before it."""
    for_stage = step_dates(decision)
    latest, label = None, ""
    for s in ORDER:
        if s == stage:
            break
        day = for_stage.get(s)
        if day and (latest is None or day > latest):
            latest, label = day, s.label
    return latest, label


def step_dates(decision: MajorDecision) -> dict[Stage, dt.date | None]:
    """The date each step was settled on: taken, or (optional steps) declared not taken with a reason."""
    d = decision
    return {
        Stage.LAUNCH: d.launched_on, Stage.DRAFTING: d.drafted_on,
        Stage.PARTICIPATION: max((x for x in (d.participation_done_on, d.hearing_held_on) if x), default=None),
        Stage.EXPERT: d.expert_reviewed_on or d.expert_skipped_on, Stage.RISK: d.risk_assessed_on or d.risk_skipped_on,
        Stage.LEGALITY: d.passing_review.concluded_on if d.passing_review_id else None,
        Stage.DISCUSSION: d.discussed_on, Stage.DECISION: d.decided_on,
        Stage.PARTY_REPORT: d.party_reported_on or d.party_skipped_on, Stage.PUBLICATION: d.published_on,
        Stage.ARCHIVING: d.archived_on, Stage.EVALUATION: d.evaluated_on,
    }


def missing_steps(decision: MajorDecision, today: dt.date) -> list[DecisionStep]:
    """Every step the decision still lacks before it is complete (decided, published, archived), in order."""
    return [s for s in progress(decision, today) if not s.settled and s.stage in REQUIRED_FOR_COMPLETION]
