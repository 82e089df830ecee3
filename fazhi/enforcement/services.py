"""One service per step of enforcement work, each named after the rule it enforces (《中华人民共和国行政处罚法》2021,
国办发〔2018〕118号 行政执法三项制度).

Every case service locks the case, refuses a step out of order or a gate not met with a Chinese message naming the
article, refuses dates in the future or before the previous step, records the facts, moves the status and writes one
timeline row.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.dispatch import receiver
from django.utils import timezone

from fazhi.core import numbering
from fazhi.core.kit.voiding import Voiding, void_record
from fazhi.core.models import Organisation
from fazhi.core.transitions import record_transition
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.enforcement import deadlines, evidence
from fazhi.enforcement.choices import (
    HEARING_KINDS, LARGE_AMOUNT, OVERTURNED, SEVERITY, SIMPLE_LIMIT, CaseStatus, OfficerKind, PartyKind, PenaltyKind,
    RemedyResult, ReviewGround, SimplePenaltyKind,
)
from fazhi.enforcement.models import (
    AuditResult, CaseAudit, CaseExtension, CaseRemedy, Certificate, EnforcementInspection, EnforcementItem, Equipment,
    EvidenceStep, Officer,
    PenaltyCase, Rectification, SimplePenalty, TrainingSession,
)
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion, SubjectKind

MAX_EXTENSION_DAYS = 90  # a sanity cap; the law or rule that allows an extension sets its real length


def _today() -> dt.date:
    return timezone.localdate()


def _not_future(day: dt.date | None, field: str, label: str) -> None:
    if day and day > _today():
        raise ValidationError({field: f"{label}不能晚于今天"})


def _not_before(day: dt.date, earlier: dt.date | None, field: str, label: str, earlier_label: str) -> None:
    if earlier and day < earlier:
        raise ValidationError({field: f"{label}不能早于{earlier_label}（{format_date(earlier)}）"})


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _same_org(objects, organisation_id: int, field: str, label: str) -> None:
    for obj in objects:
        if obj.organisation_id != organisation_id or obj.is_void:
            raise ValidationError({field: f"请选择本单位在册的{label}"})


# ---------------------------------------------------------------- officers, certificates, training, equipment

@transaction.atomic
def officer_register(*, organisation: Organisation, fields: dict, user=None) -> Officer:
    officer = Officer(organisation=organisation, created_by=user, **fields)
    officer.full_clean()
    officer._history_user = user
    officer.save()
    return officer


@transaction.atomic
def certificate_add(officer: Officer, *, number: str, issued_by: str, valid_until: dt.date, issued_on=None, scope="",
                    user=None) -> Certificate:
    """行政执法证 (第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施). Auxiliary staff hold no certificate."""
    if officer.is_void:
        raise ValidationError("该人员已作废")
    if officer.kind != OfficerKind.OFFICER:
        raise ValidationError("执法辅助人员不具有行政执法资格，不能登记行政执法证（行政处罚法第四十二条）")
    number = _text(number, "number", "请填写证件编号")
    _not_future(issued_on, "issued_on", "发证日期")
    if issued_on and valid_until < issued_on:
        raise ValidationError({"valid_until": "有效期至不能早于发证日期"})
    if Certificate.objects.active().filter(number=number).exists():
        raise ValidationError({"number": f"证件编号“{number}”已登记"})
    cert = Certificate(organisation_id=officer.organisation_id, created_by=user, officer=officer, number=number,
                       issued_by=_text(issued_by, "issued_by", "请填写发证机关"), issued_on=issued_on,
                       valid_until=valid_until, scope=(scope or "").strip())
    cert.full_clean(validate_constraints=False)
    cert._history_user = user
    try:
        with transaction.atomic():
            cert.save()
    except IntegrityError:
        raise ValidationError({"number": f"证件编号“{number}”已登记"}) from None
    return cert


@transaction.atomic
def training_record(*, organisation: Organisation, held_on: dt.date, topic: str, organiser: str = "",
                    hours: Decimal = Decimal("0"), attendees=(), user=None) -> TrainingSession:
    _not_future(held_on, "held_on", "培训日期")
    _same_org(attendees, organisation.pk, "attendees", "执法人员")
    session = TrainingSession(organisation=organisation, created_by=user, held_on=held_on,
                              topic=_text(topic, "topic", "请填写培训内容"), organiser=(organiser or "").strip(),
                              hours=hours or Decimal("0"))
    session.full_clean()
    session._history_user = user
    session.save()
    session.attendees.set(attendees)
    return session


@transaction.atomic
def equipment_register(*, organisation: Organisation, fields: dict, user=None) -> Equipment:
    _not_future(fields.get("acquired_on"), "acquired_on", "配备日期")
    item = Equipment(organisation=organisation, created_by=user, **fields)
    item.full_clean()
    item._history_user = user
    item.save()
    return item


@transaction.atomic
def item_register(*, organisation: Organisation, fields: dict, user=None) -> EnforcementItem:
    fields = dict(fields)
    fields["body"] = (fields.get("body") or "").strip() or organisation.name
    item = EnforcementItem(organisation=organisation, created_by=user, **fields)
    item.full_clean()
    item._history_user = user
    item.save()
    return item


@transaction.atomic
def inspection_record(*, organisation: Organisation, fields: dict, user=None) -> EnforcementInspection:
    """现场执法检查活动 (执法监督): date, what and where was checked, by whom, what was found."""
    _not_future(fields.get("held_on"), "held_on", "检查日期")
    item = EnforcementInspection(organisation=organisation, created_by=user, **fields)
    item.full_clean()
    item._history_user = user
    item.save()
    return item


def require_certified(officers, on: dt.date, *, action: str, minimum: int, field: str = "officers") -> None:
    """第四十二条: 执法人员不得少于两人; only officers holding a certificate valid on the day may act."""
    officers = list(officers)
    if len(officers) < minimum:
        raise ValidationError({field: f"不能{action}：执法人员不得少于两人（行政处罚法第四十二条），本次只选择了{len(officers)}人"
                               if minimum >= 2 else f"不能{action}：请选择执法人员"})
    for officer in officers:
        if officer.kind != OfficerKind.OFFICER:
            raise ValidationError({field: f"不能{action}：{officer.name}是执法辅助人员，不具有行政执法资格，不能作为执法人员（行政处罚法第四十二条）"})
        if officer.certificate_on(on) is None:
            last = officer.certificates.active().order_by("-valid_until").first()
            why = f"其行政执法证（{last.number}）已于{format_date(last.valid_until)}到期" if last and last.valid_until < on \
                else "没有在有效期内的行政执法证"
            raise ValidationError({field: f"不能{action}：{officer.name}在{format_date(on)}{why}，不得从事执法活动（行政处罚法第四十二条）"})


# ---------------------------------------------------------------- penalty cases: helpers

def _lock(case: PenaltyCase) -> PenaltyCase:
    locked = PenaltyCase.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if locked.is_void:
        raise ValidationError("该案件已撤销立案（作废），不能继续办理")
    return locked


def _require(case: PenaltyCase, allowed, action: str) -> None:
    if case.status not in allowed:
        raise ValidationError(f"不能{action}：案件当前处于“{case.get_status_display()}”阶段")


def _move(case: PenaltyCase, *, to: CaseStatus | None, user, action: str, on: dt.date, note: str = "") -> PenaltyCase:
    before = case.get_status_display()
    if to is not None:
        case.status = to
    case._history_user = user
    case.save()
    record_transition(case, action=action, from_status=before, to_status=case.get_status_display(), user=user, on=on,
                      note=note)
    return case


def case_number(organisation: Organisation, year: int, sequence: int) -> str:
    """案号 as printed on the 立案审批表 and every notice to the party: the township's 机关代字, not its internal code."""
    return numbering.chinese_document_number(organisation.issuing_prefix, "罚", year, sequence)


def suggested_decision_number(case: PenaltyCase) -> str:
    """The 决定书文号 the decision form proposes: the case's own number in the 罚决 series (青山罚决〔2026〕8号)."""
    if case.number_year and case.number_sequence:
        return numbering.chinese_document_number(case.organisation.issuing_prefix, "罚决", case.number_year,
                                                 case.number_sequence)
    return case.number.replace("罚", "罚决")


def _next_sequence(organisation: Organisation, year: int) -> int:
    """Gap-free per township and year (fazhi/core/numbering.py); a voided case keeps its number."""
    return numbering.next_number(organisation, numbering.PENALTY_CASE, year, highest_issued=lambda: (
        PenaltyCase.objects.filter(organisation=organisation, number_year=year).aggregate(m=Max("number_sequence"))["m"]))


def hearing_eligible(kinds: list[str], amount: Decimal | None, party_kind: str) -> bool:
    """第六十三条: 较大数额罚款、没收较大数额违法所得或非法财物, 降低资质等级、吊销许可证件, 责令停产停业、责令关闭、限制从业."""
    if any(k in HEARING_KINDS for k in kinds):
        return True
    if amount is not None and any(k in (PenaltyKind.FINE, PenaltyKind.CONFISCATION) for k in kinds):
        return Decimal(amount) >= LARGE_AMOUNT[PartyKind(party_kind)]
    return False


def decision_limit(case: PenaltyCase) -> deadlines.Deadline:
    return deadlines.decision_deadline(case.filed_on, list(case.extensions.active()))


def defence_state(case: PenaltyCase, on: dt.date) -> tuple[bool, str]:
    """Whether the party's rights after 告知 are exhausted on ``on`` (第四十四条、第四十五条、第六十二条、第六十四条)."""
    if not case.notice_on:
        return False, "尚未告知当事人拟作出的行政处罚内容及事实、理由、依据和陈述、申辩、听证权利（行政处罚法第四十四条、第六十二条）"
    if case.hearing_requested_on and not case.hearing_on:
        return False, "当事人已申请听证，听证尚未举行（行政处罚法第六十三条、第六十四条）"
    if case.rights_waived_on or case.hearing_on:
        return True, ""
    limit = deadlines.hearing_request_deadline(case.notice_on)
    if on <= limit.due and not (case.statement_on and not case.hearing_eligible):
        right = "陈述、申辩和听证" if case.hearing_eligible else "陈述、申辩"
        return False, (f"告知后当事人行使{right}权利的期限至{format_date(limit.due)}尚未届满（行政处罚法第四十五条、第六十四条，"
                       f"5个工作日），期满或当事人书面放弃后方可继续")
    return True, ""


def review_grounds(case: PenaltyCase) -> list[str]:
    return [g for g in case.review_grounds.split(",") if g]


# ---------------------------------------------------------------- penalty cases: the steps

@transaction.atomic
def case_file(*, organisation: Organisation, fields: dict, filed_on: dt.date, user=None) -> PenaltyCase:
    """立案 (第五十四条第二款): 符合立案标准的，行政机关应当及时立案 — source, party, alleged violation, legal basis,
    the head's approval."""
    _not_future(filed_on, "filed_on", "立案日期")
    fields = dict(fields)
    for name, message in (("party_name", "请填写当事人"), ("alleged_violation", "请填写涉嫌违法行为"),
                          ("legal_basis", "请填写涉嫌违反的法律规定（立案依据）"), ("filing_approver", "请填写立案批准人（行政机关负责人）")):
        fields[name] = _text(fields.get(name, ""), name, message)
    sequence = _next_sequence(organisation, filed_on.year)
    case = PenaltyCase(organisation=organisation, created_by=user, filed_on=filed_on, number_year=filed_on.year,
                       number_sequence=sequence, number=case_number(organisation, filed_on.year, sequence), **fields)
    case.full_clean(validate_constraints=False)
    case._history_user = user
    case.save()
    due = decision_limit(case)
    record_transition(case, action="立案", to_status=case.get_status_display(), user=user, on=filed_on,
                      note=f"案号{case.number}；{case.filing_approver}批准立案；作出处罚决定期限至{format_date(due.due)}（第六十条，90日）")
    return case


@transaction.atomic
def evidence_record(case: PenaltyCase, *, kind: str, taken_on: dt.date, place: str, description: str, officers,
                    certificates_shown: bool, files=(), user=None) -> EvidenceStep:
    """调查取证 (第四十二条、第四十七条、第五十五条): at least two officers holding valid certificates, who showed them,
    and the written, photographic or audio-visual record of the step attached (全过程记录)."""
    case = _lock(case)
    action = "登记调查取证"
    _require(case, {CaseStatus.INVESTIGATING, CaseStatus.DEFENCE}, action)
    _not_future(taken_on, "taken_on", "取证日期")
    _not_before(taken_on, case.filed_on, "taken_on", "取证日期", "立案日期")
    officers = list(officers)
    _same_org(officers, case.organisation_id, "officers", "执法人员")
    require_certified(officers, taken_on, action=action, minimum=2)
    if not certificates_shown:
        raise ValidationError({"certificates_shown": f"不能{action}：执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件（行政处罚法第五十五条）"})
    if not files:
        raise ValidationError({"files": f"不能{action}：请上传本次取证的笔录、照片或录音录像（全过程记录，行政处罚法第四十七条）"})
    step = EvidenceStep(organisation_id=case.organisation_id, created_by=user, case=case, kind=kind, taken_on=taken_on,
                        place=_text(place, "place", "请填写取证地点"),
                        description=_text(description, "description", "请填写取证情况"), certificates_shown=True)
    step.full_clean()
    step.save()
    step.officers.set(officers)
    stored = [evidence.store(step=step, upload=f, user=user) for f in files]
    names = "、".join(o.name for o in officers)
    _move(case, to=None, user=user, action=f"调查取证：{step.get_kind_display()}", on=taken_on,
          note=f"执法人员{names}（均持有效执法证并出示）；{step.place}；记录文件{len(stored)}个（SHA-256 已登记）")
    return step


@transaction.atomic
def case_notify(case: PenaltyCase, *, notice_on: dt.date, facts: str, proposed_kinds: list[str],
                proposed_fine: Decimal | None = None, user=None) -> PenaltyCase:
    """告知 (第四十四条): before deciding, tell the party the proposed penalty with its facts, reasons and basis, and
    the rights to 陈述、申辩 and, where the penalty qualifies (第六十三条), 听证."""
    case = _lock(case)
    action = "告知拟作出的行政处罚"
    _require(case, {CaseStatus.INVESTIGATING}, action)
    steps = list(case.evidence.active().order_by("taken_on"))
    if not steps:
        raise ValidationError(f"不能{action}：尚无调查取证记录，行政机关必须全面、客观、公正地调查，收集有关证据（行政处罚法第五十四条）")
    _not_future(notice_on, "notice_on", "告知日期")
    _not_before(notice_on, steps[-1].taken_on, "notice_on", "告知日期", "最后一次调查取证的日期")
    kinds = [k for k in proposed_kinds if k in PenaltyKind.values]
    if not kinds:
        raise ValidationError({"proposed_kinds": "请选择拟作出的处罚种类（行政处罚法第九条）"})
    if any(k in (PenaltyKind.FINE, PenaltyKind.CONFISCATION) for k in kinds) and not proposed_fine:
        raise ValidationError({"proposed_fine": "拟罚款或没收的，请填写金额"})
    case.notice_on = notice_on
    case.notice_facts = _text(facts, "facts", "请写明拟作出行政处罚的事实、理由和依据（行政处罚法第四十四条）")
    case.proposed_kinds = ",".join(kinds)
    case.proposed_fine = proposed_fine
    case.hearing_eligible = hearing_eligible(kinds, proposed_fine, case.party_kind)
    limit = deadlines.hearing_request_deadline(notice_on)
    rights = "陈述、申辩、要求听证" if case.hearing_eligible else "陈述、申辩"
    note = f"告知{rights}权利；" + (f"当事人可在{format_date(limit.due)}前申请听证（第六十四条，5个工作日）"
                                if case.hearing_eligible else "拟作出的处罚不属于第六十三条规定的听证范围")
    return _move(case, to=CaseStatus.DEFENCE, user=user, action="告知（行政处罚事先告知书）", on=notice_on, note=note)


@transaction.atomic
def statement_record(case: PenaltyCase, *, statement_on: dt.date, text: str = "", review: str = "", waives: bool = False,
                     user=None) -> PenaltyCase:
    """陈述、申辩 (第四十五条): the organ must hear the party fully and review the facts, reasons and evidence put
    forward; the party may instead waive the rights in writing."""
    case = _lock(case)
    action = "登记陈述申辩"
    _require(case, {CaseStatus.DEFENCE}, action)
    _not_future(statement_on, "statement_on", "日期")
    _not_before(statement_on, case.notice_on, "statement_on", "日期", "告知日期")
    if waives:
        if case.hearing_requested_on:
            raise ValidationError({"waives": "当事人已申请听证，不能登记为放弃"})
        case.rights_waived_on = statement_on
        note = "当事人书面放弃陈述、申辩" + ("和听证" if case.hearing_eligible else "") + "权利"
    else:
        case.statement_text = _text(text, "text", "请填写当事人的陈述、申辩意见")
        case.statement_review = _text(review, "review", "请填写对陈述、申辩意见的复核意见（行政处罚法第四十五条：应当进行复核）")
        note = f"复核意见：{case.statement_review}"
    case.statement_on = statement_on
    # the party has been heard (or waived): nothing more to wait for unless a hearing may still be requested
    heard = waives or not case.hearing_eligible
    return _move(case, to=CaseStatus.DECIDING if heard else None, user=user,
                 action="陈述申辩" if not waives else "放弃陈述申辩", on=statement_on, note=note)


@transaction.atomic
def hearing_request(case: PenaltyCase, *, requested_on: dt.date, user=None) -> PenaltyCase:
    """申请听证 (第六十三条、第六十四条第（一）项): only for penalties that qualify, within 5 working days of 告知."""
    case = _lock(case)
    action = "登记听证申请"
    _require(case, {CaseStatus.DEFENCE}, action)
    if not case.hearing_eligible:
        raise ValidationError(f"不能{action}：拟作出的行政处罚不属于行政处罚法第六十三条规定的听证范围")
    if case.rights_waived_on:
        raise ValidationError(f"不能{action}：当事人已于{format_date(case.rights_waived_on)}书面放弃听证权利")
    _not_future(requested_on, "requested_on", "申请日期")
    _not_before(requested_on, case.notice_on, "requested_on", "申请日期", "告知日期")
    limit = deadlines.hearing_request_deadline(case.notice_on)
    if requested_on > limit.due:
        raise ValidationError({"requested_on": f"不能{action}：当事人要求听证的，应当在行政机关告知后五日内提出（行政处罚法第六十四条第（一）项），"
                                               f"本案期限至{format_date(limit.due)}，已逾期"})
    case.hearing_requested_on = requested_on
    return _move(case, to=CaseStatus.HEARING, user=user, action="当事人申请听证", on=requested_on,
                 note=f"在期限（{format_date(limit.due)}）内提出")


@transaction.atomic
def hearing_hold(case: PenaltyCase, *, notice_sent_on: dt.date, held_on: dt.date, host: str, summary: str,
                 user=None) -> PenaltyCase:
    """听证 (第六十四条): notice at least 7 working days before; hosted by someone who did not investigate the case;
    a record made. A hearing makes 法制审核 required where the party's major rights are concerned (第五十八条第（二）项)."""
    case = _lock(case)
    action = "登记听证"
    _require(case, {CaseStatus.HEARING}, action)
    _not_future(held_on, "held_on", "听证日期")
    _not_before(notice_sent_on, case.hearing_requested_on, "notice_sent_on", "听证通知日期", "听证申请日期")
    earliest = deadlines.hearing_earliest(notice_sent_on)
    if held_on < earliest.due:
        raise ValidationError({"held_on": f"不能{action}：行政机关应当在举行听证的七日前通知当事人（行政处罚法第六十四条第（二）项）；"
                                          f"{format_date(notice_sent_on)}通知的，最早{format_date(earliest.due)}举行"})
    host = _text(host, "host", "请填写听证主持人")
    investigators = {o.name for s in case.evidence.active() for o in s.officers.all()}
    if host in investigators:
        raise ValidationError({"host": f"不能{action}：听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第（四）项），{host}参与了本案调查"})
    case.hearing_notice_on, case.hearing_on, case.hearing_host = notice_sent_on, held_on, host
    case.hearing_summary = _text(summary, "summary", "请填写听证笔录摘要（行政处罚法第六十四条第（八）项）")
    grounds = review_grounds(case)
    if ReviewGround.MAJOR_RIGHTS_HEARING not in grounds:
        case.review_grounds = ",".join(grounds + [ReviewGround.MAJOR_RIGHTS_HEARING.value])
    return _move(case, to=CaseStatus.DEFENCE, user=user, action="举行听证", on=held_on,
                 note=f"{format_date(notice_sent_on)}通知，{host}主持；经过听证程序，作出决定前须法制审核（第五十八条第（二）项）")


@transaction.atomic
def send_for_legal_review(case: PenaltyCase, *, submitted_on: dt.date, grounds: list[str], days_allowed: int = 5,
                          materials: str = "", user=None):
    """法制审核 (第五十八条): required before the head decides when a ground of 第五十八条第一款 applies; goes through
    the legality-review queue."""
    case = _lock(case)
    action = "送法制审核"
    _require(case, {CaseStatus.DEFENCE, CaseStatus.LEGAL_REVIEW, CaseStatus.DECIDING}, action)
    if reviews.passing_review(case) is not None or reviews.open_review(case) is not None:
        raise ValidationError(f"不能{action}：{reviews.review_state_text(case)}")
    _not_future(submitted_on, "submitted_on", "送审日期")
    ready, why = defence_state(case, submitted_on)
    if not ready:
        raise ValidationError(f"不能{action}：{why}")
    chosen = [g for g in (list(grounds) + review_grounds(case)) if g in ReviewGround.values]
    chosen = list(dict.fromkeys(chosen))
    if not chosen:
        raise ValidationError({"grounds": "请选择须法制审核的情形（行政处罚法第五十八条第一款）"})
    case.review_grounds = ",".join(chosen)
    review = reviews.review_request(
        organisation=case.organisation, kind=SubjectKind.ENFORCEMENT, subject=case,
        title=f"{case.number} {case.party_name}{case.alleged_violation[:30]}", submitted_by_unit="综合行政执法队",
        submitted_on=submitted_on, days_allowed=days_allowed,
        materials=materials or "立案审批表、调查取证材料、告知书及陈述申辩（听证）材料、拟处罚意见", user=user,
    )
    labels = "；".join(ReviewGround(g).label for g in chosen)
    _move(case, to=CaseStatus.LEGAL_REVIEW, user=user, action="送法制审核", on=submitted_on,
          note=f"第五十八条：{labels}；审查期限{review.days_allowed}个工作日")
    return review


@receiver(reviews.review_concluded, sender=PenaltyCase, dispatch_uid="enforcement.legal_review_concluded")
def _on_review_concluded(sender, *, subject: PenaltyCase, review, user, **kwargs) -> None:
    legal_review_concluded(subject, review, user=user)


def legal_review_concluded(case: PenaltyCase, review, *, user=None) -> PenaltyCase:
    """The review queue's opinion on the case's timeline: a passing one lets the head decide; 不予通过 keeps the case at
    法制审核 until revised and sent again (第五十八条第一款: 未经法制审核或者审核未通过的，不得作出决定)."""
    case = PenaltyCase.objects.select_for_update().get(pk=case.pk)
    passed = review.opinion in (Opinion.APPROVED, Opinion.APPROVED_WITH_CHANGES)
    if passed:
        case.passing_review = review
    note = "；".join(x for x in (review.reasons and f"理由：{review.reasons}", review.suggestions and f"修改建议：{review.suggestions}") if x)
    return _move(case, to=CaseStatus.DECIDING if passed else None, user=user,
                 action=f"法制审核意见：{Opinion(review.opinion).label}", on=review.concluded_on, note=note)


@transaction.atomic
def extend_decision_limit(case: PenaltyCase, *, days: int, approved_by: str, approved_on: dt.date, reason: str,
                          user=None) -> CaseExtension:
    """延长办案期限 (第六十条: 法律、法规、规章另有规定的，从其规定): approved by the head before the limit expires."""
    case = _lock(case)
    action = "延长办案期限"
    if case.decided_on:
        raise ValidationError(f"不能{action}：已作出处罚决定")
    _not_future(approved_on, "approved_on", "批准日期")
    _not_before(approved_on, case.filed_on, "approved_on", "批准日期", "立案日期")
    if not 1 <= int(days) <= MAX_EXTENSION_DAYS:
        raise ValidationError({"days": f"延长天数应为1至{MAX_EXTENSION_DAYS}日"})
    limit = decision_limit(case)
    if approved_on > limit.due:
        raise ValidationError({"approved_on": f"不能{action}：办案期限已于{format_date(limit.due)}届满，延期须在期限届满前批准（行政处罚法第六十条）"})
    ext = CaseExtension(organisation_id=case.organisation_id, created_by=user, case=case, days=days,
                        approved_by=_text(approved_by, "approved_by", "请填写批准人（行政机关负责人）"), approved_on=approved_on,
                        reason=_text(reason, "reason", "请填写延期理由"))
    ext.full_clean()
    ext.save()
    new = decision_limit(case)
    _move(case, to=None, user=user, action="延长办案期限", on=approved_on,
          note=f"延长{days}日，{ext.approved_by}批准；作出处罚决定期限由{format_date(limit.due)}延至{format_date(new.due)}")
    return ext


SIX_ITEMS = (  # 第五十九条第一款
    ("party", "（一）当事人的姓名或者名称、地址"),
    ("decision_facts", "（二）违反法律、法规、规章的事实和证据"),
    ("decision_basis", "（三）行政处罚的种类和依据"),
    ("performance", "（四）行政处罚的履行方式和期限"),
    ("remedies", "（五）申请行政复议、提起行政诉讼的途径和期限"),
    ("organ_name", "（六）作出行政处罚决定的行政机关名称和作出决定的日期"),
)


def default_performance(kinds: list[str]) -> str:
    if PenaltyKind.FINE in kinds or PenaltyKind.CONFISCATION in kinds:
        return "自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款（行政处罚法第六十七条）；到期不缴纳的，每日按罚款数额的百分之三加处罚款（第七十二条）"
    return "自收到本决定书之日起履行"


def default_remedies(organisation: Organisation) -> str:
    county = organisation.parent.name if organisation.parent_id else "县"
    return f"如不服本决定，可以在收到本决定书之日起六十日内向{county}人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼"


@transaction.atomic
def case_decide(case: PenaltyCase, *, decided_on: dt.date, decision_number: str, kinds: list[str],
                fine_amount: Decimal | None, facts: str, basis: str, performance: str, remedies: str, organ_name: str,
                sealed: bool, discussed_on: dt.date | None = None, discussion_summary: str = "", serious: bool | None = None,
                user=None) -> PenaltyCase:
    """作出处罚决定 (第五十七条、第五十九条、第六十条、第六十二条、第四十五条、第五十八条).

    Refused: before 告知 or while the party's rights are running (第六十二条); while a requested hearing is not held
    (第六十四条); without a passing 法制审核 when 第五十八条 requires one; a serious case without collective discussion
    (第五十七条第二款); after the 90-day limit (第六十条); heavier than announced (第四十五条第二款); a decision document
    lacking any of the six items or the seal (第五十九条)."""
    case = _lock(case)
    action = "作出行政处罚决定"
    if case.status == CaseStatus.INVESTIGATING or not case.notice_on:
        raise ValidationError(f"不能{action}：尚未告知当事人拟作出的行政处罚内容及事实、理由、依据和陈述、申辩、听证权利；"
                              "未履行告知义务的，不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）")
    _require(case, {CaseStatus.DEFENCE, CaseStatus.DECIDING, CaseStatus.LEGAL_REVIEW, CaseStatus.HEARING}, action)
    _not_future(decided_on, "decided_on", "决定日期")
    ready, why = defence_state(case, decided_on)
    if not ready:
        raise ValidationError(f"不能{action}：{why}")
    if review_grounds(case):
        review = reviews.passing_review(case)
        if review is None:
            grounds = "；".join(ReviewGround(g).label for g in review_grounds(case))
            raise ValidationError(f"不能{action}：本案属于须法制审核的情形（{grounds}），{reviews.review_state_text(case)}；"
                                  "未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）")
        case.passing_review = review
        _not_before(decided_on, review.concluded_on, "decided_on", "决定日期", "法制审核意见日期")
    if serious is not None:
        case.serious = serious
    if case.serious:
        if not discussed_on:
            raise ValidationError({"discussed_on": f"不能{action}：对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）"})
        if discussed_on > decided_on:
            raise ValidationError({"discussed_on": "集体讨论日期不能晚于决定日期"})
        case.discussed_on = discussed_on
        case.discussion_summary = _text(discussion_summary, "discussion_summary", "请填写集体讨论意见")
    limit = decision_limit(case)
    if decided_on > limit.due:
        raise ValidationError({"decided_on": f"不能{action}：已超过作出行政处罚决定的期限（行政处罚法第六十条：自立案之日起九十日内），"
                                             f"本案期限至{format_date(limit.due)}；确需延长的，应在期限届满前经批准延长"})
    for earlier, label in ((case.notice_on, "告知日期"), (case.statement_on, "陈述申辩日期"), (case.hearing_on, "听证日期")):
        _not_before(decided_on, earlier, "decided_on", "决定日期", label)
    kinds = [k for k in kinds if k in PenaltyKind.values]
    if not kinds:
        raise ValidationError({"kinds": "请选择处罚种类"})
    proposed = case.kinds("proposed_kinds")
    heavier = max(SEVERITY[PenaltyKind(k)] for k in kinds) > max(SEVERITY[PenaltyKind(k)] for k in proposed) or \
        (fine_amount or 0) > (case.proposed_fine or 0) or any(k not in proposed for k in kinds)
    if heavier:
        raise ValidationError({"kinds": f"不能{action}：处罚重于告知的内容（告知：{'、'.join(PenaltyKind(k).label for k in proposed)}"
                                        f"{'，' + str(case.proposed_fine) + '元' if case.proposed_fine else ''}）。行政机关不得因当事人陈述、申辩"
                                        "而给予更重的处罚（行政处罚法第四十五条第二款）；确需加重的，应重新告知"})
    if any(k in (PenaltyKind.FINE, PenaltyKind.CONFISCATION) for k in kinds) and not fine_amount:
        raise ValidationError({"fine_amount": "罚款或没收的，请填写金额"})
    values = {"party": case.party_name and case.party_address, "decision_facts": (facts or "").strip(),
              "decision_basis": (basis or "").strip(), "performance": (performance or "").strip(),
              "remedies": (remedies or "").strip(), "organ_name": (organ_name or "").strip() and decided_on}
    missing = [label for key, label in SIX_ITEMS if not values[key]]
    if missing:
        raise ValidationError(f"不能{action}：行政处罚决定书缺少行政处罚法第五十九条规定的事项：{'；'.join(missing)}")
    if not sealed:
        raise ValidationError({"sealed": f"不能{action}：行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章（行政处罚法第五十九条第二款）"})
    number = _text(decision_number, "decision_number", "请填写决定书文号")
    if PenaltyCase.objects.filter(organisation_id=case.organisation_id, decision_number=number).exclude(pk=case.pk).exists():
        raise ValidationError({"decision_number": f"决定书文号“{number}”已被其他案件使用"})
    case.decided_on, case.decision_number, case.decision_kinds, case.fine_amount = decided_on, number, ",".join(kinds), fine_amount
    case.decision_facts, case.decision_basis = facts.strip(), basis.strip()
    case.performance, case.remedies, case.organ_name, case.sealed = performance.strip(), remedies.strip(), organ_name.strip(), True
    days_used = (decided_on - case.filed_on).days
    note = f"{number}；{'、'.join(PenaltyKind(k).label for k in kinds)}" + (f"，{fine_amount}元" if fine_amount else "") + \
        f"；立案后第{days_used}日作出，期限至{format_date(limit.due)}"
    if case.serious:
        note += f"；{format_date(case.discussed_on)}负责人集体讨论决定（第五十七条第二款）"
    return _move(case, to=CaseStatus.SERVING, user=user, action="作出行政处罚决定", on=decided_on, note=note)


@transaction.atomic
def case_serve(case: PenaltyCase, *, served_on: dt.date, method: str, party_present: bool, user=None) -> PenaltyCase:
    """送达 (第六十一条): handed over on the spot after it is announced when the party is present; otherwise served
    within 7 working days as the Civil Procedure Law provides. A late service is recorded and flagged."""
    case = _lock(case)
    action = "登记送达"
    _require(case, {CaseStatus.SERVING}, action)
    _not_future(served_on, "served_on", "送达日期")
    _not_before(served_on, case.decided_on, "served_on", "送达日期", "决定日期")
    if party_present and served_on != case.decided_on:
        raise ValidationError({"served_on": "当事人在场的，行政处罚决定书应当在宣告后当场交付当事人（行政处罚法第六十一条第一款），送达日期应为决定日期"})
    case.served_on, case.service_method, case.party_present = served_on, method, party_present
    note = f"{case.get_service_method_display()}"
    if not party_present:
        limit = deadlines.service_deadline(case.decided_on)
        note += f"；当事人不在场，应于{format_date(limit.due)}前送达（第六十一条，7个工作日）"
        if served_on > limit.due:
            note += f"；逾期{WorkingCalendar.load().count_working_days(limit.due, served_on)}个工作日送达"
    pay = deadlines.payment_deadline(served_on) if case.fine_amount else None
    if pay:
        note += f"；缴款期限至{format_date(pay.due)}（第六十七条，15日）"
    return _move(case, to=CaseStatus.EXECUTING, user=user, action="送达行政处罚决定书", on=served_on, note=note)


def service_late(case: PenaltyCase) -> bool:
    if not case.decided_on or case.party_present:
        return False
    limit = deadlines.service_deadline(case.decided_on)
    return (case.served_on or _today()) > limit.due


@transaction.atomic
def case_execute(case: PenaltyCase, *, executed_on: dt.date, amount_paid: Decimal | None = None, note: str = "",
                 user=None) -> PenaltyCase:
    """履行 (第六十六条、第六十七条、第七十二条): a fine is paid within 15 days of receipt; late, 3% of the fine a day is
    added, never more than the fine itself."""
    case = _lock(case)
    action = "登记执行"
    _require(case, {CaseStatus.EXECUTING}, action)
    if case.executed_on:
        raise ValidationError(f"不能{action}：已于{format_date(case.executed_on)}登记执行")
    _not_future(executed_on, "executed_on", "履行日期")
    _not_before(executed_on, case.served_on, "executed_on", "履行日期", "送达日期")
    text = ""
    if case.fine_amount:
        due = deadlines.payment_deadline(case.served_on)
        fee = deadlines.late_fee(case.fine_amount, due.due, executed_on)
        owed = case.fine_amount + fee.amount
        if amount_paid is None or Decimal(amount_paid) < owed:
            raise ValidationError({"amount_paid": f"应缴{owed}元（罚款{case.fine_amount}元，加处罚款{fee.amount}元）：{fee.explanation}"})
        case.amount_paid, case.late_fee = amount_paid, fee.amount
        text = fee.explanation
    case.executed_on = executed_on
    case.execution_note = "；".join(x for x in ((note or "").strip(), text) if x)
    if not case.execution_note:
        raise ValidationError({"note": "请填写执行情况"})
    return _move(case, to=None, user=user, action="处罚执行完毕", on=executed_on, note=case.execution_note)


@transaction.atomic
def case_close(case: PenaltyCase, *, closed_on: dt.date, archive_number: str, user=None) -> PenaltyCase:
    """结案归档: after the penalty is executed, the file is closed and archived (全过程记录 kept)."""
    case = _lock(case)
    action = "结案归档"
    _require(case, {CaseStatus.EXECUTING}, action)
    if not case.executed_on:
        raise ValidationError(f"不能{action}：处罚尚未执行完毕（行政处罚法第六十六条）")
    _not_future(closed_on, "closed_on", "结案日期")
    _not_before(closed_on, case.executed_on, "closed_on", "结案日期", "执行日期")
    case.closed_on = closed_on
    case.archive_number = _text(archive_number, "archive_number", "请填写档号")
    return _move(case, to=CaseStatus.CLOSED, user=user, action="结案归档", on=closed_on, note=f"档号{case.archive_number}")


@transaction.atomic
def case_publish(case: PenaltyCase, *, published_on: dt.date, user=None) -> PenaltyCase:
    """行政执法公示 (第四十八条、国办发〔2018〕118号): the decision on the public portal, personal data masked; late
    publication (past the configured working days) is recorded and flagged."""
    case = _lock(case)
    action = "公示处罚决定"
    if not case.decided_on:
        raise ValidationError(f"不能{action}：尚未作出处罚决定")
    if case.published_on:
        raise ValidationError(f"不能{action}：已于{format_date(case.published_on)}公示")
    if case.changed_on:
        raise ValidationError(f"不能{action}：决定已被变更或撤销")
    _not_future(published_on, "published_on", "公示日期")
    _not_before(published_on, case.decided_on, "published_on", "公示日期", "决定日期")
    limit = deadlines.publicity_deadline(case.decided_on)
    case.published_on, case.publish_required = published_on, True
    note = f"应于{format_date(limit.due)}前公示（{limit.days}个工作日）" + (
        f"；逾期{WorkingCalendar.load().count_working_days(limit.due, published_on)}个工作日" if published_on > limit.due else "")
    return _move(case, to=None, user=user, action="门户网站公示", on=published_on, note=note)


@transaction.atomic
def remedy_record(case: PenaltyCase, *, kind: str, filed_on: dt.date, user=None) -> CaseRemedy:
    case = _lock(case) if not case.is_void else case
    if not case.decided_on:
        raise ValidationError("尚未作出处罚决定，不能登记复议或诉讼")
    _not_future(filed_on, "filed_on", "日期")
    _not_before(filed_on, case.decided_on, "filed_on", "日期", "决定日期")
    remedy = CaseRemedy(organisation_id=case.organisation_id, created_by=user, case=case, kind=kind, filed_on=filed_on)
    remedy.full_clean()
    remedy.save()
    _move(case, to=None, user=user, action=f"当事人申请{remedy.get_kind_display()}", on=filed_on)
    return remedy


@transaction.atomic
def remedy_conclude(remedy: CaseRemedy, *, result: str, result_on: dt.date, user=None) -> CaseRemedy:
    """A changed or annulled decision must be taken off the portal within 3 working days (第四十八条第二款)."""
    remedy = CaseRemedy.objects.select_for_update().get(pk=remedy.pk)
    if remedy.result != RemedyResult.PENDING:
        raise ValidationError("该复议（诉讼）已登记结果")
    if result not in RemedyResult.values or result == RemedyResult.PENDING:
        raise ValidationError({"result": "请选择结果"})
    _not_future(result_on, "result_on", "结果日期")
    _not_before(result_on, remedy.filed_on, "result_on", "结果日期", "申请日期")
    remedy.result, remedy.result_on = result, result_on
    remedy.save()
    case = PenaltyCase.objects.select_for_update().get(pk=remedy.case_id)
    note = ""
    if result in OVERTURNED and not case.changed_on:
        case.changed_on = result_on
        if case.published_on and not case.withdrawn_on:
            due = deadlines.withdrawal_deadline(result_on)
            note = f"已公示的处罚决定应于{format_date(due.due)}前撤回（第四十八条第二款，3个工作日）"
    _move(case, to=None, user=user, action=f"{remedy.get_kind_display()}结果：{remedy.get_result_display()}", on=result_on, note=note)
    return remedy


@transaction.atomic
def case_withdraw_publication(case: PenaltyCase, *, withdrawn_on: dt.date, user=None) -> PenaltyCase:
    """撤回公示 (第四十八条第二款): within 3 working days after the decision is changed or annulled."""
    case = _lock(case)
    action = "撤下公示"
    if not case.published_on or case.withdrawn_on:
        raise ValidationError(f"不能{action}：该决定未在公示中")
    if not case.changed_on:
        raise ValidationError(f"不能{action}：只有被依法变更、撤销、确认违法或者确认无效的决定须撤回（行政处罚法第四十八条第二款）")
    _not_future(withdrawn_on, "withdrawn_on", "撤回日期")
    _not_before(withdrawn_on, case.changed_on, "withdrawn_on", "撤回日期", "决定被变更、撤销的日期")
    due = deadlines.withdrawal_deadline(case.changed_on)
    case.withdrawn_on = withdrawn_on
    late = withdrawn_on > due.due
    return _move(case, to=None, user=user, action="撤下公示", on=withdrawn_on,
                 note=f"应于{format_date(due.due)}前撤回" + ("；逾期撤回" if late else ""))


def _void_refusal(case: PenaltyCase) -> str | None:
    if case.is_void:
        return "该案件已撤销立案（作废），不能继续办理"
    return "已作出处罚决定的案件不能作废" if case.decided_on else None


CASE_VOIDING = Voiding(refuse=_void_refusal, action="撤销立案（作废）", cascade=(reviews.withdraw_open_review,))


def case_void(case: PenaltyCase, *, reason: str, user=None) -> PenaltyCase:
    """撤销立案: possible only before a decision; the file and its timeline stay, its open legal review is withdrawn."""
    return void_record(case, voiding=CASE_VOIDING, user=user, reason=reason)


def register_void(record, *, reason: str, user=None):
    """A row of a simple register (officer, training, equipment, item, 简易程序, inspection) entered by mistake."""
    return void_record(record, voiding=Voiding(action=None), user=user, reason=reason)


# ---------------------------------------------------------------- 简易程序

@transaction.atomic
def simple_penalty_register(*, organisation: Organisation, fields: dict, officers, user=None) -> SimplePenalty:
    """简易程序 (第五十一条、第五十二条): facts certain, fine ≤200元 (citizen) / ≤3000元 (organisation) or a warning,
    decided on the spot by an officer showing a valid certificate, on a numbered form, filed with the agency afterwards."""
    fields = dict(fields)
    action = "登记当场处罚"
    decided_on, registered_on = fields.get("decided_on"), fields.get("registered_on")
    _not_future(decided_on, "decided_on", "处罚日期")
    _not_future(registered_on, "registered_on", "备案日期")
    if decided_on and registered_on and registered_on < decided_on:
        raise ValidationError({"registered_on": "备案日期不能早于处罚日期（行政处罚法第五十二条第三款：当场作出后报所属行政机关备案）"})
    kind, amount = fields.get("penalty"), fields.get("fine_amount")
    if kind == SimplePenaltyKind.FINE:
        limit = SIMPLE_LIMIT[PartyKind(fields["party_kind"])]
        if not amount or amount <= 0:
            raise ValidationError({"fine_amount": "请填写罚款金额"})
        if amount > limit:
            raise ValidationError({"fine_amount": f"不能{action}：适用简易程序当场处罚，对{PartyKind(fields['party_kind']).label}罚款不得超过{limit}元"
                                                  f"（行政处罚法第五十一条）；本案{amount}元应按普通程序立案办理"})
    else:
        fields["fine_amount"] = None
    officers = list(officers)
    _same_org(officers, organisation.pk, "officers", "执法人员")
    require_certified(officers, decided_on, action=action, minimum=1)
    number = _text(fields.get("form_number", ""), "form_number", "请填写预定格式、编有号码的当场处罚决定书编号（第五十二条）")
    if SimplePenalty.objects.filter(organisation=organisation, form_number=number).exists():
        raise ValidationError({"form_number": f"决定书编号“{number}”已经登记，编号不能重复使用"})
    fields["form_number"] = number
    item = SimplePenalty(organisation=organisation, created_by=user, **fields)
    item.full_clean(validate_constraints=False)
    item._history_user = user
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        raise ValidationError({"form_number": f"决定书编号“{number}”已经登记，编号不能重复使用"}) from None
    item.officers.set(officers)
    return item


# ---------------------------------------------------------------- 案卷评查

@transaction.atomic
def audit_run(*, organisation: Organisation, held_on: dt.date, title: str, auditors: str, cases=(), sample: int = 0,
              seed: str = "", user=None) -> CaseAudit:
    """案卷评查: score closed cases against the checklist (fazhi.enforcement.checklist); one case or a random sample."""
    from fazhi.enforcement.checklist import score_case

    _not_future(held_on, "held_on", "评查日期")
    pool = PenaltyCase.objects.active().filter(organisation=organisation, status=CaseStatus.CLOSED)
    cases = list(cases)
    for c in cases:
        if c.organisation_id != organisation.pk or c.status != CaseStatus.CLOSED or c.is_void:
            raise ValidationError({"cases": f"只能评查本单位已结案归档的案卷（{c.number}尚未结案）"})
    if not cases and sample:
        ids = sorted(pool.values_list("pk", flat=True))
        if not ids:
            raise ValidationError({"sample": "本单位尚无已结案归档的案卷"})
        chosen = random.Random(seed or f"{organisation.pk}-{held_on}").sample(ids, min(sample, len(ids)))
        cases = list(pool.filter(pk__in=chosen))
    if not cases:
        raise ValidationError({"cases": "请选择评查的案卷或抽查数量"})
    audit = CaseAudit(organisation=organisation, created_by=user, held_on=held_on,
                      title=_text(title, "title", "请填写评查名称"), auditors=_text(auditors, "auditors", "请填写评查人员"))
    audit.full_clean()
    audit._history_user = user
    audit.save()
    for case in cases:
        score, checks = score_case(case)
        findings = "；".join(c["finding"] for c in checks if c["finding"])
        AuditResult.objects.create(organisation=organisation, created_by=user, audit=audit, case=case, score=score,
                                   checks=checks, findings=findings)
        record_transition(case, action="案卷评查", from_status=case.get_status_display(), to_status=case.get_status_display(),
                          user=user, on=held_on, note=f"{audit.title}：{score}分" + (f"；{findings}" if findings else ""))
    record_transition(audit, action="开展案卷评查", user=user, on=held_on, note=f"评查案卷{len(cases)}件")
    return audit


@transaction.atomic
def rectification_suggest(audit: CaseAudit, *, suggestion: str, due_on: dt.date, case: PenaltyCase | None = None,
                          user=None) -> Rectification:
    if case is not None and not audit.results.filter(case=case).exists():
        raise ValidationError({"case": "请选择本次评查的案卷"})
    _not_before(due_on, audit.held_on, "due_on", "整改期限", "评查日期")
    item = Rectification(organisation_id=audit.organisation_id, created_by=user, audit=audit, case=case,
                         suggestion=_text(suggestion, "suggestion", "请填写整改建议"), due_on=due_on)
    item.full_clean()
    item._history_user = user
    item.save()
    record_transition(audit, action="提出整改建议", user=user, on=audit.held_on, note=item.suggestion)
    return item


@transaction.atomic
def rectification_fix(item: Rectification, *, fixed_on: dt.date, note: str, user=None) -> Rectification:
    item = Rectification.objects.select_for_update().get(pk=item.pk)
    if item.fixed_on:
        raise ValidationError("该整改建议已整改完毕")
    _not_future(fixed_on, "fixed_on", "整改完成日期")
    _not_before(fixed_on, item.audit.held_on, "fixed_on", "整改完成日期", "评查日期")
    item.fixed_on, item.fix_note = fixed_on, _text(note, "note", "请填写整改情况")
    item._history_user = user
    item.save()
    record_transition(item.audit, action="整改完成", user=user, on=fixed_on, note=f"{item.suggestion[:40]}：{item.fix_note}")
    return item
