"""Demo data: 示范县 (SFX) with three townships, their villages, users of every role and
a realistic year of ledgers (plus the year before, for year-on-year comparison).

Each township is its own (fazhi/demo/profiles.py): its own surname pool, contact details and shortcomings, and
counts drawn so that no two townships — and no seed report — state the same figure for the same item; its own
documents, contracts, decisions and activities (fazhi/demo/pools.py); and a 主动公开 register that carries what its
records say was published (fazhi/demo/releases.py).
Everything is deterministic (``random.Random`` seeded by township code + year),
passes each model's ``full_clean()``, and is written with
``bulk_create_with_history`` so every record has its creation history entry.
Idempotent: organisations and users are fetched-or-created, and a township-year
that already has records is left alone.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from fazhi.core.models import Organisation, OrgKind, Role, User
from fazhi.demo.advisors import generate_advisors
from fazhi.demo.corrections import generate_corrections
from fazhi.demo.decisions import generate_decisions, generate_open_decisions
from fazhi.demo.enforcement import generate_enforcement
from fazhi.demo.disclosure import generate_annual_reports, generate_disclosure, generate_open_requests
from fazhi.demo.governance import generate_governance
from fazhi.demo.days import OfficeDays
from fazhi.demo.initiative import initiative, issue_days, launch_day, meeting_text
from fazhi.demo.litigation import generate_litigation
from fazhi.demo.oversight import generate_filings, import_seed_reports
from fazhi.demo.pools import pool
from fazhi.demo.profiles import NameBook, adjust_to_class, pick, profile
from fazhi.demo.releases import generate_record_releases
from fazhi.demo.rulemaking import generate_open_rulemaking, generate_rulemaking
from fazhi.demo.seed_items import generate_seed_items
from fazhi.disclosure.models import ProactiveRelease
from fazhi.reviews.models import LegalityReview
from fazhi.disputes.models import AgreementForm, DisputeCase, DisputeCategory, DisputeOutcome, MediationMode
from fazhi.governance.models import Meeting, MeetingKind
from fazhi.learning.models import CourtObservation, ExamRecord, ExamStatus, ObservationMode, StudyKind, StudySession
from fazhi.publicity.models import (
    Campaign, Channel, LegalLiaison, LiaisonKind, LiaisonTraining, PublicityEvent, TrainingMode,
)

DEMO_PASSWORD = "fazhi-demo-2025"
COUNTY_CODE = "SFX"
COUNTY_NAME = "示范县"
SUPERIOR_BODY = "县委、县政府"
CHANGE_REASON = "演示数据"

# The ledgers, each with the date field that places a record in a year.
LEDGERS: tuple[tuple[type, str], ...] = (
    (PublicityEvent, "held_on"),
    (LegalLiaison, "registered_on"),
    (LiaisonTraining, "held_on"),
    (StudySession, "held_on"),
    (ExamRecord, "exam_on"),
    (CourtObservation, "held_on"),
    (Meeting, "held_on"),
    (DisputeCase, "received_on"),
    (ProactiveRelease, "published_on"),
)


@dataclass(frozen=True)
class TownshipSpec:
    code: str
    name: str
    slug: str  # username prefix
    short: str  # used in dossier numbers, e.g. 青山调字〔2025〕第001号
    villages: tuple[str, ...]
    secretary: str  # 党委书记
    mayor: str  # 镇（乡）长
    people: dict = field(default_factory=dict)  # role → full name of the demo user
    deputy: str = ""  # 分管副镇（乡）长, in charge of rule-of-law work

    @property
    def unit(self) -> str:
        return "乡" if self.name.endswith("乡") else "镇"


TOWNSHIPS: tuple[TownshipSpec, ...] = (
    TownshipSpec(
        "SFX01", "青山镇", "qingshan", "青山",
        ("青山社区", "石桥村", "柳湾村", "松林村", "龙潭村", "白鹤村", "新华村", "桃园村", "茶山村", "马家坪村",
         "双河村", "枫树村"),
        "周建国", "吴海燕",
        {Role.CLERK: "李晓梅", Role.LEADER: "吴海燕", Role.LEGAL_REVIEWER: "陈志刚", Role.ENFORCEMENT_OFFICER: "刘勇", Role.JUDICIAL_OFFICE: "何秀英"},
        deputy="蒋文华",
    ),
    TownshipSpec(
        "SFX02", "河口镇", "hekou", "河口",
        ("河口社区", "滨江社区", "渡口村", "沙洲村", "鱼塘村", "李家湾村", "杨柳村", "长堤村", "荷花村", "五里村"),
        "郑德福", "黄丽娟",
        {Role.CLERK: "张敏", Role.LEADER: "黄丽娟", Role.LEGAL_REVIEWER: "孙文斌", Role.ENFORCEMENT_OFFICER: "马超", Role.JUDICIAL_OFFICE: "邓立新"},
        deputy="韩立军",
    ),
    TownshipSpec(
        "SFX03", "云岭乡", "yunling", "云岭",
        ("云岭村", "高峰村", "岩脚村", "竹林村", "石门村", "白云村", "雾峰村", "龙井村", "梨树村"),
        "罗志勇", "杨春兰",
        {Role.CLERK: "赵静", Role.LEADER: "杨春兰", Role.LEGAL_REVIEWER: "胡俊", Role.ENFORCEMENT_OFFICER: "林涛", Role.JUDICIAL_OFFICE: "唐晓燕"},
        deputy="覃永福",
    ),
)

ROLE_SUFFIX = {
    Role.CLERK: "clerk",
    Role.LEADER: "leader",
    Role.LEGAL_REVIEWER: "reviewer",
    Role.ENFORCEMENT_OFFICER: "officer",
    Role.JUDICIAL_OFFICE: "sifasuo",
}


@dataclass(frozen=True)
class LoginSpec:
    username: str
    role: str
    org_code: str | None
    org_name: str
    full_name: str
    is_admin: bool = False

    @property
    def role_display(self) -> str:
        return Role(self.role).label


def login_specs() -> list[LoginSpec]:
    rows: list[LoginSpec] = []
    for t in TOWNSHIPS:
        for role, suffix in ROLE_SUFFIX.items():
            rows.append(LoginSpec(f"{t.slug}_{suffix}", role, t.code, t.name, t.people[role]))
    rows.append(LoginSpec("county_supervisor", Role.COUNTY_SUPERVISOR, COUNTY_CODE, COUNTY_NAME, "钱国华"))
    rows.append(LoginSpec("admin", Role.ADMIN, None, "（无，系统管理员）", "系统管理员", is_admin=True))
    return rows


def default_year(today: dt.date | None = None) -> int:
    return (today or timezone.localdate()).year - 1


# ---------------------------------------------------------------- organisations and users


def _get_or_create_org(code: str, **defaults) -> tuple[Organisation, bool]:
    org = Organisation.objects.filter(code=code).first()
    if org is not None:
        return org, False
    org = Organisation(code=code, **defaults)
    org.full_clean()
    org.save()
    return org, True


def ensure_orgs() -> tuple[Organisation, dict[str, Organisation], int]:
    """The county, its townships (by code) and how many organisations were created."""
    created = 0
    county, new = _get_or_create_org(COUNTY_CODE, name=COUNTY_NAME, kind=OrgKind.COUNTY, superior_body=SUPERIOR_BODY)
    created += new
    townships: dict[str, Organisation] = {}
    for t in TOWNSHIPS:
        township, new = _get_or_create_org(
            t.code, name=t.name, kind=OrgKind.TOWNSHIP, parent=county, superior_body=SUPERIOR_BODY
        )
        created += new
        townships[t.code] = township
        for i, vname in enumerate(t.villages, start=1):
            _, new = _get_or_create_org(f"{t.code}{i:02d}", name=vname, kind=OrgKind.VILLAGE, parent=township)
            created += new
    return county, townships, created


def ensure_users(county: Organisation, townships: dict[str, Organisation]) -> tuple[dict[str, User], int]:
    """Every demo login; the password is set only when the user is created."""
    users: dict[str, User] = {}
    created = 0
    hashed = None
    for spec in login_specs():
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            if hashed is None:
                hashed = make_password(DEMO_PASSWORD)
            org = None
            if spec.org_code == COUNTY_CODE:
                org = county
            elif spec.org_code:
                org = townships[spec.org_code]
            user = User(
                username=spec.username, full_name=spec.full_name, role=spec.role, organisation=org,
                is_staff=spec.is_admin, is_superuser=spec.is_admin, password=hashed,
            )
            user.full_clean()
            user.save()
            created += 1
        users[spec.username] = user
    return users, created


# ---------------------------------------------------------------- vocabulary

STAFF_POSTS = (
    "党政综合办公室工作人员", "党建工作办公室工作人员", "经济发展办公室工作人员", "社会事务办公室工作人员",
    "综合行政执法队队员", "司法所工作人员", "财政所工作人员", "自然资源所工作人员", "农业综合服务中心工作人员",
    "应急管理办公室工作人员", "退役军人服务站工作人员", "便民服务中心工作人员", "综治中心工作人员",
    "党委委员", "副镇（乡）长", "人大主席团工作人员", "纪委工作人员", "村（社区）党组织书记",
)

STUDY_TOPICS = (
    "学习习近平法治思想", "学习《中华人民共和国宪法》", "学习《中华人民共和国民法典》婚姻家庭编",
    "学习《中华人民共和国民法典》物权编", "学习《中华人民共和国行政处罚法》", "学习《中华人民共和国行政复议法》",
    "学习《信访工作条例》", "学习《中华人民共和国国家安全法》", "学习《中华人民共和国土地管理法》",
    "学习《中华人民共和国安全生产法》", "学习《中华人民共和国反电信网络诈骗法》", "学习《中华人民共和国行政许可法》",
    "学习《中华人民共和国农村土地承包法》", "学习《中华人民共和国森林法》", "学习《中华人民共和国消防法》",
    "学习《中华人民共和国禁毒法》", "学习《法治政府建设实施纲要（2021—2025年）》", "学习《中华人民共和国保守国家秘密法》",
    "学习《中华人民共和国未成年人保护法》", "学习《中华人民共和国人民调解法》", "学习《重大行政决策程序暂行条例》",
    "学习《中华人民共和国乡村振兴促进法》", "学习生态环境保护法律法规汇编",
    "学习《中国共产党纪律处分条例》", "学习《中华人民共和国行政诉讼法》",
)

LECTURE_TOPICS = (
    "法治政府建设与依法行政专题讲座", "《中华人民共和国行政复议法》修订解读专题讲座", "基层行政执法规范化专题讲座",
    "农村土地承包与流转法律问题专题讲座", "重大行政决策合法性审查专题讲座", "政府合同风险防范专题讲座",
)

COURTS = ("示范县人民法院", "示范县人民法院第一人民法庭", "市中级人民法院")
# trials the cadres observe: never a suit against the township itself, which would be in its own litigation ledger and
# count among the hearings of its 出庭应诉率 (review G8)
COURT_CASES = (
    "某建材公司诉示范县住房和城乡建设局行政协议纠纷案", "{a}某诉示范县自然资源局行政强制纠纷案", "{a}某非法占用农用地案",
    "{a}某等人组织、领导传销活动案", "{a}某帮助信息网络犯罪活动案", "{a}某与{b}某土地承包经营权纠纷案",
    "{a}某贩卖毒品案", "{a}某危险驾驶案", "{a}某诈骗案", "{a}某滥伐林木案",
    "{a}某失火案", "{a}某非法采矿案", "{a}某与某劳务公司追索劳动报酬纠纷案", "{a}某拒不支付劳动报酬案",
    "{a}某与{b}某民间借贷纠纷案", "{a}某非法捕捞水产品案",
)

# offline publicity events a year, by the township's slot: the market town the most, the mountain township the fewest
OFFLINE_EVENTS = ((52, 68), (44, 58), (34, 48))
VILLAGE_TITLES = ("“法律进乡村”普法宣传", "“法润{s}”送法下乡", "法律顾问驻村普法", "赶集日普法宣传")
VILLAGE_ORGANISERS = ("司法所", "法律顾问", "司法所、法律顾问", "综治中心")

MEDIATION_BODIES = ("镇（乡）人民调解委员会", "村（社区）人民调解委员会", "综治中心", "派出所", "司法所")

# A dispute's 纠纷简况 says what it is about without naming anyone (a report may cite it: 人民调解法第十五条 and the
# parties' privacy); the parties, with their villages, are in 当事人基本情况. "{n}" is the number of claimants.
# No ownership dispute between collectives: those are for the government to decide (森林法第二十二条), not for mediation.
DISPUTE_TEMPLATES = {
    DisputeCategory.LAND: ("相邻承包地边界纠纷", "宅基地使用权纠纷", "承包山林地界附近树木砍伐赔偿纠纷", "责任田灌溉用水纠纷"),
    DisputeCategory.LABOUR: ("{n}名务工人员追索劳务报酬纠纷", "村民在建筑工地务工受伤的工伤赔偿纠纷",
                             "农业合作社拖欠务工人员工资纠纷"),
    DisputeCategory.FAMILY: ("夫妻感情不和引发的婚姻家庭纠纷", "子女推诿老人赡养纠纷", "兄弟分家析产纠纷",
                             "离婚后子女抚养费纠纷"),
    DisputeCategory.NEIGHBOUR: ("排水沟渠堵塞引发的相邻纠纷", "相邻通行纠纷", "村民建房相邻采光纠纷", "邻里口角引发的纠纷"),
    DisputeCategory.DAMAGES: ("家犬咬伤他人赔偿纠纷", "牲畜损毁庄稼赔偿纠纷", "酒后冲突人身损害赔偿纠纷"),
    DisputeCategory.CONTRACT: ("民间借贷纠纷", "土地流转合同租金纠纷", "农资买卖合同欠款纠纷", "门面房屋租赁合同纠纷"),
    DisputeCategory.EXPROPRIATION: ("村民小组征地补偿款分配纠纷", "道路拓宽项目房屋拆迁补偿纠纷"),
    DisputeCategory.PROPERTY: ("{n}户业主与物业公司物业费纠纷", "业主与物业公司停车管理纠纷"),
    DisputeCategory.ENVIRONMENT: ("养殖场异味扰民纠纷", "村民与石料厂粉尘噪声纠纷"),
    DisputeCategory.TRAFFIC: ("农村道路交通事故损害赔偿纠纷", "电动车与摩托车碰撞赔偿纠纷"),
    DisputeCategory.OTHER: ("殡葬事宜纠纷", "坟地权属纠纷"),
}
DISPUTE_WEIGHTS = {
    DisputeCategory.LAND: 16, DisputeCategory.LABOUR: 8, DisputeCategory.FAMILY: 14, DisputeCategory.NEIGHBOUR: 20,
    DisputeCategory.DAMAGES: 8, DisputeCategory.CONTRACT: 12, DisputeCategory.EXPROPRIATION: 4,
    DisputeCategory.PROPERTY: 3, DisputeCategory.ENVIRONMENT: 3, DisputeCategory.TRAFFIC: 7, DisputeCategory.OTHER: 5,
}


# ---------------------------------------------------------------- one township-year


class _Year:
    """Dates of one year, never after ``today``."""

    def __init__(self, year: int, today: dt.date):
        self.year = year
        self.first = dt.date(year, 1, 1)
        self.last = min(dt.date(year, 12, 31), today)

    def ok(self, d: dt.date) -> bool:
        return self.first <= d <= self.last

    def between(self, rng: random.Random, start: dt.date, end: dt.date, *, workday: bool = True) -> dt.date | None:
        start, end = max(start, self.first), min(end, self.last)
        if start > end:
            return None
        for _ in range(12):
            d = start + dt.timedelta(days=rng.randint(0, (end - start).days))
            if not workday or d.weekday() < 5:
                return d
        return d

    def md(self, month: int, day: int) -> dt.date:
        return dt.date(self.year, month, day)

    def anytime(self, rng: random.Random, *, workday: bool = True) -> dt.date | None:
        return self.between(rng, self.first, self.last, workday=workday)


def has_records(township: Organisation, year: int) -> bool:
    return any(
        model.objects.filter(organisation=township, **{f"{datefield}__year": year}).exists()
        for model, datefield in LEDGERS
    )


class _Gen:
    def __init__(self, spec: TownshipSpec, township: Organisation, year: int, today: dt.date, scale: float, user,
                 latest: bool | None = None):
        self.spec = spec
        self.latest = scale >= 1 if latest is None else latest
        self.township = township
        self.y = _Year(year, today)
        self.year = year
        self.scale = scale
        self.user = user
        self.rng = random.Random(f"fazhi-demo:{spec.code}:{year}")
        self.villages = list(township.villages().order_by("code"))
        self.profile = profile(spec.code)
        self.names = NameBook(spec.code, self.rng)

    # helpers
    def n(self, lo: int, hi: int) -> int:
        return max(1 if lo > 0 else 0, round(self.rng.randint(lo, hi) * self.scale))

    def pick(self, lo: int, hi: int, *, item: str, avoid: tuple[int, ...] = ()) -> int:
        """A count only this township draws for the item (see profiles.pick)."""
        return pick(self.rng, lo, hi, self.profile.slot, item=item, avoid=avoid, year=self.year)

    def name(self) -> str:
        return self.names.name()

    def surname(self, *, reserve: bool = False) -> str:
        return self.names.surname(reserve=reserve)

    def base(self) -> dict:
        return {"organisation": self.township, "created_by": self.user}

    def village(self, communities: bool | None = None):
        pool = self.villages
        if communities is True:
            pool = [v for v in pool if v.name.endswith("社区")] or pool
        elif communities is False:
            pool = [v for v in pool if not v.name.endswith("社区")] or pool
        return self.rng.choice(pool)

    # ledgers
    def publicity(self) -> list[PublicityEvent]:
        rng, y, t = self.rng, self.y, self.spec.name
        plan = [
            # campaign, (start, end), count range, title templates, organisers
            (Campaign.SPRING_FESTIVAL, (y.md(1, 2), y.md(2, 20)), (2, 4),
             ("元旦春节“送法下乡”集中宣传", "“法治年货”进万家"), ("司法所", "司法所、派出所")),
            (Campaign.OTHER, (y.md(3, 1), y.md(3, 31)), (1, 3),
             ("“三八”妇女维权周普法宣传", "“3·15”消费者权益保护法治宣传", "三月法治宣传月集中宣传活动"),
             ("妇联、司法所", "市场监管所", "司法所")),
            (Campaign.NATIONAL_SECURITY, (y.md(4, 10), y.md(4, 18)), (2, 3),
             ("“4·15”全民国家安全教育日宣传", "国家安全法宣讲"), ("党政办、派出所", "司法所")),
            (Campaign.CIVIL_CODE_MONTH, (y.md(5, 1), y.md(5, 31)), (5, 9),
             ("“美好生活·民法典相伴”主题宣传", "民法典宣传月集中宣讲", "民法典婚姻家庭编以案释法",
              "民法典进农家", "“民法典与百姓生活”专题讲座", "民法典进集市"),
             ("司法所", "法律顾问", "司法所、法律顾问", "妇联、司法所")),
            (Campaign.ANTI_DRUG, (y.md(6, 16), y.md(6, 30)), (3, 5),
             ("“6·26”国际禁毒日宣传", "全民禁毒宣传月集中宣传", "禁毒知识进课堂"), ("禁毒办、派出所", "派出所")),
            (Campaign.ANTI_FRAUD, (y.first, y.last), (4, 8),
             ("防范电信网络诈骗宣传", "“反诈进万家”入户宣传", "防范养老诈骗专题宣传"),
             ("派出所", "派出所、司法所")),
            (Campaign.TO_VILLAGES, (y.first, y.last), (8, 16),
             VILLAGE_TITLES, VILLAGE_ORGANISERS),
            (Campaign.TO_COMMUNITIES, (y.first, y.last), (2, 4),
             ("“法律进社区”普法宣传", "物业纠纷预防法治讲座"), ("司法所", "法律顾问")),
            (Campaign.TO_SCHOOLS, (y.md(3, 1), y.md(6, 30)), (2, 3),
             ("“法治进校园”{t}中心小学法治课", "预防校园欺凌法治讲座", "{t}中学开学法治第一课"),
             ("派出所、司法所", "司法所")),
            (Campaign.TO_SCHOOLS, (y.md(9, 1), y.md(11, 30)), (1, 3),
             ("“法治进校园”{t}中学法治课", "未成年人保护法宣讲进校园"), ("派出所、司法所", "法治副校长")),
            (Campaign.TO_ENTERPRISES, (y.first, y.last), (2, 4),
             ("“法律进企业”劳动合同法宣讲", "安全生产法进企业", "优化营商环境法治体检进企业"),
             ("司法所、人社服务站", "应急办", "法律顾问")),
            (Campaign.TO_ORGANS, (y.first, y.last), (1, 2),
             ("“法律进机关”行政执法规范化宣讲", "机关干部法治讲座"), ("党政办", "司法所")),
            (Campaign.CONSTITUTION_WEEK, (y.md(12, 1), y.md(12, 7)), (4, 7),
             ("“12·4”国家宪法日宣传", "宪法宣传周集中宣传活动", "宪法进万家", "宪法宣誓暨宪法学习活动",
              "“弘扬宪法精神·建设法治{s}”主题宣传", "宪法进集市", "宪法学习宣传进村入户"),
             ("党政办、司法所", "司法所", "司法所、法律顾问")),
        ]
        events = []
        for campaign, (start, end), (lo, hi), titles, organisers in plan:
            for _ in range(self.n(lo, hi)):
                held = y.between(rng, start, end, workday=rng.random() < 0.7)
                if held is None:
                    continue
                if campaign == Campaign.NATIONAL_SECURITY and rng.random() < 0.5 and y.ok(y.md(4, 15)):
                    held = y.md(4, 15)
                if campaign == Campaign.ANTI_DRUG and rng.random() < 0.4 and y.ok(y.md(6, 26)):
                    held = y.md(6, 26)
                if campaign == Campaign.CONSTITUTION_WEEK and rng.random() < 0.4 and y.ok(y.md(12, 4)):
                    held = y.md(12, 4)
                events.append(self._offline_event(campaign, held, titles, organisers))
        series = self._series_events() if self.latest else []
        # how many offline events is the township's own (its size, and a number no other township states)
        lo, hi = OFFLINE_EVENTS[self.profile.slot % 3]
        scale = 1 if self.latest else 0.85
        target = max(len(series) + 10, self.pick(round(lo * scale), round(hi * scale), item="publicity_offline"))
        events = self._fit(events, target - len(series)) + series
        online = [(campaign, y.md(*day), title) for campaign, day, title in pool(self.spec.code, "online")]
        for campaign, held, title in rng.sample(online, min(len(online), self.pick(3, 8, item="publicity_online"))):
            if not y.ok(held):
                continue
            events.append(PublicityEvent(
                **self.base(), held_on=held, title=title.format(t=t, s=self.spec.short), campaign=campaign, channel=Channel.ONLINE,
                place="线上", organiser="党政办、司法所", audience=rng.randint(600, 4000), materials=0,
                consultations=rng.randint(5, 40),
            ))
        return events

    def _offline_event(self, campaign, held: dt.date, titles, organisers) -> PublicityEvent:
        rng, t = self.rng, self.spec.name
        village = self.village(communities=True if campaign == Campaign.TO_COMMUNITIES else None)
        if campaign in (Campaign.TO_SCHOOLS, Campaign.TO_ENTERPRISES, Campaign.TO_ORGANS):
            village = None
        title = rng.choice(titles).format(v=village.name if village else t, t=t, s=self.spec.short)
        if "集市" in title or "赶集" in title:  # a market-day event is held at the market, not in a village
            place, village = f"{t}集镇农贸市场", None
        elif village:
            community = village.name.endswith("社区")
            place = village.name + rng.choice(("居委会广场" if community else "村委会广场", "文化广场", "党群服务中心",
                                               "小区广场" if community else "集市", "新时代文明实践站"))
            place = place.replace("村村", "村")
        elif campaign == Campaign.TO_SCHOOLS:
            place = f"{t}中心学校"
        elif campaign == Campaign.TO_ENTERPRISES:
            place = rng.choice(("工业园区", "农业产业园", "某建材公司", "某食品加工厂"))
        else:
            place = f"{t}人民政府会议室" if campaign == Campaign.TO_ORGANS else f"{t}集镇"
        big = campaign in (Campaign.CONSTITUTION_WEEK, Campaign.CIVIL_CODE_MONTH)
        audience = rng.randint(80, 500) if big else rng.randint(30, 300)
        return PublicityEvent(
            **self.base(), held_on=held, title=title, campaign=campaign, channel=Channel.OFFLINE,
            place=place, village=village, organiser=rng.choice(organisers), audience=audience,
            materials=rng.randint(audience // 2, audience * 2 + 50), consultations=rng.randint(3, 35),
        )

    def _fit(self, events: list[PublicityEvent], wanted: int) -> list[PublicityEvent]:
        """``wanted`` offline events: the 送法下乡 and anti-fraud visits, the most frequent, are dropped or added."""
        rng, y = self.rng, self.y
        flexible = (Campaign.TO_VILLAGES, Campaign.ANTI_FRAUD)
        while len(events) > wanted and any(e.campaign in flexible for e in events):
            drop = rng.choice([e for e in events if e.campaign in flexible])
            events.remove(drop)
        while len(events) < wanted:
            held = y.anytime(rng, workday=rng.random() < 0.7)
            if held is None:
                break
            events.append(self._offline_event(Campaign.TO_VILLAGES, held, VILLAGE_TITLES, VILLAGE_ORGANISERS))
        return sorted(events, key=lambda e: e.held_on)

    def _series_events(self) -> list[PublicityEvent]:
        """The township's own series (fazhi/demo/initiative.py), one issue about every six weeks."""
        rng, series = self.rng, initiative(self.spec.code)
        out = []
        for number, held in enumerate(issue_days(self.spec.code, self.year, self.y.last), start=1):
            village = self.village(communities=False)
            place = rng.choice(series.places).format(t=self.spec.name, v=village.name)
            audience = rng.randint(45, 160)
            out.append(PublicityEvent(
                **self.base(), held_on=held, title=series.title(number), campaign=Campaign.TO_VILLAGES,
                channel=Channel.OFFLINE, place=place, village=village if village.name in place else None,
                organiser=series.organiser, audience=audience, materials=rng.randint(audience // 2, audience * 2),
                consultations=rng.randint(8, 40),
            ))
        return out

    def liaisons(self) -> list[LegalLiaison]:
        rng, out = self.rng, []
        villages = len(self.villages)
        if not villages:
            return out
        total = (self.pick(villages, 2 * villages + 2, item="legal_literates") if self.scale >= 1
                 else self.pick(villages // 2, villages + 2, item="legal_literates"))
        per_village = {v.pk: 0 for v in self.villages}
        for i in range(total):  # one in each village first, then a second or third in villages drawn at random
            per_village[self.villages[i].pk if i < villages else rng.choice(self.villages).pk] += 1
        for village in self.villages:
            for _ in range(per_village[village.pk]):
                registered = self.y.between(rng, self.y.md(2, 15), self.y.md(7, 31))
                if registered is None:
                    continue
                kind = LiaisonKind.RULE_OF_LAW_LEADER if rng.random() < 0.25 else LiaisonKind.LEGAL_LITERATE
                notes = rng.choice(("村（社区）干部", "人民调解员", "网格员", "村民小组长", "退休教师", "致富带头人", ""))
                out.append(LegalLiaison(
                    **self.base(), name=self.name(), kind=kind, village=village,
                    phone="1" + rng.choice("3589") + "".join(str(rng.randint(0, 9)) for _ in range(9)),
                    registered_on=registered, notes=notes,
                ))
        return out

    def trainings(self) -> list[LiaisonTraining]:
        rng, out = self.rng, []
        topics = pool(self.spec.code, "liaison_trainings")
        trainers = ("司法所所长", "县司法局普法股", f"{self.spec.unit}政府法律顾问", "县人民法院法官")
        for topic, online in rng.sample(topics, min(len(topics), self.pick(2, 5 if self.latest else 4, item="liaison_trainings"))):
            held = self.y.anytime(rng)
            if held is None:
                continue
            mode = TrainingMode.ONLINE if online else rng.choice((TrainingMode.OFFLINE,) * 3 + (TrainingMode.MIXED,))
            out.append(LiaisonTraining(
                **self.base(), held_on=held, topic=topic, mode=mode,
                trainer=f"{rng.choice(trainers)}{self.name()}", participants=rng.randint(25, 90),
            ))
        return out

    def studies(self) -> list[StudySession]:
        rng, out = self.rng, []
        plan = ((StudyKind.CENTRAL_GROUP, (4, 6)), (StudyKind.PRE_MEETING, (6, 12)),
                (StudyKind.LECTURE, (1, 3)), (StudyKind.COLLECTIVE, (2, 4)))
        for kind, (lo, hi) in plan:
            count = self.n(lo, hi)
            pool = LECTURE_TOPICS if kind == StudyKind.LECTURE else STUDY_TOPICS
            for topic in rng.sample(pool, min(count, len(pool))):
                held = self.y.anytime(rng)
                if held is None:
                    continue
                principal = kind == StudyKind.CENTRAL_GROUP or (kind == StudyKind.PRE_MEETING and rng.random() < 0.5)
                if principal:
                    lecturer = rng.choice((f"党委书记{self.spec.secretary}", f"{self.spec.unit}长{self.spec.mayor}"))
                elif kind == StudyKind.LECTURE:
                    lecturer = rng.choice(("县司法局", "县委党校", "法律顾问")) + self.name()
                else:
                    lecturer = f"司法所所长{self.spec.people.get(Role.JUDICIAL_OFFICE) or self.name()}"
                attendees = {
                    StudyKind.CENTRAL_GROUP: rng.randint(9, 15), StudyKind.PRE_MEETING: rng.randint(10, 25),
                    StudyKind.LECTURE: rng.randint(40, 90), StudyKind.COLLECTIVE: rng.randint(30, 80),
                }[kind]
                out.append(StudySession(
                    **self.base(), held_on=held, kind=kind, topic=topic, lecturer=lecturer,
                    led_by_principal=principal, attendees=attendees,
                ))
        return out

    def exams(self) -> list[ExamRecord]:
        rng, out = self.rng, []
        exam_on = self.y.between(rng, self.y.md(10, 10), self.y.md(11, 20))
        if exam_on is None:
            return out
        absent = rng.randint(1, 3)
        total = (self.pick(28, 60, item="exam_participants") if self.scale >= 1 else self.pick(22, 48, item="exam_participants")) + absent
        failed = rng.randint(1, 2) if self.profile.falls_short("exam", latest=self.latest) else 0
        passed = total - absent - failed
        excellent = self.pick(max(1, passed // 4), max(2, passed * 2 // 5), item="exam_excellent")
        exam_name = f"{self.year}年度国家工作人员学法考试"
        for i in range(total):
            row = dict(**self.base(), exam_on=exam_on, exam_name=exam_name, person_name=self.name(),
                       post=rng.choice(STAFF_POSTS))
            if i < absent:
                row["status"] = ExamStatus.ABSENT
            elif i < absent + failed:
                row.update(status=ExamStatus.SAT, score=Decimal(rng.randint(420, 595)) / 10, passed=False)
            else:
                top = i < absent + failed + excellent
                score = Decimal(rng.randint(900, 1000) if top else rng.randint(650, 895)) / 10
                row.update(status=ExamStatus.SAT, score=score, passed=True, excellent=top)
            out.append(ExamRecord(**row))
        rng.shuffle(out)
        return out

    def court(self) -> list[CourtObservation]:
        rng, out = self.rng, []
        attended = self.pick(1, 4 if self.latest else 3, item="court_hearings_attended")
        for template in rng.sample(COURT_CASES, attended):
            held = self.y.anytime(rng)
            if held is None:
                continue
            attendees = rng.randint(12, 80)
            names = "、".join(self.name() for _ in range(4)) + "等"
            out.append(CourtObservation(
                **self.base(), held_on=held, court=rng.choice(COURTS),
                case_summary=template.format(t=self.spec.name, a=self.surname(reserve=True), b=self.surname(reserve=True)),
                mode=ObservationMode.ONLINE if rng.random() < 0.2 else ObservationMode.ON_SITE,
                attendees=attendees, attendee_names=f"领导班子成员及村（社区）干部：{names}{attendees}人",
                reflections_submitted=rng.random() < 0.8,
            ))
        if out:  # how many attended in all is the township's own too
            extra = adjust_to_class(sum(o.attendees for o in out), self.profile.slot, "court_observation_attendees", self.year)
            out[-1].attendees += extra
            out[-1].attendee_names = out[-1].attendee_names.replace(f"{out[-1].attendees - extra}人", f"{out[-1].attendees}人")
        return out

    def meetings(self) -> list[Meeting]:
        """The year's meetings on rule-of-law work, made after the year's documents, decisions and disputes: besides
        the party committee's yearly planning and review, the matters the 书记 and the 镇（乡）长 handled themselves —
        the latest year's own publicity series (launched at a meeting naming it, its issues and budget), a normative
        document deliberated at the government's executive meeting with its legality review, a major decision
        discussed collectively, a dispute the 书记 took on — then some of the usual meetings, as many in all as the
        township's own count."""
        from fazhi.decisions.models import MajorDecision
        from fazhi.normative.models import NormativeDocument

        rng, y, out = self.rng, self.y, []
        year, unit, days = self.year, self.spec.unit, OfficeDays()
        sec, mayor = self.spec.secretary, self.spec.mayor

        def meeting(kind, held, topic, chair, decisions, *, on_rule_of_law=True, principal=True, attendees=None):
            if held is None or not y.ok(held):
                return
            out.append(Meeting(
                **self.base(), held_on=days.on_or_after(held) if y.ok(days.on_or_after(held)) else held, kind=kind,
                topic=topic, on_rule_of_law=on_rule_of_law, chaired_by=chair, chaired_by_principal=principal,
                attendees=attendees or rng.randint(9, 30), decisions=decisions,
            ))

        meeting(MeetingKind.PARTY_COMMITTEE, y.between(rng, y.md(1, 10), y.md(3, 10)), f"研究部署{year}年度法治建设工作", sec,
                f"印发{year}年法治政府建设工作要点和法治建设责任清单，明确责任领导、责任部门和完成时限")
        meeting(MeetingKind.PARTY_COMMITTEE, y.between(rng, y.md(11, 15), y.md(12, 20)), "听取年度法治建设工作情况汇报", sec,
                "形成年度法治政府建设情况报告，按时报送县委、县政府")
        if self.latest:
            topic, decided = meeting_text(self.spec.code)
            by_mayor = self.profile.slot % 3 == 1
            meeting(MeetingKind.SPECIAL if by_mayor else MeetingKind.PARTY_COMMITTEE, launch_day(self.spec.code, year), topic,
                    mayor if by_mayor else sec, decided)
        documents = NormativeDocument.objects.filter(organisation=self.township, issued_on__year=year,
                                                     deliberated_on__isnull=False).order_by("deliberated_on")
        doc = documents.filter(affects_rights=True).first() or documents.first()
        if doc is not None:
            meeting(MeetingKind.GOVERNMENT_EXECUTIVE, doc.deliberated_on, f"审议《{doc.title}》（送审稿）", mayor,
                    "听取司法所合法性审查意见，按审查意见修改后印发施行")
        decision = (MajorDecision.objects.filter(organisation=self.township, discussed_on__year=year)
                    .order_by("discussed_on").first())
        if decision is not None:
            meeting(MeetingKind.GOVERNMENT_EXECUTIVE, decision.discussed_on, f"集体讨论《{decision.title}》", mayor,
                    "经合法性审查和集体讨论，同意按推荐方案实施，由承办单位抓好落实")
        dispute = (DisputeCase.objects.filter(organisation=self.township, received_on__year=year,
                                              category__in=(DisputeCategory.EXPROPRIATION, DisputeCategory.LAND))
                   .order_by("received_on").first())
        if dispute is not None:
            meeting(MeetingKind.BRIEFING, dispute.received_on + dt.timedelta(days=3),
                    f"听取司法所关于{dispute.summary}调处情况的汇报", sec,
                    "由党委书记包案督办，司法所、法律顾问依法释法明理，限期化解")
        usual = [
            (MeetingKind.PARTY_COMMITTEE, (y.md(6, 1), y.md(8, 31)), "传达学习上级全面依法治县委员会会议精神", sec,
             "抓好贯彻落实，梳理法治建设短板并限期整改"),
            (MeetingKind.GOVERNMENT_EXECUTIVE, (y.md(7, 1), y.md(10, 31)), "研究行政执法“三项制度”落实工作", mayor,
             "规范执法公示、全过程记录和重大执法决定法制审核"),
            (MeetingKind.SPECIAL, (y.md(3, 1), y.md(4, 30)), "“八五”普法规划实施推进专题会", mayor,
             "落实“谁执法谁普法”普法责任制，明确各站所年度普法任务"),
            (MeetingKind.RULE_OF_LAW_COMMITTEE, (y.md(2, 15), y.md(4, 30)), f"依法治{unit}委员会全体会议", sec,
             f"审议年度依法治{unit}工作要点"),
            (MeetingKind.LEADING_GROUP, (y.md(8, 1), y.md(11, 15)), "法治建设领导小组推进会", self.spec.deputy or mayor,
             "对照法治政府建设示范创建指标逐项推进"),
        ]
        wanted = self.pick(len(out) + 1, len(out) + len(usual), item="rule_of_law_meetings")
        for kind, (start, end), topic, chair, decisions in rng.sample(usual, max(0, min(len(usual), wanted - len(out)))):
            meeting(kind, y.between(rng, start, end), topic, chair, decisions,
                    principal=chair in (sec, mayor))
        for kind, topic in zip((MeetingKind.PARTY_COMMITTEE, MeetingKind.JOINT), pool(self.spec.code, "other_meetings")):
            meeting(kind, y.anytime(rng), topic, sec, "明确责任分工，按期推进", on_rule_of_law=False, attendees=rng.randint(9, 20))
        return sorted(out, key=lambda m: m.held_on)

    def disputes(self) -> list[DisputeCase]:
        rng, y, out = self.rng, self.y, []
        total = self.n(20, 60)
        failures = self.pick(0, max(3, total // 10), item="disputes_failed")
        mediators = [self.name() for _ in range(5)]
        categories = list(DISPUTE_WEIGHTS)
        weights = [DISPUTE_WEIGHTS[c] for c in categories]
        written_seq = 0
        received_dates = sorted(d for d in (y.anytime(rng, workday=False) for _ in range(total)) if d)
        fail_idx = set(rng.sample(range(len(received_dates)), min(failures, len(received_dates))))
        for i, received in enumerate(received_dates):
            category = rng.choices(categories, weights)[0]
            village = self.village(communities=True if category == DisputeCategory.PROPERTY else None)
            many = rng.randint(3, 12)
            template = rng.choice(DISPUTE_TEMPLATES[category])
            summary = template.format(n=many)
            parties = many if "{n}" in template or template.startswith("两个") else rng.choice((2, 2, 2, 3, 4))
            side = f"（{village.name}）" if village else ""
            parties_text = f"申请人：{self.name()}{side}" + (f"等{parties - 1}人" if parties > 2 else "") + f"\n被申请人：{self.name()}{side}"
            closed = received + dt.timedelta(days=rng.choice((0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45)))
            row = dict(
                **self.base(), received_on=received, summary=summary, category=category, village=village,
                parties_count=parties, parties_text=parties_text, mediator=rng.choice(mediators),
                mode=rng.choices((MediationMode.PEOPLES, MediationMode.ADMINISTRATIVE, MediationMode.JUDICIAL),
                                 (80, 15, 5))[0],
            )
            if not y.ok(closed):
                row.update(outcome=DisputeOutcome.OPEN, agreement=AgreementForm.NONE, notes="调解中，已约定再次调解时间")
            elif i in fail_idx:
                outcome = rng.choice((DisputeOutcome.FAILED, DisputeOutcome.TERMINATED))
                note = "双方分歧较大，已引导当事人依法诉讼" if outcome == DisputeOutcome.FAILED else "一方当事人要求终止调解"
                row.update(outcome=outcome, agreement=AgreementForm.NONE, closed_on=closed, notes=note)
            else:
                agreement = AgreementForm.WRITTEN if rng.random() < 0.7 else AgreementForm.ORAL
                dossier = ""
                if agreement == AgreementForm.WRITTEN:
                    written_seq += 1
                    dossier = f"{self.spec.short}调字〔{self.year}〕第{written_seq:03d}号"
                row.update(outcome=DisputeOutcome.RESOLVED, agreement=agreement, closed_on=closed, dossier_no=dossier)
                if agreement == AgreementForm.WRITTEN:  # 人民调解法第二十九条: the agreement states its terms
                    row.update(facts=row["summary"] + "，双方各执一词，经调解员释法明理",
                               terms="双方自愿达成如下协议：按协商方案履行，今后互不追究",
                               performance="协议生效后十五日内履行完毕", agreement_on=closed)
            out.append(DisputeCase(**row))
        return out


def generate_township_year(
    spec: TownshipSpec, township: Organisation, year: int, *, scale: float = 1.0,
    today: dt.date | None = None, user=None,
) -> dict[str, int] | None:
    """Create one township's ledgers for one year. None when that year already has records."""
    today = today or timezone.localdate()
    if dt.date(year, 1, 1) > today:
        raise ValueError(f"{year}年尚未开始，不能生成演示台账")
    if has_records(township, year):
        return None
    gen = _Gen(spec, township, year, today, scale, user, latest=year == default_year(today))
    batches = (
        (PublicityEvent, gen.publicity()), (LegalLiaison, gen.liaisons()), (LiaisonTraining, gen.trainings()),
        (StudySession, gen.studies()), (ExamRecord, gen.exams()), (CourtObservation, gen.court()),
        (DisputeCase, gen.disputes()),
    )
    counts: dict[str, int] = {}
    with transaction.atomic():
        for model, objs in batches:
            for obj in objs:
                obj.full_clean()
            bulk_create_with_history(objs, model, default_user=user, default_change_reason=CHANGE_REASON)
            counts[model._meta.model_name] = len(objs)
        counts.update(generate_disclosure(spec, township, year, today=today, clerk=user, scale=scale, names=gen.name))
        counts.update(generate_rulemaking(spec, township, year, today=today, clerk=user, reviewer=_reviewer(township),
                                          rng=random.Random(f"rulemaking-{spec.code}-{year}")))
        counts.update(generate_decisions(spec, township, year, today=today, clerk=user, reviewer=_reviewer(township),
                                         rng=random.Random(f"decisions-{spec.code}-{year}"), latest=year == default_year(today)))
        counts.update(generate_enforcement(spec, township, year, today=today, clerk=user, reviewer=_reviewer(township),
                                           latest=year == default_year(today)))
        meetings = gen.meetings()  # after the documents, decisions and disputes they name
        for obj in meetings:
            obj.full_clean()
        bulk_create_with_history(meetings, Meeting, default_user=user, default_change_reason=CHANGE_REASON)
        counts["meeting"] = len(meetings)
        counts["proactiverelease"] += generate_record_releases(spec, township, year, today=min(today, timezone.localdate()),
                                                              clerk=user)
        counts["legalityreview"] = LegalityReview.objects.filter(organisation=township, submitted_on__year=year).count()
    return counts


def _reviewer(township: Organisation) -> User:
    reviewer = User.objects.filter(organisation=township, role=Role.LEGAL_REVIEWER).first()
    if reviewer is None:
        reviewer = User.objects.create(username=f"{township.code.lower()}_reviewer", organisation=township,
                                       role=Role.LEGAL_REVIEWER, full_name="法制审核员")
        reviewer.set_unusable_password()
        reviewer.save()
    return reviewer


@dataclass
class DemoResult:
    county: Organisation
    townships: dict[str, Organisation]
    orgs_created: int
    users_created: int
    years: tuple[int, ...]
    created: dict[tuple[str, int], dict[str, int] | None]  # (township code, year) → counts, None = skipped


def build_demo(year: int | None = None, *, today: dt.date | None = None) -> DemoResult:
    """Idempotently create the demo county, its organisations, users and two years of ledgers."""
    today = today or timezone.localdate()
    year = year or default_year(today)
    if dt.date(year, 1, 1) > today:
        raise ValueError(f"{year}年尚未开始，不能生成演示台账")
    years = (year - 1, year)
    created: dict[tuple[str, int], dict[str, int] | None] = {}
    with transaction.atomic():
        county, townships, orgs_created = ensure_orgs()
        users, users_created = ensure_users(county, townships)
        for spec in TOWNSHIPS:
            township = townships[spec.code]
            clerk = users[f"{spec.slug}_clerk"]
            for y in years:
                scale = 1.0 if y == year else 0.8
                created[(spec.code, y)] = generate_township_year(spec, township, y, scale=scale, today=today, user=clerk)
                generate_seed_items(spec, township, y, today=today, clerk=clerk, latest=y == year)  # 人大监督、法治副校长、其他数据、考核
            if today.year > year:
                generate_open_requests(spec, township, today=today, clerk=clerk, names=_Gen(spec, township, today.year, today, 1.0, clerk).name)
                generate_open_rulemaking(spec, township, today=today, clerk=clerk, reviewer=users[f"{spec.slug}_reviewer"],
                                         rng=random.Random(f"open-rulemaking-{spec.code}"))
                generate_open_decisions(spec, township, today=today, clerk=clerk, reviewer=users[f"{spec.slug}_reviewer"],
                                        rng=random.Random(f"open-decisions-{spec.code}"))
        for number, spec in enumerate(TOWNSHIPS):
            township = townships[spec.code]
            generate_corrections(township, spec.short, users[f"{spec.slug}_sifasuo"], list(township.villages()),
                                 first_year=years[0], today=today, rng=random.Random(f"corrections-{spec.code}"),
                                 corrections=(14, 9, 6)[number % 3], resettlement=(40, 28, 17)[number % 3])
        for spec in TOWNSHIPS:
            generate_governance(townships[spec.code], spec.secretary, spec.mayor, users[f"{spec.slug}_clerk"], years,
                                today=today, rng=random.Random(f"governance-{spec.code}"), deputy=spec.deputy)
        for number, spec in enumerate(TOWNSHIPS):
            generate_advisors(townships[spec.code], users[f"{spec.slug}_clerk"], years, today=today,
                              rng=random.Random(f"advisors-{spec.code}"), leave_one_village_without=number == len(TOWNSHIPS) - 1)
        for spec in TOWNSHIPS:
            for y in years:
                generate_litigation(townships[spec.code], spec.short, users[f"{spec.slug}_leader"], users[f"{spec.slug}_clerk"],
                                    y, today=today, rng=random.Random(f"litigation-{spec.code}-{y}"), deputy=spec.deputy,
                                    judicial=spec.people.get(Role.JUDICIAL_OFFICE, ""))
        generate_filings([townships[s.code] for s in TOWNSHIPS], years, users, {s.code: s.slug for s in TOWNSHIPS}, today)
        for spec in TOWNSHIPS:
            generate_annual_reports(townships[spec.code], years, today=today, clerk=users[f"{spec.slug}_clerk"])
        import_seed_reports(county, users["county_supervisor"])
    from fazhi.indicators.aggregates import mark_all_stale

    mark_all_stale()  # the ledgers were bulk-created (no signals): stored county figures must be recomputed
    return DemoResult(county, townships, orgs_created, users_created, years, created)
