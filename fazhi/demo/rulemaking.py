"""Demo data for rule-making and review: normative documents, contracts and legality reviews in every
state, each taken through the real services (gates, numbering, timelines), so the queue, the reminders,
the portal and the indicators all have something true to show.
"""
from __future__ import annotations

import datetime as dt
import random

from fazhi.contracts import services as contracts
from fazhi.demo.days import OfficeDays
from fazhi.demo.decisions import PLANS
from fazhi.demo.enforcement import HEARING_CASES
from fazhi.demo.pools import pool
from fazhi.demo.profiles import pick, profile, residue
from fazhi.normative import services as normative
from fazhi.normative.choices import DocStatus
from fazhi.normative.models import DocumentSeries, NormativeDocument
from fazhi.participation import services as participation
from fazhi.reviews import services as reviews
from fazhi.reviews.choices import Opinion, SubjectKind

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
    days = OfficeDays()  # the executive meeting and the 成文日期 fall on office days
    deliberated = days.on_or_after(start + dt.timedelta(days=8))
    normative.record_deliberation(doc, user=clerk, deliberated_on=deliberated, meeting=f"{unit}政府常务会议")
    return normative.issue_document(doc, user=clerk, series=series,
                                    issued_on=days.on_or_after(deliberated + dt.timedelta(days=2)))


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
    count = pick(rng, 2, 7, traits.slot, item="normative_docs_issued", avoid=(3,))  # seed: 完成规范性文件备案3个
    repeals = pick(rng, 2, 4, traits.slot, item="normative_docs_repealed")
    _stock(township, spec, year, clerk=clerk, reviewer=reviewer, series=gov, rng=rng, issued=count, repealed=repeals)
    months = sorted(rng.sample(range(2, 11), count))
    rejected = set(range(1, 1 + (year + traits.slot) % 3))  # 0, 1 or 2 drafts sent back 不予通过 first
    late_filing = traits.falls_short("filing", latest=year == today.year - 1)
    late_release = traits.falls_short("release", latest=year == today.year - 1)
    docs = []
    for i, (title, month) in enumerate(zip(_titles(township, spec, pool(spec.code, "documents"), count, rng), months)):
        if not d.fits(d.month(month), 90):
            break
        doc = _document(township, spec, title, clerk, affects_rights=i % 2 == 0, trial=i == 3)
        doc = _through_issue(doc, clerk=clerk, reviewer=reviewer, series=gov, start=d.month(month),
                             rejected_first=i in rejected)
        # published two days after issue (and entered in the 主动公开 register that day, fazhi/demo/releases.py); where
        # the profile says, one only after the 20 working days of 条例第二十六条
        published = OfficeDays().on_or_after(doc.issued_on + dt.timedelta(days=45 if late_release and i == 0 else 2))
        normative.publish_document(doc, user=clerk, published_on=published, channel=channel)
        late = late_filing and i == count - 1
        normative.file_with_county(doc, user=clerk, filed_on=published + dt.timedelta(days=25 if late else rng.randint(5, 12)))
        docs.append(doc)
    # the year's clean-up repeals documents of earlier years (a document is rarely repealed the year it is issued)
    if d.fits(d.month(11, 20), 0):
        earlier = NormativeDocument.objects.filter(organisation=township, issued_on__year__lt=year, repealed_on__isnull=True,
                                                   status=DocStatus.PUBLISHED).order_by("issued_on")
        for doc in earlier[:repeals]:
            normative.repeal_document(doc, user=clerk, repealed_on=d.month(11, 20),
                                      reason=rng.choice(("上位法已修改，本办法与之不一致", "调整对象已消失，实际已失效",
                                                         "已被新出台的文件代替")))
    signed = 0
    contracts_count = pick(rng, 3, 8, traits.slot, item="contract_reviews")
    for i, ((title, party, unit_name, amount), month) in enumerate(zip(rng.sample(pool(spec.code, "contracts"), contracts_count),
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
    # other matters: as many as make the year's legality reviews (these, the decisions' and the 重大执法决定's) fall
    # in the township's residue class, so the three demo townships never report the same number of reviews
    reviewed = (len(docs) + len(rejected & set(range(len(docs)))) + signed + len(PLANS[traits.slot % 3])
                + HEARING_CASES[traits.slot % 3])
    others = next(n for n in range(1, 4) if (reviewed + n) % 3 == residue(traits.slot, "legality_reviews"))
    for title, month in zip(rng.sample(OTHER_MATTERS, others), sorted(rng.sample(range(3, 12), others))):
        if not d.fits(d.month(month), 4):
            break
        review = reviews.review_request(organisation=township, kind=SubjectKind.OTHER, title=title.format(t=spec.name),
                                        submitted_by_unit="党政办", submitted_on=d.month(month), user=clerk)
        _review(None, review, reviewer, review.submitted_on + dt.timedelta(days=rng.randint(2, 5)))
    return {"normativedocument": len(docs), "contract": signed}


def _stock(township, spec, year: int, *, clerk, reviewer, series, rng: random.Random, issued: int, repealed: int) -> int:
    """Once per township: documents issued in the three years before the demo, published and filed — the stock the
    clean-up of each demo year repeals from (none expires before the demo's second year ends).

    How many is the township's own: its pool of old documents less 0–2, chosen so that the documents in force at
    the end of the next year — stock + issued − repealed over both years, whose counts fall in the township's
    residue classes (profiles.pick) — fall in its residue class too: no two townships report the same 现行有效."""
    if NormativeDocument.objects.filter(organisation=township, issued_on__year__lt=year).exists():
        return 0
    slot = profile(spec.code).slot
    titles = pool(spec.code, "old_documents")
    next_year = residue(slot, "normative_docs_issued") - residue(slot, "normative_docs_repealed")
    size = next(n for n in range(len(titles), len(titles) - 3, -1)
                if (n + issued - repealed + next_year) % 3 == residue(slot, "normative_docs_in_force"))
    titles = rng.sample(titles, size)
    made = 0
    for n, title in enumerate(titles):
        start = dt.date(year - 3, 2, 20) + dt.timedelta(days=n * 950 // size + rng.randint(0, 10))
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
    titles = iter(_titles(township, spec, pool(spec.code, "documents"), 6, rng))
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
    draft_fields, pending_fields, expiring_fields = pool(spec.code, "open_contracts")

    def register(title: str, party: str, unit_name: str, amount: int):
        return contracts.register_contract(organisation=township, user=clerk, fields=dict(
            title=title.format(t=spec.name), counterparty=party, handling_unit=unit_name, amount=amount))

    draft = register(*draft_fields)
    pending = register(*pending_fields)
    contracts.send_contract_for_review(pending, user=clerk, submitted_on=back(3))
    expiring = register(*expiring_fields)
    review = contracts.send_contract_for_review(expiring, user=clerk, submitted_on=back(200))
    _review(expiring, review, reviewer, back(197))
    contracts.sign_contract(expiring, user=clerk, signed_on=back(190), starts_on=back(190), ends_on=today + dt.timedelta(days=12))
    reviews.review_request(organisation=township, kind=SubjectKind.OTHER, title=f"关于{spec.name}集体资产出租方案的合法性审查",
                           submitted_by_unit="经济发展办", submitted_on=back(2), user=clerk)
    _ = draft
    return 6
