"""Every gate of a major decision, the happy path, and the catalogued decision whose review never started."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.core import clock
from fazhi.core.transitions import timeline
from fazhi.decisions import services, steps
from fazhi.decisions.choices import OPTIONAL_STEPS, Stage
from fazhi.decisions.figures import without_review
from fazhi.decisions.models import MajorDecision
from fazhi.indicators.registry import Scope, get
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion

from .factories import ORDERED, SCHEDULE, STEPS, D, pdf

TOMORROW = clock.today() + dt.timedelta(days=2)


def test_the_builders_follow_the_regulations_order():
    assert [Stage.LAUNCH, *ORDERED] == list(steps.ORDER)


# ---------------------------------------------------------------- no step can be skipped

@pytest.mark.parametrize("stage", ORDERED[1:], ids=lambda s: s.value)
def test_each_step_is_refused_while_the_previous_one_is_missing(stage, launched, clerk, reviewer):
    """Taken right up to the step before ``stage`` (which stays missing), then ``stage`` is tried: refused, and the
    refusal names the missing step; nothing changes."""
    previous = ORDERED[ORDERED.index(stage) - 1]
    d = launched()
    for s in ORDERED[:ORDERED.index(previous)]:
        STEPS[s](d, clerk, reviewer)
    d.refresh_from_db()
    events = timeline(d).count()
    with pytest.raises(ValidationError) as refused:
        STEPS[stage](d, clerk, reviewer)
    message = "；".join(refused.value.messages)
    assert message.startswith("不能") and f"“{previous.label}”" in message
    if previous in OPTIONAL_STEPS:
        assert "既未进行也未说明不进行的理由" in message
    else:
        assert "尚未完成" in message
    assert timeline(d).count() == events
    assert MajorDecision.objects.get(pk=d.pk).stage == d.stage == steps.next_stage(d, clock.today())


def test_straight_from_launch_to_discussion_is_refused(launched, clerk):
    d = launched()
    with pytest.raises(ValidationError, match="不能提交集体讨论：尚未完成“拟订方案”"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 3, 1), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)
    with pytest.raises(ValidationError, match="不能作出决定：尚未完成“拟订方案”"):
        services.make_decision(d, user=clerk, decided_on=D(2025, 3, 1), decision_text="同意")


def test_a_step_is_taken_once(before, clerk, reviewer):
    d = before(Stage.PARTICIPATION)
    with pytest.raises(ValidationError, match="“拟订方案”已经办理"):
        STEPS[Stage.DRAFTING](d, clerk, reviewer)


# ---------------------------------------------------------------- public participation

def test_public_comment_needs_thirty_days_or_a_reason(before, clerk):
    d = before(Stage.PARTICIPATION)
    with pytest.raises(ValidationError, match="少于30日"):
        services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 29), draft_text="草案")
    period = services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 20),
                                                draft_text="草案", short_reason="防汛工作紧急")
    assert period.days == 20 and period.short_reason == "防汛工作紧急"
    with pytest.raises(ValidationError, match="期满后才能登记"):
        services.close_public_participation(d, user=clerk, done_on=D(2025, 3, 15), comments_adoption="x")
    with pytest.raises(ValidationError, match="采纳情况"):
        services.close_public_participation(d, user=clerk, done_on=D(2025, 3, 21), comments_adoption=" ")
    services.close_public_participation(d, user=clerk, done_on=D(2025, 3, 21), comments_adoption="无意见")
    d.refresh_from_db()
    assert d.stage == Stage.EXPERT


def test_thirty_days_exactly_needs_no_reason(before, clerk):
    d = before(Stage.PARTICIPATION)
    period = services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案")
    assert period.days == 30


def test_participation_cannot_close_before_it_opens(before, clerk):
    d = before(Stage.PARTICIPATION)
    with pytest.raises(ValidationError, match="尚未公开征求意见"):
        services.close_public_participation(d, user=clerk, done_on=D(2025, 4, 1), comments_adoption="x")


def test_an_open_comment_period_holds_the_decision(before, clerk):
    d = before(Stage.PARTICIPATION)
    today = clock.today()
    services.open_public_participation(d, user=clerk, opens_on=today - dt.timedelta(days=5),
                                       closes_on=today + dt.timedelta(days=25), draft_text="草案")
    with pytest.raises(ValidationError, match="期满后才能登记"):
        services.close_public_participation(d, user=clerk, done_on=today, comments_adoption="x")
    with pytest.raises(ValidationError, match="“公众参与”"):
        services.skip_optional_step(d, user=clerk, stage="expert", reason="专业性不强", on=today)


HEARING = dict(hearing_held_on=D(2025, 3, 20), hearing_participants_published_on=D(2025, 3, 10),
               hearing_materials_sent_on=D(2025, 3, 13), hearing_summary="商户代表12人参加，主要意见：过渡期安置")


@pytest.mark.parametrize("change, field, message", [
    ({"hearing_materials_sent_on": D(2025, 3, 14)}, "hearing_materials_sent_on", "7日前送达"),
    ({"hearing_participants_published_on": D(2025, 3, 20)}, "hearing_participants_published_on", "听证会前向社会公布"),
    ({"hearing_participants_published_on": None}, "hearing_participants_published_on", "听证会前向社会公布"),
    ({"hearing_held_on": D(2025, 4, 2)}, "hearing_held_on", "不能晚于公众参与完成日期"),
    ({"hearing_held_on": D(2025, 2, 15), "hearing_participants_published_on": D(2025, 2, 1),
      "hearing_materials_sent_on": D(2025, 2, 5)}, "hearing_held_on", "不能早于“拟订方案”"),
    ({"hearing_held_on": None}, "hearing_held_on", "须填写听证会日期"),
    ({"hearing_summary": ""}, "hearing_summary", "听证情况"),
])
def test_a_hearing_follows_article_sixteen(before, clerk, change, field, message):
    d = before(Stage.PARTICIPATION)
    services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案")
    with pytest.raises(ValidationError) as refused:
        services.close_public_participation(d, user=clerk, done_on=D(2025, 4, 1), comments_adoption="x",
                                            **(HEARING | change))
    assert message in refused.value.message_dict[field][0]


def test_a_hearing_is_recorded(before, clerk):
    d = before(Stage.PARTICIPATION)
    services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案")
    services.close_public_participation(d, user=clerk, done_on=D(2025, 4, 1), comments_adoption="采纳8条", **HEARING)
    d.refresh_from_db()
    assert d.hearing_held_on == D(2025, 3, 20) and "听证" in timeline(d).last().note
    state = next(s for s in steps.progress(d, clock.today()) if s.stage == Stage.PARTICIPATION)
    assert state.state == "done" and "举行听证会" in state.detail


# ---------------------------------------------------------------- optional steps

def test_optional_steps_need_a_reason_when_not_taken(before, clerk):
    d = before(Stage.EXPERT)
    with pytest.raises(ValidationError, match="“专家论证”既未进行也未说明不进行的理由"):
        services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 10))
    with pytest.raises(ValidationError, match="不进行的理由"):
        services.skip_optional_step(d, user=clerk, stage="expert", reason=" ", on=D(2025, 4, 2))
    with pytest.raises(ValidationError, match="只有专家论证、风险评估、向党委请示报告"):
        services.skip_optional_step(d, user=clerk, stage="legality", reason="不需要", on=D(2025, 4, 2))
    services.skip_optional_step(d, user=clerk, stage="expert", reason="事项专业性不强", on=D(2025, 4, 2))
    with pytest.raises(ValidationError, match="请上传风险评估报告"):
        services.record_risk_assessment(d, user=clerk, assessed_on=D(2025, 4, 3), assessor="x", conclusion="低")
    with pytest.raises(ValidationError, match="不能早于“专家论证”的日期"):
        services.skip_optional_step(d, user=clerk, stage="risk", reason="不涉及社会稳定风险", on=D(2025, 4, 1))
    services.skip_optional_step(d, user=clerk, stage="risk", reason="不涉及社会稳定风险", on=D(2025, 4, 3))
    d.refresh_from_db()
    assert d.stage == Stage.LEGALITY and d.expert_skipped_on == D(2025, 4, 2) and d.risk_skip_reason == "不涉及社会稳定风险"
    states = {s.stage: s for s in steps.progress(d, D(2025, 4, 4))}
    assert states[Stage.EXPERT].state == "skipped" and "事项专业性不强" in states[Stage.EXPERT].detail
    assert states[Stage.LEGALITY].state == "current"
    with pytest.raises(ValidationError, match="不能早于“风险评估”的日期"):
        services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 2))
    assert "不进行专家论证" in [e.action for e in timeline(d)]


def test_expert_review_needs_the_signed_opinions(before, clerk):
    d = before(Stage.EXPERT)
    with pytest.raises(ValidationError, match="署名或者盖章"):
        services.record_expert_review(d, user=clerk, reviewed_on=D(2025, 4, 8), experts="张教授")
    services.record_expert_review(d, user=clerk, reviewed_on=D(2025, 4, 8), experts="张教授", files=[pdf()])
    from fazhi.core.attachments import attachments_for

    assert attachments_for(MajorDecision.objects.get(pk=d.pk)).count() == 1


def test_the_party_report_may_be_declined_with_a_reason(before, clerk, reviewer):
    d = before(Stage.PARTY_REPORT)
    with pytest.raises(ValidationError, match="不能公布决策：“向党委请示报告”既未进行也未说明不进行的理由"):
        STEPS[Stage.PUBLICATION](d, clerk, reviewer)
    services.skip_optional_step(d, user=clerk, stage="party_report", reason="按规定不属于须请示报告的事项", on=D(2025, 4, 29))
    STEPS[Stage.PUBLICATION](d, clerk, reviewer)
    assert MajorDecision.objects.get(pk=d.pk).stage == Stage.ARCHIVING


# ---------------------------------------------------------------- legality review

def test_legality_review_is_mandatory_and_needs_seven_working_days(to_legality, clerk, reviewer):
    d = to_legality()
    with pytest.raises(ValidationError, match="不能提交集体讨论：尚未完成“合法性审查”——尚未送请合法性审查"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 4, 20), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)
    with pytest.raises(ValidationError, match="不得少于7个工作日"):
        services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16), days_allowed=6)
    review = services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16))
    assert review.days_allowed == 7
    with pytest.raises(ValidationError, match="合法性审查尚未完成"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 4, 20), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)
    with pytest.raises(ValidationError, match="不能送请合法性审查：合法性审查尚未完成"):
        services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 17))


def test_a_rejected_review_keeps_the_decision_until_a_revised_draft_passes(to_legality, clerk, reviewer):
    d = to_legality()
    review = services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16))
    reviews.review_conclude(review, user=reviewer, opinion=Opinion.REJECTED, reasons="收费无依据", concluded_on=D(2025, 4, 25))
    d.refresh_from_db()
    assert d.stage == Stage.LEGALITY
    last = timeline(d).last()
    assert last.action == "合法性审查意见：不予通过" and "收费无依据" in last.note
    with pytest.raises(ValidationError, match="不予通过"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 4, 28), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)
    again = services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 28))
    reviews.review_conclude(again, user=reviewer, opinion=Opinion.APPROVED_WITH_CHANGES, reasons="删去收费条款",
                            suggestions="删去第五条", concluded_on=D(2025, 5, 9))
    d.refresh_from_db()
    assert d.stage == Stage.DISCUSSION
    event = timeline(d).last()
    assert (event.action, event.from_status, event.to_status) == ("合法性审查意见：修改后通过", "合法性审查", "集体讨论决定")
    with pytest.raises(ValidationError, match="不能早于“合法性审查”的日期"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 5, 8), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)


# ---------------------------------------------------------------- collective discussion, decision and after

def test_the_chief_speaks_last_and_dates_follow_the_review(reviewed, clerk):
    d = reviewed()
    assert d.stage == Stage.DISCUSSION  # the passing opinion moved it on
    kw = dict(user=clerk, meeting_kind="executive", chair="吴镇长", attendees="班子成员")
    with pytest.raises(ValidationError, match="最后发表意见"):
        services.hold_collective_discussion(d, discussed_on=D(2025, 4, 28), chief_spoke_last=False, **kw)
    with pytest.raises(ValidationError, match="不能早于“合法性审查”的日期"):
        services.hold_collective_discussion(d, discussed_on=D(2025, 4, 20), chief_spoke_last=True, **kw)
    with pytest.raises(ValidationError, match="会议类型"):
        services.hold_collective_discussion(d, discussed_on=D(2025, 4, 28), chief_spoke_last=True,
                                            **(kw | {"meeting_kind": "chat"}))
    with pytest.raises(ValidationError, match="出席人员"):
        services.hold_collective_discussion(d, discussed_on=D(2025, 4, 28), chief_spoke_last=True, **(kw | {"attendees": ""}))
    services.hold_collective_discussion(d, discussed_on=D(2025, 4, 28), chief_spoke_last=True, dissent="一名委员建议暂缓",
                                        chief_differs_reason="时间紧迫，须在汛期前完成", **kw)
    d.refresh_from_db()
    assert d.stage == Stage.DECISION and d.passing_review is not None and d.dissent == "一名委员建议暂缓"
    assert d.chief_differs_reason == "时间紧迫，须在汛期前完成"
    assert "不同意见：一名委员建议暂缓" in timeline(d).last().note


def test_the_decision_is_not_dated_before_the_discussion(before, clerk):
    d = before(Stage.DECISION)
    with pytest.raises(ValidationError, match="不能早于“集体讨论决定”的日期"):
        services.make_decision(d, user=clerk, decided_on=D(2025, 4, 27), decision_text="同意")
    with pytest.raises(ValidationError, match="决定内容"):
        services.make_decision(d, user=clerk, decided_on=D(2025, 4, 28), decision_text="")
    services.make_decision(d, user=clerk, decided_on=D(2025, 4, 28), decision_text="同意")  # on the meeting day


@pytest.mark.parametrize("stage", ORDERED, ids=lambda s: s.value)
def test_no_step_is_dated_in_the_future(stage, before, clerk, reviewer, monkeypatch):
    d = before(stage)
    real = SCHEDULE[stage]
    day = (TOMORROW, TOMORROW + dt.timedelta(days=40)) if isinstance(real, tuple) else TOMORROW
    monkeypatch.setitem(SCHEDULE, stage, day)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        STEPS[stage](d, clerk, reviewer)


def test_a_decision_end_to_end(before, clerk, reviewer, township):
    d = before(None)
    assert d.stage == Stage.DONE and d.evaluated_on == SCHEDULE[Stage.EVALUATION]
    assert all(s.state == "done" for s in steps.progress(d, clock.today()))
    actions = [e.action for e in timeline(d)]
    assert actions == ["决策启动", "拟订决策草案", "公开征求意见", "公众参与完成", "专家论证", "风险评估", "送请合法性审查",
                       "合法性审查意见：通过", "集体讨论", "作出决定", "向党委请示报告", "决策公布", "立卷归档", "决策后评估"]
    assert all(e.user_id for e in timeline(d))
    transitions = [(e.from_status, e.to_status) for e in timeline(d) if e.from_status]
    assert transitions[-1] == ("已完成", "已完成") and ("集体讨论决定", "作出决定") in transitions
    scope = Scope((township,), 2025)
    assert get("decisions_completed").compute(scope).value == 1
    assert get("decision_review_coverage").compute(scope).value == 100
    with pytest.raises(ValidationError, match="已经办理"):
        services.archive_decision(d, user=clerk, archived_on=D(2025, 6, 2), archive_number="x")
    with pytest.raises(ValidationError, match="已经办理"):
        STEPS[Stage.EVALUATION](d, clerk, reviewer)


@pytest.mark.parametrize("evaluator, message", [
    ("县社会稳定风险评估中心", "原风险评估单位"), (" 县社会稳定 风险评估中心 ", "原风险评估单位"), ("李律师", "主要论证工作"),
])
def test_the_evaluator_is_not_who_assessed_the_decision(before, clerk, evaluator, message):
    d = before(Stage.EVALUATION)
    with pytest.raises(ValidationError, match=message):
        services.evaluate_decision(d, user=clerk, evaluated_on=D(2025, 12, 1), evaluator=evaluator,
                                   trigger="群众意见较多", conclusion="效果良好")


def test_a_voided_decision_stops(launched, clerk, reviewer):
    d = launched()
    d.void(reason="上级政策调整", user=clerk)
    with pytest.raises(ValidationError, match="已作废"):
        STEPS[Stage.DRAFTING](d, clerk, reviewer)


# ---------------------------------------------------------------- catalog, launch, the unreviewed

def test_an_unreviewed_catalogued_decision_is_visible(launched, to_legality, clerk, township, client):
    waiting = launched(title="尚未送审的决策")
    sent = to_legality(title="已送审的决策")
    services.send_for_legality_review(sent, user=clerk, submitted_on=D(2025, 4, 16))
    scope = Scope((township,), 2025)
    assert list(without_review(scope)) == [waiting]
    assert get("decisions_without_review").compute(scope).value == 1
    client.force_login(clerk)
    page = client.get("/decisions/?year=2025").content.decode()
    assert f'data-unreviewed="{waiting.pk}"' in page and f'data-unreviewed="{sent.pk}"' not in page


def test_launch_needs_a_catalog_or_a_reason(township, other_township, clerk):
    with pytest.raises(ValidationError, match="须说明理由"):
        services.launch_decision(organisation=township, user=clerk, launched_on=D(2025, 2, 10),
                                 fields=dict(title="x", lead_unit="党政办"))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.launch_decision(organisation=township, user=clerk, launched_on=TOMORROW,
                                 fields=dict(title="x", lead_unit="党政办", off_catalog_reason="新任务"))
    from .factories import make_catalog

    theirs = make_catalog(other_township)
    with pytest.raises(ValidationError, match="本单位"):
        services.launch_decision(organisation=township, user=clerk, launched_on=D(2025, 2, 10),
                                 fields=dict(title="x", lead_unit="党政办", catalog=theirs))
    d = services.launch_decision(organisation=township, user=clerk, launched_on=D(2025, 2, 10),
                                 fields=dict(title="x", lead_unit="党政办", off_catalog_reason="年中上级部署的新任务"))
    assert d.stage == Stage.DRAFTING
    event = timeline(d).get()
    assert (event.action, event.to_status, event.user) == ("决策启动", "拟订方案", clerk)


def test_catalog_is_published_after_the_party_committee(township, clerk):
    with pytest.raises(ValidationError, match="党委同意"):
        services.create_catalog(organisation=township, year=2024, title="目录", published_on=D(2024, 1, 5))
    catalog = services.create_catalog(organisation=township, year=2024, title="目录")
    with pytest.raises(ValidationError, match="已存在"):
        services.create_catalog(organisation=township, year=2024, title="目录")
    with pytest.raises(ValidationError, match="不能早于党委同意日期"):
        services.publish_catalog(catalog, user=clerk, party_approved_on=D(2024, 1, 10), published_on=D(2024, 1, 5))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.publish_catalog(catalog, user=clerk, party_approved_on=D(2024, 1, 10), published_on=TOMORROW)
    services.publish_catalog(catalog, user=clerk, party_approved_on=D(2024, 1, 10), published_on=D(2024, 1, 15))
    with pytest.raises(ValidationError, match="已经公布"):
        services.publish_catalog(catalog, user=clerk, party_approved_on=D(2024, 1, 10), published_on=D(2024, 1, 16))


def test_a_voided_catalog_makes_room_for_a_new_one(township, clerk):
    first = services.create_catalog(organisation=township, year=2024, title="目录")
    first.void(reason="重新编制", user=clerk)
    assert services.create_catalog(organisation=township, year=2024, title="目录（修订）").pk != first.pk


def test_the_database_holds_one_catalog_per_year(township):
    from django.db import IntegrityError, transaction

    from fazhi.decisions.models import DecisionCatalog

    DecisionCatalog.objects.create(organisation=township, year=2023, title="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionCatalog.objects.create(organisation=township, year=2023, title="b")
