"""Demo data for rule-making and review: normative documents, contracts and legality reviews in every
state, each taken through the real services (gates, numbering, timelines), so the queue, the reminders,
the portal and the indicators all have something true to show.
"""
from __future__ import annotations

import datetime as dt
import random

from fazhi.contracts import services as contracts
from fazhi.demo.decisions import PLANS
from fazhi.demo.profiles import pick, profile
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
    "{t}农村饮用水工程管护办法", "{t}集镇临时占道审批管理规定", "{t}村级公益性岗位管理办法",
    "{t}高标准农田建后管护办法", "{t}农村“厕所革命”奖补实施办法", "{t}村（社区）网格化服务管理办法",
    "{t}农村公路“路长制”实施办法", "{t}殡葬改革实施细则", "{t}秸秆禁烧和综合利用管理规定",
)
# Documents issued before the demo's first year: the stock a year's clean-up reviews.
OLD_TITLES = (
    "{t}集镇环境卫生管理办法", "{t}农村宅基地管理暂行办法", "{t}村级财务管理规定", "{t}林地流转管理办法",
    "{t}集镇规划区建设管理暂行规定", "{t}农村土地承包经营权流转管理办法", "{t}防汛抢险物资管理办法",
    "{t}村民建房安全管理规定", "{t}农贸市场管理暂行办法", "{t}村级集体经济发展奖励办法",
)
CONTRACTS = (
    ("{t}村道保洁服务合同", "某环境卫生服务有限公司", "村建办", 86000),
    ("{t}政府法律顾问服务合同", "某律师事务所", "司法所", 30000),
    ("{t}便民服务中心物业服务合同", "某物业管理有限公司", "党政办", 52000),
    ("{t}集镇污水管网维护协议", "某水务工程有限公司", "村建办", 128000),
    ("{t}农村公路养护协议", "某路桥养护有限公司", "交通办", 210000),
    ("{t}办公设备采购合同", "某科技有限公司", "党政办", 43500),
    ("{t}集镇绿化养护合同", "某园林绿化有限公司", "村建办", 64000),
    ("{t}村级活动场所维修工程施工合同", "某建筑工程有限公司", "党建办", 176000),
    ("{t}农村饮水安全设施维修合同", "某水电安装有限公司", "农业综合服务中心", 58000),
    ("{t}机关食堂服务外包合同", "某餐饮管理有限公司", "党政办", 72000),
)
OTHER_MATTERS = (
    "关于{t}土地流转补偿方案的合法性审查", "关于{t}招商引资协议补充条款的法律意见",
    "关于{t}信访事项答复意见书的合法性审查", "关于{t}行政协议解除通知的合法性审查",
    "关于{t}集体林权流转方案的合法性审查", "关于{t}违法建筑拆除公告的合法性审查",
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


def _unit(spec) -> str:
    return "乡" if spec.name.endswith("乡") else "镇"


def _titles(township, spec, pool: tuple[str, ...], count: int, rng: random.Random) -> list[str]:
    """``count`` titles from ``pool`` the township has not used yet (any once all are used)."""
    used = set(NormativeDocument.objects.filter(organisation=township).values_list("title", flat=True))
    fresh = [t for t in pool if t.format(t=spec.name) not in used]
    return rng.sample(fresh, count) if len(fresh) >= count else rng.sample(pool, count)


def _document(township, spec, title: str, clerk, *, affects_rights: bool, trial: bool = False) -> NormativeDocument:
    unit = _unit(spec)
    return normative.create_draft(organisation=township, user=clerk, fields=dict(
        title=title.format(t=spec.name), drafting_unit="党政办" if not affects_rights else "司法所",
        affects_rights=affects_rights, trial=trial,
        draft_text=f"第一条 为了规范……，根据有关法律法规，结合本{unit}实际，制定本办法。\n第二条 本办法适用于本{unit}行政区域内……\n第三条 ……",
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
    unit = "乡" if doc.organisation.name.endswith("乡") else "镇"
    normative.record_deliberation(doc, user=clerk, deliberated_on=start + dt.timedelta(days=8), meeting=f"{unit}政府常务会议")
    return normative.issue_document(doc, user=clerk, series=series, issued_on=start + dt.timedelta(days=10))


def generate_rulemaking(spec, township, year: int, *, today: dt.date, clerk, reviewer, rng: random.Random) -> dict[str, int]:
    """One finished year: documents issued in the government's 府规 series only (the 依治委 series is the
    committee's own), published and filed — one filed late only in the years the township's profile says; the
    year's clean-up repeals documents of earlier years; contracts signed and closed; other matters reviewed.
    How many of each is the township's own (profiles.pick), so the three demo townships never state the same."""
    traits = profile(spec.code)
    d = _Dates(year, today, rng)
    gov, _ = _series(township, spec)
    unit = _unit(spec)
    channel = f"{unit}人民政府门户网站、政务公开栏"
    _stock(township, spec, year, clerk=clerk, reviewer=reviewer, series=gov, rng=rng)
    count = pick(rng, 2, 7, traits.slot, avoid=(3,))  # seed: 完成规范性文件备案3个
    months = sorted(rng.sample(range(2, 11), count))
    rejected = set(range(1, 1 + (year + traits.slot) % 3))  # 0, 1 or 2 drafts sent back 不予通过 first
    late_filing = traits.falls_short("filing", latest=year == today.year - 1)
    docs = []
    for i, (title, month) in enumerate(zip(_titles(township, spec, DOC_TITLES, count, rng), months)):
        if not d.fits(d.month(month), 90):
            break
        doc = _document(township, spec, title, clerk, affects_rights=i % 2 == 0, trial=i == 3)
        doc = _through_issue(doc, clerk=clerk, reviewer=reviewer, series=gov, start=d.month(month),
                             rejected_first=i in rejected)
        published = doc.issued_on + dt.timedelta(days=2)
        normative.publish_document(doc, user=clerk, published_on=published, channel=channel)
        late = late_filing and i == count - 1
        normative.file_with_county(doc, user=clerk, filed_on=published + dt.timedelta(days=25 if late else rng.randint(5, 12)))
        docs.append(doc)
    # the year's clean-up repeals documents of earlier years (a document is rarely repealed the year it is issued)
    if d.fits(d.month(11, 20), 0):
        earlier = NormativeDocument.objects.filter(organisation=township, issued_on__year__lt=year, repealed_on__isnull=True,
                                                   status=DocStatus.PUBLISHED).order_by("issued_on")
        for doc in earlier[:pick(rng, 2, 4, traits.slot)]:
            normative.repeal_document(doc, user=clerk, repealed_on=d.month(11, 20),
                                      reason=rng.choice(("上位法已修改，本办法与之不一致", "调整对象已消失，实际已失效",
                                                         "已被新出台的文件代替")))
    signed = 0
    contracts_count = pick(rng, 3, 8, traits.slot)
    for i, ((title, party, unit_name, amount), month) in enumerate(zip(rng.sample(CONTRACTS, contracts_count),
                                                                        sorted(rng.sample(range(1, 11), contracts_count)))):
        start = d.month(month, 6)
        if not d.fits(start, 7):
            break
        contract = contracts.register_contract(organisation=township, user=clerk, fields=dict(
            title=title.format(t=spec.name), counterparty=party, handling_unit=unit_name,
            amount=amount + rng.randint(-8, 8) * 500))
        review = contracts.send_contract_for_review(contract, user=clerk, submitted_on=start)
        _review(contract, review, reviewer, start + dt.timedelta(days=rng.randint(2, 5)))
        ends = start + dt.timedelta(days=180)
        contracts.sign_contract(contract, user=clerk, signed_on=start + dt.timedelta(days=6), starts_on=start + dt.timedelta(days=7),
                                ends_on=ends)
        signed += 1
        if ends < today and i != 1:  # one finished year leaves one expired contract not yet closed
            contracts.close_contract(contract, user=clerk, closed_on=ends, kind="performed")
    # other matters: as many as make the year's legality reviews (these, the decisions' and one 重大执法决定's) fall
    # in the township's residue class, so the three demo townships never report the same number of reviews
    reviewed = len(docs) + len(rejected & set(range(len(docs)))) + signed + len(PLANS[traits.slot % 3]) + 1
    others = next(n for n in range(1, 4) if (reviewed + n) % 3 == traits.slot % 3)
    for title, month in zip(rng.sample(OTHER_MATTERS, others), sorted(rng.sample(range(3, 12), others))):
        if not d.fits(d.month(month), 4):
            break
        review = reviews.review_request(organisation=township, kind=SubjectKind.OTHER, title=title.format(t=spec.name),
                                        submitted_by_unit="党政办", submitted_on=d.month(month), user=clerk)
        _review(None, review, reviewer, review.submitted_on + dt.timedelta(days=rng.randint(2, 5)))
    return {"normativedocument": len(docs), "contract": signed}


def _stock(township, spec, year: int, *, clerk, reviewer, series, rng: random.Random) -> int:
    """Once per township: documents issued in the four years before the demo, published and filed — the stock the
    clean-up of each demo year repeals from."""
    if NormativeDocument.objects.filter(organisation=township, issued_on__year__lt=year).exists():
        return 0
    made = 0
    for n, title in enumerate(rng.sample(OLD_TITLES, 8)):
        start = dt.date(year - 4 + n // 2, 3 + (n % 2) * 5, 6 + rng.randint(0, 10))
        while start.weekday() >= 5:
            start += dt.timedelta(days=1)
        doc = _through_issue(_document(township, spec, title, clerk, affects_rights=False), clerk=clerk, reviewer=reviewer,
                             series=series, start=start)
        published = doc.issued_on + dt.timedelta(days=2)
        normative.publish_document(doc, user=clerk, published_on=published, channel=f"{_unit(spec)}人民政府政务公开栏")
        normative.file_with_county(doc, user=clerk, filed_on=published + dt.timedelta(days=rng.randint(4, 10)))
        made += 1
    return made


def generate_open_rulemaking(spec, township, *, today: dt.date, clerk, reviewer, rng: random.Random) -> int:
    """This year's work in flight: a draft, one under public comment with comments, one in review (overdue),
    one deliberated, one issued but unpublished, one published and awaiting filing; contracts in every
    state, including one about to expire; an unanswered other matter."""
    if NormativeDocument.objects.filter(organisation=township, status=DocStatus.DRAFTING).exists():
        return 0
    gov, _ = _series(township, spec)
    titles = iter(_titles(township, spec, DOC_TITLES, 6, rng))
    unit = _unit(spec)

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
    normative.record_deliberation(deliberated, user=clerk, deliberated_on=back(30), meeting=f"{unit}政府常务会议")
    issued = _through_issue(_document(township, spec, next(titles), clerk, affects_rights=False),
                            clerk=clerk, reviewer=reviewer, series=gov, start=back(60))
    awaiting_filing = _through_issue(_document(township, spec, next(titles), clerk, affects_rights=False),
                                     clerk=clerk, reviewer=reviewer, series=gov, start=back(45))
    normative.publish_document(awaiting_filing, user=clerk, published_on=back(20), channel=f"{unit}人民政府门户网站")
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
