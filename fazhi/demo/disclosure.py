"""Demo data for 政务公开: proactive releases of other business (those of the township's own records are made
from them, fazhi/demo/releases.py), appeals, and applications worked
through the real services (numbering, corrections, consultations, extensions, replies), so the clock,
the dashboard, the indicators and the annual disclosure report all have something true to show.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
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
# The county agencies an application is referred to (条例第三十六条第五项 names the agency and its 联系方式).
NATURAL_RESOURCES = "示范县自然资源局（联系电话：0819-6212306）"
AGRICULTURE = "示范县农业农村局（联系电话：0819-6213517）"
TRANSPORT = "示范县交通运输局（联系电话：0819-6215420）"


@dataclass(frozen=True)
class Case:
    """One kind of application: its text, who may plausibly ask it, the results that fit it (result, reasons,
    agency referred to), the third party whose interests it touches (none: nobody is consulted), and why its
    reply could need more time."""

    text: str
    outcomes: tuple[tuple[str, str, str], ...]
    third_party: str = ""  # "household": a named person; "company": a named enterprise
    extension_reason: str = "所申请信息分散在多个年度的档案中，需调取核对"
    persons_only: bool = False


GRANTED = (Result.GRANTED, "", "")
CASES = (
    Case("{v}{y}年集体土地征收补偿安置方案及补偿款发放明细", (
        GRANTED,
        (Result.PARTIAL, "补偿款发放明细中各被征收户的身份证号码、银行账号属于个人隐私，公开会对第三方合法权益造成损害，"
                         "依据《条例》第十五条、第三十七条不予公开，已作遮盖处理；补偿安置方案及明细的其余内容予以公开。", ""),
    ), third_party="household", extension_reason="补偿款发放明细涉及多个村民小组，需逐户核对并对个人信息作区分处理"),
    Case("{y}年本{unit}农村低保对象名单及审核程序", (
        GRANTED,
        (Result.PARTIAL, "低保对象名单中的身份证号码、家庭住址门牌号和银行账号属于个人隐私，依据《条例》第十五条、第三十七条不予公开；"
                         "名单中的姓名、所在村、保障人数、保障金额和审核程序予以公开。", ""),
    ), third_party="household", extension_reason="需会同民政办逐户核对低保名单，并对个人信息作区分处理", persons_only=True),
    Case("{v}宅基地审批的相关文件和审批结果", (GRANTED,), third_party="household",
         extension_reason="审批材料需从村、镇两级档案中调取核对", persons_only=True),
    Case("{v}道路硬化工程的招标文件和验收报告", (
        GRANTED,
        (Result.UNAVAILABLE_NOT_HELD, "该道路硬化工程由县交通运输局作为项目业主组织招标和验收，本机关未制作、保存招标文件和验收报告。",
         TRANSPORT),
    ), third_party="company", extension_reason="招标文件和验收报告分存于项目实施单位和本机关，需调取核对"),
    Case("本人房屋所在地块的征收决定及附图", (
        GRANTED,
        (Result.UNAVAILABLE_NOT_HELD, "土地征收决定由有批准权的人民政府作出，征收公告及附图由县自然资源局组织制作和保存，本机关未制作、获取该信息。",
         NATURAL_RESOURCES),
    ), persons_only=True, extension_reason="需向县自然资源局核实地块范围后确定所申请的信息"),
    Case("{y}年高标准农田建设项目的资金使用情况", (
        GRANTED,
        (Result.UNAVAILABLE_NOT_HELD, "高标准农田建设项目由县农业农村局组织实施并管理项目资金，本机关未制作、获取资金使用情况的信息。",
         AGRICULTURE),
    ), extension_reason="项目资金分多个标段拨付，需会同财政所汇总核对"),
    Case("{v}土地承包经营权流转合同备案情况", (GRANTED,), third_party="company",
         extension_reason="流转合同备案材料数量较多，需逐份检索"),
    Case("{unit}政府关于{v}垃圾中转站选址的会议纪要", (
        GRANTED,
        (Result.WITHHELD_PROCESS, "所申请的会议纪要记录的是垃圾中转站选址的讨论过程，选址尚在论证、未最终确定，属于过程性信息，"
                                  "依据《条例》第十六条第二款不予公开。选址确定后，本机关将依法主动公开。", ""),
    ), extension_reason="会议纪要涉及的选址论证材料需调取核对"),
    Case("{unit}政府向县人民政府报送的关于{v}村庄规划调整的请示", (
        (Result.WITHHELD_PROCESS, "所申请的请示是本机关向县人民政府报送的请示报告，属于过程性信息，依据《条例》第十六条第二款不予公开；"
                                  "村庄规划经批准后将依法公开。", ""),
    ), extension_reason="需查明该请示的报送和批复情况"),
    Case("要求查处{v}村干部违规占用集体土地建房的问题，并答复处理结果", (
        (Result.NOT_PROCESSED_PETITION, "你反映的村干部违规占用集体土地建房问题属于举报投诉事项，"
                                        "可向示范县信访局或本机关信访办提出，也可向县自然资源局举报。", ""),
    ), persons_only=True),
)
# Applications too vague to find anything by (条例第三十条): they get a correction notice.
UNCLEAR = ("我村征地的相关材料", "镇里关于修路的有关文件", "关于我家承包地的情况", "村里的各种补贴发放情况")
STILL_UNCLEAR = (Result.UNAVAILABLE_STILL_UNCLEAR, "补正后的申请仍未写明所需信息的年份、地块位置或文件名称，本机关无法确定你所需要的政府信息。", "")
ROAD_COMPANIES = ("示范县顺达路桥建设有限公司", "示范县宏远建筑工程有限公司")  # 中标、施工企业
FARM_COMPANIES = ("示范县绿源农业发展有限公司", "示范县丰禾农业科技有限公司")  # 流转受让方


def _party(case: Case, name: str, rng: random.Random, village: str) -> str:
    """The third party a letter goes to (条例第三十二条): a named household or enterprise, never a class of people."""
    if case.third_party == "company":
        return rng.choice(ROAD_COMPANIES if "道路" in case.text else FARM_COMPANIES)
    return f"{name}（{village}）"


def _workday(calendar: WorkingCalendar, day: dt.date) -> dt.date:
    """``day`` or the next office day: a working day of the calendar that is also Monday to Friday (a 调休 Saturday
    still reads as a Saturday to whoever gets the letter)."""
    while day.weekday() >= 5 or not calendar.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def _after(calendar: WorkingCalendar, day: dt.date, n: int) -> dt.date:
    """n working days after ``day``, on a Monday-to-Friday office day (a 调休 Saturday still reads as a Saturday)."""
    return _workday(calendar, calendar.add_working_days(day, n).due)


class DisclosureGen:
    def __init__(self, township, spec, year: int, today: dt.date, clerk, rng: random.Random, scale: float, names):
        self.township, self.spec, self.year, self.today = township, spec, year, today
        self.clerk, self.rng, self.scale, self.name = clerk, rng, scale, names
        self.calendar = WorkingCalendar.load()
        self.villages = [v.name for v in township.villages().order_by("code")] or [township.name]
        # one application answered late in the years the township's profile says (按期答复率 below 100%)
        self.late_replies = int(profile(spec.code).falls_short("reply", latest=year == today.year - 1))
        self._case: Case | None = None  # the kind of application _applicant drew last

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
        """An applicant and a request that fit each other: an organisation never asks for "本人房屋" or files a
        complaint; about one in six from a person is too vague to act on and will get a correction notice."""
        kind = self.rng.choices(
            [ApplicantType.NATURAL, ApplicantType.COMMERCIAL, ApplicantType.LEGAL_SERVICE, ApplicantType.OTHER_ORG],
            weights=[8, 1, 1, 1],
        )[0]
        name = self.name() if kind == ApplicantType.NATURAL else {
            ApplicantType.COMMERCIAL: f"{self.township.name[:2]}建材有限公司",
            ApplicantType.LEGAL_SERVICE: "示范县正衡律师事务所",
            ApplicantType.OTHER_ORG: f"{self.rng.choice(self.villages)}股份经济合作社",
        }[kind]
        if kind == ApplicantType.NATURAL and not self.late_replies and self.rng.random() < 0.16:
            case, description = None, self.rng.choice(UNCLEAR)
        else:
            cases = [c for c in CASES if (kind == ApplicantType.NATURAL or not c.persons_only)
                     and (c.third_party or not self.late_replies)]  # the late one waits on a third party
            case = self.rng.choice(cases)
            description = self._fmt(case.text)
        self._case = case
        return {
            "applicant_type": kind, "applicant_name": name, "contact": f"1{self.rng.choice('3589')}{self.rng.randint(100000000, 999999999)}",
            "description": description, "delivery": self.rng.choice(list(Delivery.values)),
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
        """Work the application through the services, each step dated after the one before (the services refuse
        anything else): a correction only for a vague request, a consultation only where a named third party's
        interests are touched, an extension with a reason of its own, and a reply that fits the request."""
        rng, cal, clerk = self.rng, self.calendar, self.clerk
        case: Case | None = self._case
        if request.handler_id is None and clerk is not None:
            services.request_assign(request=request, handler=clerk, user=clerk)
        late = self.late_replies > 0 and case is not None and bool(case.third_party)
        roll = 0.2 if late else rng.random()  # the late one waited on a third party's opinion (the annual report names the cause)
        outcomes = case.outcomes if case is not None else (GRANTED, STILL_UNCLEAR)
        if case is None:  # too vague: correction notice, then corrected or lapsed
            notice = _after(cal, request.received_on, rng.randint(2, 6))
            if notice > self.today:
                return
            services.correction_request(request=request, user=clerk, requested_on=notice,
                                        items="请写明所需信息的具体年份、地块位置或文件名称",
                                        deadline=_after(cal, notice, 10))
            request.refresh_from_db()
            if rng.random() < 0.3:
                closed = _after(cal, request.correction_deadline, rng.randint(1, 5))
                if closed <= self.today:
                    services.request_reply(request=request, user=clerk, result=Result.OTHER_NO_CORRECTION, replied_on=closed,
                                           summary="申请人逾期未补正，视为放弃申请。")
                return
            corrected = _after(cal, notice, rng.randint(2, 8))
            if corrected > self.today:
                return
            services.correction_receive(request=request, user=clerk, received_on=corrected)
            request.refresh_from_db()
        elif case.third_party and roll < 0.35:  # a named third party's interests: consulted (条例第三十二条)
            sent = _after(cal, request.received_on, rng.randint(3, 8))
            if sent > self.today:
                return
            party = _party(case, self.name(), rng, rng.choice(self.villages))
            c = services.consultation_start(request=request, user=clerk, kind=ConsultationKind.THIRD_PARTY,
                                            party=party, sent_on=sent)
            back = _after(cal, sent, rng.randint(6, 15))
            if back > self.today:
                return
            services.consultation_end(consultation=c, user=clerk, replied_on=back, opinion=ConsultationOpinion.AGREE)
            request.refresh_from_db()
            outcomes = tuple(o for o in outcomes if o[0] in (Result.GRANTED, Result.PARTIAL))
        elif roll > 0.85 and case.outcomes[0][0] != Result.NOT_PROCESSED_PETITION:  # extension approved in time
            due = services.clock_for(request, calendar=cal).due
            approve = _after(cal, request.received_on, rng.randint(12, 18))
            if approve > self.today or approve > due:
                return
            services.extension_grant(request=request, user=clerk, days=rng.choice([10, 15, 20]), approved_by="党政办主任",
                                     approved_on=approve, reason=case.extension_reason)
            request.refresh_from_db()
        clock = services.clock_for(request, calendar=cal)
        if clock.due is None:
            return
        self.late_replies -= late
        start = clock.start or request.received_on
        span = max(1, (cal.count_working_days(start, clock.due)))
        reply_on = _after(cal, clock.due, rng.randint(1, 4)) if late else _after(cal, start, rng.randint(max(1, span // 3), span))
        after, _ = services.last_step(request)
        if reply_on < after:  # the reply follows the last step (an extension, the third party's opinion)
            reply_on = _after(cal, after, rng.randint(1, 3))
            if not late and reply_on > clock.due:
                reply_on = after
        if reply_on > self.today:
            return
        granted = [o for o in outcomes if o[0] == Result.GRANTED]
        refusals = [o for o in outcomes if o[0] != Result.GRANTED]
        result, summary, agency = (granted[0] if granted and (not refusals or rng.random() < 0.65)
                                   else rng.choice(refusals))
        services.request_reply(request=request, user=clerk, result=result, replied_on=reply_on, summary=summary,
                               referred_agency=agency)


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
                                        items="请补充申请人身份证明复印件", deadline=_after(cal, notice, 10))
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
