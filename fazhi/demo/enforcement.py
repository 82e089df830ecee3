"""Demo data for 行政执法, every record made through the real services (gates, dates, reviews through the queue):
the township's officers (持证) and auxiliaries with certificates (one expiring within 60 days, one expired),
equipment and the enforcement item list (once per township); per year training sessions, ordinary-procedure cases
taken to archive, on-the-spot penalties and case-file audits with rectifications; and, for the latest demo year,
cases in flight in every state — including overdue ones the dashboard shows."""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from fazhi.demo.days import OfficeDays
from fazhi.demo.pools import pool
from fazhi.demo.profiles import NameBook, pick, profile
from fazhi.enforcement import journey, services
from fazhi.enforcement.choices import CaseStatus, EquipmentKind, OfficerKind, PartyKind, PenaltyKind
from fazhi.enforcement.models import Officer, PenaltyCase

VIOLATIONS = (
    ("在集镇主街道违规占道经营，经责令改正拒不改正", "《城市市容和环境卫生管理条例》第十四条、第三十六条"),
    ("擅自在公共场所设置户外广告", "《城市市容和环境卫生管理条例》第十一条、第三十六条"),
    ("未按规定倾倒建筑垃圾", "《城市市容和环境卫生管理条例》第二十八条、第三十九条"),
    ("在禁止区域露天焚烧秸秆", "《中华人民共和国大气污染防治法》第七十七条、第一百一十九条"),
    ("未取得建设工程规划许可证进行建设", "《中华人民共和国城乡规划法》第四十条、第六十四条"),
    ("擅自占用林地建设附属设施", "《中华人民共和国森林法》第三十七条、第七十三条"),
)
ITEMS = (
    ("对违规占道经营的行政处罚", "《城市市容和环境卫生管理条例》第三十六条"),
    ("对擅自设置户外广告的行政处罚", "《城市市容和环境卫生管理条例》第三十六条"),
    ("对随意倾倒建筑垃圾的行政处罚", "《城市市容和环境卫生管理条例》第三十九条"),
    ("对露天焚烧秸秆的行政处罚", "《中华人民共和国大气污染防治法》第一百一十九条"),
    ("对乡村建设违法行为的行政处罚", "《中华人民共和国城乡规划法》第六十五条"),
    ("对农村集镇市容环境的行政检查", "《城市市容和环境卫生管理条例》第四条"),
)


def _name(township, rng: random.Random) -> str:
    return NameBook(township.code, rng).name()


def _staff(spec, township, *, today: dt.date, clerk, rng: random.Random) -> list[Officer]:
    """The township's certified officers and auxiliaries (about as many as it has villages), vehicles and body
    cameras — never the seeds' 取得执法资格人员11人、执法辅助人员21人、执法记录仪5部."""
    existing = list(Officer.objects.active().filter(organisation=township, kind=OfficerKind.OFFICER).order_by("id"))
    if existing:
        return existing
    slot = profile(spec.code).slot
    villages = max(township.villages().count(), 6)
    names = NameBook(spec.code, rng)
    n_officers = pick(rng, villages - 3, villages + 4, slot, item="enforcement_officers", avoid=(11, 12, 15))
    n_aux = pick(rng, villages, 2 * villages + 4, slot, item="enforcement_auxiliaries", avoid=(21,))
    officers = []
    for i in range(n_officers):
        if i == n_officers - 2:
            until = today + dt.timedelta(days=40)  # shows in the 60-day expiry warning
        elif i == n_officers - 1:
            until = today - dt.timedelta(days=20)  # expired: may no longer act
        else:
            until = dt.date(today.year + 2 + i % 3, 6, 30)
        officer = journey.certified_officer(township, names.name(), valid_until=until, user=clerk,
                                            number=f"{spec.code}-ZF-{i + 1:03d}", issued_on=dt.date(2020, 7, 1))
        officers.append(officer)
    for _ in range(n_aux):
        services.officer_register(organisation=township, user=clerk, fields={
            "name": names.name(), "kind": OfficerKind.AUXILIARY, "position": "协管员", "joined_on": dt.date(2021, 3, 1)})
    for i in range((4, 2, 3)[slot % 3]):  # the mountain township patrols its forests by pickup
        services.equipment_register(organisation=township, user=clerk, fields={
            "kind": EquipmentKind.VEHICLE, "name": ("综合执法车（比亚迪）", "执法巡查皮卡（长城）", "执法电动巡逻车", "林区巡查越野车（长安）")[i],
            "identifier": f"示A·{spec.code[-2:]}{i + 1:03d}", "acquired_on": dt.date(2021 + i, 5, 1)})
    for i in range(pick(rng, 4, 12, slot, item="enforcement_body_cameras", avoid=(5,))):
        services.equipment_register(organisation=township, user=clerk, fields={
            "kind": EquipmentKind.BODY_CAMERA, "name": "执法记录仪 DSJ-V8", "identifier": f"JLY-{spec.code}-{i + 1:02d}",
            "acquired_on": dt.date(2021 + i % 3, 5, 1)})
    for name, basis in ITEMS:
        services.item_register(organisation=township, user=clerk, fields={
            "name": name, "category": "inspection" if "检查" in name else "penalty", "basis": basis})
    return officers


def _file(township, clerk, rng, filed_on: dt.date, *, organisation: bool = False) -> PenaltyCase:
    violation, basis = rng.choice(VIOLATIONS)
    fields = journey.case_fields(_name(township, rng) if not organisation else f"{rng.choice(('示范', '青禾', '绿源'))}农业开发有限公司",
                                 kind=PartyKind.ORGANISATION if organisation else PartyKind.CITIZEN, violation=violation)
    fields["legal_basis"] = basis
    return services.case_file(organisation=township, fields=fields, filed_on=filed_on, user=clerk)


# Ordinary-procedure cases a year decided after a hearing (and so after 法制审核, 行政处罚法第五十八条), by slot:
# the market town's workshops and the forest land the mountain township protects bring the larger fines.
HEARING_CASES = (3, 1, 2)
AUDIT_SUGGESTIONS = ("询问笔录应由当事人逐页签名确认", "送达回证应注明送达地点", "案卷目录应按办案顺序编排",
                     "现场检查照片应注明拍摄时间、地点", "处罚决定书应写明自由裁量理由", "证据清单应与卷内材料一一对应")
def generate_enforcement(spec, township, year: int, *, today: dt.date, clerk, reviewer, latest: bool = False) -> dict[str, int]:
    """One year of enforcement; how many trainings, cases, on-the-spot penalties, inspections, audits and
    rectifications is the township's own (profiles.pick) and never the seeds' 普通程序处罚案件5件、执法案卷评查2次、
    现场执法检查活动2次、提出整改建议3条."""
    today = min(today, timezone.localdate())
    rng = random.Random(f"enforcement-{spec.code}-{year}")
    slot = profile(spec.code).slot
    unit = "乡" if spec.name.endswith("乡") else "镇"
    officers = _staff(spec, township, today=today, clerk=clerk, rng=rng)
    acting = officers[:2]
    counts = {"penaltycase": 0, "simplepenalty": 0, "trainingsession": 0, "caseaudit": 0}
    trainings = pick(rng, 2, 5, slot, item="enforcement_training")
    topics = pool(spec.code, "enforcement_trainings")
    for month, topic in zip(sorted(rng.sample(range(3, 12), trainings)), rng.sample(topics, trainings)):
        held = OfficeDays().on_or_after(dt.date(year, month, rng.randint(6, 22)))
        if held <= today:
            services.training_record(organisation=township, held_on=held, user=clerk, organiser="县司法局", topic=topic,
                                     hours=Decimal(rng.choice(("3", "4", "6"))), attendees=officers[:-1])
            counts["trainingsession"] += 1
    # ordinary-procedure cases, each taken to archive: one with a hearing and 法制审核, one paid late, one warning
    closed = []
    cases = pick(rng, 6, 11, slot, item="penalty_cases", avoid=(5,), year=year)
    hearings = HEARING_CASES[slot % 3]
    variants = [{"fine": Decimal("20000"), "hearing": True}] * hearings + [{"late_payment": 4},
                {"kinds": (PenaltyKind.WARNING,), "fine": None}] + [{}] * (cases - 2 - hearings)
    rng.shuffle(variants)
    for month, kw in zip(sorted(rng.choices(range(1, 10), k=cases)), variants):  # several cases may share a month
        filed = dt.date(year, month, rng.randint(3, 20))
        if filed + dt.timedelta(days=75) > today:
            continue
        # a company may be the party, except of the hearing case (20 000 元 is a 较大数额 for a citizen only)
        case = _file(township, clerk, rng, filed, organisation=rng.random() < 0.2 and not kw.get("hearing"))
        closed.append(journey.take(case, until="closed", officers=acting, user=clerk, reviewer=reviewer, **kw))
        counts["penaltycase"] += 1
    simple = pick(rng, 2, 7, slot, item="simple_penalties")
    for i, month in enumerate(sorted(rng.sample(range(1, 12), simple))):
        day = dt.date(year, month, rng.randint(5, 25))
        if day > today:
            continue
        services.simple_penalty_register(organisation=township, officers=acting[:1], user=clerk, fields={
            "form_number": f"{spec.code}-当场-{year}-{i + 1:04d}", "decided_on": day, "place": "集镇农贸市场",
            "party_kind": PartyKind.CITIZEN, "party_name": _name(township, rng), "violation": "在市场外占道摆摊",
            "legal_basis": "《城市市容和环境卫生管理条例》第三十六条", "penalty": "fine" if i % 2 == 0 else "warning",
            "fine_amount": Decimal(rng.choice(("50", "100", "200"))) if i % 2 == 0 else None,
            "registered_on": day + dt.timedelta(days=1)})
        counts["simplepenalty"] += 1
    # 现场执法检查活动
    inspections = pick(rng, 1, 6, slot, item="enforcement_inspections", avoid=(2,))
    topics = pool(spec.code, "enforcement_inspections")
    for month, topic in zip(sorted(rng.sample(range(3, 13), inspections)), rng.sample(topics, inspections)):
        held = dt.date(year, month, 18)
        if held <= today:
            services.inspection_record(organisation=township, user=clerk, fields={
                "held_on": held, "topic": topic, "place": pool(spec.code, "enforcement_place"), "inspectors": f"{unit}司法所、党政办",
                "findings": rng.choice(("个别执法人员未全程开启执法记录仪，已当场纠正", "执法公示栏信息未及时更新，已督促整改",
                                        "未发现问题"))})
            counts["inspection"] = counts.get("inspection", 0) + 1
    # 执法案卷评查 of the closed cases, with rectifications (some still open)
    first_closed = min((c.closed_on for c in closed if c.closed_on), default=None)
    audits = pick(rng, 1, 5, slot, item="case_file_reviews", avoid=(2,))
    if first_closed is not None:
        months = [m for m in range(first_closed.month + 1, 13)] or [12]
        held_days = [dt.date(year, m, 20) for m in sorted(rng.sample(months, min(audits, len(months))))]
        held_days = [d for d in held_days if d <= today]
        suggestions = (pick(rng, len(held_days), 2 * len(held_days) + 2, slot, item="case_file_rectifications", avoid=(3,))
                       if held_days else 0)
        share = [1] * len(held_days)
        for _ in range(suggestions - len(held_days)):
            share[rng.randrange(len(share))] += 1
        texts = iter(rng.sample(AUDIT_SUGGESTIONS, len(AUDIT_SUGGESTIONS)) * 3)
        for n, (held, many) in enumerate(zip(held_days, share)):
            done = [c for c in closed if c.closed_on and c.closed_on <= held]
            audit = services.audit_run(organisation=township, held_on=held, title=f"{year}年第{n + 1}次行政执法案卷评查",
                                       auditors=f"{unit}司法所、县司法局执法监督科", cases=done[-2:], user=clerk)
            counts["caseaudit"] += 1
            for s in range(many):
                due = held + dt.timedelta(days=30)
                item = services.rectification_suggest(audit, case=done[-1], suggestion=next(texts), due_on=due, user=clerk)
                if due + dt.timedelta(days=1) <= today and (n == 0 or s == 0):
                    services.rectification_fix(item, fixed_on=held + dt.timedelta(days=15), note="已整改并归档", user=clerk)
    if latest:
        counts["penaltycase"] += _in_flight(township, clerk=clerk, reviewer=reviewer, officers=acting, today=today, rng=rng)
    return counts


def _in_flight(township, *, clerk, reviewer, officers, today: dt.date, rng) -> int:
    """Cases of the running year, one in each state, dated back from today; three overdue."""
    if PenaltyCase.objects.filter(organisation=township, filed_on__year=today.year, status__in=[
            s for s in CaseStatus if s != CaseStatus.CLOSED]).exists():
        return 0

    def case(age: int, until: str, **kw) -> PenaltyCase:
        c = _file(township, clerk, rng, today - dt.timedelta(days=age))
        return journey.take(c, until=until, officers=officers, user=clerk, reviewer=reviewer, **kw)

    made = [
        case(3, "investigating"),
        case(9, "defence"),
        case(7, "defence", fine=Decimal("20000")),  # hearing window still open
        case(40, "hearing", fine=Decimal("20000"), hearing=True),
        case(30, "legal_review"),
        case(25, "deciding"),
        case(20, "serving"),
        case(45, "executing"),
        case(50, "executed"),
        # overdue: filed 100 days ago, never decided (第六十条); decided, not served after 7 working days (第六十一条)
        case(100, "investigating"),
    ]
    late_service = _file(township, clerk, rng, today - dt.timedelta(days=60))
    journey.take(late_service, until="deciding", officers=officers, user=clerk, reviewer=reviewer)
    late_service.refresh_from_db()
    services.case_decide(late_service, **journey.decide_kwargs(late_service, today - dt.timedelta(days=30),
                                                               late_service.number.replace("罚", "罚决")), user=clerk)
    made.append(late_service)
    return len(made)
