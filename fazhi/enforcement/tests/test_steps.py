"""Every gate of a penalty case, with real dates: each refusal names its rule in Chinese."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fazhi.core.transitions import timeline
from fazhi.enforcement import journey, services
from fazhi.enforcement.choices import CaseStatus, OfficerKind, PartyKind, ReviewGround
from fazhi.enforcement.models import EvidenceFile
from fazhi.reviews import services as reviews

D = dt.date


def _msg(exc) -> str:
    return "；".join(exc.value.messages)


def evidence(case, officers, user, on=D(2025, 3, 4), **kw):
    args = dict(kind="inspection", taken_on=on, place="集镇", description="现场检查", officers=officers,
                certificates_shown=True, files=[journey.photo()], user=user)
    args.update(kw)
    return services.evidence_record(case, **args)


def test_filing_numbers_and_timeline(new_case, township):
    a, b = new_case(), new_case(party="李某")
    # the township's 机关代字 (甲镇 → 甲), not its internal code T901; the decision form proposes the matching 罚决 number
    assert a.number == "甲罚〔2025〕1号" and b.number == "甲罚〔2025〕2号"
    assert services.suggested_decision_number(b) == "甲罚决〔2025〕2号"
    assert a.status == CaseStatus.INVESTIGATING
    event = timeline(a).get()
    assert event.action == "立案" and "2025年6月3日" in event.note  # day 90 = 1 June, 端午节 holiday 31 May–2 June → 3 June
    township.doc_prefix = "甲乡"
    township.save()
    services.case_void(a, reason="立案错误")
    assert new_case(party="王某").number == "甲乡罚〔2025〕3号"  # a new 机关代字 and a voided case: the series goes on


def test_evidence_needs_two_certified_officers_who_showed_their_certificates(new_case, officers, clerk, township):
    case = new_case()
    with pytest.raises(ValidationError) as exc:
        evidence(case, officers[:1], clerk)
    assert "执法人员不得少于两人（行政处罚法第四十二条）" in _msg(exc)
    helper = services.officer_register(organisation=township, fields={"name": "钱辅助", "kind": OfficerKind.AUXILIARY})
    with pytest.raises(ValidationError) as exc:
        evidence(case, [officers[0], helper], clerk)
    assert "钱辅助是执法辅助人员" in _msg(exc)
    expired = journey.certified_officer(township, "孙过期", valid_until=D(2025, 3, 1), number="T901-009", user=clerk)
    with pytest.raises(ValidationError) as exc:
        evidence(case, [officers[0], expired], clerk)
    assert "孙过期在2025年3月4日其行政执法证（T901-009）已于2025年3月1日到期" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        evidence(case, officers, clerk, certificates_shown=False)
    assert "第五十五条" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        evidence(case, officers, clerk, files=[])
    assert "全过程记录，行政处罚法第四十七条" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        evidence(case, officers, clerk, on=D(2025, 3, 1))
    assert "不能早于立案日期" in _msg(exc)
    step = evidence(case, officers, clerk)
    assert step.files.count() == 1 and len(step.files.get().sha256) == 64


def test_auxiliary_cannot_hold_a_certificate(township, clerk):
    helper = services.officer_register(organisation=township, fields={"name": "钱辅助", "kind": OfficerKind.AUXILIARY})
    with pytest.raises(ValidationError) as exc:
        services.certificate_add(helper, number="X1", issued_by="县政府", valid_until=D(2030, 1, 1))
    assert "执法辅助人员不具有行政执法资格" in _msg(exc)


def test_evidence_upload_rejects_other_types_and_detects_tampering(new_case, officers, clerk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.enforcement import evidence as ev

    case = new_case()
    with pytest.raises(ValidationError) as exc:
        evidence(case, officers, clerk, files=[SimpleUploadedFile("x.html", b"<html>evil</html>", "image/png")])
    assert "不是允许的类型" in _msg(exc)
    video = SimpleUploadedFile("记录仪.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, "video/mp4")
    step = evidence(case, officers, clerk, files=[video, journey.record()])
    files = list(step.files.all())
    assert {f.mime_type for f in files} == {"video/mp4", "application/pdf"}
    assert all(ev.intact(f) for f in files)
    with open(files[0].file.path, "ab") as fh:
        fh.write(b"tampered")
    assert not ev.intact(EvidenceFile.objects.get(pk=files[0].pk))


def test_evidence_size_limit(new_case, officers, clerk, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.FAZHI_MAX_UPLOAD_BYTES = 100
    case = new_case()
    with pytest.raises(ValidationError) as exc:
        evidence(case, officers, clerk, files=[SimpleUploadedFile("大.png", journey.PNG + b"0" * 200, "image/png")])
    assert "超过" in _msg(exc)


def test_no_notice_without_evidence_and_no_decision_without_notice(new_case, clerk):
    case = new_case()
    with pytest.raises(ValidationError) as exc:
        services.case_notify(case, notice_on=D(2025, 3, 5), facts="x", proposed_kinds=["fine"], proposed_fine=Decimal(500))
    assert "尚无调查取证记录" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **journey.decide_kwargs(case, D(2025, 3, 20), "决1"))
    assert "未履行告知义务的，不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）" in _msg(exc)


def test_decision_waits_for_the_defence_period(case_at, clerk):
    case = case_at("defence")  # 告知 on 2025-03-08 (Saturday); no statement yet
    assert case.status == CaseStatus.DEFENCE and case.notice_on == D(2025, 3, 8)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **journey.decide_kwargs(case, D(2025, 3, 12), "决1"))
    assert "期限至2025年3月14日尚未届满" in _msg(exc)
    services.case_decide(case, **journey.decide_kwargs(case, D(2025, 3, 17), "决1"), user=clerk)
    case.refresh_from_db()
    assert case.status == CaseStatus.SERVING


def test_hearing_only_when_the_penalty_qualifies_and_within_5_working_days(new_case, officers, clerk):
    small = new_case()
    journey.take(small, until="investigating", officers=officers, user=clerk)
    evidence(small, officers, clerk)
    services.case_notify(small, notice_on=D(2025, 9, 29), facts="事实", proposed_kinds=["fine"], proposed_fine=Decimal(500))
    with pytest.raises(ValidationError) as exc:
        services.hearing_request(small, requested_on=D(2025, 9, 30))
    assert "不属于行政处罚法第六十三条规定的听证范围" in _msg(exc)
    big = new_case(party="某公司", kind=PartyKind.ORGANISATION)
    evidence(big, officers, clerk)
    services.case_notify(big, notice_on=D(2025, 9, 29), facts="事实", proposed_kinds=["restrict"], proposed_fine=None)
    big.refresh_from_db()
    assert big.hearing_eligible
    with pytest.raises(ValidationError) as exc:
        services.hearing_request(big, requested_on=D(2025, 10, 14))
    assert "告知后五日内提出（行政处罚法第六十四条第（一）项），本案期限至2025年10月13日" in _msg(exc)
    services.hearing_request(big, requested_on=D(2025, 10, 13), user=clerk)
    big.refresh_from_db()
    assert big.status == CaseStatus.HEARING


def test_hearing_notice_7_working_days_and_a_host_who_did_not_investigate(case_at, clerk):
    case = case_at("hearing", fine=Decimal("20000"), hearing=True)
    assert case.status == CaseStatus.HEARING
    with pytest.raises(ValidationError) as exc:
        services.hearing_hold(case, notice_sent_on=D(2025, 3, 10), held_on=D(2025, 3, 18), host="李法制", summary="x")
    assert "七日前通知当事人（行政处罚法第六十四条第（二）项）" in _msg(exc) and "最早2025年3月19日举行" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.hearing_hold(case, notice_sent_on=D(2025, 3, 10), held_on=D(2025, 3, 19), host="王执法", summary="x")
    assert "非本案调查人员主持" in _msg(exc)
    services.hearing_hold(case, notice_sent_on=D(2025, 3, 10), held_on=D(2025, 3, 19), host="李法制", summary="笔录", user=clerk)
    case.refresh_from_db()
    assert case.status == CaseStatus.DEFENCE and ReviewGround.MAJOR_RIGHTS_HEARING in case.review_grounds


def test_after_a_hearing_no_decision_without_passing_legal_review(case_at, clerk, reviewer):
    case = case_at("legal_review", fine=Decimal("20000"), hearing=True)
    assert case.status == CaseStatus.LEGAL_REVIEW
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **journey.decide_kwargs(case, case.hearing_on + dt.timedelta(days=3), "决1"))
    assert "不得作出决定（行政处罚法第五十八条）" in _msg(exc) and "合法性审查尚未完成" in _msg(exc)
    review = reviews.open_review(case)
    reviews.review_conclude(review, user=reviewer, opinion="rejected", reasons="证据不足", concluded_on=review.submitted_on + dt.timedelta(days=2))
    case.refresh_from_db()
    assert case.status == CaseStatus.LEGAL_REVIEW and "不予通过" in timeline(case).last().action
    again = services.send_for_legal_review(case, submitted_on=review.submitted_on + dt.timedelta(days=4), grounds=[], user=clerk)
    reviews.review_conclude(again, user=reviewer, opinion="approved", reasons="", concluded_on=again.submitted_on + dt.timedelta(days=1))
    case.refresh_from_db()
    again.refresh_from_db()
    assert case.status == CaseStatus.DECIDING and case.passing_review_id == again.pk
    services.case_decide(case, **journey.decide_kwargs(case, again.concluded_on, "决1"), user=clerk)


def test_decision_past_the_90_day_limit_is_refused_unless_extended_in_time(case_at, clerk):
    case = case_at("deciding", filed_on=D(2025, 7, 3))  # limit: 9 October 2025 (day 90 falls on 国庆)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **journey.decide_kwargs(case, D(2025, 10, 10), "决1"))
    assert "已超过作出行政处罚决定的期限（行政处罚法第六十条" in _msg(exc) and "本案期限至2025年10月9日" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.extend_decision_limit(case, days=30, approved_by="吴镇长", approved_on=D(2025, 10, 10), reason="复杂")
    assert "延期须在期限届满前批准" in _msg(exc)
    services.extend_decision_limit(case, days=30, approved_by="吴镇长", approved_on=D(2025, 10, 9), reason="案情复杂", user=clerk)
    services.case_decide(case, **journey.decide_kwargs(case, D(2025, 10, 10), "决1"), user=clerk)
    case.refresh_from_db()
    assert case.status == CaseStatus.SERVING
    assert "由2025年10月9日延至2025年10月31日" in timeline(case).filter(action="延长办案期限").get().note  # day 120


def test_decision_cannot_be_heavier_than_announced_and_needs_six_items_and_seal(case_at, clerk):
    case = case_at("deciding")
    kw = journey.decide_kwargs(case, D(2025, 3, 20), "决1")
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **(kw | {"fine_amount": Decimal("800")}))
    assert "行政机关不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条第二款）" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **(kw | {"kinds": ["fine", "revoke"]}))
    assert "第四十五条第二款" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **(kw | {"remedies": "", "performance": ""}))
    assert "缺少行政处罚法第五十九条规定的事项：（四）行政处罚的履行方式和期限；（五）申请行政复议、提起行政诉讼的途径和期限" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **(kw | {"sealed": False}))
    assert "印章（行政处罚法第五十九条第二款）" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.case_decide(case, **kw, serious=True)
    assert "集体讨论决定（行政处罚法第五十七条第二款）" in _msg(exc)
    services.case_decide(case, **(kw | {"fine_amount": Decimal("300")}), serious=True, discussed_on=D(2025, 3, 19),
                         discussion_summary="同意罚款300元", user=clerk)
    case.refresh_from_db()
    assert case.fine_amount == Decimal("300") and case.discussed_on == D(2025, 3, 19)


def test_service_when_present_is_on_the_spot_and_late_service_is_flagged(case_at, clerk):
    case = case_at("serving")
    with pytest.raises(ValidationError) as exc:
        services.case_serve(case, served_on=case.decided_on + dt.timedelta(days=1), method="direct", party_present=True)
    assert "宣告后当场交付" in _msg(exc)
    services.case_serve(case, served_on=case.decided_on + dt.timedelta(days=20), method="post", party_present=False, user=clerk)
    case.refresh_from_db()
    assert services.service_late(case)
    assert "逾期" in timeline(case).filter(action="送达行政处罚决定书").get().note


def test_payment_with_late_fee_and_closing(case_at, clerk):
    case = case_at("executing")
    from fazhi.enforcement import deadlines

    due = deadlines.payment_deadline(case.served_on).due
    with pytest.raises(ValidationError) as exc:
        services.case_close(case, closed_on=due, archive_number="A1")
    assert "处罚尚未执行完毕" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        services.case_execute(case, executed_on=due + dt.timedelta(days=2), amount_paid=Decimal("500"))
    assert "应缴530.00元（罚款500.00元，加处罚款30.00元）" in _msg(exc) and "第七十二条" in _msg(exc)
    services.case_execute(case, executed_on=due + dt.timedelta(days=2), amount_paid=Decimal("530"), user=clerk)
    services.case_close(case, closed_on=due + dt.timedelta(days=3), archive_number="2025-执法-001", user=clerk)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.late_fee == Decimal("30.00")


def test_full_journey_writes_one_event_per_step(case_at):
    case = case_at("closed")
    actions = list(timeline(case).values_list("action", flat=True))
    assert actions[0] == "立案" and actions[-1] == "结案归档"
    assert "告知（行政处罚事先告知书）" in actions and "作出行政处罚决定" in actions and "门户网站公示" in actions


def test_publication_withdrawn_after_annulment(case_at, clerk):
    case = case_at("closed")
    remedy = services.remedy_record(case, kind="reconsideration", filed_on=case.closed_on, user=clerk)
    with pytest.raises(ValidationError) as exc:
        services.case_withdraw_publication(case, withdrawn_on=case.closed_on)
    assert "第四十八条第二款" in _msg(exc)
    services.remedy_conclude(remedy, result="annulled", result_on=case.closed_on + dt.timedelta(days=20), user=clerk)
    case.refresh_from_db()
    assert case.changed_on
    services.case_withdraw_publication(case, withdrawn_on=case.changed_on + dt.timedelta(days=1), user=clerk)


def test_void_only_before_decision(case_at, clerk):
    case = case_at("deciding")
    services.case_void(case, reason="不构成违法，撤销立案", user=clerk)
    decided = case_at("serving")
    with pytest.raises(ValidationError):
        services.case_void(decided, reason="x")


# ---------------------------------------------------------------- 简易程序

def _simple(township, officers, **kw):
    fields = dict(form_number="当场-0001", decided_on=D(2025, 5, 6), place="集镇", party_kind=PartyKind.CITIZEN,
                  party_name="张某", violation="乱扔垃圾", legal_basis="《城市市容和环境卫生管理条例》第三十四条",
                  penalty="fine", fine_amount=Decimal("200"), registered_on=D(2025, 5, 7))
    fields.update(kw)
    return services.simple_penalty_register(organisation=township, fields=fields, officers=officers)


def test_simple_procedure_thresholds(township, officers, clerk):
    _simple(township, officers[:1])
    with pytest.raises(ValidationError) as exc:
        _simple(township, officers[:1], form_number="当场-0002", fine_amount=Decimal("201"))
    assert "对公民罚款不得超过200元（行政处罚法第五十一条）" in _msg(exc)
    _simple(township, officers[:1], form_number="当场-0003", party_kind=PartyKind.ORGANISATION, fine_amount=Decimal("3000"))
    with pytest.raises(ValidationError) as exc:
        _simple(township, officers[:1], form_number="当场-0004", party_kind=PartyKind.ORGANISATION, fine_amount=Decimal("3000.01"))
    assert "不得超过3000元" in _msg(exc)
    _simple(township, officers[:1], form_number="当场-0005", penalty="warning", fine_amount=Decimal("5000"))
    with pytest.raises(ValidationError) as exc:
        _simple(township, officers[:1], form_number="当场-0001")
    assert "编号不能重复使用" in _msg(exc)
    with pytest.raises(ValidationError) as exc:
        _simple(township, officers[:1], form_number="当场-0006", registered_on=D(2025, 5, 5))
    assert "第五十二条" in _msg(exc)
    expired = journey.certified_officer(township, "孙过期", valid_until=D(2025, 1, 1), number="T901-010", user=clerk)
    with pytest.raises(ValidationError) as exc:
        _simple(township, [expired], form_number="当场-0007")
    assert "已于2025年1月1日到期" in _msg(exc)


# ---------------------------------------------------------------- certificates and audits

def test_certificates_expiring_within_60_days_are_flagged(township, clerk):
    from fazhi.enforcement.selectors import certificate_alerts

    today = D(2026, 3, 1)
    journey.certified_officer(township, "甲", valid_until=D(2026, 4, 30), number="C1", user=clerk)  # 60 days
    journey.certified_officer(township, "乙", valid_until=D(2026, 5, 1), number="C2", user=clerk)  # 61 days
    journey.certified_officer(township, "丙", valid_until=D(2026, 2, 28), number="C3", user=clerk)
    services.officer_register(organisation=township, fields={"name": "丁", "kind": OfficerKind.OFFICER})
    alerts = {a.officer.name: a for a in certificate_alerts([township], today)}
    assert set(alerts) == {"甲", "丙", "丁"}
    assert alerts["甲"].state == "expiring" and alerts["甲"].days_left == 60
    assert alerts["丙"].state == "expired" and alerts["丁"].state == "none"


def test_audit_scores_a_case_and_follows_up_rectification(case_at, township, clerk):
    good = case_at("closed")
    audit = services.audit_run(organisation=township, held_on=D(2026, 1, 10), title="2025年度案卷评查", auditors="司法所",
                               cases=[good], user=clerk)
    result = audit.results.get()
    assert result.score == 100 and not result.findings
    other = case_at("closed", filed_on=D(2025, 4, 1))
    # tamper with a record file: the audit notices
    f = other.evidence.first().files.first()
    with open(f.file.path, "ab") as fh:
        fh.write(b"x")
    sample = services.audit_run(organisation=township, held_on=D(2026, 1, 11), title="抽查", auditors="司法所", sample=5, user=clerk)
    scores = {r.case_id: r for r in sample.results.all()}
    assert set(scores) == {good.pk, other.pk}
    assert scores[other.pk].score == 90 and "校验值不一致" in scores[other.pk].findings
    item = services.rectification_suggest(sample, case=other, suggestion="补正取证记录", due_on=D(2026, 2, 10), user=clerk)
    services.rectification_fix(item, fixed_on=D(2026, 1, 20), note="已补正", user=clerk)
    with pytest.raises(ValidationError):
        services.rectification_fix(item, fixed_on=D(2026, 1, 21), note="again")
    open_case = case_at("serving", filed_on=D(2025, 5, 1))
    with pytest.raises(ValidationError) as exc:
        services.audit_run(organisation=township, held_on=D(2026, 1, 12), title="x", auditors="y", cases=[open_case])
    assert "尚未结案" in _msg(exc)


def test_late_publication_and_late_withdrawal_are_flagged_with_real_dates(case_at, clerk):
    """Decided on 30 September 2025: 7 working days run to 16 October (国庆节 skipped, Saturday 11 October counted)."""
    from fazhi.enforcement.selectors import case_clock, overdue_cases

    case = case_at("serving", filed_on=D(2025, 9, 10))
    case.decided_on = D(2025, 9, 30)  # set directly: the journey's own dates are not the point here
    case.save()
    clock = {r["label"]: r for r in case_clock(case, D(2025, 10, 17)).rows}
    assert clock["行政处罚决定公示期限"]["due"] == D(2025, 10, 16) and clock["行政处罚决定公示期限"]["late"]
    assert any(c.pk == case.pk for c, _ in overdue_cases([case.organisation], D(2025, 10, 17)))
    services.case_serve(case, served_on=D(2025, 9, 30), method="direct", party_present=True, user=clerk)
    services.case_publish(case, published_on=D(2025, 10, 17), user=clerk)
    assert "逾期1个工作日" in timeline(case).filter(action="门户网站公示").get().note
    remedy = services.remedy_record(case, kind="reconsideration", filed_on=D(2025, 10, 20), user=clerk)
    services.remedy_conclude(remedy, result="annulled", result_on=D(2025, 12, 31), user=clerk)  # 3 WD → 6 January 2026
    case.refresh_from_db()
    clock = {r["label"]: r for r in case_clock(case, D(2026, 1, 7)).rows}
    assert clock["撤回已公开的处罚决定期限"]["due"] == D(2026, 1, 6) and clock["撤回已公开的处罚决定期限"]["late"]
    assert "元旦" in "".join(clock["撤回已公开的处罚决定期限"]["steps"])
    services.case_withdraw_publication(case, withdrawn_on=D(2026, 1, 7), user=clerk)
    assert "逾期撤回" in timeline(case).filter(action="撤下公示").get().note
