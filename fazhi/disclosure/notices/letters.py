"""The text of each notice, composed from the application as stored (nothing here is saved).

Dates and deadlines come from the application and its clock (fazhi/disclosure/deadlines.py); nothing is recomputed.
"""
from __future__ import annotations

from fazhi.core.workdays import format_date
from fazhi.disclosure.deadlines import ClockState
from fazhi.disclosure.models import NoticeKind
from fazhi.disclosure.notices import reply
from fazhi.disclosure.notices.common import (
    REGULATION, Notice, contact_line, numbered, quoted, received_sentence, sender, sentence, you,
)
from fazhi.disclosure.correction_terms import correction_due

TITLES = {
    NoticeKind.CORRECTION: "政府信息公开申请补正告知书",
    NoticeKind.EXTENSION: "政府信息公开申请延期答复告知书",
    NoticeKind.THIRD_PARTY: "政府信息公开征求第三方意见函",
    NoticeKind.REPLY: "政府信息公开申请答复书",
}
_ORGANISATION_ENDINGS = ("公司", "厂", "合作社", "中心", "委员会", "协会", "商会", "学会", "基金会", "事务所", "研究所",
                         "研究院", "医院", "学校", "银行", "集团", "局", "站", "所", "院", "社", "部", "店", "场", "队", "会")


def _notice(request, kind: str, addressee: str, paragraphs: list[str], closing: str, dated) -> Notice:
    return Notice(
        kind=kind, title=TITLES[kind], sender=sender(request.organisation), number=request.tracking_number,
        addressee=addressee, paragraphs=tuple(p for p in paragraphs if p), closing=closing, dated=dated,
        short_title=NoticeKind(kind).label,
    )


def correction(request) -> Notice:
    """补正告知书 (条例第二十九条、第三十条): what must be supplied, by when, and what happens if it is not. The lead
    fits both a missing 申请要素 (第二十九条第二款) and an unclear content (第三十条). The 补正期限 printed is the one
    the applicant has: moved off a statutory rest day (terms.py, 民事诉讼法第八十五条第三款)."""
    who = you(request.applicant_type)
    items = numbered([line.strip() for line in request.correction_items.splitlines() if line.strip()])
    return _notice(request, NoticeKind.CORRECTION, request.applicant_name, [
        received_sentence(request, who),
        f"经审查，{who}的申请需要补正。根据{REGULATION}第二十九条、第三十条的规定，"
        f"现一次性告知{who}需要补正的事项如下：",
        *items,
        f"请{who}于{format_date(correction_due(request))}前，将补正后的申请以当面提交、邮寄或者网上提交等书面形式提交本机关。"
        "答复期限自本机关收到补正后的申请之日起计算。"
        f"{who}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        contact_line(request.organisation),
    ], "特此告知。", request.correction_requested_on)


def _original_due(request):
    """The answer deadline before the extension (第三十三条第一款), so the applicant and a 复议机关 can check the count."""
    from dataclasses import replace

    from django.utils import timezone

    from fazhi.core.workdays import WorkingCalendar
    from fazhi.disclosure import services
    from fazhi.disclosure.deadlines import compute_clock

    plain = replace(services.clock_input(request), extension_days=0, extension_approved_by="")
    return compute_clock(plain, WorkingCalendar.load(), today=timezone.localdate()).due


def extension(request, clock) -> Notice:
    """延期答复告知书 (条例第三十三条第二款): the reason, the approval, the original deadline, the days added and the
    new deadline."""
    who = you(request.applicant_type)
    consulted = any(c.voided_at is None for c in request.consultations.all())
    paused = clock.state == ClockState.PAUSED
    deadline = (f"本机关将在延长后的答复期限内作出答复。" if paused or clock.due is None
                else f"本机关将于{format_date(clock.due)}前作出答复。")
    original = None if paused else _original_due(request)
    was = f"原答复期限为{format_date(original)}，" if original is not None else ""
    return _notice(request, NoticeKind.EXTENSION, request.applicant_name, [
        received_sentence(request, who),
        f"因{sentence(request.extension_reason).rstrip('。')}，本机关不能在规定期限内作出答复。根据{REGULATION}第三十三条第二款的规定，"
        f"经本机关政府信息公开工作机构负责人同意，{was}决定将答复期限延长{request.extension_days}个工作日。{deadline}",
        (f"本机关征求第三方或者其他机关意见所需时间不计算在答复期限内（{REGULATION}第三十三条第三款）"
         + ("，目前正在征求意见，答复期限自收到意见之日起继续计算。" if paused else "。")) if consulted else "",
        contact_line(request.organisation),
    ], "特此告知。", request.extension_approved_on)


def _you_for_party(name: str) -> str:
    return "贵单位" if name.strip().endswith(_ORGANISATION_ENDINGS) else "你"


def third_party(request, consultation) -> Notice:
    """征求第三方意见函 (条例第三十二条) to the third party. It names the information, not the applicant: the
    applicant's identity is personal information the third party needs no part of."""
    them = _you_for_party(consultation.party)
    # 第十五条: an enterprise's interest is its 商业秘密, a person's their 个人隐私.
    interest = "商业秘密" if them == "贵单位" else "个人隐私"
    return _notice(request, NoticeKind.THIRD_PARTY, consultation.party, [
        f"本机关于{format_date(request.received_on)}收到一份政府信息公开申请（受理编号：{request.tracking_number}），"
        f"申请获取{quoted(request.description)}的政府信息。经审查，该政府信息可能涉及{them}的{interest}，"
        f"公开可能会对{them}的合法权益造成损害。",
        f"根据{REGULATION}第三十二条的规定，现书面征求{them}的意见。请{them}自收到本函之日起15个工作日内，"
        "以书面形式向本机关提出是否同意公开的意见；不同意公开的，请说明理由。",
        f"{them}逾期未提出意见的，由本机关依照{REGULATION}的规定决定是否公开。{them}不同意公开且有合理理由的，本机关不予公开；"
        f"本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知{them}。",
        contact_line(request.organisation),
    ], "特此函询。", consultation.sent_on)


def compose(request, kind: str, *, clock=None, consultation=None) -> Notice:
    if kind == NoticeKind.CORRECTION:
        return correction(request)
    if kind == NoticeKind.EXTENSION:
        return extension(request, clock)
    if kind == NoticeKind.THIRD_PARTY:
        return third_party(request, consultation)
    return _notice(request, NoticeKind.REPLY, request.applicant_name, reply.paragraphs(request), "特此告知。",
                   request.replied_on)
