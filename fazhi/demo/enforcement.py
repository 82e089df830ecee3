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

from fazhi.enforcement import journey, services
from fazhi.enforcement.choices import CaseStatus, EquipmentKind, OfficerKind, PartyKind, PenaltyKind
from fazhi.enforcement.models import Officer, PenaltyCase

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
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


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _staff(spec, township, *, today: dt.date, clerk, rng: random.Random) -> list[Officer]:
    """全镇取得执法资格人员11人，执法辅助人员21人；执法车1辆、执法记录仪5部 (the seeds' figures for the first township)."""
    existing = list(Officer.objects.active().filter(organisation=township, kind=OfficerKind.OFFICER).order_by("id"))
    if existing:
        return existing
    first = spec.code.endswith("01")
    n_officers, n_aux = (11, 21) if first else (rng.randint(6, 9), rng.randint(8, 15))
    officers = []
    for i in range(n_officers):
        if i == n_officers - 2:
            until = today + dt.timedelta(days=40)  # shows in the 60-day expiry warning
        elif i == n_officers - 1:
            until = today - dt.timedelta(days=20)  # expired: may no longer act
        else:
            until = dt.date(today.year + 2 + i % 3, 6, 30)
        officer = journey.certified_officer(township, _name(rng), valid_until=until, user=clerk,
                                            number=f"{spec.code}-ZF-{i + 1:03d}", issued_on=dt.date(2020, 7, 1))
        officers.append(officer)
    for _ in range(n_aux):
        services.officer_register(organisation=township, user=clerk, fields={
            "name": _name(rng), "kind": OfficerKind.AUXILIARY, "position": "协管员", "joined_on": dt.date(2021, 3, 1)})
    services.equipment_register(organisation=township, user=clerk, fields={
        "kind": EquipmentKind.VEHICLE, "name": "综合执法车（比亚迪）", "identifier": f"示A·{spec.code[-2:]}001",
        "acquired_on": dt.date(2021, 5, 1)})
    for i in range(5 if first else 3):
        services.equipment_register(organisation=township, user=clerk, fields={
            "kind": EquipmentKind.BODY_CAMERA, "name": "执法记录仪 DSJ-V8", "identifier": f"JLY-{spec.code}-{i + 1:02d}",
            "acquired_on": dt.date(2021, 5, 1)})
    for name, basis in ITEMS:
        services.item_register(organisation=township, user=clerk, fields={
            "name": name, "category": "inspection" if "检查" in name else "penalty", "basis": basis})
    return officers


def _file(township, clerk, rng, filed_on: dt.date, *, organisation: bool = False) -> PenaltyCase:
    violation, basis = rng.choice(VIOLATIONS)
    fields = journey.case_fields(_name(rng) if not organisation else f"{rng.choice(('示范', '青禾', '绿源'))}农业开发有限公司",
                                 kind=PartyKind.ORGANISATION if organisation else PartyKind.CITIZEN, violation=violation)
    fields["legal_basis"] = basis
    return services.case_file(organisation=township, fields=fields, filed_on=filed_on, user=clerk)


def generate_enforcement(spec, township, year: int, *, today: dt.date, clerk, reviewer, latest: bool = False) -> dict[str, int]:
    today = min(today, timezone.localdate())
    rng = random.Random(f"enforcement-{spec.code}-{year}")
    officers = _staff(spec, township, today=today, clerk=clerk, rng=rng)
    acting = officers[:2]
    counts = {"penaltycase": 0, "simplepenalty": 0, "trainingsession": 0, "caseaudit": 0}
    for month in (4, 9, 11):
        held = dt.date(year, month, 12)
        if held <= today:
            services.training_record(organisation=township, held_on=held, user=clerk, organiser="县司法局",
                                     topic=("《行政处罚法》专题培训", "行政执法三项制度培训", "执法文书制作与案卷评查培训")[month % 3],
                                     hours=Decimal("4"), attendees=officers[:-1])
            counts["trainingsession"] += 1
    # 全年办理普通程序处罚案件5件: each taken to archive (one with a hearing and 法制审核, one paid late)
    closed = []
    plans = ((3, {}), (5, {"fine": Decimal("20000"), "hearing": True}), (6, {"late_payment": 4}), (8, {}),
             (10, {"kinds": (PenaltyKind.WARNING,), "fine": None}))
    for month, kw in plans:
        filed = dt.date(year, month, 6)
        if filed + dt.timedelta(days=75) > today:
            continue
        case = _file(township, clerk, rng, filed)
        closed.append(journey.take(case, until="closed", officers=acting, user=clerk, reviewer=reviewer, **kw))
        counts["penaltycase"] += 1
    for i in range(rng.randint(2, 4)):
        day = dt.date(year, 2 + i * 3, 15)
        if day > today:
            continue
        services.simple_penalty_register(organisation=township, officers=acting[:1], user=clerk, fields={
            "form_number": f"{spec.code}-当场-{year}-{i + 1:04d}", "decided_on": day, "place": "集镇农贸市场",
            "party_kind": PartyKind.CITIZEN, "party_name": _name(rng), "violation": "在市场外占道摆摊",
            "legal_basis": "《城市市容和环境卫生管理条例》第三十六条", "penalty": "fine" if i % 2 == 0 else "warning",
            "fine_amount": Decimal("100") if i % 2 == 0 else None, "registered_on": day + dt.timedelta(days=1)})
        counts["simplepenalty"] += 1
    # 现场执法检查活动2次
    for month, topic in ((6, "执法人员持证上岗、执法记录仪使用情况现场检查"), (11, "集镇市容执法规范化现场检查")):
        held = dt.date(year, month, 18)
        if held <= today:
            services.inspection_record(organisation=township, user=clerk, fields={
                "held_on": held, "topic": topic, "place": "集镇主街道、农贸市场", "inspectors": "镇司法所、党政办",
                "findings": "个别执法人员未全程开启执法记录仪，已当场纠正"})
            counts["inspection"] = counts.get("inspection", 0) + 1
    # 开展执法案卷评查2次，提出整改建议3条
    for n, month in enumerate((7, 12)):
        held = dt.date(year, month, 20)
        done = [c for c in closed if c.closed_on and c.closed_on <= held]
        if not done or held > today:
            continue
        audit = services.audit_run(organisation=township, held_on=held, title=f"{year}年第{n + 1}次行政执法案卷评查",
                                   auditors="镇司法所、县司法局执法监督科", cases=done[-2:], user=clerk)
        counts["caseaudit"] += 1
        texts = (("询问笔录应由当事人逐页签名确认", "送达回证应注明送达地点"), ("案卷目录应按办案顺序编排",))[n]
        for s, text in enumerate(texts):
            due = held + dt.timedelta(days=30)
            item = services.rectification_suggest(audit, case=done[-1], suggestion=text, due_on=due, user=clerk)
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
