"""Demo data for the seed items of issue 9: 人大监督 (deputies' suggestions, presidium inspections), 法治副校长
(school roster, appointments, lessons), 其他数据 (service-centre volume, staff, one figure the clerk named,
with its source document) and 目标管理考核 (criteria, scores drawn from the ledgers and by hand).

Deterministic (``random.Random`` seeded by township code and year), idempotent (a township-year that already
has other figures or deputies' suggestions is left alone; the school roster is written once), never dated after
``today``.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.assessment.models import Assessee, AssessmentCriterion, AssessmentScore
from fazhi.assessment.services import assessment_score_from_data
from fazhi.core.attachments import attach_file
from fazhi.demo.pools import pool
from fazhi.demo.profiles import NameBook, pick, profile
from fazhi.otherfigures.models import Metric, OtherFigure, Placement
from fazhi.schools.models import EmployerKind, School, SchoolLesson, SchoolStage, VicePrincipal
from fazhi.schools.selectors import in_office
from fazhi.supervision.models import (
    DeputySuggestion, PresidiumInspection, Satisfaction, SuggestionKind, SuggestionOutcome,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SUGGESTIONS = (
    ("关于硬化{v}组道路的建议", "村镇建设办"), ("关于在{v}增设路灯的建议", "村镇建设办"),
    ("关于加强{v}饮用水源保护的建议", "农业综合服务中心"), ("关于规范集镇摊位经营秩序的建议", "综合行政执法队"),
    ("关于解决{v}灌溉渠道淤塞问题的建议", "农业综合服务中心"), ("关于加强校园周边交通安全管理的建议", "平安建设办"),
    ("关于提高农村低保审核透明度的建议", "社会事务办"), ("关于整治{v}河道垃圾的建议", "生态环境办"),
    ("关于加快农村宅基地审批办理的建议", "村镇建设办"), ("关于增加便民服务中心周末值班的建议", "党政办"),
    ("关于加强农村留守老人关爱服务的建议", "社会事务办"), ("关于规范农村建房管理的建议", "村镇建设办"),
)
SCHOOLS = (
    ("{t}中心小学", SchoolStage.PRIMARY, 620), ("{t}初级中学", SchoolStage.JUNIOR, 780), ("{v}小学", SchoolStage.PRIMARY, 210),
    ("{v}小学", SchoolStage.PRIMARY, 160), ("{t}九年一贯制学校", SchoolStage.NINE_YEAR, 540), ("{t}中心幼儿园", SchoolStage.KINDERGARTEN, 260),
)
EMPLOYERS = (
    (EmployerKind.POLICE, "县公安局{t}派出所副所长"), (EmployerKind.JUDICIAL, "{t}司法所所长"),
    (EmployerKind.COURT, "县人民法院{t}人民法庭庭长"), (EmployerKind.PROCURATORATE, "县人民检察院第二检察部检察官"),
    (EmployerKind.LAWYER, "县法律援助中心律师"),
)
VILLAGE_CRITERIA = (  # (内容, 分值, 指标, 目标值)
    ("开展普法宣传活动", Decimal(20), "publicity_events", Decimal(4)),
    ("培养“法律明白人”", Decimal(10), "legal_literates", Decimal(2)),
    ("矛盾纠纷调处成功率", Decimal(20), "dispute_success_rate", Decimal(95)),
    ("民主法治示范村创建和村规民约修订", Decimal(25), "", None),
    ("法治宣传阵地建设和村级法律顾问作用发挥", Decimal(25), "", None),
)
# The criteria for the 机关站所, by the township's slot: each township weighs its own.
DEPARTMENT_CRITERIA = {
    0: (("依法履职、规范执法（行政执法“三项制度”落实）", Decimal(40)), ("“谁执法谁普法”普法责任制落实", Decimal(25)),
        ("学法用法和法治培训参与", Decimal(20)), ("政务公开和政务服务规范化", Decimal(15))),
    1: (("依法履职、规范执法（行政执法“三项制度”落实）", Decimal(40)), ("“谁执法谁普法”普法责任制落实", Decimal(20)),
        ("学法用法和法治培训参与", Decimal(20)), ("政府信息公开和村务公示", Decimal(10)),
        ("法治建设工作要点任务落实", Decimal(10))),
    2: (("依法履职、规范执法", Decimal(50)), ("普法责任制落实和学法用法", Decimal(30)), ("政务公开标准化规范化", Decimal(20))),
}
# Where a 站所 lost points on the disclosure criterion, why (a general reason; the latest year's shortcoming, from the
# township's own records, is written in _disclosure_basis)
DISCLOSURE_LOSSES = ("本站所主动公开信息更新不及时", "政策文件未同步发布解读材料", "公开信息未按标准目录归类")
# 便民服务中心办件量 a year, by the township's slot
SERVICE_CENTRE_CASES = ((18_000, 27_000), (9_500, 15_500), (3_600, 7_200))
DEPARTMENTS = ("党政办", "综合行政执法队", "社会事务办", "村镇建设办", "便民服务中心")


def _clip(day: dt.date, today: dt.date) -> dt.date | None:
    return day if day <= today else None


def _person(rng: random.Random, township) -> str:
    return NameBook(township.code, rng).name()


def _save(obj, user):
    obj.created_by = user
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


def generate_seed_items(spec, township, year: int, *, today: dt.date, clerk, latest: bool) -> dict[str, int]:
    """One township-year of the four modules; {} when the year was generated before."""
    if dt.date(year, 1, 1) > today or _generated(township, year):
        return {}
    rng = random.Random(f"seed-items-{spec.code}-{year}")
    villages = list(township.villages().order_by("code"))
    counts = {
        "deputysuggestion": _suggestions(spec, township, year, today, clerk, rng, villages, latest),
        "presidiuminspection": _inspections(township, year, today, clerk, rng),
    }
    counts["school"] = _school_roster(spec, township, year, today, clerk, rng, villages, latest)
    counts["schoollesson"] = _lessons(township, year, today, clerk, rng)
    counts["otherfigure"] = _other_figures(spec, township, year, today, clerk, rng)
    counts["assessmentscore"] = _assessment(township, year, today, clerk, rng, latest)
    if latest:
        counts["otherfigure"] += _disclosure_oversight(spec, township, year, today, clerk)
    return counts


def _generated(township, year: int) -> bool:
    """Whether the township-year was generated before (its 便民服务中心办件量 is always written, even on 1 January;
    other modules write other 其他数据, such as the licensing count of 政务公开)."""
    return (OtherFigure.objects.filter(organisation=township, stated_on__year=year,
                                       metric=Metric.SERVICE_CENTRE_CASES).exists()
            or DeputySuggestion.objects.filter(organisation=township, assigned_on__year=year).exists())


def _suggestions(spec, township, year, today, clerk, rng, villages, latest) -> int:
    session = f"{spec.name}第十八届人民代表大会第{max(1, year - 2021)}次会议"
    made = 0
    short = profile(spec.code).falls_short("suggestion", latest=latest)
    last_answer = dt.date(year, 1, 1)
    n = pick(rng, 7, 13, profile(spec.code).slot, item="deputy_suggestions", year=year)
    for i in range(n):
        assigned = _clip(dt.date(year, 3, 10) + dt.timedelta(days=rng.choice((0, 0, 7, 30))), today)
        if assigned is None:
            continue
        title, department = SUGGESTIONS[(i + rng.randint(0, 3)) % len(SUGGESTIONS)]
        s = DeputySuggestion(
            organisation=township, assigned_on=assigned, congress_session=session, number=f"建议第{i + 1}号",
            kind=SuggestionKind.MOTION if i == 0 else SuggestionKind.SUGGESTION,
            deputy=_person(rng, township), title=title.format(v=rng.choice(villages).name if villages else "集镇"),
            department=department, complex_matter=i in (1, 2),
        )
        days = rng.randint(25, 80)
        if short and not latest and i == 3:
            days = 105  # answered after the three months: shown as 逾期答复
        if short and latest and i == n - 1:
            days = None  # still open: unanswered past its due date (a shortcoming the report shows)
        answered = _clip(assigned + dt.timedelta(days=days), today) if days else None
        if answered:
            s.answered_on = answered
            s.outcome = rng.choice((SuggestionOutcome.SOLVED, SuggestionOutcome.SOLVED, SuggestionOutcome.PLANNED,
                                    SuggestionOutcome.EXPLAINED))
            s.answer = {"solved": "已组织实施并完成", "planned": "已列入下年度计划，资金落实后实施",
                        "explained": "受政策和资金限制暂难实施，已当面向代表说明"}[s.outcome]
            s.satisfaction = rng.choice((Satisfaction.SATISFIED,) * 6 + (Satisfaction.BASICALLY,) * 2
                                        + (Satisfaction.UNSATISFIED, Satisfaction.NONE))
        _save(s, clerk)
        made += 1
        last_answer = max(last_answer, s.answered_on or last_answer)
    if latest and not short and made and last_answer.year == year:  # the answers published in one notice
        _publish_answers(spec, township, session, last_answer, today, clerk)
    return made


def _publish_answers(spec, township, session: str, answered: dt.date, today: dt.date, clerk) -> None:
    """The notice of how the deputies' suggestions were handled, on the website's 建议提案办理 column (条例第二十条)."""
    from fazhi.demo.days import OfficeDays
    from fazhi.disclosure.choices import ReleaseCategory
    from fazhi.disclosure.models import ProactiveRelease

    days = OfficeDays()
    formed = days.on_or_after(answered + dt.timedelta(days=3))
    published = days.on_or_after(formed + dt.timedelta(days=2))
    if published > min(today, dt.date(answered.year, 12, 31)):
        return
    _save(ProactiveRelease(organisation=township, title=f"关于{session}代表建议办理情况的公告",
                           category=ReleaseCategory.ART20_15, formed_on=formed, published_on=published, venue="政府网站",
                           url=f"https://www.sfx.gov.cn.invalid/{township.code.lower()}/jytabl/{answered.year}.html"), clerk)


def _inspections(township, year, today, clerk, rng) -> int:
    made = 0
    for i, (kind, subject, findings) in enumerate(rng.sample(pool(township.code, "presidium"), pick(
            rng, 2, 5, profile(township.code).slot, item="congress_inspections"))):
        held = _clip(dt.date(year, 4 + i * 2, rng.randint(5, 25)), today)
        if held is None:
            continue
        issues = rng.randint(2, 6)
        rectified = issues if i < 2 else max(0, issues - rng.randint(0, 2))
        reported = _clip(held + dt.timedelta(days=45), today)
        _save(PresidiumInspection(
            organisation=township, held_on=held, kind=kind, subject=subject, deputies=rng.randint(8, 20),
            findings=findings, issues=issues, rectified=rectified if reported else 0,
            rectification="已逐条制定整改措施，明确责任人和时限" if reported else "",
            reported_on=reported,
        ), clerk)
        made += 1
    return made


def _school_roster(spec, township, year, today, clerk, rng, villages, latest) -> int:
    """The roster (the larger township has more schools) and its appointments once per township, three years before
    the earliest demo year. In 河口镇 and 云岭乡 the last school's vice-principal is only appointed in September of
    the latest year: coverage rises to 100%."""
    made = 0
    if not School.objects.filter(organisation=township).exists():
        listed = dt.date(year - 3, 9, 1)
        counted = 0
        roster = {0: SCHOOLS + (("{v}小学", SchoolStage.PRIMARY, 130),), 1: SCHOOLS, 2: SCHOOLS[:3] + SCHOOLS[4:]}[
            profile(spec.code).slot % 3]
        last = sum(stage != SchoolStage.KINDERGARTEN for _, stage, _ in roster)
        rural = [v for v in villages if not v.name.endswith("社区")] or villages
        school_villages = iter(rng.sample(rural, min(len(rural), 3)))  # a village has one village school
        for name, stage, pupils in roster:
            village = next(school_villages, None) if "{v}" in name else None
            school = _save(School(organisation=township, name=name.format(t=spec.short, v=village.name[:-1] if village else ""),
                                  stage=stage, village=village, pupils=pupils, listed_on=listed), clerk)
            made += 1
            if stage == SchoolStage.KINDERGARTEN:
                continue
            counted += 1
            if spec.code != "SFX01" and counted == last:
                continue  # appointed later (below)
            _appoint(spec, township, school, listed, clerk, rng, counted)
    if latest and dt.date(year, 9, 1) <= today:
        for school in School.objects.filter(organisation=township).exclude(stage=SchoolStage.KINDERGARTEN):
            if not VicePrincipal.objects.filter(school=school).exists():
                _appoint(spec, township, school, dt.date(year, 9, 1), clerk, rng, 2)
    return made


def _appoint(spec, township, school, appointed, clerk, rng, i) -> VicePrincipal:
    kind, employer = EMPLOYERS[i % len(EMPLOYERS)]
    return _save(VicePrincipal(organisation=township, school=school, name=_person(rng, township), employer_kind=kind,
                               employer=employer.format(t=spec.short), appointed_on=appointed,
                               term_ends_on=appointed.replace(year=appointed.year + 3)), clerk)


def _lessons(township, year, today, clerk, rng) -> int:
    made = 0
    for school in School.objects.filter(organisation=township).exclude(stage=SchoolStage.KINDERGARTEN).order_by("id"):
        for _ in range(rng.randint(2, 3)):
            held = _clip(dt.date(year, rng.choice((3, 4, 5, 6, 9, 10, 11, 12)), rng.randint(1, 28)), today)
            if held is None:
                continue
            vp = in_office(held).filter(school=school).first()
            if vp is None:
                continue
            kind, topic = rng.choice(pool(township.code, "lessons"))
            _save(SchoolLesson(organisation=township, school=school, held_on=held, kind=kind, topic=topic,
                               lecturer=vp.name, audience=rng.randint(80, min(school.pupils, 600))), clerk)
            made += 1
    return made


# How each township's clerk wrote the two named figures (by its slot): the same data gives the same sentence.
STAFF_PHRASES = ("配备法治工作专（兼）职人员{数值}人", "司法所、党政办等明确法治工作专（兼）职人员{数值}人，负责日常统筹",
                 "镇（乡）法治建设领导小组办公室设在司法所，配备专（兼）职工作人员{数值}人")
CENTRE_PHRASES = ("综治中心“一站式”接待来访群众{数值}人次", "综治中心实行来访接待“一站式”受理，全年接待群众{数值}人次",
                  "群众来访统一由综治中心登记受理、分流交办，全年接待{数值}人次")


def _other_figures(spec, township, year, today, clerk, rng) -> int:
    stated = min(dt.date(year, 12, 31), today)
    whole = "全年" if stated.month == 12 and stated.day == 31 else f"1—{stated.month}月"
    # a township of 8–12 villages handles a few thousand to two or three ten-thousand matters a year, the larger
    # and busier market town the most (and ranges apart, so no two reports round to the same 万余件)
    lo, hi = SERVICE_CENTRE_CASES[profile(spec.code).slot % 3]
    cases = round(rng.randint(lo, hi) * (1 if stated.month == 12 else stated.month / 12))
    service = _save(OtherFigure(
        organisation=township, stated_on=stated, metric=Metric.SERVICE_CENTRE_CASES, value=Decimal(cases), unit="件",
        placement=Placement.SERVICE, source_system="省一体化政务服务平台",
        source_document=f"{spec.name}便民服务中心{year}年{whole}办件统计表"), clerk)
    attach_file(record=service, upload=SimpleUploadedFile(f"{spec.name}{year}年办件统计表.pdf", PDF, "application/pdf"),
                user=clerk)
    _save(OtherFigure(
        organisation=township, stated_on=stated, metric=Metric.RULE_OF_LAW_STAFF, value=Decimal(pick(rng, 3, 8, profile(spec.code).slot, item="rule_of_law_staff")), unit="人",
        phrase=STAFF_PHRASES[profile(spec.code).slot % 3].replace("镇（乡）", spec.name[-1]),
        placement=Placement.ORGANISATION, source_system=f"{spec.name}党政办",
        source_document=f"关于调整{spec.name}法治建设工作领导小组及办公室人员的通知"), clerk)
    _save(OtherFigure(
        organisation=township, stated_on=stated, metric=Metric.OTHER, name="综治中心接待来访群众",
        value=Decimal(rng.randint(300, 900)), unit="人次", phrase=CENTRE_PHRASES[profile(spec.code).slot % 3],
        placement=Placement.DISPUTES, source_system=f"{spec.name}综治中心", source_document=f"{year}年来访登记簿统计"), clerk)
    return 3


def _disclosure_shortfall(township, year: int) -> tuple[str, Decimal, str] | None:
    """(站所, points lost, why) on the disclosure criterion for the latest year's shortcoming in the records: a late
    reply, village notices only on the notice board, a normative document published late."""
    from fazhi.core.workdays import WorkingCalendar
    from fazhi.disclosure.models import ProactiveRelease
    from fazhi.normative.models import NormativeDocument

    traits = profile(township.code)
    if traits.falls_short("reply", latest=True):
        return "党政办", Decimal(2), "1件政府信息公开申请逾期答复"  # the profile's one late reply (disclosure.py)
    if traits.falls_short("noticeboard", latest=True):
        board = ProactiveRelease.objects.filter(organisation=township, published_on__year=year, venue="政务公开栏").count()
        return "村镇建设办", Decimal(3), f"{board or 2}条村级公示仅在政务公开栏张贴，未在政府网站发布"
    if traits.falls_short("release", latest=True):
        calendar = WorkingCalendar.load()
        for doc in NormativeDocument.objects.filter(organisation=township, issued_on__year=year, published_on__isnull=False):
            if calendar.count_working_days(doc.issued_on, doc.published_on) > 20:
                return "党政办", Decimal(3), f"《{doc.title}》未在印发后20个工作日内公开"
    return None


def _assessment(township, year, today, clerk, rng, latest: bool = False) -> int:
    adopted = _clip(dt.date(year, 2, 20), today)
    if adopted is None:
        return 0
    manual = []
    for name, weight, key, target in VILLAGE_CRITERIA:
        c = _save(AssessmentCriterion(organisation=township, adopted_on=adopted, name=name, applies_to=Assessee.VILLAGE,
                                      weight=weight, indicator_key=key, target=target,
                                      standard="按台账数据自动计分" if key else "查阅资料、实地检查，按评分细则扣分"), clerk)
        if not key:
            manual.append(c)
    for name, weight in DEPARTMENT_CRITERIA[profile(township.code).slot % 3]:
        manual.append(_save(AssessmentCriterion(organisation=township, adopted_on=adopted, name=name,
                                                applies_to=Assessee.DEPARTMENT, weight=weight,
                                                standard="查阅资料、听取汇报，按评分细则扣分"), clerk))
    scored_on = _clip(dt.date(year, 12, 28), today) or today
    written = assessment_score_from_data(organisation=township, year=year, scored_on=scored_on, user=clerk)
    shortfall = _disclosure_shortfall(township, year) if latest else None
    for c in manual:
        targets = (
            [(Assessee.VILLAGE, v, "") for v in township.villages().order_by("code")]
            if c.applies_to == Assessee.VILLAGE else [(Assessee.DEPARTMENT, None, d) for d in DEPARTMENTS]
        )
        disclosure = "公开" in c.name
        for kind, village, department in targets:
            lost = Decimal(rng.choice((0, 0, 1, 2, 3, 5) if not disclosure else (0, 0, 0, 1, 1, 2)))
            reasons = DISCLOSURE_LOSSES if disclosure else ('台账记录不完整', '未按季度开展', '整改不及时', '资料归档不规范')
            basis = "资料齐全，符合评分细则" if not lost else f"扣{lost:g}分：{rng.choice(reasons)}"
            if disclosure and shortfall and department == shortfall[0]:
                lost, basis = shortfall[1], f"扣{shortfall[1]:g}分：{shortfall[2]}"
            score = max(Decimal(0), c.weight - lost)
            _save(AssessmentScore(organisation=township, scored_on=scored_on, criterion=c, assessee_kind=kind,
                                  village=village, department=department, score=score, basis=basis), clerk)
            written += 1
    return written


# 社会评议 of the disclosure work (政府信息公开条例第五十条第（四）项), by the township's slot: (name, satisfied, respondents,
# how, the sentence the report states it in); 河口镇 organised none (its annual report says so, a problem of its own).
# The 满意率 is never typed in: it is the satisfied respondents ÷ the respondents stated, rounded as the report rounds
# every rate (one decimal, half up: indicators.registry), so a reader who recomputes it from the sentence gets it.
SOCIAL_EVALUATION = {
    0: ("政务公开群众满意度问卷调查", 290, 301, "{y}年政务公开群众满意度问卷汇总表（发放问卷320份，收回301份）",
        "开展政务公开群众满意度问卷调查，收回有效问卷301份，其中满意或基本满意290份，群众满意率{数值}%"),
    2: ("政务公开社会评议（村民代表评议）", 80, 86, "{y}年政务公开社会评议汇总表（参评村民代表86人）",
        "组织86名村民代表对政务公开工作进行评议，其中满意或基本满意80人，满意率{数值}%"),
}


def satisfaction_rate(satisfied: int, respondents: int) -> Decimal:
    """satisfied ÷ respondents × 100, to one decimal, half up: the report's own rounding of a rate."""
    return (Decimal(satisfied) * 100 / Decimal(respondents)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _disclosure_oversight(spec, township, year, today, clerk) -> int:
    """The latest year's 社会评议 of the disclosure work and, where an application was answered late, the 约谈 of
    the officer who handled it (责任追究), each with the paper it comes from."""
    from fazhi.demo.days import OfficeDays
    from fazhi.disclosure.models import DisclosureRequest

    traits = profile(spec.code)
    made = 0
    stated = _clip(dt.date(year, 12, 20), today)
    evaluation = SOCIAL_EVALUATION.get(traits.slot % 3)
    if evaluation and stated:
        name, satisfied, respondents, paper, phrase = evaluation
        rate = satisfaction_rate(satisfied, respondents)
        _save(OtherFigure(organisation=township, stated_on=OfficeDays().on_or_before(stated), metric=Metric.OTHER, name=name,
                          value=rate, unit="%", placement=Placement.SUPERVISION, phrase=phrase,
                          source_system="党政综合办公室（政务公开办公室）", source_document=paper.format(y=year)), clerk)
        made += 1
    if traits.falls_short("reply", latest=True):
        from fazhi.disclosure.services import clock_for

        late = next((r for r in DisclosureRequest.objects.filter(organisation=township, replied_on__year=year).order_by("replied_on")
                     if (due := clock_for(r).due) is not None and r.replied_on > due), None)
        if late is not None:
            day = OfficeDays().on_or_after(late.replied_on + dt.timedelta(days=3))
            if day <= today:
                _save(OtherFigure(organisation=township, stated_on=day, metric=Metric.OTHER, name="政务公开责任追究（约谈提醒）",
                                  value=Decimal(1), unit="人", placement=Placement.SUPERVISION,
                                  phrase="对逾期答复的1件政府信息公开申请，约谈提醒承办人员{数值}人",
                                  source_system="党政综合办公室（政务公开办公室）",
                                  source_document=f"党政综合办公室约谈记录（{day.year}年{day.month}月{day.day}日）"), clerk)
                made += 1
    return made
