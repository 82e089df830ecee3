"""Demo data for 政务公开: proactive releases of other business (those of the township's own records are made
from them, fazhi/demo/releases.py), appeals, and applications worked
through the real services (numbering, corrections, consultations, extensions, replies), so the clock,
the dashboard, the indicators and the annual disclosure report all have something true to show.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from fazhi.core.workdays import WorkingCalendar
from fazhi.demo.profiles import pick, profile
from fazhi.disclosure import services
from fazhi.disclosure.choices import (
    AppealKind, AppealOutcome, ApplicantType, Channel, ConsultationKind, ConsultationOpinion, Delivery,
    ReleaseCategory, Result, TableItem,
)
from fazhi.disclosure.models import DisclosureAppeal, DisclosureGuide, DisclosureRequest, ProactiveRelease
from fazhi.otherfigures.models import METRIC_PLACEMENT, Metric, OtherFigure

# Releases of the township's other business. The releases of its own records — normative documents, penalty and
# licensing decisions, major decisions, comment drafts, budget and final accounts — are made from those records
# (fazhi/demo/releases.py), so the register never names a document the township did not issue.
RELEASE_TITLES = (
    (ReleaseCategory.ART21_SOCIAL_ASSISTANCE, "{y}年农村低保、特困供养对象审核结果公示（第{n}批）", TableItem.NONE),
    (ReleaseCategory.ART21_LAND_TRANSFER, "{v}土地承包经营权流转情况公示（第{n}批）", TableItem.NONE),
    (ReleaseCategory.ART21_HOMESTEAD, "{v}农村宅基地使用审核情况公示（第{n}批）", TableItem.NONE),
    (ReleaseCategory.ART21_FUNDRAISING, "{v}{y}年一事一议筹资筹劳方案公示", TableItem.NONE),
    (ReleaseCategory.ART21_IRRIGATION, "{y}年高标准农田及小型水利工程建设项目公示（第{n}批）", TableItem.NONE),
    (ReleaseCategory.ART21_AGRICULTURE, "{y}年耕地地力保护补贴发放情况公示（第{n}批）", TableItem.NONE),
    (ReleaseCategory.ART20_2, "{org}机构职能和领导分工调整公告", TableItem.NONE),
    (ReleaseCategory.ART20_11, "{y}年城乡居民医疗保险参保缴费政策解读", TableItem.NONE),
    (ReleaseCategory.ART20_12, "{org}防汛抗旱应急预案（{y}年修订）", TableItem.NONE),
)
DESCRIPTIONS = (
    "{v}{y}年集体土地征收补偿安置方案及补偿款发放明细",
    "{y}年本{unit}农村低保对象名单及审核程序",
    "{v}宅基地审批的相关文件和审批结果",
    "{v}道路硬化工程的招标文件和验收报告",
    "本人房屋所在地块的征收决定及附图",
    "{y}年高标准农田建设项目的资金使用情况",
    "{v}土地承包经营权流转合同备案情况",
    "{unit}政府关于{v}垃圾中转站选址的会议纪要",
)
REFUSALS = (
    (Result.WITHHELD_PROCESS, "所申请的会议纪要属于讨论记录等过程性信息，依据条例第十六条第二款不予公开。"),
    (Result.UNAVAILABLE_NOT_HELD, "经检索，本机关未制作或获取该信息；该信息由县自然资源局负责，请向其申请。"),
    (Result.NOT_PROCESSED_PETITION, "申请内容属于信访投诉事项，已告知通过信访渠道反映。"),
    (Result.PARTIAL, "申请的名单中涉及个人隐私的身份证号码、银行账号已作区分处理，其余予以公开。"),
)


def _workday(calendar: WorkingCalendar, day: dt.date) -> dt.date:
    while not calendar.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def _after(calendar: WorkingCalendar, day: dt.date, n: int) -> dt.date:
    return calendar.add_working_days(day, n).due


class DisclosureGen:
    def __init__(self, township, spec, year: int, today: dt.date, clerk, rng: random.Random, scale: float, names):
        self.township, self.spec, self.year, self.today = township, spec, year, today
        self.clerk, self.rng, self.scale, self.name = clerk, rng, scale, names
        self.calendar = WorkingCalendar.load()
        self.villages = [v.name for v in township.villages().order_by("code")] or [township.name]
        # one application answered late in the years the township's profile says (按期答复率 below 100%)
        self.late_replies = int(profile(spec.code).falls_short("reply", latest=year == today.year - 1))

    def _fmt(self, text: str, n: int = 1) -> str:
        return text.format(y=self.year, n=n, v=self.rng.choice(self.villages), org=self.township.name,
                           unit="乡" if self.township.name.endswith("乡") else "镇")

    def releases(self) -> list[ProactiveRelease]:
        """The year's releases of other business, their categories weighted the township's own way (not every
        category the same number of times); a title that names a single document is released once. Each is
        published within the 20 working days of 条例第二十六条 on the government website (条例第二十四条) — except,
        in the years the township's profile says ("noticeboard"), two village notices put up on the notice board only."""
        out = []
        last = min(dt.date(self.year, 12, 31), self.today)
        count = max(6, round(self.rng.randint(14, 24) * self.scale))
        taste = random.Random(f"fazhi-demo-releases:{self.spec.code}")  # the township's habits, the same every year
        weights = [taste.choice((1, 2, 3, 5, 8)) if "{n}" in title else 1 for _, title, _ in RELEASE_TITLES]
        numbered: dict[int, int] = {}
        board_only = 2 if profile(self.spec.code).falls_short("noticeboard", latest=self.year == self.today.year - 1) else 0
        for _ in range(count):
            if not any(weights):
                break
            k = self.rng.choices(range(len(RELEASE_TITLES)), weights)[0]
            category, title, item = RELEASE_TITLES[k]
            if "{n}" not in title:
                weights[k] = 0
            numbered[k] = numbered.get(k, 0) + 1
            formed = dt.date(self.year, 1, 4) + dt.timedelta(days=self.rng.randint(0, 330))
            if formed > last:
                continue
            published = _after(self.calendar, formed, self.rng.randint(1, 15))
            if published > last:
                continue
            venue = self.rng.choice(["政府网站", "政府网站、政务公开栏", "政府网站、政务公开栏", "政府网站、微信公众号"])
            if board_only and category.startswith("art21"):
                venue, board_only = "政务公开栏", board_only - 1
            out.append(ProactiveRelease(
                organisation=self.township, created_by=self.clerk, title=self._fmt(title, numbered[k]),
                category=category, formed_on=formed, published_on=published, table_item=item, venue=venue,
            ))
        if self.rng.random() < 0.5:
            day = _workday(self.calendar, dt.date(self.year, 3, 10))
            if day <= last:
                out.append(ProactiveRelease(
                    organisation=self.township, created_by=self.clerk, title=f"{self.year}年殡葬服务收费标准公示",
                    category=ReleaseCategory.ART20_8, formed_on=day, published_on=day, table_item=TableItem.FEE,
                    fee_amount=Decimal(self.rng.randint(8, 60)) / 10, venue="政府网站、政务公开栏",
                ))
        return out

    def licensing_decisions(self) -> OtherFigure | None:
        """行政许可 is decided on the 政务服务 platform: its year's count is recorded once, with the platform's report
        (表二 of the disclosure report reads it)."""
        stated = min(dt.date(self.year, 12, 31), self.today)
        if stated < dt.date(self.year, 1, 31):
            return None
        whole = "全年" if (stated.month, stated.day) == (12, 31) else f"1—{stated.month}月"
        return OtherFigure(
            organisation=self.township, created_by=self.clerk, stated_on=stated, metric=Metric.LICENSING_DECISIONS,
            value=Decimal(pick(self.rng, 3, 16, profile(self.spec.code).slot, item="licensing_decisions")), unit="件", placement=METRIC_PLACEMENT[Metric.LICENSING_DECISIONS],
            source_system="省一体化政务服务平台",
            source_document=f"{self.township.name}{self.year}年{whole}行政许可办件统计表",
        )

    def appeals(self, requests: list[DisclosureRequest]) -> list[DisclosureAppeal]:
        refused = [r for r in requests if r.result in (Result.WITHHELD_PROCESS, Result.UNAVAILABLE_NOT_HELD)]
        if not refused or self.rng.random() < 0.4:
            return []
        r = refused[0]
        filed = r.replied_on + dt.timedelta(days=self.rng.randint(10, 40))
        if filed > self.today:
            return []
        decided = filed + dt.timedelta(days=self.rng.randint(40, 58))
        done = decided <= min(self.today, dt.date(self.year, 12, 31))
        return [DisclosureAppeal(
            organisation=self.township, created_by=self.clerk, kind=AppealKind.RECONSIDERATION, request=r,
            case_number=f"示县复字〔{filed.year}〕{self.rng.randint(3, 40)}号", filed_on=filed,
            outcome=AppealOutcome.UPHELD if done else AppealOutcome.PENDING, decided_on=decided if done else None,
        )]

    def _applicant(self) -> dict:
        kind = self.rng.choices(
            [ApplicantType.NATURAL, ApplicantType.COMMERCIAL, ApplicantType.LEGAL_SERVICE, ApplicantType.OTHER_ORG],
            weights=[8, 1, 1, 1],
        )[0]
        name = self.name() if kind == ApplicantType.NATURAL else {
            ApplicantType.COMMERCIAL: f"{self.township.name[:2]}建材有限公司",
            ApplicantType.LEGAL_SERVICE: "示范县正衡律师事务所",
            ApplicantType.OTHER_ORG: f"{self.rng.choice(self.villages)}股份经济合作社",
        }[kind]
        return {
            "applicant_type": kind, "applicant_name": name, "contact": f"1{self.rng.choice('3589')}{self.rng.randint(100000000, 999999999)}",
            "description": self._fmt(self.rng.choice(DESCRIPTIONS)), "delivery": self.rng.choice(list(Delivery.values)),
        }

    def requests(self, count: int, *, first: dt.date, last: dt.date, finish: bool = True) -> list[DisclosureRequest]:
        """Applications received between first and last; when ``finish``, worked to their end where time allows."""
        made = []
        days = sorted(_workday(self.calendar, first + dt.timedelta(days=self.rng.randint(0, max((last - first).days, 0))))
                      for _ in range(count))
        for received in days:
            if received > self.today:
                continue
            channel = self.rng.choice([Channel.PORTAL, Channel.PORTAL, Channel.IN_PERSON, Channel.POST_SIGNED, Channel.EMAIL])
            request, _ = services.request_create(
                organisation=self.township, fields=self._applicant(), channel=channel, received_on=received,
                user=None if channel == Channel.PORTAL else self.clerk,
            )
            if finish:
                self._work(request)
            made.append(request)
        return made

    def _work(self, request: DisclosureRequest) -> None:
        rng, cal, clerk = self.rng, self.calendar, self.clerk
        if request.handler_id is None and clerk is not None:
            services.request_assign(request=request, handler=clerk, user=clerk)
        roll = rng.random()
        if self.late_replies:  # the late one waited on a third party's opinion (the annual report names the cause)
            roll = 0.2
        if roll < 0.15:  # unclear: correction notice, then corrected or lapsed
            notice = _after(cal, request.received_on, rng.randint(2, 6))
            if notice > self.today:
                return
            services.correction_request(request=request, user=clerk, requested_on=notice,
                                        items="请写明所需信息的具体年份、地块位置或文件名称", deadline=notice + dt.timedelta(days=15))
            request.refresh_from_db()
            corrected = notice + dt.timedelta(days=rng.randint(3, 12))
            if rng.random() < 0.3:
                closed = notice + dt.timedelta(days=rng.randint(17, 25))
                if closed <= self.today:
                    services.request_reply(request=request, user=clerk, result=Result.OTHER_NO_CORRECTION, replied_on=closed,
                                           summary="申请人逾期未补正，视为放弃申请。")
                return
            if corrected > self.today:
                return
            services.correction_receive(request=request, user=clerk, received_on=corrected)
            request.refresh_from_db()
        elif roll < 0.30:  # third-party consultation
            sent = _after(cal, request.received_on, rng.randint(3, 8))
            if sent > self.today:
                return
            c = services.consultation_start(request=request, user=clerk, kind=ConsultationKind.THIRD_PARTY,
                                            party="涉及的承包农户", sent_on=sent)
            back = _after(cal, sent, rng.randint(6, 15))
            if back > self.today:
                return
            services.consultation_end(consultation=c, user=clerk, replied_on=back, opinion=ConsultationOpinion.AGREE)
            request.refresh_from_db()
        elif roll < 0.40:  # extension approved before the due date
            due = services.clock_for(request, calendar=cal).due
            approve = _after(cal, request.received_on, rng.randint(12, 18))
            if approve > self.today or approve > due:
                return
            services.extension_grant(request=request, user=clerk, days=rng.choice([10, 15, 20]), approved_by="党政办主任",
                                     approved_on=approve, reason="需调取多年档案资料")
            request.refresh_from_db()
        clock = services.clock_for(request, calendar=cal)
        if clock.due is None:
            return
        late = self.late_replies > 0
        self.late_replies -= late
        start = clock.start or request.received_on
        span = max(1, (cal.count_working_days(start, clock.due)))
        reply_on = _after(cal, clock.due, rng.randint(1, 4)) if late else _after(cal, start, rng.randint(max(1, span // 3), span))
        if reply_on > self.today:
            return
        if rng.random() < 0.7:
            result, summary = Result.GRANTED, "已按申请人要求的方式提供所申请的政府信息。"
        else:
            result, summary = rng.choice(REFUSALS)
        services.request_reply(request=request, user=clerk, result=result, replied_on=reply_on, summary=summary,
                               referred_agency="县自然资源局" if result == Result.UNAVAILABLE_NOT_HELD else "")


def generate_disclosure(spec, township, year: int, *, today: dt.date, clerk, scale: float, names) -> dict[str, int]:
    today = min(today, timezone.localdate())  # the services refuse a date after the real today
    rng = random.Random(f"fazhi-demo-disclosure:{spec.code}:{year}")
    gen = DisclosureGen(township, spec, year, today, clerk, rng, scale, names)
    releases = gen.releases()
    for r in releases:
        r.full_clean()
    bulk_create_with_history(releases, ProactiveRelease, default_user=clerk, default_change_reason="演示数据")
    last = min(dt.date(year, 12, 31), today)
    slot = profile(spec.code).slot
    count = pick(rng, 4, 12, slot, item="disclosure_requests") if scale >= 1 else pick(rng, 3, 9, slot, item="disclosure_requests")
    requests = gen.requests(count, first=dt.date(year, 1, 5), last=last)
    appeals = gen.appeals(requests)
    for a in appeals:
        a.full_clean()
    bulk_create_with_history(appeals, DisclosureAppeal, default_user=clerk, default_change_reason="演示数据")
    licensing = gen.licensing_decisions()
    if licensing is not None:
        licensing.full_clean()
        bulk_create_with_history([licensing], OtherFigure, default_user=clerk, default_change_reason="演示数据")
    traits = profile(spec.code)
    DisclosureGuide.objects.get_or_create(organisation=township, defaults={
        "address": traits.address, "postcode": traits.postcode, "phone": traits.phone, "fax": traits.fax,
        "email": traits.email,
    })
    return {"proactiverelease": len(releases), "disclosurerequest": len(requests), "disclosureappeal": len(appeals),
            "otherfigure_licensing": int(licensing is not None)}


def generate_open_requests(spec, township, *, today: dt.date, clerk, names) -> int:
    """A few applications of the last weeks still being worked on, so the dashboard has live deadlines."""
    if DisclosureRequest.objects.filter(organisation=township, received_on__year=today.year).exists():
        return 0
    rng = random.Random(f"fazhi-demo-open:{spec.code}:{today.isoformat()}")
    gen = DisclosureGen(township, spec, today.year, today, clerk, rng, 1.0, names)
    cal = gen.calendar
    made = gen.requests(3, first=max(dt.date(today.year, 1, 2), today - dt.timedelta(days=30)), last=today, finish=False)
    if len(made) > 1:
        notice = _after(cal, made[1].received_on, 2)
        if notice <= today:
            services.correction_request(request=made[1], user=clerk, requested_on=notice,
                                        items="请补充申请人身份证明复印件", deadline=notice + dt.timedelta(days=15))
    return len(made)


# 成文日期 of each township's 政府信息公开工作年度报告, by slot: (month, day) of the next year for the latest year and
# for the one before — different office days, all before the 31 January of 条例第四十九条.
ANNUAL_REPORT_DAYS = {"latest": ((1, 20), (1, 27), (1, 23)), "earlier": ((1, 21), (1, 24), (1, 17))}


def generate_annual_reports(township, years: tuple[int, ...], *, today: dt.date, clerk) -> int:
    """The annual disclosure reports of the demo years, each dated on its own day; the earlier one finalised (its
    tables kept, so the latest report can check what it carries over)."""
    from fazhi.demo.days import OfficeDays
    from fazhi.disclosure import report_services
    from fazhi.disclosure.models import DisclosureAnnualReport

    slot = profile(township.code).slot % 3
    made = 0
    for year in years:
        if DisclosureAnnualReport.objects.filter(organisation=township, year=year).exists():
            continue
        month, day = ANNUAL_REPORT_DAYS["latest" if year == years[-1] else "earlier"][slot]
        dated = OfficeDays().on_or_before(dt.date(year + 1, month, day))
        if dated > min(today, timezone.localdate()):
            continue
        report_services.report_save_texts(organisation=township, year=year, user=clerk, dated=dated)
        if year != years[-1]:
            report_services.report_finalise(organisation=township, year=year, user=clerk)
        made += 1
    return made
