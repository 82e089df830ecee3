"""One service per step of a major decision, each named after the rule it enforces (《重大行政决策程序暂行条例》).

Every service locks the decision, refuses when an earlier step is unsettled (naming it), refuses dates in
the future or before the previous step, records the facts, moves the stage and writes the timeline.
"""
from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.utils import timezone

from fazhi.core.attachments import attach_file
from fazhi.core.kit.voiding import Voiding, void_record
from fazhi.core.models import Organisation
from fazhi.core.transitions import record_transition
from fazhi.core.workdays import format_date
from fazhi.decisions import steps
from fazhi.decisions.choices import OPTIONAL_STEPS, MeetingKind, Stage
from fazhi.decisions.models import DecisionCatalog, MajorDecision
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion, SubjectKind

PUBLIC_COMMENT_MIN_DAYS = 30  # 条例第十五条: 征求意见期限一般不少于30日
HEARING_MATERIALS_DAYS = 7  # 条例第十六条: 听证会材料应当于召开听证会7日前送达听证参加人


def _today() -> dt.date:
    return timezone.localdate()


def _lock(decision: MajorDecision) -> MajorDecision:
    locked = MajorDecision.objects.select_for_update(of=("self",)).select_related("passing_review").get(pk=decision.pk)
    if locked.is_void:
        raise ValidationError("该决策事项已作废，不能继续办理")
    return locked


def _ready(decision: MajorDecision, stage: Stage, action: str, on: dt.date, field: str) -> None:
    """Every earlier step settled, the date not in the future and not before the previous step's."""
    today = _today()
    missing = steps.missing_before(decision, stage, today)
    if missing:
        raise ValidationError(f"不能{action}：{steps.refusal(missing[0])}")
    if on > today:
        raise ValidationError({field: "日期不能晚于今天"})
    latest, label = steps.last_step_date(decision, stage)
    if latest and on < latest:
        raise ValidationError({field: f"日期不能早于“{label}”的日期（{format_date(latest)}）"})


def _already(decision: MajorDecision, stage: Stage, action: str) -> None:
    state = next(s for s in steps.progress(decision, _today()) if s.stage == stage)
    if state.settled:
        raise ValidationError(f"不能{action}：“{stage.label}”已经办理")


def _advance(decision: MajorDecision, *, user, action: str, on: dt.date, note: str = "") -> MajorDecision:
    before = decision.get_stage_display()
    decision.stage = steps.next_stage(decision, _today())
    decision._history_user = user
    decision.save()
    record_transition(decision, action=action, from_status=before, to_status=decision.get_stage_display(),
                      user=user, on=on, note=note)
    return decision


def refresh_stage(decision: MajorDecision, *, user=None) -> MajorDecision:
    """Recompute where the decision stands after something outside it changed (its legality review concluded)."""
    decision = MajorDecision.objects.select_for_update().get(pk=decision.pk)
    stage = steps.next_stage(decision, _today())
    if stage != decision.stage:
        decision.stage = stage
        decision._history_user = user
        decision.save(update_fields=["stage", "updated_at"])
    return decision


@receiver(reviews.review_concluded, sender=MajorDecision, dispatch_uid="decisions.legality_review_concluded")
def _on_review_concluded(sender, *, subject: MajorDecision, review, user, **kwargs) -> None:
    legality_review_concluded(subject, review, user=user)


def legality_review_concluded(decision: MajorDecision, review, *, user=None) -> MajorDecision:
    """合法性审查 (条例第二十五条、第二十八条): the reviewer's opinion goes on the decision's timeline. A passing opinion opens
    collective discussion; 不予通过 keeps the decision at legality review until a revised draft passes."""
    before = MajorDecision.objects.select_for_update().get(pk=decision.pk).get_stage_display()
    decision = refresh_stage(decision, user=user)
    note = "；".join(x for x in (review.reasons and f"理由：{review.reasons}",
                                review.suggestions and f"修改建议：{review.suggestions}") if x)
    record_transition(decision, action=f"合法性审查意见：{Opinion(review.opinion).label}", from_status=before,
                      to_status=decision.get_stage_display(), user=user, on=review.concluded_on, note=note)
    return decision


def _compact(value: str) -> str:
    return "".join((value or "").split()).replace("（", "(").replace("）", ")")


def _same_unit(a: str, b: str) -> bool:
    return bool(a and b) and _compact(a) == _compact(b)


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


# ---------------------------------------------------------------- the catalog

@transaction.atomic
def create_catalog(*, organisation: Organisation, year: int, title: str, party_approved_on=None, published_on=None,
                   user=None) -> DecisionCatalog:
    """决策事项目录 (条例第三条第三款): one per township and year; published only after the Party committee agrees."""
    if DecisionCatalog.objects.active().filter(organisation=organisation, year=year).exists():
        raise ValidationError({"year": f"{year}年度的决策事项目录已存在"})
    if published_on and not party_approved_on:
        raise ValidationError({"published_on": "目录须经同级党委同意后方可公布（条例第三条第三款），请先填写党委同意日期"})
    if published_on and party_approved_on and published_on < party_approved_on:
        raise ValidationError({"published_on": "公布日期不能早于党委同意日期"})
    if published_on and published_on > _today():
        raise ValidationError({"published_on": "公布日期不能晚于今天"})
    catalog = DecisionCatalog(organisation=organisation, created_by=user, year=year, title=title.strip(),
                              party_approved_on=party_approved_on, published_on=published_on)
    catalog.full_clean(validate_constraints=False)
    catalog._history_user = user
    try:
        with transaction.atomic():  # two clerks creating the same year at once: the constraint decides
            catalog.save()
    except IntegrityError:
        raise ValidationError({"year": f"{year}年度的决策事项目录已存在"}) from None
    return catalog


@transaction.atomic
def update_catalog(catalog: DecisionCatalog, *, user, title: str = "", party_approved_on: dt.date | None = None,
                   published_on: dt.date | None = None) -> DecisionCatalog:
    """决策事项目录 (条例第三条第三款): edited until it is published; published on the portal only after the
    same-level Party committee agrees. Once published it is adjusted by adding decisions to it, not rewritten."""
    catalog = DecisionCatalog.objects.select_for_update().get(pk=catalog.pk)
    if catalog.is_void:
        raise ValidationError("该目录已作废")
    if catalog.published_on:
        raise ValidationError("该目录已经公布，不能再修改；年度中新增的事项在启动时列入目录")
    party_approved_on = party_approved_on or catalog.party_approved_on
    for field, day in (("party_approved_on", party_approved_on), ("published_on", published_on)):
        if day and day > _today():
            raise ValidationError({field: "日期不能晚于今天"})
    if published_on and not party_approved_on:
        raise ValidationError({"published_on": "目录须经同级党委同意后方可公布（条例第三条第三款），请先填写党委同意日期"})
    if published_on and published_on < party_approved_on:
        raise ValidationError({"published_on": "公布日期不能早于党委同意日期（条例第三条第三款）"})
    if (title or "").strip():
        catalog.title = title.strip()
    catalog.party_approved_on, catalog.published_on = party_approved_on, published_on
    catalog._history_user = user
    catalog.save()
    return catalog


def publish_catalog(catalog: DecisionCatalog, *, user, party_approved_on: dt.date, published_on: dt.date) -> DecisionCatalog:
    """Publish the catalog after the Party committee agreed (条例第三条第三款)."""
    return update_catalog(catalog, user=user, party_approved_on=party_approved_on, published_on=published_on)


# ---------------------------------------------------------------- steps

@transaction.atomic
def launch_decision(*, organisation: Organisation, fields: dict, launched_on: dt.date, user=None) -> MajorDecision:
    """决策启动 (条例第十条、第十一条): decided to launch, with the unit that carries it out named."""
    catalog = fields.get("catalog")
    if catalog is not None and catalog.organisation_id != organisation.pk:
        raise ValidationError({"catalog": "请选择本单位的决策事项目录"})
    if catalog is None and not (fields.get("off_catalog_reason") or "").strip():
        raise ValidationError({"off_catalog_reason": "未列入年度决策事项目录的，须说明理由"})
    if launched_on > _today():
        raise ValidationError({"launched_on": "日期不能晚于今天"})
    decision = MajorDecision(organisation=organisation, created_by=user, launched_on=launched_on, **fields)
    decision.full_clean()
    decision.stage = Stage.DRAFTING
    decision._history_user = user
    decision.save()
    record_transition(decision, action="决策启动", to_status=decision.get_stage_display(), user=user, on=launched_on,
                      note=f"承办单位：{decision.lead_unit}")
    return decision


@transaction.atomic
def record_drafting(decision, *, user, drafted_on: dt.date, options_considered: str, consulted_units: str = ""):
    """拟订决策草案 (条例第十二条、第十三条): research, options (≥2 where views differ), the units consulted."""
    decision = _lock(decision)
    _already(decision, Stage.DRAFTING, "登记拟订方案")
    _ready(decision, Stage.DRAFTING, "登记拟订方案", drafted_on, "drafted_on")
    decision.drafted_on = drafted_on
    decision.options_considered = _text(options_considered, "options_considered", "请说明拟订的方案及论证情况")
    decision.consulted_units = (consulted_units or "").strip()
    return _advance(decision, user=user, action="拟订决策草案", on=drafted_on)


@transaction.atomic
def open_public_participation(decision, *, user, opens_on: dt.date, closes_on: dt.date, draft_text: str,
                              explanation: str = "", short_reason: str = ""):
    """公众参与 (条例第十四条、第十五条): the draft and its explanation published on the portal for at least
    30 days; a shorter period only with the reason recorded."""
    decision = _lock(decision)
    _already(decision, Stage.PARTICIPATION, "公开征求意见")
    _ready(decision, Stage.PARTICIPATION, "公开征求意见", opens_on, "opens_on")
    period = participation.open_comment_period(
        decision, title=f"关于《{decision.title}（征求意见稿）》公开征求意见的公告", draft_text=draft_text,
        explanation=explanation, opens_on=opens_on, closes_on=closes_on, minimum_days=PUBLIC_COMMENT_MIN_DAYS,
        basis="《重大行政决策程序暂行条例》第十五条", short_reason=short_reason, user=user,
    )
    return period


def _check_hearing(decision: MajorDecision, *, held_on, participants_published_on, materials_sent_on, summary: str,
                   done_on: dt.date) -> None:
    """听证会 (条例第十六条, optional): the participants' list published beforehand, the materials delivered at
    least 7 days before the hearing, the hearing held within the public participation step."""
    summary = (summary or "").strip()
    if not held_on:
        if participants_published_on or materials_sent_on or summary:
            raise ValidationError({"hearing_held_on": "登记听证情况须填写听证会日期"})
        return
    if held_on > done_on:
        raise ValidationError({"hearing_held_on": "听证会日期不能晚于公众参与完成日期"})
    if decision.drafted_on and held_on < decision.drafted_on:
        raise ValidationError({"hearing_held_on": f"听证会日期不能早于“拟订方案”的日期（{format_date(decision.drafted_on)}）"})
    if not participants_published_on or participants_published_on >= held_on:
        raise ValidationError({"hearing_participants_published_on": "听证参加人名单应当在听证会前向社会公布（条例第十六条）"})
    if not materials_sent_on or (held_on - materials_sent_on).days < HEARING_MATERIALS_DAYS:
        raise ValidationError({"hearing_materials_sent_on":
                               f"听证会材料应当于召开听证会{HEARING_MATERIALS_DAYS}日前送达听证参加人（条例第十六条）"})
    if not summary:
        raise ValidationError({"hearing_summary": "请填写听证情况（参加人、主要意见）"})


@transaction.atomic
def close_public_participation(decision, *, user, done_on: dt.date, comments_adoption: str, hearing_held_on=None,
                               hearing_participants_published_on=None, hearing_materials_sent_on=None,
                               hearing_summary: str = ""):
    """公众参与 (条例第十四条至第十八条): once the comment period is over, record how the comments were handled
    (and the hearing, if one was held); then the decision may move on."""
    decision = _lock(decision)
    action = "登记公众参与情况"
    _already(decision, Stage.PARTICIPATION, action)
    _ready(decision, Stage.PARTICIPATION, action, done_on, "done_on")
    period = participation.current_period(decision)
    if period is None:
        raise ValidationError(f"不能{action}：尚未公开征求意见（条例第十五条）")
    if done_on <= period.closes_on or _today() <= period.closes_on:
        raise ValidationError({"done_on": f"征求意见期至{format_date(period.closes_on)}，期满后才能登记"})
    _check_hearing(decision, held_on=hearing_held_on, participants_published_on=hearing_participants_published_on,
                   materials_sent_on=hearing_materials_sent_on, summary=hearing_summary, done_on=done_on)
    decision.participation_done_on = done_on
    decision.comments_adoption = _text(comments_adoption, "comments_adoption", "请说明公众意见的采纳情况")
    decision.hearing_held_on = hearing_held_on
    decision.hearing_participants_published_on = hearing_participants_published_on if hearing_held_on else None
    decision.hearing_materials_sent_on = hearing_materials_sent_on if hearing_held_on else None
    decision.hearing_summary = (hearing_summary or "").strip() if hearing_held_on else ""
    summary = participation.comment_summary(decision)
    note = f"征求意见{period.days}日，门户网站收到意见{summary['received']}条；采纳情况：{decision.comments_adoption}"
    if hearing_held_on:
        note += f"；{format_date(hearing_held_on)}举行听证会"
    return _advance(decision, user=user, action="公众参与完成", on=done_on, note=note)


@transaction.atomic
def record_expert_review(decision, *, user, reviewed_on: dt.date, experts: str, files=()):
    """专家论证 (条例第十九条至第二十一条): the experts' signed or sealed written opinions (第十九条第二款) are attached."""
    decision = _lock(decision)
    _already(decision, Stage.EXPERT, "登记专家论证")
    _ready(decision, Stage.EXPERT, "登记专家论证", reviewed_on, "reviewed_on")
    if not files:
        raise ValidationError({"files": "请上传专家署名或者盖章的书面论证意见（条例第十九条）"})
    decision.expert_reviewed_on = reviewed_on
    decision.experts = _text(experts, "experts", "请填写论证专家")
    decision.expert_skip_reason, decision.expert_skipped_on = "", None
    decision._history_user = user
    decision.save()
    for upload in files:
        attach_file(record=decision, upload=upload, user=user)
    return _advance(decision, user=user, action="专家论证", on=reviewed_on, note=decision.experts)


@transaction.atomic
def record_risk_assessment(decision, *, user, assessed_on: dt.date, assessor: str, conclusion: str, files=()):
    """风险评估 (条例第二十二条至第二十四条): the risk assessment report is attached."""
    decision = _lock(decision)
    _already(decision, Stage.RISK, "登记风险评估")
    _ready(decision, Stage.RISK, "登记风险评估", assessed_on, "assessed_on")
    if not files:
        raise ValidationError({"files": "请上传风险评估报告（条例第二十三条）"})
    decision.risk_assessed_on = assessed_on
    decision.risk_assessor = _text(assessor, "assessor", "请填写风险评估单位")
    decision.risk_conclusion = _text(conclusion, "conclusion", "请填写风险评估结论")
    decision.risk_skip_reason, decision.risk_skipped_on = "", None
    decision._history_user = user
    decision.save()
    for upload in files:
        attach_file(record=decision, upload=upload, user=user)
    return _advance(decision, user=user, action="风险评估", on=assessed_on, note=decision.risk_conclusion)


SKIPPABLE = {  # stage → (reason field, date field)
    Stage.EXPERT: ("expert_skip_reason", "expert_skipped_on"),
    Stage.RISK: ("risk_skip_reason", "risk_skipped_on"),
    Stage.PARTY_REPORT: ("party_skip_reason", "party_skipped_on"),
}
SKIP_BASIS = {
    Stage.EXPERT: "条例第十九条：专业性、技术性较强的决策事项应当组织专家论证",
    Stage.RISK: "条例第二十二条：可能对社会稳定、公共安全等方面造成不利影响的，应当组织风险评估",
    Stage.PARTY_REPORT: "条例第三十一条：重大行政决策出台前应当按照规定向同级党委请示报告",
}


@transaction.atomic
def skip_optional_step(decision, *, user, stage: str, reason: str, on: dt.date | None = None):
    """A step the regulation requires only in some cases — 专家论证 (条例第十九条), 风险评估 (条例第二十二条),
    向党委请示报告 (条例第三十一条) — may be left out only with the reason on record, dated in step order."""
    decision = _lock(decision)
    if stage not in SKIPPABLE:
        raise ValidationError("只有专家论证、风险评估、向党委请示报告可以说明理由不进行")
    stage = Stage(stage)
    action = f"说明不进行“{stage.label}”"
    _already(decision, stage, action)
    on = on or _today()
    _ready(decision, stage, action, on, "on")
    reason_field, date_field = SKIPPABLE[stage]
    reason = _text(reason, "reason", "请填写不进行的理由")[:300]
    setattr(decision, reason_field, reason)
    setattr(decision, date_field, on)
    return _advance(decision, user=user, action=f"不进行{stage.label}", on=on, note=f"理由：{reason}（{SKIP_BASIS[stage]}）")


@transaction.atomic
def send_for_legality_review(decision, *, user, submitted_on: dt.date, days_allowed: int = 7, materials: str = ""):
    """合法性审查 (条例第二十五条至第二十八条): mandatory before discussion, with at least 7 working days allowed."""
    decision = _lock(decision)
    action = "送请合法性审查"
    if reviews.passing_review(decision) is not None or reviews.open_review(decision) is not None:
        raise ValidationError(f"不能{action}：{reviews.review_state_text(decision)}")
    _ready(decision, Stage.LEGALITY, action, submitted_on, "submitted_on")
    review = reviews.review_request(
        organisation=decision.organisation, kind=SubjectKind.DECISION, subject=decision, title=decision.title,
        submitted_by_unit=decision.lead_unit, submitted_on=submitted_on, days_allowed=days_allowed,
        materials=materials or "决策草案及起草说明、法律依据、公众参与和专家论证、风险评估材料（条例第二十六条）", user=user,
    )
    stage = decision.get_stage_display()
    record_transition(decision, action=action, from_status=stage, to_status=stage, user=user, on=submitted_on,
                      note=f"审查期限{review.days_allowed}个工作日（条例第二十六条：一般不少于7个工作日）")
    return review


@transaction.atomic
def hold_collective_discussion(decision, *, user, discussed_on: dt.date, meeting_kind: str, chair: str, attendees: str,
                               chief_spoke_last: bool, dissent: str = "", chief_differs_reason: str = ""):
    """集体讨论决定 (条例第二十五条、第二十九条、第三十条): only after a passing legality review (第二十五条第二款); at an executive or
    plenary meeting; the chief speaks last; dissent is recorded; where the chief's view differs from the
    majority's, the reason given at the meeting is recorded (第三十条)."""
    decision = _lock(decision)
    action = "提交集体讨论"
    _already(decision, Stage.DISCUSSION, action)
    decision.passing_review = reviews.passing_review(decision)  # dates the legality step for _ready
    _ready(decision, Stage.DISCUSSION, action, discussed_on, "discussed_on")
    reviews.require_passing_review(decision, action=action)
    if meeting_kind not in MeetingKind.values:
        raise ValidationError({"meeting_kind": "请选择会议类型"})
    if not chief_spoke_last:
        raise ValidationError({"chief_spoke_last": "行政首长应当在集体讨论的最后发表意见（条例第三十条）"})
    decision.discussed_on, decision.meeting_kind = discussed_on, meeting_kind
    decision.chair = _text(chair, "chair", "请填写主持人")
    decision.attendees = _text(attendees, "attendees", "请填写出席人员")
    decision.chief_spoke_last, decision.dissent = True, (dissent or "").strip()
    decision.chief_differs_reason = (chief_differs_reason or "").strip()
    return _advance(decision, user=user, action="集体讨论", on=discussed_on,
                    note=f"{decision.get_meeting_kind_display()}" + (f"；不同意见：{decision.dissent}" if decision.dissent else ""))


@transaction.atomic
def report_to_party_committee(decision, *, user, reported_on: dt.date):
    """向同级党委请示报告 (条例第三十一条): after the decision is made and before it is issued (出台前)."""
    decision = _lock(decision)
    _already(decision, Stage.PARTY_REPORT, "登记向党委请示报告")
    _ready(decision, Stage.PARTY_REPORT, "登记向党委请示报告", reported_on, "reported_on")
    decision.party_reported_on, decision.party_skip_reason, decision.party_skipped_on = reported_on, "", None
    return _advance(decision, user=user, action="向党委请示报告", on=reported_on)


@transaction.atomic
def make_decision(decision, *, user, decided_on: dt.date, decision_text: str, doc_number: str = ""):
    """作出决定 (条例第三十条): the chief decides on the basis of the collective discussion — never before it, and
    never without every earlier mandatory step done and every optional one taken or declined with a reason."""
    decision = _lock(decision)
    _already(decision, Stage.DECISION, "作出决定")
    _ready(decision, Stage.DECISION, "作出决定", decided_on, "decided_on")
    decision.decided_on = decided_on
    decision.decision_text = _text(decision_text, "decision_text", "请填写决定内容")
    decision.doc_number = (doc_number or "").strip()
    return _advance(decision, user=user, action="作出决定", on=decided_on, note=decision.doc_number)


@transaction.atomic
def publish_decision(decision, *, user, published_on: dt.date, channel: str, adoption_explanation: str):
    """决策公布 (条例第三十二条): promptly, with how public and expert views were adopted; shown on the portal."""
    decision = _lock(decision)
    _already(decision, Stage.PUBLICATION, "公布决策")
    _ready(decision, Stage.PUBLICATION, "公布决策", published_on, "published_on")
    decision.published_on = published_on
    decision.publication_channel = _text(channel, "channel", "请填写公布载体")
    decision.adoption_explanation = _text(adoption_explanation, "adoption_explanation",
                                          "请说明公众意见、专家论证意见的采纳情况（条例第三十二条）")
    return _advance(decision, user=user, action="决策公布", on=published_on, note=decision.publication_channel)


@transaction.atomic
def archive_decision(decision, *, user, archived_on: dt.date, archive_number: str):
    """立卷归档 (条例第三十三条): the process records and materials are archived completely."""
    decision = _lock(decision)
    _already(decision, Stage.ARCHIVING, "归档")
    _ready(decision, Stage.ARCHIVING, "归档", archived_on, "archived_on")
    decision.archived_on = archived_on
    decision.archive_number = _text(archive_number, "archive_number", "请填写档号")
    return _advance(decision, user=user, action="立卷归档", on=archived_on, note=decision.archive_number)


@transaction.atomic
def evaluate_decision(decision, *, user, evaluated_on: dt.date, evaluator: str, trigger: str, conclusion: str):
    """决策后评估 (条例第三十六条): when results fall short, objections are many or the organ sees a need; the
    evaluator may be a third party, but not a unit that did the main review or assessment work before the decision."""
    decision = _lock(decision)
    _already(decision, Stage.EVALUATION, "登记决策后评估")
    _ready(decision, Stage.EVALUATION, "登记决策后评估", evaluated_on, "evaluated_on")
    evaluator = _text(evaluator, "evaluator", "请填写评估单位")
    if _same_unit(evaluator, decision.risk_assessor):
        raise ValidationError({"evaluator": "决策后评估不得由原风险评估单位承担（条例第三十六条）"})
    if decision.experts and _compact(evaluator) in _compact(decision.experts):
        raise ValidationError({"evaluator": "决策后评估不得由决策前承担主要论证工作的单位承担（条例第三十六条）"})
    decision.evaluated_on, decision.evaluator = evaluated_on, evaluator
    decision.evaluation_trigger = _text(trigger, "trigger", "请说明评估原因，如：实施效果未达预期、公民提出较多意见")
    decision.evaluation_conclusion = _text(conclusion, "conclusion", "请填写评估结论")
    return _advance(decision, user=user, action="决策后评估", on=evaluated_on, note=decision.evaluation_conclusion)


assert set(SKIPPABLE) <= OPTIONAL_STEPS


DECISION_VOIDING = Voiding(
    refuse=lambda d: "已作出决定的事项不能作废" if d.decided_on else None,
    cascade=(participation.withdraw_periods, reviews.withdraw_open_review),
)


def decision_void(decision: MajorDecision, *, user, reason: str) -> MajorDecision:
    """A matter launched by mistake is voided before it is decided; its draft leaves the portal (comment periods) and
    its open legality review leaves the queue, in the same transaction."""
    return void_record(decision, voiding=DECISION_VOIDING, user=user, reason=reason)
