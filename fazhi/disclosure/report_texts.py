"""Default wording of the annual disclosure report (政府信息公开工作年度报告), drawn from the register.

Published township reports open with a note on how the report was compiled (which names the statute in full
once: 《中华人民共和国政府信息公开条例》（以下简称《条例》）), then 一、总体情况 in short paragraphs (主动公开,
依申请公开, 政府信息管理, 平台建设, 监督保障 — the five the 2021 template asks for, 国办公开办函〔2021〕30号), a
sentence before the tables of 二 and 四 where one is due, and close with 五 (problems, and for each one an
improvement with the office responsible and a date) and 六 (信息处理费, 《条例》第四十二条; 人大代表建议 handled
and whether their answers were published). Every sentence here states what the records show, in the words of a
published document (no working notes), and no sentence runs over MAX_SENTENCE characters; a paragraph whose
records are missing is left out rather than filled with general praise (监督保障 always has one sentence: how
applications are registered). Staff may replace sections 一、五、六 (DisclosureAnnualReport.*_text); an unchanged
default keeps following the register.

A line "（一）……" on its own is a sub-heading (楷体 in the .docx).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from django.db.models import Sum

from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure import annual_report as ar
from fazhi.disclosure.choices import RESULT_GROUPS, AppealKind, AppealOutcome, Channel, ReleaseCategory, Result
from fazhi.disclosure.models import DisclosureGuide, ProactiveRelease

STATUTE = "《中华人民共和国政府信息公开条例》"
SHORT = "《条例》"  # defined once, in the preamble: STATUTE（以下简称《条例》）
from fazhi.disclosure.releases import release_timeliness

if TYPE_CHECKING:
    from fazhi.disclosure.annual_report import DisclosureReportData

SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。；]{1,30}$")
# A published sentence (to its 。！？) is at most this long: the county's reviewers send back longer ones.
MAX_SENTENCE = 150

# How an application arrived, as reports name it.
CHANNEL_WORDS = {
    Channel.PORTAL: "网上申请", Channel.OTHER_ONLINE: "网上申请", Channel.IN_PERSON: "当面申请",
    Channel.POST_SIGNED: "信函申请", Channel.POST_UNSIGNED: "信函申请", Channel.FAX: "传真申请",
    Channel.EMAIL: "电子邮件申请",
}
VENUE_SEPARATORS = re.compile(r"[、，,；;/\s]+")
WEBSITE = re.compile(r"网站|门户")
NOTICE_BOARD = re.compile(r"公开栏|公示栏|宣传栏|公告栏")
# Records of the year that speak of this work (a study session's topic, an assessment criterion, an inspection).
ON_DISCLOSURE = re.compile(r"信息公开|政务公开")
DEPUTY_ANSWER = re.compile(r"人大代表|代表建议|代表议案|建议办理|议案办理")


def is_subheading(line: str) -> bool:
    return bool(SUBHEADING.match(line.strip()))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each to its closing 。！？ (a line without one is a sentence too)."""
    return [s for line in text.splitlines() for s in re.findall(r"[^。！？]+[。！？]?", line.strip()) if s.strip()]


def long_sentences(text: str) -> list[str]:
    return [s for s in sentences(text) if len(s) > MAX_SENTENCE]


def _enumerate(lead: str, items: list[str]) -> list[str]:
    """"{lead}，包括A、B、C。" as one sentence, or, when that would be too long, continued by "还包括…" sentences."""
    out, chunk = [], []
    for item in items:
        opening = f"{lead}，包括" if not out else "还包括"
        if chunk and len(opening + "、".join([*chunk, item])) + 1 > MAX_SENTENCE:
            out.append(f"{opening}{'、'.join(chunk)}。")
            chunk = []
        chunk.append(item)
    if chunk:
        out.append(f"{f'{lead}，包括' if not out else '还包括'}{'、'.join(chunk)}。")
    return out


def _figure(data: DisclosureReportData, key: str):
    from fazhi.indicators import registry

    return registry.get(key).compute(registry.Scope((data.organisation,), data.year))


def _releases(data: DisclosureReportData) -> list[ProactiveRelease]:
    return list(ProactiveRelease.objects.active().filter(
        organisation=data.organisation, published_on__year=data.year).order_by("published_on", "id"))


def _join(parts: list[str]) -> str:
    return "、".join(p for p in parts if p)


# 第二十条's items in a few words (their full labels are lists themselves and read badly inside a list).
ARTICLE20_SHORT = {
    ReleaseCategory.ART20_1: "规范性文件", ReleaseCategory.ART20_2: "机构职能信息", ReleaseCategory.ART20_3: "规划信息",
    ReleaseCategory.ART20_4: "统计信息", ReleaseCategory.ART20_5: "行政许可和对外管理服务信息",
    ReleaseCategory.ART20_6: "行政处罚和行政强制信息", ReleaseCategory.ART20_7: "财政预决算信息",
    ReleaseCategory.ART20_8: "行政事业性收费信息", ReleaseCategory.ART20_9: "政府集中采购信息",
    ReleaseCategory.ART20_10: "重大建设项目信息", ReleaseCategory.ART20_11: "民生政策及实施情况",
    ReleaseCategory.ART20_12: "突发公共事件应对信息", ReleaseCategory.ART20_13: "监督检查情况",
    ReleaseCategory.ART20_14: "公务员招考录用信息", ReleaseCategory.ART20_15: "其他依法主动公开的信息",
}


def _category_name(category: str) -> str:
    """"第二十条（七）财政预算、决算信息" → "财政预决算信息"; "第二十一条 社会救助" → "社会救助"; a name that is
    itself a list ("土地征收、房屋征收") joined by 和, as it stands in a list."""
    if category in ARTICLE20_SHORT:
        return ARTICLE20_SHORT[category]
    return re.sub(r"^第二十一条\s*", "", ReleaseCategory(category).label).replace("、", "和")


def _venues(releases: list[ProactiveRelease]) -> Counter:
    counts: Counter = Counter()
    for r in releases:
        for venue in dict.fromkeys(v for v in VENUE_SEPARATORS.split(r.venue or "") if v):
            counts[venue] += 1
    return counts


# ---------------------------------------------------------------- the note before 一

def preamble(data: DisclosureReportData) -> str:
    year = data.year
    text = (
        f"本报告根据{STATUTE}（以下简称{SHORT}）和{ar.TEMPLATE_REFERENCE}要求编制。"
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    )
    guide = DisclosureGuide.objects.filter(organisation=data.organisation).first()
    if guide is not None:
        contact = "；".join(f"{label}：{value}" for label, value in (
            ("地址", guide.address), ("邮编", guide.postcode), ("电话", guide.phone), ("电子邮箱", guide.email),
        ) if value)
        if contact:
            text += f"如对本报告有疑问，请与{data.signature}{guide.office_name}联系（{contact}）。"
    return text


# ---------------------------------------------------------------- 一、总体情况

def overview(data: DisclosureReportData) -> str:
    """（一）…（五）; a paragraph with no records behind it is left out and the numbering closes up."""
    releases = _releases(data)
    paragraphs = [
        ("主动公开情况", _proactive(data, releases)),
        ("依申请公开情况", _requests(data)),
        ("政府信息管理情况", _management(data)),
        ("政府信息公开平台建设情况", _platform(data, releases)),
        ("监督保障情况", _supervision(data)),
    ]
    lines = []
    for heading, text in (p for p in paragraphs if p[1]):
        lines += [f"（{NUMERALS[len(lines) // 2]}）{heading}", text]
    return "\n".join(lines)


NUMERALS = "一二三四五六七八九十"


def _counted(counts: Counter, name=lambda c: c, unit: str = "条") -> list[str]:
    """Every item with its count, the largest first (ties in the order met): the counts add up to the whole."""
    order = {c: i for i, c in enumerate(counts)}
    return [f"{name(c)}{n}{unit}" for c, n in sorted(counts.items(), key=lambda i: (-i[1], order[i[0]]))]


def _list_counts(counts: Counter, name=lambda c: c, unit: str = "条") -> str:
    return _join(_counted(counts, name, unit))


def _by_category(releases: list[ProactiveRelease]) -> Counter:
    ordered = {c: i for i, c in enumerate(ReleaseCategory.values)}
    return Counter(sorted((r.category for r in releases), key=lambda c: ordered.get(c, len(ordered))))


def _late(data: DisclosureReportData, releases: list[ProactiveRelease]) -> list[ProactiveRelease]:
    """Releases published more than 20 working days after the information was formed (《条例》第二十六条)."""
    calendar = WorkingCalendar.load()
    return [r for r in releases if release_timeliness(r, calendar).late]


def _proactive(data: DisclosureReportData, releases: list[ProactiveRelease]) -> str:
    """Every category with its count, grouped by 《条例》第二十一条 (the township's own items) and 第二十条, so the
    counts named add up to the total; one sentence for the total, one for each group, one for timeliness."""
    us = ar.we(data.organisation)
    if not releases:
        return f"{data.year}年，{us}未主动公开政府信息。"
    venues = [v for v, _ in _venues(releases).most_common()]
    through = ""
    if venues:
        named = venues[:4]
        through = f"通过{_join(named)}{'等渠道' if len(venues) > len(named) else ''}"
    out = [f"{data.year}年，{us}坚持以公开为常态、不公开为例外，{through}主动公开政府信息{len(releases)}条。"]
    by_category = _by_category(releases)
    township = Counter({c: n for c, n in by_category.items() if c.startswith("art21_")})
    general = Counter({c: n for c, n in by_category.items() if not c.startswith("art21_")})
    groups = []
    if township:
        groups.append((f"{SHORT}第二十一条规定的乡镇重点公开内容", township))
    if general:
        groups.append((f"{SHORT}第二十条规定的其他政府信息", general))
    for i, (name, counts) in enumerate(groups):
        if len(groups) == 1:
            lead = f"上述信息均为{name}"
        else:
            lead = f"{'其中，' if i == 0 else ''}{name}{sum(counts.values())}条"
        out += _enumerate(lead, _counted(counts, _category_name))
    late = len(_late(data, releases))
    if late == 0:
        out.append("上述信息均在信息形成或者变更之日起20个工作日内予以公开。")
    else:
        out.append(f"在信息形成或者变更之日起20个工作日内公开{len(releases) - late}条，超过该时限公开{late}条。")
    return "".join(out)


# 其他处理 as a report names it: why the township stopped handling the application.
OTHER_RESULT_WORDS = {
    Result.OTHER_NO_CORRECTION: "因申请人无正当理由逾期不补正不再处理",
    Result.OTHER_FEE_UNPAID: "因申请人逾期未缴纳信息处理费不再处理",
    Result.OTHER: "其他处理",
}
# Why an application closed without an answer needs none (NO_REPLY_RESULTS): the applicant is deemed to have
# withdrawn it.
NO_REPLY_BASIS = {
    Result.OTHER_NO_CORRECTION: ("申请人无正当理由逾期不补正", f"依照{SHORT}第三十条"),
    Result.OTHER_FEE_UNPAID: ("申请人逾期未按收费通知缴纳费用", "按照《政府信息公开信息处理费管理办法》"),
}


def _result_mix(data: DisclosureReportData) -> str:
    parts = []
    for group, items in RESULT_GROUPS:
        if group.startswith("（六）"):
            parts += [f"{OTHER_RESULT_WORDS[result]}{n}件" for _, result in items
                      if (n := data.table3.value(result.value, ar.TOTAL))]
            continue
        count = sum(data.table3.value(result.value, ar.TOTAL) for _, result in items)
        if count:
            name = re.sub(r"^（[一二三四五六]）", "", group).split("（")[0]
            parts.append(f"{name}{count}件")
    return _join(parts)


def _requests(data: DisclosureReportData) -> str:
    """Received, closed by result, carried over; then timeliness, and on what basis applications closed without an
    answer (逾期不补正, 逾期未缴费) are not counted among those to be answered."""
    t3, year = data.table3, data.year
    new, carried_in = t3.value(ar.ROW_NEW, ar.TOTAL), t3.value(ar.ROW_CARRIED_IN, ar.TOTAL)
    closed, carried_out = t3.value(ar.ROW_TOTAL, ar.TOTAL), t3.value(ar.ROW_CARRIED_OUT, ar.TOTAL)
    us = ar.we(data.organisation)
    if not new and not carried_in:
        return f"{year}年，{us}未收到政府信息公开申请。"
    text = f"{year}年，{us}收到政府信息公开申请{new}件"
    channels = Counter(CHANNEL_WORDS[c] for c in ar.requests_for_row(
        data.organisation, year, ar.ROW_NEW).values_list("channel", flat=True))
    if channels:
        text += f"（{_join([f'{word}{n}件' for word, n in channels.most_common()])}）"
    if carried_in:
        text += f"，上年结转{carried_in}件"
    text += f"。全年办结{closed}件"
    if closed:
        text += f"，其中{_result_mix(data)}"
    if carried_out:
        text += f"；结转下年度继续办理{carried_out}件"
    text += "。"
    for result, (what, basis) in NO_REPLY_BASIS.items():
        if n := t3.value(result.value, ar.TOTAL):
            text += f"{what}的{n}件，{basis}视为放弃申请，不再处理，不计入应答复的申请。"
    rate = _figure(data, "disclosure_response_rate")
    if rate.denominator:
        if rate.numerator == rate.denominator:
            text += f"应答复的{rate.denominator}件申请均在法定期限内答复。"
        else:
            text += f"应答复的{rate.denominator}件申请中，在法定期限内答复{rate.numerator}件，按期答复率{rate.display}%。"
    return text


def _management(data: DisclosureReportData) -> str:
    normative = data.table2.normative
    issued, repealed, in_force = (normative[c] for c in ar.TABLE2_COLUMNS_DOCS)
    if not (issued or repealed or in_force):
        return ""
    text = f"全年制发行政规范性文件{issued}件、废止{repealed}件，截至年底现行有效{in_force}件"
    coverage = _figure(data, "normative_review_coverage")
    if issued and coverage.denominator and coverage.numerator == coverage.denominator:
        text += "；本年制发的行政规范性文件均经合法性审核"
    return text + "。"


def _venue_phrase(venue: str, count: int) -> str:
    if WEBSITE.search(venue):
        return f"在{venue}发布{count}条"
    if NOTICE_BOARD.search(venue):
        return f"在{venue}张贴{count}条"
    return f"通过{venue}发布{count}条"


def _venue_sets(releases: list[ProactiveRelease]) -> list[list[str]]:
    return [list(dict.fromkeys(v for v in VENUE_SEPARATORS.split(r.venue or "") if v)) for r in releases]


def off_website(releases: list[ProactiveRelease]) -> list[ProactiveRelease]:
    """Releases published on no website (政务公开栏、微信公众号 only): 《条例》第二十四条 asks governments to publish
    proactively disclosed information on their portal websites."""
    return [r for r, venues in zip(releases, _venue_sets(releases)) if not any(WEBSITE.search(v) for v in venues)]


def _platform(data: DisclosureReportData, releases: list[ProactiveRelease]) -> str:
    """Where the year's releases were published, which of them are not on the website (named by category: the
    register records no other reason), and what the portal of this system offers the public — in short sentences.
    The applications made online are counted once, in （二）."""
    out = []
    venues = _venues(releases)
    if venues:
        text = f"全年主动公开的{len(releases)}条政府信息中，{_join([_venue_phrase(v, n) for v, n in venues.most_common()])}"
        several = sum(1 for found in _venue_sets(releases) if len(found) > 1)
        if several:
            text += f"，其中{several}条同时通过两种以上载体公开"
        out.append(text + "。")
        elsewhere = off_website(releases)
        if elsewhere and len(elsewhere) < len(releases):
            used = Counter(v for found in _venue_sets(elsewhere) for v in found)
            out += _enumerate(f"未在政府网站发布的{len(elsewhere)}条仅通过{_join(list(used))}公开",
                              _counted(_by_category(elsewhere), _category_name))
    us = ar.we(data.organisation)
    out.append(
        f"{us}政府信息公开门户设有政府信息公开指南、主动公开目录、在线申请、办理进度查询、公开征求意见、"
        f"现行有效规范性文件、重大行政决策、行政执法公示和政府信息公开工作年度报告栏目。")
    text = f"主动公开目录按{SHORT}第二十条、第二十一条规定的类别编排，可按类别查阅"
    guide = DisclosureGuide.objects.filter(organisation=data.organisation).first()
    if guide is not None:
        updates = guide.history.filter(history_date__year=data.year).count()
        if updates:
            text += f"；年内更新政府信息公开指南{updates}次"
    out.append(text + "。")
    out.append("在线提交的政府信息公开申请，申请人可凭受理编号和联系电话查询办理进度。")
    return "".join(out)


def _office(data: DisclosureReportData) -> str:
    """The office that receives applications (the disclosure guide's 受理机构, 《条例》第四条), or the usual one."""
    guide = DisclosureGuide.objects.filter(organisation=data.organisation).first()
    return guide.office_name if guide is not None and guide.office_name else \
        DisclosureGuide._meta.get_field("office_name").default


def _disclosure_criteria(data: DisclosureReportData) -> list:
    """The township's assessment criteria of the year that name 政务公开 / 信息公开."""
    from fazhi.assessment.models import AssessmentCriterion

    return [c for c in AssessmentCriterion.objects.active().filter(
        organisation=data.organisation, adopted_on__year=data.year).order_by("adopted_on", "id")
        if ON_DISCLOSURE.search(f"{c.name}{c.standard}")]


def _disclosure_inspections(data: DisclosureReportData) -> list:
    from fazhi.supervision.models import PresidiumInspection

    return [i for i in PresidiumInspection.objects.active().filter(
        organisation=data.organisation, held_on__year=data.year).order_by("held_on", "id")
        if ON_DISCLOSURE.search(f"{i.subject}{i.findings}")]


def _supervision(data: DisclosureReportData) -> str:
    """监督保障 (《条例》第四条、第四十六条、第四十八条; the 2021 template: 工作考核、社会评议和责任追究结果), from the
    records only: who receives applications and how each is registered (always), study sessions on this work, the
    assessment criteria naming it with their weight, standard and the scores given, the presidium's inspections
    and evaluations of it. The system records no 社会评议 or 责任追究 of this work, so nothing is said of them here
    (staff are told so on the report page, ``supervision_source``)."""
    from fazhi.assessment.models import AssessmentCriterion
    from fazhi.learning.models import StudySession

    org, year, us = data.organisation, data.year, ar.we(data.organisation)
    out = [f"{us}政府信息公开申请由{_office(data)}统一受理，每件申请登记收到、补正、延期和答复日期，"
           f"按{SHORT}第三十三条计算答复期限。"]
    sessions = [s for s in StudySession.objects.active().filter(organisation=org, held_on__year=year)
                .order_by("held_on", "id") if ON_DISCLOSURE.search(s.topic)]
    if sessions:
        topics = _join(list(dict.fromkeys(re.sub(r"^学习", "", s.topic) for s in sessions)))
        out.append(f"全年组织政务公开业务学习{len(sessions)}次、参加{sum(s.attendees for s in sessions)}人次，学习{topics}。")
    for c in _disclosure_criteria(data):
        total = AssessmentCriterion.objects.active().filter(
            organisation=org, adopted_on__year=year, applies_to=c.applies_to).aggregate(t=Sum("weight"))["t"]
        assessees = c.get_applies_to_display()
        text = f"{us}将“{c.name}”列入{year}年度对{assessees}的目标管理考核，分值{_amount(c.weight)}分"
        if total > c.weight:
            text += f"（总分{_amount(total)}分）"
        if c.standard and not c.indicator_key:
            text += f"，考核方式为{c.standard.rstrip('。')}"
        out.append(text + "。")
        # scores typed by hand, the latest of each assessee (one scored from the ledgers is computed elsewhere)
        latest = {} if c.indicator_key else {
            (s.assessee_kind, s.village_id, s.department): s.score
            for s in c.scores.filter(voided_at__isnull=True, score__isnull=False).order_by("scored_on", "id")}
        scores = list(latest.values())
        if scores:
            low, high = min(scores), max(scores)
            spread = f"均为{_amount(low)}分" if low == high else f"在{_amount(low)}分至{_amount(high)}分之间"
            out.append(f"年度考核中，{len(scores)}个{assessees}此项得分{spread}。")
    for i in _disclosure_inspections(data):
        text = f"{i.held_on.month}月，{_congress(org)}主席团就{i.subject}开展{i.get_kind_display()}"
        if i.issues:
            text += f"，提出意见建议{i.issues}条，已整改{i.rectified}条"
        out.append(text + "。")
    return "".join(out)


def supervision_source(data: DisclosureReportData) -> dict:
    """For staff: what part 一（五）监督保障 rests on, and what the 2021 template asks for that the system does not
    record (not published)."""
    from django.urls import reverse

    criteria, inspections = _disclosure_criteria(data), _disclosure_inspections(data)
    missing = ["社会评议", "责任追究"]
    if not criteria:
        missing.insert(0, "政务公开工作考核")
    if not inspections:
        missing.insert(len(missing) - 2, "人大评议")
    return {
        "label": "一（五）监督保障情况", "value": f"考核指标{len(criteria)}项、人大主席团检查评议{len(inspections)}次",
        "href": reverse("assessment_results", args=[data.organisation.code, data.year]),
        "description": "按考核指标、学法记录和人大主席团检查评议中写明“政务公开”“信息公开”的记录生成",
        "warning": (f"系统中没有本年度{'、'.join(missing)}的记录，第一部分（五）未作表述。"
                    f"{ar.TEMPLATE_REFERENCE}要求总体情况写明工作考核、社会评议和责任追究结果，"
                    "如有，请编辑第一部分补充"),
    }


def _congress(org) -> str:
    """镇人大 / 乡人大 (a sub-district has no people's congress of its own: 人大工委)."""
    for unit in ("乡", "镇"):
        if org.name.endswith(unit):
            return f"{unit}人大"
    return "人大"


# ---------------------------------------------------------------- 四 (the sentence before table 四)

def _appeal_counts(data: DisclosureReportData) -> tuple[int, int, int]:
    """(复议 total, 诉讼 total, 纠正 total) of table 四."""
    table = data.table4
    reconsideration = table[AppealKind.RECONSIDERATION][ar.TOTAL]
    litigation = table[AppealKind.LITIGATION_DIRECT][ar.TOTAL] + table[AppealKind.LITIGATION_AFTER][ar.TOTAL]
    corrected = sum(table[kind][AppealOutcome.CORRECTED] for kind, _ in ar.TABLE4_GROUPS)
    return reconsideration, litigation, corrected


def appeals(data: DisclosureReportData) -> str:
    us = ar.we(data.organisation)
    reconsideration, litigation, _ = _appeal_counts(data)
    if not reconsideration and not litigation:
        return f"本年度，{us}未发生因政府信息公开引起的行政复议、行政诉讼。"
    outcomes = []
    for outcome, label in ((AppealOutcome.UPHELD, "结果维持"), (AppealOutcome.CORRECTED, "结果纠正"),
                           (AppealOutcome.OTHER, "其他结果"), (AppealOutcome.PENDING, "尚未审结")):
        n = sum(data.table4[kind][outcome] for kind, _ in ar.TABLE4_GROUPS)
        if n:
            outcomes.append(f"{label}{n}件")
    return (f"本年度，{us}因政府信息公开被申请行政复议{reconsideration}件、被提起行政诉讼{litigation}件，"
            f"其中{_join(outcomes)}。")


# ---------------------------------------------------------------- 五、存在的主要问题及改进情况

ORDINALS = "一二三四五六七八九十"


def problems(data: DisclosureReportData) -> str:
    """（一）each problem the register shows, one sentence each (一是…。二是…。); （二）for each, in the same order, one
    sentence with what will be done, by which office (the disclosure guide's 受理机构) and by when."""
    us = ar.we(data.organisation)
    releases = _releases(data)
    late = _late(data, releases)
    rate = _figure(data, "disclosure_response_rate")
    late_answers = (rate.denominator or 0) - (rate.numerator or 0)
    _, _, corrected = _appeal_counts(data)
    unreleased = ar.normative_documents_unreleased(data.organisation, data.year)
    elsewhere = off_website(releases)
    office, next_year = _office(data), data.year + 1  # the office answerable for every improvement
    by_quarter = f"{next_year}年3月底前"
    pairs: list[tuple[str, str]] = []
    if unreleased:
        issued = data.table2.normative[ar.TABLE2_COLUMNS_DOCS[0]]
        pairs.append((
            f"制发的行政规范性文件{issued}件均未列入主动公开目录" if len(unreleased) == issued else
            f"制发的行政规范性文件{issued}件中，有{len(unreleased)}件未列入主动公开目录",
            f"在{by_quarter}将未列入主动公开目录的{len(unreleased)}件行政规范性文件逐件补充公开，"
            f"此后文件印发后即列入主动公开目录（{SHORT}第二十条第（一）项）"))
    if late:
        pairs.append((
            f"有{len(late)}条主动公开信息未在形成或者变更之日起20个工作日内公开，"
            f"涉及{_list_counts(_by_category(late), _category_name)}",
            f"自{next_year}年1月起在每条信息发布前核对其形成或者变更日期，"
            f"确保在20个工作日内公开（{SHORT}第二十六条）"))
    if elsewhere:
        used = _join(list(Counter(v for found in _venue_sets(elsewhere) for v in found))) or "其他载体"
        pairs.append((
            f"有{len(elsewhere)}条主动公开信息仅通过{used}公开，未在政府网站发布"
            if len(elsewhere) < len(releases) else f"主动公开的{len(releases)}条政府信息均未在政府网站发布",
            f"在{by_quarter}将仅通过{used}公开的{len(elsewhere)}条信息在政府网站补充发布，"
            f"此后主动公开的政府信息均在政府网站同步发布（{SHORT}第二十四条）"))
    if late_answers:
        pairs.append((
            f"有{late_answers}件政府信息公开申请未在法定期限内答复",
            f"自{next_year}年1月起在登记每件申请时写明答复期限，逐件跟踪办理进度，"
            f"确保在法定期限内答复（{SHORT}第三十三条）"))
    if corrected:
        pairs.append((
            f"因政府信息公开被行政复议机关或人民法院纠正{corrected}件",
            f"在{by_quarter}逐件分析被纠正案件的原因，规范答复的事实认定、理由说明和法律依据"))
    if pairs:
        if len(pairs) == 1:
            (problem, fix), = pairs
            return "\n".join(["（一）存在的主要问题", f"本年度，{problem}。", "（二）改进情况",
                              f"{us}明确由{office}负责整改，{fix}。"])
        found = "".join(f"{ORDINALS[i]}是{problem}。" for i, (problem, _) in enumerate(pairs))
        fixes = "".join(f"{ORDINALS[i]}是{fix}。" for i, (_, fix) in enumerate(pairs))
        return "\n".join(["（一）存在的主要问题", f"本年度，{us}政府信息公开工作存在以下问题：{found}",
                          "（二）改进情况", f"针对上述问题，{us}明确由{office}负责逐项整改。{fixes}"])
    checked = []
    if releases:
        checked.append("主动公开的政府信息均在法定时限内公开")
    if rate.denominator:
        checked.append("政府信息公开申请均在法定期限内答复")
    checked.append("未发生因政府信息公开被行政复议机关或人民法院纠正的情况")
    return (f"本年度，{us}{'，'.join(checked)}。"
            f"下一步，{us}将继续严格执行{SHORT}，规范公开程序，及时准确公开政府信息。")


# ---------------------------------------------------------------- 六、其他需要报告的事项

def other(data: DisclosureReportData) -> str:
    """What the 2021 template asks of part 六 and the records support: 信息处理费 (《条例》第四十二条; 国办函〔2020〕109号,
    from the 其他数据 ledger) and the deputies' suggestions handled (supervision.DeputySuggestion) with the release of
    their answers. 上级工作要点, 政协提案 (townships have none) and 工作创新 have no record here: left out."""
    from decimal import Decimal

    us = ar.we(data.organisation)
    basis = f"按照{SHORT}第四十二条和《政府信息公开信息处理费管理办法》规定"
    fees = _figure(data, "disclosure_fees")
    amount = Decimal(fees.value or 0)
    if amount:
        text = f"{basis}，本年度{us}收取信息处理费{_amount(amount)}元。"
    else:
        text = f"{basis}，本年度{us}未收取信息处理费。"
    unpaid = ar.requests_for_row(data.organisation, data.year, Result.OTHER_FEE_UNPAID).count()
    if unpaid:
        text += f"因申请人逾期未按收费通知要求缴纳费用，不再处理的申请{unpaid}件。"
    suggestions = _deputy_suggestions(data)
    return f"{text}\n{suggestions}" if suggestions else f"{text}\n本年度无其他需要报告的事项。"


def _deputy_suggestions(data: DisclosureReportData) -> str:
    """The deputies' motions and suggestions assigned in the year: how many were answered (and how many late, by
    代表法第四十四条's deadline, DeputySuggestion.due_on), what became of each one not answered by the year's end,
    and whether the answers were published (a release of the register naming them) or not."""
    from fazhi.core.workdays import format_date
    from fazhi.supervision.models import DeputySuggestion, SuggestionKind

    org, year = data.organisation, data.year
    handled = list(DeputySuggestion.objects.active().filter(organisation=org, assigned_on__year=year)
                   .order_by("assigned_on", "id"))
    if not handled:
        return ""
    last = ar._year_bounds(year)[1]
    kinds = Counter(s.kind for s in handled)
    named = _join([f"{label}{kinds[kind]}件" for kind, label in (
        (SuggestionKind.MOTION, "议案"), (SuggestionKind.SUGGESTION, "建议")) if kinds[kind]])
    answered = [s for s in handled if s.answered_on and s.answered_on <= last]
    pending = [s for s in handled if s not in answered]
    late = sum(1 for s in answered if s.answered_on > s.due_on)
    text = f"本年度{ar.we(org)}承办{_congress(org)}代表{named}"
    if not pending:
        text += "，均已答复"
    else:
        text += f"，年内答复{len(answered)}件"
    if late:
        text += f"，其中{late}件超过答复期限"
    text += "。"
    if pending:
        overdue = [s for s in pending if s.due_on <= last]
        if len(pending) <= 3:
            for s in pending:
                status = (f"答复期限{format_date(s.due_on)}已过，至年底尚未答复" if s in overdue else
                          f"至年底尚未答复，仍在{format_date(s.due_on)}的答复期限内")
                text += f"“{s.title}”（承办单位：{s.department}）{status}。"
        else:
            text += f"尚未答复的{len(pending)}件中，已超过答复期限{len(overdue)}件。"
    published = [r for r in _releases(data) if DEPUTY_ANSWER.search(r.title)]
    if published:
        text += f"公开代表建议、议案办理结果{len(published)}条。"
    else:
        text += "代表建议、议案的办理结果未列入主动公开目录。"
    return text


def _amount(value) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fee_source(data: DisclosureReportData) -> dict:
    """For staff: where part 六's statement on 信息处理费 comes from (not published)."""
    from django.urls import reverse

    figure = _figure(data, "disclosure_fees")
    href = f"{reverse('indicator_records', args=['disclosure_fees'])}?year={data.year}&org={data.organisation.code}"
    return {
        "label": figure.indicator.label, "value": figure.display, "href": href, "description": figure.indicator.description,
        "warning": "" if figure.has_data else (
            "本年未在“其他数据”台账登记“收取政府信息公开信息处理费”，第六部分表述为“未收取信息处理费”；"
            "如本年收取过，请登记金额（元）并写明缴款票据等来源"),
    }
