"""Demo data for rule-making and review: normative documents, contracts and legality reviews in every
state, each taken through the real services (gates, numbering, timelines), so the queue, the reminders,
the portal and the indicators all have something true to show.
"""
from __future__ import annotations

import datetime as dt
import random

from fazhi.contracts import services as contracts
from fazhi.normative import services as normative
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import DocumentSeries, NormativeDocument
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion, SubjectKind

DOC_TITLES = (
    "{t}农村人居环境整治“门前三包”责任制实施办法", "{t}村级小微权力清单管理办法", "{t}集镇摊位管理暂行规定",
    "{t}农村建房管理实施细则", "{t}村（社区）法律顾问工作管理办法", "{t}森林防火“十不准”管理规定",
    "{t}农村集体“三资”管理办法", "{t}城乡居民低保动态管理办法", "{t}移风易俗红白理事会管理办法",
)
CONTRACTS = (
    ("{t}村道保洁服务合同", "某环境卫生服务有限公司", "村建办", 86000),
    ("{t}政府法律顾问服务合同", "某律师事务所", "司法所", 30000),
    ("{t}便民服务中心物业服务合同", "某物业管理有限公司", "党政办", 52000),
    ("{t}集镇污水管网维护协议", "某水务工程有限公司", "村建办", 128000),
    ("{t}农村公路养护协议", "某路桥养护有限公司", "交通办", 210000),
    ("{t}办公设备采购合同", "某科技有限公司", "党政办", 43500),
)
OTHER_MATTERS = (
    "关于{t}土地流转补偿方案的合法性审查", "关于{t}招商引资协议补充条款的法律意见",
    "关于{t}信访事项答复意见书的合法性审查", "关于{t}行政协议解除通知的合法性审查",
)
COMMENTS = (
    "建议明确责任区划分标准，并在各村公示。", "第五条处罚措施应有上位法依据，建议删除或改为倡导性条款。",
    "建议增加对困难群众的帮扶措施。", "希望对执行情况定期公开，接受群众监督。",
)


class _Dates:
    def __init__(self, year: int, today: dt.date, rng: random.Random):
        self.year, self.today, self.rng = year, today, rng

    def month(self, month: int, day: int = 10) -> dt.date:
        d = dt.date(self.year, month, min(day, 28))
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        return d

    def fits(self, start: dt.date, days: int) -> bool:
        """Whether a step sequence of ``days`` starting on ``start`` is over by today (a running year is clipped)."""
        return start + dt.timedelta(days=days) <= self.today


def _series(township, spec) -> tuple[DocumentSeries, DocumentSeries]:
    gov, _ = DocumentSeries.objects.get_or_create(organisation=township, prefix=f"{spec.short}府规", defaults={"name": "镇（乡）政府规范性文件"})
    law, _ = DocumentSeries.objects.get_or_create(organisation=township, prefix=f"{spec.short}依治委", defaults={"name": "依法治镇委员会文件"})
    return gov, law


def _review(doc_or_contract, review, reviewer, on: dt.date, opinion=Opinion.APPROVED) -> None:
    reviews.review_take(review, user=reviewer, on=review.submitted_on)
    reasons = {Opinion.APPROVED: "", Opinion.APPROVED_WITH_CHANGES: "部分条款表述不够准确",
               Opinion.REJECTED: "设定的处罚措施缺乏上位法依据"}[opinion]
    suggestions = "建议修改第三条、第五条表述" if opinion == Opinion.APPROVED_WITH_CHANGES else ""
    reviews.review_conclude(review, user=reviewer, opinion=opinion, reasons=reasons, suggestions=suggestions, concluded_on=on)


def _document(township, spec, title: str, clerk, *, affects_rights: bool, trial: bool = False) -> NormativeDocument:
    return normative.create_draft(organisation=township, user=clerk, fields=dict(
        title=title.format(t=spec.name), drafting_unit="党政办" if not affects_rights else "司法所",
        affects_rights=affects_rights, trial=trial,
        draft_text="第一条 为了规范……，根据有关法律法规，结合本镇实际，制定本办法。\n第二条 本办法适用于本镇行政区域内……\n第三条 ……",
        drafting_note="起草背景、依据和主要内容说明。",
    ))


def _through_issue(doc, *, clerk, reviewer, series, start: dt.date, rejected_first: bool = False) -> NormativeDocument:
    if doc.affects_rights:
        normative.open_public_comment(doc, user=clerk, opens_on=start, closes_on=start + dt.timedelta(days=29))
        start += dt.timedelta(days=31)
    review = normative.send_for_legality_review(doc, user=clerk, submitted_on=start)
    if rejected_first:
        _review(doc, review, reviewer, start + dt.timedelta(days=4), Opinion.REJECTED)
        start += dt.timedelta(days=7)
        review = normative.send_for_legality_review(doc, user=clerk, submitted_on=start)
    _review(doc, review, reviewer, start + dt.timedelta(days=5), Opinion.APPROVED_WITH_CHANGES if doc.trial else Opinion.APPROVED)
    normative.record_deliberation(doc, user=clerk, deliberated_on=start + dt.timedelta(days=8), meeting="镇政府常务会议")
    return normative.issue_document(doc, user=clerk, series=series, issued_on=start + dt.timedelta(days=10))


def generate_rulemaking(spec, township, year: int, *, today: dt.date, clerk, reviewer, rng: random.Random) -> dict[str, int]:
    """One finished year: documents published, filed (one late), one repealed; contracts signed and closed;
    other matters reviewed."""
    d = _Dates(year, today, rng)
    gov, law = _series(township, spec)
    titles = rng.sample(DOC_TITLES, 4)
    docs = []
    for i, title in enumerate(titles):
        month = 2 + i * 2
        if not d.fits(d.month(month), 90):
            break
        doc = _document(township, spec, title, clerk, affects_rights=i % 2 == 0, trial=i == 3)
        doc = _through_issue(doc, clerk=clerk, reviewer=reviewer, series=law if i == 1 else gov, start=d.month(month),
                             rejected_first=i == 2)
        published = doc.issued_on + dt.timedelta(days=2)
        normative.publish_document(doc, user=clerk, published_on=published, channel="镇人民政府门户网站、政务公开栏")
        late = i == 3
        normative.file_with_county(doc, user=clerk, filed_on=published + dt.timedelta(days=25 if late else 9))
        docs.append(doc)
    # the year's clean-up repeals a document of an earlier year (a document is rarely repealed the year it is issued)
    earlier = NormativeDocument.objects.filter(organisation=township, issued_on__year__lt=year, repealed_on__isnull=True,
                                               status=DocStatus.PUBLISHED).order_by("issued_on").first()
    if earlier and d.fits(d.month(11, 20), 0):
        normative.repeal_document(earlier, user=clerk, repealed_on=d.month(11, 20), reason="上位法已修改，本办法与之不一致")
    signed = 0
    for i, (title, party, unit, amount) in enumerate(rng.sample(CONTRACTS, 4)):
        contract = contracts.register_contract(organisation=township, user=clerk, fields=dict(
            title=title.format(t=spec.name), counterparty=party, handling_unit=unit, amount=amount))
        start = d.month(1 + i * 3, 6)
        if not d.fits(start, 7):
            break
        review = contracts.send_contract_for_review(contract, user=clerk, submitted_on=start)
        _review(contract, review, reviewer, start + dt.timedelta(days=3))
        ends = start + dt.timedelta(days=180)
        contracts.sign_contract(contract, user=clerk, signed_on=start + dt.timedelta(days=6), starts_on=start + dt.timedelta(days=7),
                                ends_on=ends)
        signed += 1
        if ends < today and i != 1:  # one finished year leaves one expired contract not yet closed
            contracts.close_contract(contract, user=clerk, closed_on=ends, kind="performed")
    for i, title in enumerate(rng.sample(OTHER_MATTERS, 2)):
        if not d.fits(d.month(4 + i * 4), 4):
            break
        review = reviews.review_request(organisation=township, kind=SubjectKind.OTHER, title=title.format(t=spec.name),
                                        submitted_by_unit="党政办", submitted_on=d.month(4 + i * 4), user=clerk)
        _review(None, review, reviewer, review.submitted_on + dt.timedelta(days=4))
    return {"normativedocument": len(docs), "contract": signed}


def generate_open_rulemaking(spec, township, *, today: dt.date, clerk, reviewer, rng: random.Random) -> int:
    """This year's work in flight: a draft, one under public comment with comments, one in review (overdue),
    one deliberated, one issued but unpublished, one published and awaiting filing; contracts in every
    state, including one about to expire; an unanswered other matter."""
    if NormativeDocument.objects.filter(organisation=township, status=DocStatus.DRAFTING).exists():
        return 0
    gov, _ = _series(township, spec)
    titles = iter(rng.sample(DOC_TITLES, 6))

    def back(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    _document(township, spec, next(titles), clerk, affects_rights=True)  # drafting
    commenting = _document(township, spec, next(titles), clerk, affects_rights=True)
    period = normative.open_public_comment(commenting, user=clerk, opens_on=back(10), closes_on=back(10) + dt.timedelta(days=29))
    for i, text in enumerate(COMMENTS):
        comment = participation.submit_comment(period, text=text, author_name=["王建华", "", "李秀英", "张明"][i])
        if i < 2:
            participation.moderate_comment(comment, user=clerk, approve=True)
    in_review = _document(township, spec, next(titles), clerk, affects_rights=False)
    normative.send_for_legality_review(in_review, user=clerk, submitted_on=back(20))  # past its due date: overdue
    deliberated = _document(township, spec, next(titles), clerk, affects_rights=False)
    review = normative.send_for_legality_review(deliberated, user=clerk, submitted_on=back(40))
    _review(deliberated, review, reviewer, back(34))
    normative.record_deliberation(deliberated, user=clerk, deliberated_on=back(30), meeting="镇政府常务会议")
    issued = _through_issue(_document(township, spec, next(titles), clerk, affects_rights=False),
                            clerk=clerk, reviewer=reviewer, series=gov, start=back(60))
    awaiting_filing = _through_issue(_document(township, spec, next(titles), clerk, affects_rights=False),
                                     clerk=clerk, reviewer=reviewer, series=gov, start=back(45))
    normative.publish_document(awaiting_filing, user=clerk, published_on=back(20), channel="镇人民政府门户网站")
    _ = issued
    draft = contracts.register_contract(organisation=township, user=clerk, fields=dict(
        title=f"{spec.name}文化广场维修工程施工合同", counterparty="某建筑工程有限公司", handling_unit="村建办", amount=368000))
    pending = contracts.register_contract(organisation=township, user=clerk, fields=dict(
        title=f"{spec.name}垃圾清运服务合同", counterparty="某环境工程有限公司", handling_unit="村建办", amount=96000))
    contracts.send_contract_for_review(pending, user=clerk, submitted_on=back(3))
    expiring = contracts.register_contract(organisation=township, user=clerk, fields=dict(
        title=f"{spec.name}食堂食材配送合同", counterparty="某农产品配送有限公司", handling_unit="党政办", amount=48000))
    review = contracts.send_contract_for_review(expiring, user=clerk, submitted_on=back(200))
    _review(expiring, review, reviewer, back(197))
    contracts.sign_contract(expiring, user=clerk, signed_on=back(190), starts_on=back(190), ends_on=today + dt.timedelta(days=12))
    reviews.review_request(organisation=township, kind=SubjectKind.OTHER, title=f"关于{spec.name}集体资产出租方案的合法性审查",
                           submitted_by_unit="经济发展办", submitted_on=back(2), user=clerk)
    _ = draft
    return 6
