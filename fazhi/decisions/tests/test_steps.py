"""Every gate of a major decision, the happy path, and the catalogued decision whose review never started."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fazhi.decisions import services, steps
from fazhi.decisions.choices import Stage
from fazhi.decisions.figures import without_review
from fazhi.decisions.models import MajorDecision
from fazhi.indicators.registry import Scope, get

from .conftest import D, pdf


def test_steps_cannot_be_skipped(launched, clerk):
    d = launched()
    with pytest.raises(ValidationError, match="不能提交集体讨论：尚未完成“拟订方案”"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 3, 1), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)
    with pytest.raises(ValidationError, match="尚未完成“公众参与”"):
        services.record_drafting(d, user=clerk, drafted_on=D(2025, 2, 20), options_considered="两个方案")
        services.make_decision(d, user=clerk, decided_on=D(2025, 3, 1), decision_text="同意")


def test_public_comment_needs_thirty_days_or_a_reason(launched, clerk):
    d = launched()
    services.record_drafting(d, user=clerk, drafted_on=D(2025, 2, 20), options_considered="两个方案")
    with pytest.raises(ValidationError, match="少于30日"):
        services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 20), draft_text="草案")
    period = services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 20),
                                                draft_text="草案", short_reason="防汛工作紧急")
    assert period.days == 20
    with pytest.raises(ValidationError, match="期满后才能登记"):
        services.close_public_participation(d, user=clerk, done_on=D(2025, 3, 15), comments_adoption="x")


def test_optional_steps_need_a_reason_when_not_taken(launched, clerk):
    d = launched()
    services.record_drafting(d, user=clerk, drafted_on=D(2025, 2, 20), options_considered="两个方案")
    services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案")
    services.close_public_participation(d, user=clerk, done_on=D(2025, 4, 1), comments_adoption="无意见")
    with pytest.raises(ValidationError, match="“专家论证”既未进行也未说明不进行的理由"):
        services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 10))
    with pytest.raises(ValidationError, match="不进行的理由"):
        services.skip_optional_step(d, user=clerk, stage="expert", reason=" ", on=D(2025, 4, 2))
    services.skip_optional_step(d, user=clerk, stage="expert", reason="事项专业性不强", on=D(2025, 4, 2))
    with pytest.raises(ValidationError, match="请上传风险评估报告"):
        services.record_risk_assessment(d, user=clerk, assessed_on=D(2025, 4, 3), assessor="x", conclusion="低")
    services.skip_optional_step(d, user=clerk, stage="risk", reason="不涉及社会稳定风险", on=D(2025, 4, 3))
    d.refresh_from_db()
    assert d.stage == Stage.LEGALITY
    states = {s.stage: s.state for s in steps.progress(d, D(2025, 4, 4))}
    assert states[Stage.EXPERT] == "skipped" and states[Stage.LEGALITY] == "current"


def test_legality_review_is_mandatory_and_needs_seven_working_days(to_legality, clerk, reviewer):
    d = to_legality()
    with pytest.raises(ValidationError, match="不能提交集体讨论：尚未送请合法性审查"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 4, 20), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)
    with pytest.raises(ValidationError, match="不得少于7个工作日"):
        services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16), days_allowed=5)
    services.send_for_legality_review(d, user=clerk, submitted_on=D(2025, 4, 16))
    with pytest.raises(ValidationError, match="合法性审查尚未完成"):
        services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 4, 20), meeting_kind="executive",
                                            chair="吴镇长", attendees="班子成员", chief_spoke_last=True)


def test_the_chief_speaks_last_and_dates_follow_the_review(reviewed, clerk):
    d = reviewed()
    assert d.stage == Stage.DISCUSSION  # the passing opinion moved it on
    kw = dict(user=clerk, meeting_kind="executive", chair="吴镇长", attendees="班子成员")
    with pytest.raises(ValidationError, match="最后发表意见"):
        services.hold_collective_discussion(d, discussed_on=D(2025, 4, 28), chief_spoke_last=False, **kw)
    with pytest.raises(ValidationError, match="不能早于“合法性审查”的日期"):
        services.hold_collective_discussion(d, discussed_on=D(2025, 4, 20), chief_spoke_last=True, **kw)
    services.hold_collective_discussion(d, discussed_on=D(2025, 4, 28), chief_spoke_last=True, dissent="一名委员建议暂缓", **kw)
    d.refresh_from_db()
    assert d.stage == Stage.PARTY_REPORT and d.passing_review is not None


def test_a_decision_end_to_end(reviewed, clerk, township):
    d = reviewed()
    services.hold_collective_discussion(d, user=clerk, discussed_on=D(2025, 4, 28), meeting_kind="executive", chair="吴镇长",
                                        attendees="班子成员", chief_spoke_last=True)
    services.report_to_party_committee(d, user=clerk, reported_on=D(2025, 4, 29))
    services.make_decision(d, user=clerk, decided_on=D(2025, 5, 6), decision_text="同意整体搬迁", doc_number="甲府发〔2025〕12号")
    services.publish_decision(d, user=clerk, published_on=D(2025, 5, 8), channel="镇政府网站", adoption_explanation="采纳意见8条")
    services.archive_decision(d, user=clerk, archived_on=D(2025, 6, 1), archive_number="2025-JC-01")
    d.refresh_from_db()
    assert d.stage == Stage.DONE
    with pytest.raises(ValidationError, match="不得由原风险评估单位"):
        services.evaluate_decision(d, user=clerk, evaluated_on=D(2025, 12, 1), evaluator="县社会稳定风险评估中心",
                                   trigger="群众意见较多", conclusion="效果良好")
    services.evaluate_decision(d, user=clerk, evaluated_on=D(2025, 12, 1), evaluator="某大学法学院", trigger="群众意见较多",
                               conclusion="效果良好")
    scope = Scope((township,), 2025)
    assert get("decisions_completed").compute(scope).value == 1
    assert get("decision_review_coverage").compute(scope).value == 100
    with pytest.raises(ValidationError, match="已经办理"):
        services.archive_decision(d, user=clerk, archived_on=D(2025, 6, 2), archive_number="x")


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


def test_launch_needs_a_catalog_or_a_reason(township, clerk):
    with pytest.raises(ValidationError, match="须说明理由"):
        services.launch_decision(organisation=township, user=clerk, launched_on=D(2025, 2, 10),
                                 fields=dict(title="x", lead_unit="党政办"))
    d = services.launch_decision(organisation=township, user=clerk, launched_on=D(2025, 2, 10),
                                 fields=dict(title="x", lead_unit="党政办", off_catalog_reason="年中上级部署的新任务"))
    assert d.stage == Stage.DRAFTING


def test_catalog_is_published_after_the_party_committee(township, clerk):
    with pytest.raises(ValidationError, match="党委同意"):
        services.create_catalog(organisation=township, year=2024, title="目录", published_on=D(2024, 1, 5))
    catalog = services.create_catalog(organisation=township, year=2024, title="目录")
    with pytest.raises(ValidationError, match="已存在"):
        services.create_catalog(organisation=township, year=2024, title="目录")
    with pytest.raises(ValidationError, match="不能早于党委同意日期"):
        services.publish_catalog(catalog, user=clerk, party_approved_on=D(2024, 1, 10), published_on=D(2024, 1, 5))


def test_future_dates_are_refused(launched, clerk):
    d = launched()
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.record_drafting(d, user=clerk, drafted_on=dt.date.today() + dt.timedelta(days=3), options_considered="x")
    assert MajorDecision.objects.get(pk=d.pk).drafted_on is None


def test_expert_review_needs_the_signed_opinions(launched, clerk):
    d = launched()
    services.record_drafting(d, user=clerk, drafted_on=D(2025, 2, 20), options_considered="两个方案")
    services.open_public_participation(d, user=clerk, opens_on=D(2025, 3, 1), closes_on=D(2025, 3, 30), draft_text="草案")
    services.close_public_participation(d, user=clerk, done_on=D(2025, 4, 1), comments_adoption="无")
    with pytest.raises(ValidationError, match="签名或者盖章"):
        services.record_expert_review(d, user=clerk, reviewed_on=D(2025, 4, 8), experts="张教授")
    services.record_expert_review(d, user=clerk, reviewed_on=D(2025, 4, 8), experts="张教授", files=[pdf()])
