"""政府信息公开申请答复书: one wording per result of the 2021 annual-report template (国办公开办函〔2021〕30号,
table 三 rows 三（一）至（六）), each with the articles of 《中华人民共和国政府信息公开条例》 it rests on.

Every decision other than 予以公开 carries the 救济途径; a refusal to disclose, in whole or in part, says that
行政复议 comes first (行政复议法第二十三条第一款第四项、第二款).
"""
from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.workdays import format_date
from fazhi.disclosure.choices import ConsultationKind, ConsultationOpinion, Delivery, Result
from fazhi.disclosure.notices.common import (
    REGULATION, SHORT_REGULATION, guide, received_sentence, regulation_named, remedies, sentence, you,
)
from fazhi.disclosure.correction_terms import correction_due

# 第三十六条第二项: the applicant is told how, where and when to obtain the information. Information to be read or
# collected at the office waits this many working days from the reply's receipt.
PICKUP_WORKING_DAYS = 15
_DELIVERED = {
    Delivery.PAPER_POST: "以邮寄纸质文本的方式向{you}提供",
    Delivery.EMAIL: "通过电子邮件向{you}提供",
    Delivery.FAX: "以传真方式向{you}提供",
    Delivery.ONLINE: "通过网上获取的方式向{you}提供",
}
_AT_THE_OFFICE = {Delivery.PAPER_PICKUP: "领取纸质文本", Delivery.ON_SITE: "查阅"}


def delivery(request) -> str:
    """How, and for 当场查阅 / 自行领取 where and when, the applicant gets the information (第三十六条第二项)."""
    who = you(request.applicant_type)
    if request.delivery in _AT_THE_OFFICE:
        g = guide(request.organisation)
        place = "".join(x for x in ((g.address, g.office_name) if g is not None else ()) if x) or "本机关政府信息公开工作机构"
        hours = f"（{g.office_hours}）" if g is not None and g.office_hours else ""
        return (f"请{who}自收到本答复之日起{PICKUP_WORKING_DAYS}个工作日内，于工作日办公时间{hours}到{place}"
                f"{_AT_THE_OFFICE[request.delivery]}")
    if request.delivery in _DELIVERED:
        return _DELIVERED[request.delivery].format(you=who)
    return f"向{who}提供"


def _restates(line: str) -> bool:
    """A summary line that only says the information was provided as asked: the decision already says so."""
    return "提供" in line and any(word in line for word in ("已按", "按申请人", "按你", "要求的方式", "选择的方式"))


@dataclass(frozen=True)
class Wording:
    finding: str  # after "经审查，"; {you} is the applicant
    basis: str  # the articles of the 条例 (or the rule) the decision rests on
    decision: str  # after "的规定，"
    reasons: str = "具体说明如下："  # introduces the clerk's 答复内容摘要及理由


_WITHHELD = "本机关决定不予公开"
_UNAVAILABLE = "本机关无法提供"
_NOT_HELD_ELSEWHERE = Wording(
    "{you}所申请公开的政府信息不属于本机关负责公开", "第三十六条第五项", "本机关无法提供，现告知{you}负责公开该政府信息的机关",
)

WORDINGS: dict[str, Wording] = {
    Result.GRANTED: Wording(
        "{you}所申请公开的政府信息属于可以公开的政府信息", "第三十六条第二项",
        "本机关决定予以公开，{delivery}", "有关情况说明如下：",
    ),
    Result.PARTIAL: Wording(
        "{you}所申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理", "第三十七条",
        "本机关决定部分公开：向{you}提供可以公开的政府信息内容，对不予公开的内容说明理由", "不予公开部分的理由如下：",
    ),
    Result.WITHHELD_STATE_SECRET: Wording(
        "{you}所申请公开的政府信息属于依法确定为国家秘密的政府信息", "第十四条、第三十六条第三项", _WITHHELD, "理由如下："),
    Result.WITHHELD_LAW: Wording(
        "{you}所申请公开的政府信息属于法律、行政法规禁止公开的政府信息", "第十四条、第三十六条第三项", _WITHHELD, "理由如下："),
    Result.WITHHELD_SECURITY: Wording(
        "{you}所申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定", "第十四条、第三十六条第三项",
        _WITHHELD, "理由如下："),
    Result.WITHHELD_THIRD_PARTY: Wording(
        "{you}所申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害{consulted}",
        "第十五条、第三十六条第三项", _WITHHELD, "理由如下："),
    Result.WITHHELD_INTERNAL: Wording(
        "{you}所申请公开的政府信息属于本机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）",
        "第十六条第一款、第三十六条第三项", _WITHHELD, "理由如下："),
    Result.WITHHELD_PROCESS: Wording(
        "{you}所申请公开的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息",
        "第十六条第二款、第三十六条第三项", _WITHHELD, "理由如下："),
    Result.WITHHELD_ENFORCEMENT_FILE: Wording(
        "{you}所申请公开的政府信息属于行政执法案卷信息", "第十六条第二款、第三十六条第三项", _WITHHELD, "理由如下："),
    Result.WITHHELD_QUERY: Wording(
        "{you}所申请公开的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定",
        "第三十六条第七项", "本机关不作为政府信息公开申请提供，请{you}依照有关法律、行政法规的规定办理", "有关情况说明如下："),
    Result.UNAVAILABLE_NOT_HELD: Wording(
        "经检索，本机关没有{you}所申请公开的政府信息，该政府信息不存在", "第三十六条第四项", _UNAVAILABLE),
    Result.UNAVAILABLE_NEEDS_CREATION: Wording(
        "本机关没有{you}所申请的现成信息，需要对现有政府信息进行加工、分析才能形成", "第三十八条", _UNAVAILABLE),
    Result.UNAVAILABLE_STILL_UNCLEAR: Wording(
        "{you}{corrected}补正后，申请内容仍不明确，本机关无法确定{you}所需要的政府信息", "第三十条", _UNAVAILABLE),
    Result.NOT_PROCESSED_PETITION: Wording(
        "{you}以政府信息公开申请的形式进行信访、投诉、举报等活动", "第三十九条第一款",
        "本机关不作为政府信息公开申请处理，{you}可以通过信访、投诉、举报等相应渠道提出"),
    Result.NOT_PROCESSED_REPEAT: Wording(
        "本机关已就{you}提出的政府信息公开申请作出答复，{you}重复申请公开相同的政府信息", "第三十六条第六项",
        "本机关不予重复处理"),
    Result.NOT_PROCESSED_PUBLICATION: Wording(
        "{you}申请的内容为要求行政机关提供政府公报、报刊、书籍等公开出版物", "第三十九条第二款",
        "本机关不作为政府信息公开申请处理，现告知{you}获取的途径", "获取途径如下："),
    Result.NOT_PROCESSED_EXCESSIVE: Wording(
        "{you}申请公开政府信息的数量、频次明显超过合理范围，本机关认为{you}说明的申请理由不合理", "第三十五条",
        "本机关不予处理"),
    Result.NOT_PROCESSED_CONFIRMATION: Wording(
        "{you}的申请是要求本机关确认或者重新出具{you}已经获取的信息，不属于获取本机关已制作或者获取的政府信息的申请",
        "第二条、第三十八条", "本机关不作为政府信息公开申请处理"),
    Result.OTHER_NO_CORRECTION: Wording(
        "本机关已于{correction_requested}告知{you}作出补正（补正期限至{correction_deadline}），{you}无正当理由逾期未补正",
        "第三十条", "视为{you}放弃申请，本机关不再处理该政府信息公开申请"),
    Result.OTHER_FEE_UNPAID: Wording(
        "本机关已向{you}发出收取信息处理费的通知，{you}逾期未按通知要求缴纳费用",
        "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        "视为{you}放弃申请，本机关不再处理该政府信息公开申请"),
    Result.OTHER: Wording("本机关对{you}的申请进行了审查", "第三十六条", "本机关作出如下处理", "处理情况如下："),
}

# 行政复议法第二十三条第一款第四项: 不予公开 (the template's 三（三）, and the refused part of 三（二）) goes to 行政复议 first.
RECONSIDERATION_FIRST = frozenset({Result.PARTIAL, *(r for r in Result if r.value.startswith("withheld_"))})


def wording(request) -> Wording:
    if request.result == Result.UNAVAILABLE_NOT_HELD and request.referred_agency:
        return _NOT_HELD_ELSEWHERE
    return WORDINGS[request.result]


def _fill(text: str, request) -> str:
    third_party_refused = any(
        c.voided_at is None and c.kind == ConsultationKind.THIRD_PARTY and c.opinion == ConsultationOpinion.DISAGREE
        for c in request.consultations.all()
    )
    return text.format(
        you=you(request.applicant_type),
        delivery=delivery(request),
        consulted="，经书面征求第三方意见，第三方不同意公开" if third_party_refused else "",
        corrected=f"于{format_date(request.correction_received_on)}" if request.correction_received_on else "",
        correction_requested=format_date(request.correction_requested_on) if request.correction_requested_on else "",
        correction_deadline=format_date(correction_due(request)) if request.correction_deadline else "",
    )


def paragraphs(request) -> list[str]:
    """The reply's body: what was asked, the finding and decision with its articles, the clerk's reasons, the
    agency to turn to, and the 救济途径 unless the information is disclosed."""
    who = you(request.applicant_type)
    w = wording(request)
    result = Result(request.result)
    out = [received_sentence(request, who)]
    if request.correction_received_on and result != Result.UNAVAILABLE_STILL_UNCLEAR:
        out[0] += f"{who}于{format_date(request.correction_received_on)}提交了补正后的申请。"
    out.append(f"经审查，{_fill(w.finding, request)}。根据{REGULATION}{_fill(w.basis, request)}的规定，{_fill(w.decision, request)}。")
    lines = [sentence(regulation_named(line)) for line in request.reply_summary.splitlines() if line.strip()]
    if result == Result.GRANTED:
        lines = [line for line in lines if not _restates(line)]
    if lines:
        out.extend([w.reasons + lines[0], *lines[1:]])
    if request.referred_agency:  # 第三十六条第五项: the agency's name and 联系方式 (as the clerk recorded them)
        out.append(f"负责公开该政府信息的机关：{sentence(request.referred_agency)}")
    if result != Result.GRANTED:
        out.append(remedies(request.organisation, reconsideration_first=result in RECONSIDERATION_FIRST))
    if any(SHORT_REGULATION in p for p in out[2:]):  # the short name is introduced where the full one first appears
        out[1] = out[1].replace(REGULATION, f"{REGULATION}（以下简称{SHORT_REGULATION}）", 1)
    return out
