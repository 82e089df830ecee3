"""Default wording of the annual disclosure report (政府信息公开工作年度报告), drawn from the register.

Published township reports open with a note on how the report was compiled (which names the statute in full
once: 《中华人民共和国政府信息公开条例》（以下简称《条例》）), then 一、总体情况 in short paragraphs (主动公开,
依申请公开, 政府信息管理, 平台建设, 监督保障 — the five the 2021 template asks for, 国办公开办函〔2021〕30号), a
sentence before the tables of 二 and 四 where one is due, and close with 五 (last year's problems and what became
of them, this year's problems with what the records show of their causes, and for each an improvement with the
office responsible and a date) and 六 (信息处理费, 《条例》第四十二条; 人大代表建议 handled
and where their answers were published). 监督保障 states the results 《条例》第五十条第（四）项 asks of a
government's report: 工作考核 (average, lowest and why), 社会评议 and 责任追究 — from the records, and plainly
"not organised" where none is recorded.

Every sentence states what the records show, in the words of a published document (no working notes), and no
sentence runs over MAX_SENTENCE characters; a paragraph whose records are missing is left out rather than filled
with general praise, and no paragraph is written alike for every township (一（四）/（五） say only what the township's
records show: the guide's updates, the steps its applications took, what was not done — in one sentence). Category
lists follow the order of the 《条例》 with 其他 last. Part 五 never calls last year's measure, with the year changed,
"adjusted": a problem carried over quotes last year's measure, says plainly when the register shows it was not
carried out, and gets a different measure where one exists (else "继续落实上年度措施"). Neighbouring townships
must not read alike: each formula has several phrasings and a township keeps its own (``phrase``, by
DisclosureReportData.style). Staff may replace sections 一、五、六 (DisclosureAnnualReport.*_text); an unchanged
default keeps following the register.

A line "（一）……" on its own is a sub-heading (楷体 in the .docx).
"""
from __future__ import annotations

import datetime as dt
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence, TypeVar

from fazhi.core.workdays import WorkingCalendar
from fazhi.disclosure import annual_report as ar
from fazhi.disclosure import report_findings as rf
from fazhi.disclosure.choices import (
    RESULT_GROUPS, AppealKind, AppealOutcome, Channel, ConsultationKind, ReleaseCategory, Result, TableItem,
)
from fazhi.disclosure.models import DisclosureGuide, ProactiveRelease
from fazhi.disclosure.releases import release_timeliness

if TYPE_CHECKING:
    from fazhi.disclosure.annual_report import DisclosureReportData

STATUTE = "《中华人民共和国政府信息公开条例》"
SHORT = "《条例》"  # defined once, in the preamble: STATUTE（以下简称《条例》）

SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。；]{1,30}$")
# A published sentence (to its 。！？) is at most this long: the county's reviewers send back longer ones.
MAX_SENTENCE = 150
FIX_DUE_MONTH = 3  # fixes promised to the public fall due at the end of March of the following year


def fix_due_on(year: int) -> dt.date:
    """The day the fixes this year's report promises fall due: the end of March of the next year.

    One date for every fix, because the township's 法治政府建设年度报告 (published before 1 April, 督察规定第二十五条)
    repeats those fixes and must give them the same deadline (reports.writing.context.shared_deadline); the
    disclosure report itself is signed before 31 January (《条例》第四十九条), so the date always lies ahead of it."""
    return dt.date(year + 1, FIX_DUE_MONTH, 31)


def fix_deadline(year: int) -> str:
    """"2026年3月底前" for the fixes of a 2025 report (fix_due_on)."""
    return f"{year + 1}年{FIX_DUE_MONTH}月底前"

# How an application arrived, as reports name it.
CHANNEL_WORDS = {
    Channel.PORTAL: "网上申请", Channel.OTHER_ONLINE: "网上申请", Channel.IN_PERSON: "当面申请",
    Channel.POST_SIGNED: "信函申请", Channel.POST_UNSIGNED: "信函申请", Channel.FAX: "传真申请",
    Channel.EMAIL: "电子邮件申请",
}
VENUE_SEPARATORS = re.compile(r"[、，,；;/\s]+")
WEBSITE = re.compile(r"网站|门户")
NOTICE_BOARD = re.compile(r"公开栏|公示栏|宣传栏|公告栏")
ON_DISCLOSURE = rf.ON_DISCLOSURE
DEPUTY_ANSWER = rf.DEPUTY_ANSWER

T = TypeVar("T")


def phrase(data: DisclosureReportData, slot: str, options: Sequence[T]) -> T:
    """One of several phrasings of the same statement, chosen by the township (neighbours get different ones) and
    the statement (a township does not take the first phrasing of every statement)."""
    return options[(data.style + zlib.crc32(slot.encode())) % len(options)]


def is_subheading(line: str) -> bool:
    return bool(SUBHEADING.match(line.strip()))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each to its closing 。！？ (a line without one is a sentence too)."""
    return [s for line in text.splitlines() for s in re.findall(r"[^。！？]+[。！？]?", line.strip()) if s.strip()]


def long_sentences(text: str) -> list[str]:
    return [s for s in sentences(text) if len(s) > MAX_SENTENCE]


def _enumerate(lead: str, items: list[str], joiner: str = "，包括", more: str = "还包括") -> list[str]:
    """"{lead}，包括A、B、C。" as one sentence, or, when that would be too long, continued by "还包括…" sentences."""
    out, chunk = [], []
    for item in items:
        opening = f"{lead}{joiner}" if not out else more
        if chunk and len(opening + "、".join([*chunk, item])) + 1 > MAX_SENTENCE:
            out.append(f"{opening}{'、'.join(chunk)}。")
            chunk = []
        chunk.append(item)
    if chunk:
        out.append(f"{f'{lead}{joiner}' if not out else more}{'、'.join(chunk)}。")
    return out


def _figure(data: DisclosureReportData, key: str):
    from fazhi.indicators import registry

    return registry.get(key).compute(registry.Scope((data.organisation,), data.year))


def _releases(data: DisclosureReportData) -> list[ProactiveRelease]:
    return rf.releases(data.organisation, data.year)


def _join(parts: list[str]) -> str:
    return "、".join(p for p in parts if p)


def _day(day, year: int | None = None) -> str:
    """"4月9日" within the report's year; "2024年11月7日" for a day of another year (when ``year`` is given)."""
    return f"{day.year}年{day.month}月{day.day}日" if year and day.year != year else f"{day.month}月{day.day}日"


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

PARTS = ("总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
         "存在的主要问题及改进情况、其他需要报告的事项")


def preamble(data: DisclosureReportData) -> str:
    year, sig = data.year, data.signature
    basis = f"{STATUTE}（以下简称{SHORT}）"
    text = phrase(data, "preamble", (
        f"本报告根据{basis}和{ar.TEMPLATE_REFERENCE}要求编制。全文包括{PARTS}六部分。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        # 第五十条 (the contents) binds every reporting government; 第四十九条 names 县级以上人民政府部门 only, so a
        # township's report does not cite it (LAW.md §2).
        f"按照{basis}第五十条规定和{ar.TEMPLATE_REFERENCE}，{sig}编制本报告。"
        f"报告共六个部分，第二至第四部分以统计表列示主动公开、依申请公开和复议诉讼数据，"
        f"所列数据统计期限为{year}年1月1日至12月31日。",
        f"{sig}依据{basis}和{ar.TEMPLATE_REFERENCE}，编制{year}年政府信息公开工作年度报告。"
        f"报告统计期限为{year}年1月1日至{year}年12月31日，全文包括{PARTS}六部分。",
    ))
    guide = DisclosureGuide.objects.filter(organisation=data.organisation).first()
    if guide is not None:
        contact = "；".join(f"{label}：{value}" for label, value in (
            ("地址", guide.address), ("邮编", guide.postcode), ("电话", guide.phone), ("电子邮箱", guide.email),
        ) if value)
        if contact:
            text += phrase(data, "contact", (
                f"如对本报告有疑问，请与{sig}{guide.office_name}联系（{contact}）。",
                f"对本报告如有疑问，可向{guide.office_name}咨询（{contact}）。",
                f"本报告的咨询单位为{sig}{guide.office_name}（{contact}）。",
            ))
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


# A list of categories names at most this many; the rest are counted as "其他X条" (reviewers read a longer list,
# sorted by count, as machine output).
NAMED_CATEGORIES = 4


def _categories(counts: Counter, unit: str = "条") -> list[str]:
    """Categories with their counts in the order of the 《条例》 (第二十条 items （一）…（十五）, then 第二十一条):
    the NAMED_CATEGORIES largest named, the rest and the residual 第二十条（十五） folded into "其他X条", last.
    The counts add up to the whole."""
    order = {c: i for i, c in enumerate(ReleaseCategory.values)}
    residual = ReleaseCategory.ART20_15
    named = [c for c in counts if c != residual]
    if len(counts) <= NAMED_CATEGORIES + 1:
        keep = set(named)
    else:
        keep = set(sorted(named, key=lambda c: (-counts[c], order.get(c, len(order))))[:NAMED_CATEGORIES])
    out = [f"{_category_name(c)}{counts[c]}{unit}" for c in sorted(keep, key=lambda c: order.get(c, len(order)))]
    rest = sum(n for c, n in counts.items() if c not in keep)
    if rest:
        only_residual = all(c == residual for c in counts if c not in keep)
        out.append(f"{_category_name(residual) if only_residual else '其他'}{rest}{unit}")
    return out


def _by_category(releases: list[ProactiveRelease]) -> Counter:
    ordered = {c: i for i, c in enumerate(ReleaseCategory.values)}
    return Counter(sorted((r.category for r in releases), key=lambda c: ordered.get(c, len(ordered))))


def _late(data: DisclosureReportData, releases: list[ProactiveRelease]) -> list[ProactiveRelease]:
    """Releases published more than 20 working days after the information was formed (《条例》第二十六条)."""
    calendar = WorkingCalendar.load()
    return [r for r in releases if release_timeliness(r, calendar).late]


def _proactive(data: DisclosureReportData, releases: list[ProactiveRelease]) -> str:
    """Every category with its count, grouped by 《条例》第二十一条 (the township's own items) and 第二十条, so the
    counts named add up to the total; what the counts of 规范性文件 and 行政许可 consist of (a reader compares them
    with 表二); one sentence for timeliness."""
    us, year = ar.we(data.organisation), data.year
    if not releases:
        return f"{year}年，{us}未主动公开政府信息。"
    venues = [v for v, _ in _venues(releases).most_common()]
    named = venues[:4]
    through = f"{_join(named)}{'等渠道' if len(venues) > len(named) else ''}"
    before = len(rf.releases(data.organisation, year - 1))
    change = ("与上年持平" if before == len(releases) else
              f"比上年{'增加' if len(releases) > before else '减少'}{abs(len(releases) - before)}条") if before else ""
    out = [phrase(data, "proactive-open", (
        f"{year}年，{us}坚持以公开为常态、不公开为例外，{'通过' + through if through else ''}主动公开政府信息{len(releases)}条。",
        f"{year}年，{us}{'通过' + through if through else ''}主动公开政府信息{len(releases)}条{'，' + change if change else ''}。",
        f"全年{us}共主动公开政府信息{len(releases)}条{'，主要载体为' + through if through else ''}。",
    ))]
    by_category = _by_category(releases)
    township = Counter({c: n for c, n in by_category.items() if c.startswith("art21_")})
    general = Counter({c: n for c, n in by_category.items() if not c.startswith("art21_")})
    names = phrase(data, "proactive-groups", (
        (f"{SHORT}第二十一条规定的乡镇重点公开内容", f"{SHORT}第二十条规定的政府信息", "，包括"),
        (f"乡镇重点公开内容（{SHORT}第二十一条）", f"{SHORT}第二十条规定的政府信息", "，其中"),
        (f"按{SHORT}第二十一条公开的乡镇重点内容", f"按{SHORT}第二十条公开的政府信息", "，分别为"),
    ))
    # in the order of the 《条例》: 第二十条 first, then the township's own items of 第二十一条
    groups = [(names[1], general)] if general else []
    if township:
        groups.append((names[0], township))
    for i, (name, counts) in enumerate(groups):
        if len(groups) == 1:
            lead, joiner = f"上述信息均为{name}", "，包括"
        else:
            lead, joiner = f"{'其中，' if i == 0 and names[2] == '，包括' else ''}{name}{sum(counts.values())}条", names[2]
        out += _enumerate(lead, _categories(counts), joiner)
    out += _item_counts(data, by_category)
    late = len(_late(data, releases))
    if late == 0:
        out.append(phrase(data, "proactive-timely", (
            "上述信息均在信息形成或者变更之日起20个工作日内予以公开。",
            f"各条信息均在形成或者变更之日起20个工作日内公开，符合{SHORT}第二十六条规定的时限。",
            "从信息形成或者变更到对外公开，均未超过20个工作日。",
        )))
    else:
        out.append(f"在信息形成或者变更之日起20个工作日内公开{len(releases) - late}条，超过该时限公开{late}条，"
                   "具体情况见第五部分。")
    return "".join(out)


def _item_counts(data: DisclosureReportData, by_category: Counter) -> list[str]:
    """The releases of 规范性文件 are more than the documents issued (a repeal decision is released too), and those of
    行政许可 fewer than its decisions (decisions are published in batches): say what the counts consist of, so they
    square with 表二."""
    items = rf.item_releases(data.organisation, data.year)
    out = []
    normative = by_category.get(ReleaseCategory.ART20_1, 0)
    if normative and (items.repeal_decisions or items.other_normative):
        parts = [f"本年制发文件{items.issued_notices}件"] if items.issued_notices else []
        if items.repeal_decisions:
            parts.append(f"废止决定{items.repeal_decisions}件（涉及文件{items.repealed_documents}件）")
        if items.other_normative:
            parts.append(f"其他{items.other_normative}条")
        out.append(phrase(data, "normative-count", (
            f"规范性文件{normative}条，含{_join(parts)}。",
            f"公开的规范性文件{normative}条中，{_join(parts)}。",
            f"规范性文件类信息{normative}条由{_join(parts)}组成。",
        )))
    decided = data.table2.licensing
    if items.licensing_batches:
        batches, published = items.licensing_batches, items.licensing_decisions
        if published >= decided:
            # the facts only: that they square with 表二 is the reviewer's check, not a statement to the public
            category = by_category.get(ReleaseCategory.ART20_5, 0)
            share = f"{batches}条均为" if batches == category else f"中有{batches}条为"
            out.append(phrase(data, "licensing-count", (
                f"全年分{batches}批公示行政许可决定{published}件。",
                f"行政许可决定按批次公示，全年{batches}批共{published}件。",
                f"行政许可和对外管理服务信息{share}行政许可决定公示，共公示决定{published}件。",
            )))
        else:
            out.append(f"本年作出行政许可决定{decided}件，分{batches}批公示{published}件，未公示的情况见第五部分。")
    return out


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
    channels = Counter(CHANNEL_WORDS[c] for c in ar.requests_for_row(
        data.organisation, year, ar.ROW_NEW).values_list("channel", flat=True))
    by_channel = _join([f"{word}{n}件" for word, n in channels.most_common()])
    opening = phrase(data, "requests-open", (
        f"{year}年，{us}收到政府信息公开申请{new}件{f'（{by_channel}）' if by_channel else ''}"
        f"{f'，上年结转{carried_in}件' if carried_in else ''}。",
        f"全年{us}新收政府信息公开申请{new}件{f'，其中{by_channel}' if by_channel else ''}"
        f"{f'；另有上年结转{carried_in}件' if carried_in else ''}。",
        f"{year}年共收到政府信息公开申请{new}件{f'（{by_channel}）' if by_channel else ''}"
        f"{f'，加上年结转的{carried_in}件' if carried_in else ''}，本年需办理{new + carried_in}件。",
    ))
    text = opening
    if closed:
        mix = _result_mix(data)
        text += phrase(data, "requests-closed", (f"全年办结{closed}件，其中{mix}", f"本年办结的{closed}件中，{mix}",
                                                  f"已办结{closed}件，办理结果为{mix}"))
    else:
        text += "本年未办结申请"
    text += f"；结转下年度继续办理{carried_out}件。" if carried_out else "。"
    for result, (what, basis) in NO_REPLY_BASIS.items():
        if n := t3.value(result.value, ar.TOTAL):
            text += f"{what}的{n}件，{basis}视为放弃申请，不再处理，不计入应答复的申请。"
    rate = _figure(data, "disclosure_response_rate")
    if rate.denominator:
        if rate.numerator == rate.denominator:
            text += phrase(data, "requests-timely", (
                f"应答复的{rate.denominator}件申请均在法定期限内答复。",
                f"应答复的{rate.denominator}件申请全部按期答复。",
                f"{rate.denominator}件应答复申请均未超过法定答复期限。",
            ))
        else:
            text += (f"应答复的{rate.denominator}件申请中，在法定期限内答复{rate.numerator}件，按期答复率{rate.display}%"
                     f"，逾期的{rate.denominator - rate.numerator}件见第五部分。")
    return text


def _management(data: DisclosureReportData) -> str:
    """The normative documents (表二's counts in a sentence) and the responsibility-list tasks on this work done on
    time (those done late or not at all are problems of 五)."""
    normative = data.table2.normative
    issued, repealed, in_force = (normative[c] for c in ar.TABLE2_COLUMNS_DOCS)
    out = []
    if issued or repealed or in_force:
        coverage = _figure(data, "normative_review_coverage")
        reviewed = bool(issued and coverage.denominator and coverage.numerator == coverage.denominator)
        out.append(phrase(data, "management", (
            f"全年制发行政规范性文件{issued}件、废止{repealed}件，截至年底现行有效{in_force}件"
            f"{'；本年制发的行政规范性文件均经合法性审核' if reviewed else ''}。",
            f"本年制发行政规范性文件{issued}件{'，均经合法性审核后印发' if reviewed else ''}；"
            f"废止{repealed}件，至{data.year}年12月31日现行有效{in_force}件。",
            f"截至{data.year}年底，{ar.we(data.organisation)}现行有效的行政规范性文件{in_force}件，"
            f"本年新制发{issued}件、废止{repealed}件{'，新制发文件均经合法性审核' if reviewed else ''}。",
        )))
    on_time, _ = rf.disclosure_tasks(data.organisation, data.year)
    for task in on_time:
        name = task.task.rstrip("。")
        out.append(phrase(data, "management-task", (
            f"按照法治建设责任清单，{_day(task.done_on)}{name if name.startswith('完成') else '完成' + name}。",
            f"法治建设责任清单中的“{name}”任务已于{_day(task.done_on)}按期完成。",
            f"{_day(task.done_on)}，{rf.department_name(data.organisation, task.department)}按期完成责任清单任务“{name}”。",
        )))
    return "".join(out)


def _venue_phrase(venue: str, count: int) -> str:
    if WEBSITE.search(venue):
        return f"在{venue}发布{count}条"
    if NOTICE_BOARD.search(venue):
        return f"在{venue}张贴{count}条"
    return f"通过{venue}发布{count}条"


def _venue_sets(releases: list[ProactiveRelease]) -> list[list[str]]:
    return [list(dict.fromkeys(v for v in VENUE_SEPARATORS.split(r.venue or "") if v)) for r in releases]


def _venues_used(releases: list[ProactiveRelease]) -> str:
    """"政务公开栏和微信公众号": the venues of ``releases``, each once, in order of first use."""
    return _join(list(dict.fromkeys(v for found in _venue_sets(releases) for v in found))) or "其他载体"


def off_website(releases: list[ProactiveRelease]) -> list[ProactiveRelease]:
    """Releases published on no website (政务公开栏、微信公众号 only): 《条例》第二十四条 asks governments to publish
    proactively disclosed information on their portal websites."""
    return [r for r, venues in zip(releases, _venue_sets(releases)) if not any(WEBSITE.search(v) for v in venues)]


def _platform(data: DisclosureReportData, releases: list[ProactiveRelease]) -> str:
    """Where the year's releases were published, which of them are not on the website (named by category: the
    register records no other reason), and the updates of the disclosure guide — in short sentences.
    The applications made online are counted once, in （二）."""
    out = []
    venues = _venues(releases)
    if venues:
        several = sum(1 for found in _venue_sets(releases) if len(found) > 1)
        where = _join([_venue_phrase(v, n) for v, n in venues.most_common()])
        out.append(phrase(data, "platform-venues", (
            f"全年主动公开的{len(releases)}条政府信息中，{where}{f'，其中{several}条同时通过两种以上载体公开' if several else ''}。",
            f"从发布载体看，{where.replace('、', '，')}{f'；{several}条同时使用两种以上载体' if several else ''}。",
            f"{len(releases)}条主动公开信息{where.replace('、', '，')}{f'，{several}条多渠道同步发布' if several else ''}。",
        )))
        elsewhere = off_website(releases)
        if elsewhere and len(elsewhere) < len(releases):
            used = Counter(v for found in _venue_sets(elsewhere) for v in found)
            out += _enumerate(f"未在政府网站发布的{len(elsewhere)}条仅通过{_join(list(used))}公开",
                              _categories(_by_category(elsewhere)))
    guide = DisclosureGuide.objects.filter(organisation=data.organisation).first()
    updates = guide.history.filter(history_date__year=data.year).count() if guide is not None else 0
    # One short sentence on the portal, from what the register shows of it (the guide's updates): the features of
    # this software are not the township's platform work, and a paragraph every township prints alike is cut.
    if updates:
        out.append(phrase(data, "platform-portal", (
            f"年内更新政府信息公开指南{updates}次。",
            f"政府信息公开指南本年更新{updates}次。",
            f"本年对政府信息公开指南修订更新{updates}次。",
        )))
    return "".join(out)


def _office(data: DisclosureReportData) -> str:
    """The office that receives applications (the disclosure guide's 受理机构, 《条例》第四条), or the usual one."""
    return rf.office(data.organisation)


def _disclosure_criteria(data: DisclosureReportData) -> list:
    """The township's assessment criteria of the year that name 政务公开 / 信息公开."""
    return [result.criterion for result in disclosure_criteria(data.organisation, data.year)]


def _disclosure_inspections(data: DisclosureReportData) -> list:
    return rf.presidium_reviews(data.organisation, data.year)


def _supervision(data: DisclosureReportData) -> str:
    """监督保障 (《条例》第四条、第四十六条、第四十八条; 第五十条第（四）项 and the 2021 template: 工作考核、社会评议和
    责任追究结果), from the records only: the steps the year's applications took (补正, 征求意见, 延期), study
    sessions on this work, the assessment criteria naming it with their weight and the results (average, the
    lowest and why it lost points), the social evaluation and accountability recorded in 其他数据, the presidium's
    inspections of the work, and what was not done (no assessment, evaluation, accountability) in one sentence."""
    org, year, us = data.organisation, data.year, ar.we(data.organisation)
    office = _office(data)
    out = []
    handled = _handling(data)
    if handled:
        out.append(handled)
    sessions = rf.study_sessions(org, year)
    if sessions:
        topics = _join(list(dict.fromkeys(re.sub(r"^学习", "", s.topic) for s in sessions)))
        attendees = sum(s.attendees for s in sessions)
        out.append(phrase(data, "supervision-study", (
            f"全年组织政务公开业务学习{len(sessions)}次、参加{attendees}人次，学习{topics}。",
            f"围绕{topics}开展政务公开业务学习{len(sessions)}次，参加{attendees}人次。",
            f"本年组织干部职工学习{topics}，共{len(sessions)}次、{attendees}人次。",
        )))
    criteria = disclosure_criteria(org, year)
    for result in criteria:
        out += _assessment(data, result)
    social, accountable = _social_evaluation(data), _accountability(data)
    out += [social, accountable]
    # what was not done, in one sentence rather than one "本年度未…" sentence each
    missing = [clause for clause, absent in (
        (f"政务公开工作未列入{year}年度目标管理考核", not criteria),
        ("未组织政务公开社会评议", not social),
        ("未发生政府信息公开工作责任追究情况", not accountable),
    ) if absent]
    if missing:
        lead = phrase(data, "supervision-none", (f"本年度，{us}", "本年度", f"{year}年，{us}"))
        if missing[0].startswith("政务公开工作"):
            lead = ""
        out.append(f"{lead}{'，'.join(missing)}。")
    for i in _disclosure_inspections(data):
        text = f"{i.held_on.month}月，{_congress(org)}主席团就{i.subject}开展{i.get_kind_display()}"
        if i.issues:
            text += f"，提出意见建议{i.issues}条，已整改{i.rectified}条"
        out.append(text + "。")
    return "".join(out)


def _handling(data: DisclosureReportData) -> str:
    """How the year's applications were handled, from their records (补正, 延期, 征求意见), so that no two
    townships print the same paragraph; "" when none of them needed any of these steps."""
    from fazhi.disclosure.models import DisclosureRequest

    year = data.year
    handled = DisclosureRequest.objects.active().filter(organisation=data.organisation, replied_on__year=year)
    total = handled.count()
    corrected = handled.filter(correction_requested_on__isnull=False).count()
    extended = handled.filter(extension_days__gt=0).count()
    live = {"consultations__isnull": False, "consultations__voided_at__isnull": True}
    consulted = handled.filter(**live, consultations__kind=ConsultationKind.THIRD_PARTY).distinct().count()
    agencies = handled.filter(**live, consultations__kind=ConsultationKind.AGENCY).distinct().count()
    # 补正 restarts the clock (《条例》第三十条), 征求意见 is not counted (第三十二条、第三十四条、第三十三条第三款),
    # 延期 adds at most 20 working days (第三十三条第二款)
    found = [(what, n, article) for what, n, article in (
        ("书面告知补正", corrected, "第三十条"), ("征求第三方意见", consulted, "第三十二条"),
        ("征求其他机关意见", agencies, "第三十四条"), ("延期答复", extended, "第三十三条")) if n]
    if not total or not found:
        return ""
    steps = _join([f"{what}{n}件" for what, n, _ in found])
    articles = _join(sorted({article for *_, article in found} | {"第三十三条"},
                            key="第三十条第三十二条第三十三条第三十四条".index))
    return phrase(data, "supervision-handling", (
        f"本年办结的{total}件申请中，{steps}，答复期限均按{SHORT}{articles}规定计算。",
        f"办结的{total}件申请中{steps}，均按{SHORT}{articles}规定计算答复期限。",
        f"在本年办结的{total}件申请中，{steps}，相应期限依照{SHORT}{articles}计算。",
    ))


def _assessment(data: DisclosureReportData, result: rf.CriterionResult) -> list[str]:
    c, us, year = result.criterion, ar.we(data.organisation), data.year
    assessees = c.get_applies_to_display()
    total = f"（总分{_amount(result.total_weight)}分）" if result.total_weight > c.weight else ""
    how = f"，考核方式为{c.standard.rstrip('。')}" if c.standard and not c.indicator_key else ""
    out = [phrase(data, "assessment", (
        f"{us}将“{c.name}”列入{year}年度对{assessees}的目标管理考核，分值{_amount(c.weight)}分{total}{how}。",
        f"{year}年度目标管理考核中，“{c.name}”作为对{assessees}的考核内容，分值{_amount(c.weight)}分{total}{how}。",
        f"政务公开纳入{year}年度对{assessees}的目标管理考核，考核内容为“{c.name}”，占{_amount(c.weight)}分{total}{how}。",
    ))]
    if not result.scores:
        return out
    count, who = len(result.scores), re.sub(r"（.*）", "", assessees)
    if result.lowest == c.weight:
        out.append(f"考核结果：{count}个{who}此项均得满分。")
        return out
    lowest = result.lowest_names
    low = _amount(result.lowest)
    full = sum(1 for score in result.scores.values() if score == c.weight)
    average = _amount(round(result.average, 1))
    out.append(phrase(data, "assessment-result", (
        f"考核结果：{count}个{who}此项平均得分{average}分，最低{low}分{f'，{full}个得满分' if full else ''}。",
        f"{count}个{who}此项平均{average}分{f'，{full}个得满分' if full else ''}，最低分为{low}分。",
        f"年终考核，{count}个{who}此项平均得{average}分，最低为{low}分{f'，满分{full}个' if full else ''}。",
    )))
    # why the lowest lost points, grouped by reason ("社会事务办、便民服务中心因……各扣2分")
    lost = _amount(c.weight - result.lowest)
    by_why: dict[str, list[str]] = {}
    for name in lowest:
        by_why.setdefault(result.reasons.get(name, (0, ""))[1], []).append(name)
    clauses = [f"{_join(names)}因{why}{'各' if len(names) > 1 else ''}扣{lost}分" for why, names in by_why.items() if why]
    if clauses:
        out += _enumerate_clauses("；".join(clauses))
    return out


def _enumerate_clauses(text: str) -> list[str]:
    """Clauses joined by "；" as one sentence, or split into sentences where one would be too long."""
    if len(text) < MAX_SENTENCE:
        return [text + "。"]
    return [clause + "。" for clause in text.split("；")]


def _own_phrase(figure, value: str) -> str:
    """The clerk's own sentence for a 其他数据 figure with its value filled in, or "" when none was written."""
    from fazhi.otherfigures.forms import VALUE_MARK

    if figure.phrase and VALUE_MARK in figure.phrase:
        return figure.phrase.replace(VALUE_MARK, value).rstrip("。") + "。"
    return ""


def _social_evaluation(data: DisclosureReportData) -> str:
    """The social evaluation of this work the 其他数据 ledger records, or a plain statement that none was organised
    (part 五 names it as a problem)."""
    figures = rf.social_evaluations(data.organisation, data.year)
    if not figures:
        return ""  # said with the other things not done, in one sentence (_supervision)
    out = []
    for f in figures:
        value = _amount(f.value)
        if own := _own_phrase(f, value):
            out.append(own)
            continue
        sample = rf.evaluation_sample(f)
        if f.unit.strip() == "%":
            out.append(phrase(data, "social", (
                f"本年度通过{f.name}开展社会评议{f'，{sample}' if sample else ''}，满意率{value}%。",
                f"{f.name}{f'（{sample}）' if sample else ''}结果显示，群众对政务公开工作的满意率为{value}%。",
                f"社会评议方面，本年度组织{f.name}{f'，{sample}' if sample else ''}，满意率{value}%。",
            )))
        else:
            out.append(f"本年度开展{f.name}{value}{f.unit}{f'（{sample}）' if sample else ''}。")
    return "".join(out)


def _accountability(data: DisclosureReportData) -> str:
    """Accountability for this work as the 其他数据 ledger records it, or plainly none."""
    figures = rf.accountability(data.organisation, data.year)
    if not figures:
        return ""  # said with the other things not done, in one sentence (_supervision)
    out = []
    for f in figures:
        value = _amount(f.value)
        if own := _own_phrase(f, value):
            out.append(own)
        else:
            out.append(f"责任追究方面，{f.name}{value}{f.unit}。")
    return "".join(out)


def supervision_source(data: DisclosureReportData) -> dict:
    """For staff: what part 一（五）监督保障 rests on, and what the 2021 template asks for that the system does not
    record (not published)."""
    from django.urls import reverse

    org, year = data.organisation, data.year
    criteria, inspections = _disclosure_criteria(data), _disclosure_inspections(data)
    missing = []
    if not criteria:
        missing.append("政务公开工作考核")
    if not inspections:
        missing.append("人大评议")
    if not rf.social_evaluations(org, year):
        missing.append("社会评议")
    if not rf.accountability(org, year):
        missing.append("责任追究")
    warning = ""
    if missing:
        warning = (f"系统中没有本年度{'、'.join(missing)}的记录。第一部分（五）对社会评议、责任追究写明“未组织”“未启动”，"
                   "未组织社会评议的列入第五部分。如有，请在“其他数据”台账登记（数据名称写明“政务公开社会评议”"
                   "或“政务公开责任追究”，写明来源文件），或编辑第一部分")
    return {
        "label": "一（五）监督保障情况", "value": f"考核指标{len(criteria)}项、人大主席团检查评议{len(inspections)}次",
        "href": reverse("assessment_results", args=[org.code, year]),
        "description": "按考核指标和评分、学法记录、人大主席团检查评议中写明“政务公开”“信息公开”的记录，"
                       "以及“其他数据”中的政务公开社会评议、责任追究记录生成",
        "warning": warning,
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
        return phrase(data, "appeals-none", (
            f"本年度，{us}未发生因政府信息公开引起的行政复议、行政诉讼。",
            f"本年度，{us}没有因政府信息公开被申请行政复议或者被提起行政诉讼。",
            f"全年未发生涉及{us}政府信息公开的行政复议、行政诉讼案件。",
        ))
    outcomes = []
    for outcome, label in ((AppealOutcome.UPHELD, "结果维持"), (AppealOutcome.CORRECTED, "结果纠正"),
                           (AppealOutcome.OTHER, "其他结果"), (AppealOutcome.PENDING, "尚未审结")):
        n = sum(data.table4[kind][outcome] for kind, _ in ar.TABLE4_GROUPS)
        if n:
            outcomes.append(f"{label}{n}件")
    # 表四 counts the cases handled in the year, those brought earlier and decided now among them; the sentence says
    # what was brought this year (the rule-of-law report's "因政府信息公开被申请…" counts the same), then the rest
    first, _ = ar._year_bounds(data.year)
    rows = list(ar.appeals_for_year(data.organisation, data.year).values_list("kind", "filed_on"))
    new_r = sum(1 for kind, filed in rows if kind == AppealKind.RECONSIDERATION and filed >= first)
    new_l = sum(1 for kind, filed in rows if kind != AppealKind.RECONSIDERATION and filed >= first)
    carried = len(rows) - new_r - new_l
    if not new_r and not new_l:
        brought = f"本年度，{us}未新发生因政府信息公开引起的行政复议、行政诉讼；"
    else:
        brought = "本年度，{us}因政府信息公开{what}，".format(us=us, what="、".join(
            x for x in (f"被申请行政复议{new_r}件" if new_r else "", f"被提起行政诉讼{new_l}件" if new_l else "") if x))
    if carried:
        return f"{brought}连同上年度结转的{carried}件，本年办理{len(rows)}件，其中{_join(outcomes)}。"
    return f"{brought}其中{_join(outcomes)}。"


# ---------------------------------------------------------------- 五、存在的主要问题及改进情况
#
# 《政府信息公开条例》第五十条第（四）项, from the records:
# （一）what became of last year's problems (the same checks run on last year's register, compared with this year's);
# （二）this year's problems, each with what the records show of its cause: the late application's own history
#      (征求第三方意见, 延期, 补正), the late document named with how late, the items off the website, the decisions
#      not published, the deputies' answers not published, no social evaluation organised, the disclosure tasks of the
#      法治建设责任清单 done late or not at all;
# （三）for each problem, in the same order, a measure that is not what part 一 already describes as practice, with
#      the office responsible (the disclosure guide's 受理机构) and a date, and the article it serves.
# Nothing is invented: a problem without a record is not named, and a cause the records do not show is not given.

class _Ordinals:
    """一, 二, … for the 一是/二是 items and the （一）（二） headings, however many there are (十一, 十二, …)."""

    def __getitem__(self, index: int) -> str:
        import cn2an

        return cn2an.an2cn(index + 1)


ORDINALS = _Ordinals()
DOCUMENT_TITLE = re.compile(r"《([^》]+)》")
DOCUMENT_ITEMS = (TableItem.NORMATIVE_ISSUED, TableItem.NORMATIVE_REPEALED)


class Measure(str):
    """A measure as printed, remembering the other measures that could be taken for the same problem (so a problem
    carried over from last year gets one that differs from last year's, not last year's with the year changed)."""

    options: tuple = ()


def _measure(data: DisclosureReportData, slot: str, options: Sequence[str]) -> Measure:
    chosen = Measure(phrase(data, slot, options))
    chosen.options = tuple(options)
    return chosen


@dataclass
class Problem:
    key: str
    text: str  # the problem with its cause, without the closing 。
    fix: str  # the measure, with office and date, without the closing 。
    count: int = 1  # the items it concerns (applications, releases, documents)
    last_fix: str = ""  # last year's measure for the same problem (it was a problem last year too)
    repeated: bool = False  # no other measure is available: last year's is carried on (the clerk should rewrite)


def _named(release) -> str:
    """A release as a reader knows it: the document it publishes (《…》 with its 文号), or its title in quotes."""
    match = DOCUMENT_TITLE.search(release.title)
    name = f"《{match.group(1)}》" if match else f"“{release.title}”"
    return f"{name}（{release.document_number}）" if release.document_number else name


def _same_measure(a: str, b: str) -> bool:
    """Last year's measure with only its years and counts changed is the same measure."""
    return re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", b)


@ar.once_per_reading
def _published_measures(org, year: int) -> bool:
    """Whether the measures of ``year``'s report were the defaults (False when staff wrote part 五 themselves, so
    the default measures were not what was published)."""
    from fazhi.disclosure.models import DisclosureAnnualReport

    report = DisclosureAnnualReport.objects.active().filter(organisation=org, year=year).first()
    return not (report and report.problems_text.strip())


@ar.once_per_reading
def _has_records(org, year: int) -> bool:
    return bool(rf.releases(org, year) or ar.requests_for_row(org, year, ar.ROW_NEW).exists())


def _carry_over(data: DisclosureReportData, found: list[Problem], earlier: int) -> None:
    """For each problem that was also last year's: remember last year's measure and, where last year's measure
    would come back with only the year changed, take another one (a different method or date); where there is no
    other, mark it repeated (part 五 then says the measure is carried on, not that it was adjusted)."""
    org, last_year = data.organisation, data.year - 1
    if not _has_records(org, last_year) or not _published_measures(org, last_year):
        return
    before = {}
    for p in findings(ar.load(org, last_year), earlier=earlier - 1):
        before.setdefault(p.key, p)
    for p in found:
        last = before.get(p.key)
        if last is None:
            continue
        p.last_fix = str(last.fix)
        if not _same_measure(p.fix, last.fix):
            continue
        other = next((o for o in getattr(p.fix, "options", ()) if not _same_measure(o, last.fix)), None)
        if other is None:
            p.repeated = True
        else:
            p.fix = other


def findings(data: DisclosureReportData, earlier: int = 2) -> list[Problem]:
    """This year's problems with their measures, in the order of the report; a problem also found last year is
    compared with last year's measure (``earlier``: how many years back the measures are reconciled)."""
    out = _findings(data)
    if earlier > 0:
        _carry_over(data, out, earlier)
    return out


def _findings(data: DisclosureReportData) -> list[Problem]:
    org, year, us = data.organisation, data.year, ar.we(data.organisation)
    office, after = rf.office(org), year + 1
    releases = rf.releases(org, year)
    out: list[Problem] = []

    unreleased = ar.normative_documents_unreleased(org, year)
    if unreleased:
        issued = data.table2.normative[ar.TABLE2_COLUMNS_DOCS[0]]
        names = _join([f"《{d.title}》" for d in unreleased[:3]]) + ("等" if len(unreleased) > 3 else "")
        out.append(Problem("unreleased_normative",
                           (f"制发的行政规范性文件{issued}件均未列入主动公开目录" if len(unreleased) == issued else
                            f"制发的行政规范性文件{issued}件中，有{len(unreleased)}件未列入主动公开目录") + f"，即{names}",
                           f"按照{SHORT}第二十条第（一）项规定，在{fix_deadline(year)}将未列入主动公开目录的"
                           f"{len(unreleased)}件行政规范性文件逐件补充公开，此后文件印发即列入主动公开目录",
                           len(unreleased)))

    late = rf.late_releases(org, year)
    if late:
        out.append(Problem("late_release", _late_releases(late, year),
                           _measure(data, "fix-late-release", (
                               f"按照{SHORT}第二十六条规定，自{after}年2月起文件印发当日登记公开台账，"
                               "10个工作日内审核发布，每季度通报公开时效",
                               f"按照{SHORT}第二十六条规定，自{after}年2月起对待公开信息实行"
                               "“形成即登记、满10个工作日未发布即督办”",
                               f"按照{SHORT}第二十六条规定，在{fix_deadline(year)}制定主动公开信息发布流程，"
                               "明确起草单位在印发后3个工作日内报送公开",
                           )), len(late)))

    elsewhere = off_website(releases)
    if elsewhere:
        used = _venues_used(elsewhere)
        what = _join(_categories(_by_category(elsewhere)))
        out.append(Problem("off_website",
                           (f"有{len(elsewhere)}条主动公开信息仅通过{used}公开，未在政府网站发布，涉及{what}"
                            if len(elsewhere) < len(releases) else f"主动公开的{len(releases)}条政府信息均未在政府网站发布"),
                           _measure(data, "fix-off-website", (
                               f"按照{SHORT}第二十四条规定，在{fix_deadline(year)}将这{len(elsewhere)}条信息"
                               "在政府网站补充发布，此后村级公示张贴后同步在网站发布",
                               f"按照{SHORT}第二十四条规定，{fix_deadline(year)}补发{len(elsewhere)}条信息，"
                               "此后每月底核对公开栏与网站条目",
                               f"按照{SHORT}第二十四条规定，在{fix_deadline(year)}补发上述信息，"
                               "村（社区）公示材料统一报送后在网站和公开栏同步发布",
                           )), len(elsewhere)))

    if not elsewhere:
        # last year's items published only off the website and still not put on it: this year's problem too, with
        # a measure (part 五（一） says last year's measure was not carried out)
        left = off_website(rf.releases(org, year - 1))
        if left and rf.republished_on_website(org, left, ar._year_bounds(year)[0]) is None:
            out.append(Problem("off_website_unfixed",
                               f"上年度仅通过{_venues_used(left)}"
                               f"公开的{len(left)}条信息，至年底仍未在政府网站补发",
                               f"按照{SHORT}第二十四条规定，在{fix_deadline(year)}将上年度这{len(left)}条信息在政府网站补充发布，"
                               "补发后在政务公开栏注明网站链接", len(left)))

    decided, items = data.table2.licensing, rf.item_releases(org, year)
    if items.licensing_batches and items.licensing_decisions < decided:
        missing = decided - items.licensing_decisions
        out.append(Problem("licensing_unreleased",
                           f"本年作出行政许可决定{decided}件，公示{items.licensing_decisions}件，有{missing}件未公示",
                           f"按照《中华人民共和国行政许可法》第四十条规定，在{fix_deadline(year)}补充公示"
                           f"{missing}件行政许可决定，此后每月与政务服务平台办件数核对", missing))

    for late_answer in rf.late_answers(org, year):
        out.append(_late_answer(data, late_answer, office, after))

    answered = [s for s in deputy_suggestions(data) if s.answered_on and s.answered_on.year == year]
    if answered and not rf.deputy_answer_releases(org, year):
        out.append(Problem("deputy_unpublished",
                           phrase(data, "deputies-unpublished", (
                               f"本年答复的{len(answered)}件人大代表建议、议案，办理结果未在政府网站公开",
                               f"人大代表建议、议案办理结果公开不到位，已答复的{len(answered)}件均未对外公开",
                               f"已答复的{len(answered)}件代表建议、议案，办理结果没有在政府网站或政务公开栏向社会公开",
                           )),
                           _measure(data, "fix-deputies", (
                               f"在{fix_deadline(year)}将{year}年代表建议、议案办理复文在政府网站集中公开，"
                               "此后每件答复后20个工作日内公开",
                               f"{fix_deadline(year)}在政府网站补充公开{len(answered)}件办理复文，以后随答随公开",
                               f"在{fix_deadline(year)}完成{len(answered)}件办理结果的公开，"
                               "并将办理结果公开列入代表建议办理流程",
                           ))))

    overdue = overdue_suggestions(data)
    if overdue:
        first = overdue[0]
        departments = _join(list(dict.fromkeys(rf.department_name(org, s.department) for s in overdue)))
        text = (f"1件代表{'议案' if first.kind == 'motion' else '建议'}“{first.title}”超过答复期限（{_day(first.due_on, year + 1)}），至年底尚未答复"
                if len(overdue) == 1 else
                f"{len(overdue)}件代表建议、议案超过答复期限，至年底尚未答复，包括“{first.title}”等")
        out.append(Problem("deputy_overdue", text, _measure(data, "fix-deputy-overdue", (
            f"由{departments}在{fix_deadline(year)}答复，此后对临近答复期限的代表建议、议案逐件提醒督办",
            f"督促{departments}在{fix_deadline(year)}作出答复，并自{after}年起按月通报代表建议办理进度",
            f"{fix_deadline(year)}完成答复，答复后20个工作日内公开办理结果，由分管领导逐件督办",
        )), len(overdue)))

    if not disclosure_criteria(org, year):
        out.append(Problem("no_assessment",
                           f"政务公开未列入{year}年度目标管理考核，缺少对机关站所和村（社区）公开工作的考核",
                           _measure(data, "fix-assessment", (
                               f"在{after}年度目标管理考核方案中增设政务公开考核内容，明确分值和评分细则",
                               f"{after}年考核方案印发前，增设政务公开考核指标并明确扣分情形",
                               f"将政务公开列入{after}年度机关站所目标管理考核，年终逐项评分",
                           ))))

    if not rf.social_evaluations(org, year):
        out.append(Problem("no_social_evaluation",
                           phrase(data, "no-social", ("本年度未组织政务公开社会评议，年度考核缺少群众评价",
                                                      "政务公开社会评议本年度没有开展，群众对公开工作的评价未能反映",
                                                      "未组织开展政务公开社会评议，缺少服务对象的评价")),
                           _measure(data, "fix-social", (
                               f"在{after}年11月底前组织服务对象和村（居）民代表开展政务公开满意度评议，"
                               "结果纳入年度考核并在下一年度报告中公布",
                               f"{after}年第四季度在便民服务中心和各村（社区）开展政务公开问卷评议，"
                               "评议结果在下一年度报告中公布",
                               f"{after}年10月底前邀请人大代表和群众代表评议政务公开工作，评议意见逐条整改",
                           ))))

    _, behind = rf.disclosure_tasks(org, year)
    for state in behind:
        t = state.task
        department = rf.department_name(org, t.department)
        if state.done:
            text = f"由{department}负责的法治建设责任清单任务“{t.task}”，完成时限为{_day(t.due_on)}，{_day(t.done_on)}才完成，推迟{state.late_by_days}个工作日"
            fix = _measure(data, "fix-task", (
                f"自{after}年起对责任清单中的政务公开任务按月调度，到期前5个工作日提醒责任人",
                f"{after}年起将政务公开任务的进度纳入党政办公会每月通报，逾期任务由分管领导督办",
                f"自{after}年2月起建立政务公开任务台账，逐项标注完成时限并按月检查",
            ))
        else:
            text = f"由{department}负责的法治建设责任清单任务“{t.task}”，完成时限为{_day(t.due_on)}，至年底尚未完成"
            fix = f"督促{department}在{fix_deadline(year)}完成“{t.task}”，按月调度进度"
        out.append(Problem("late_task", text, fix))

    _, _, corrected = _appeal_counts(data)
    if corrected:
        out.append(Problem("corrected", f"因政府信息公开被行政复议机关或人民法院纠正{corrected}件",
                           f"在{fix_deadline(year)}逐件分析被纠正案件的原因，规范答复的事实认定、理由说明和法律依据"))
    return out


def _late_releases(late: list, year: int) -> str:
    """The late releases, the latest first, as many named (with when formed and published) as one sentence of at
    most MAX_SENTENCE characters holds; the rest counted."""
    ordered = sorted(late, key=lambda pair: -pair[1])
    lead = f"有{len(late)}条主动公开信息未在形成或者变更之日起20个工作日内公开"
    for shown in range(min(3, len(ordered)), 0, -1):
        named = "；".join(
            f"{_named(r)}{_day(r.formed_on, year)}{'印发' if r.table_item in DOCUMENT_ITEMS else '形成'}，"
            f"{_day(r.published_on, year)}公开，超过时限{n}个工作日" for r, n in ordered[:shown])
        if shown == len(ordered):
            text = f"{lead}：{named}"
        elif shown == 1:
            text = f"{lead}，超时最多的是{named}"
        else:
            text = f"{lead}，其中{named}"
        if len(text) + 4 <= MAX_SENTENCE:
            return text
    return lead


def _late_answer(data: DisclosureReportData, late: rf.LateAnswer, office: str, after: int) -> Problem:
    """One application answered late (or not at all), with what its history shows."""
    r = late.request
    steps = []
    for kind, party, sent, back in late.consulted:
        who = "第三方" if rf.third_party(kind) else party
        steps.append(f"{_day(sent)}征求{who}意见、{_day(back)}收到意见" if back else f"{_day(sent)}征求{who}意见")
    if late.corrected and r.correction_received_on:
        steps.append(f"{_day(r.correction_received_on)}收到补正材料")
    if late.extended:
        steps.append(f"经批准延期{r.extension_days}个工作日")
    history = f"，{'，'.join(steps)}" if steps else ""
    due = f"答复期限为{_day(late.due)}" if late.due else ""
    if late.replied_on:
        end = f"{_day(late.replied_on)}才作出答复，超过期限{late.late_by}个工作日"
    else:
        end = f"至年底尚未答复，已超过期限{late.late_by}个工作日"
    text = f"{_day(r.received_on)}收到的政府信息公开申请逾期答复：该申请{history.lstrip('，')}{'，' if history else ''}{due}，{end}"
    consulted = any(rf.third_party(kind) for kind, *_ in late.consulted)
    if consulted:
        fix = _measure(data, "fix-late-answer-consulted", (
            f"按照{SHORT}第三十二条、第三十三条规定，自{after}年2月起征求第三方意见的申请在收到意见当日"
            "重新核定答复期限，期限届满前5个工作日书面提醒承办人",
            f"按照{SHORT}第三十二条、第三十三条规定，自{after}年2月起对征求意见的申请单独建立跟踪表，"
            "意见返回后3个工作日内提出答复意见",
            f"按照{SHORT}第三十三条规定，在{fix_deadline(after - 1)}修订依申请公开办理规程，"
            "明确征求意见结束后的办理时限和分管领导督办环节",
        ))
    else:
        fix = _measure(data, "fix-late-answer", (
            f"按照{SHORT}第三十三条规定，自{after}年2月起在答复期限届满前5个工作日书面提醒承办人，"
            "届满前2个工作日报分管领导督办",
            f"按照{SHORT}第三十三条规定，自{after}年2月起每周通报在办申请的剩余期限",
            f"按照{SHORT}第三十三条规定，在{fix_deadline(after - 1)}修订依申请公开办理规程，"
            "对临近期限的申请实行分管领导督办",
        ))
    return Problem("late_answer", text, fix)


# ---------------------------------------------------------------- last year's problems

# Last year's problems in a few words (the full account is in last year's report).
LAST_YEAR = {
    "unreleased_normative": "有{n}件行政规范性文件未列入主动公开目录",
    "late_release": "有{n}条主动公开信息超过20个工作日才公开",
    "off_website": "有{n}条主动公开信息未在政府网站发布",
    "off_website_unfixed": "有{n}条往年主动公开信息未在政府网站补发",
    "licensing_unreleased": "有{n}件行政许可决定未公示",
    "late_answer": "有{n}件政府信息公开申请逾期答复",
    "deputy_unpublished": "人大代表建议办理结果未公开",
    "deputy_overdue": "有{n}件人大代表建议、议案超过答复期限未答复",
    "no_social_evaluation": "未组织政务公开社会评议",
    "late_task": "法治建设责任清单中有{n}项政务公开任务未按期完成",
    "corrected": "有{n}件政府信息公开案件被复议机关或法院纠正",
    "no_assessment": "政务公开未列入年度目标管理考核",
}

# Last year's problems whose measure leaves a trace in the register (a release, an evaluation, a criterion): when
# the problem is still there, the register shows the measure was not carried out.
TRACEABLE = {"unreleased_normative", "off_website", "licensing_unreleased", "deputy_unpublished", "deputy_overdue",
             "no_social_evaluation", "no_assessment"}


def _promise(measure: str, day) -> str:
    """"，晚于上年度确定的2025年3月底" when last year's measure promised an earlier date than ``day``."""
    promised = rf.promised_by(measure)
    if promised is None or day is None or day <= promised:
        return ""
    return f"，晚于上年度确定的{promised.year}年{promised.month}月底时限"


def _done_when(data: DisclosureReportData, key: str, last: Problem, done: str) -> str:
    """What the register shows of when last year's problem was put right (the items of last year themselves, where
    the problem concerned items), with the date last year's measure promised; else ``done``."""
    org, year = data.organisation, data.year
    if key == "off_website":
        items = off_website(rf.releases(org, year - 1))
        day = rf.republished_on_website(org, items, ar._year_bounds(year)[0]) if items else None
        if day is None:
            return ""  # said by _rectification: the items themselves were not put right
        return f"上年度未在政府网站发布的{len(items)}条信息已于{_day(day)}在政府网站补发{_promise(last.fix, day)}；{done}"
    if key == "deputy_unpublished":
        published = rf.deputy_answer_releases(org, year)
        if published:
            first = published[0]
            where = _join(list(dict.fromkeys(v for v in VENUE_SEPARATORS.split(first.venue or "") if v))) or "政府网站"
            return f"代表建议办理结果已于{_day(first.published_on)}在{where}公开{_promise(last.fix, first.published_on)}"
    if key == "no_social_evaluation":
        figures = rf.social_evaluations(org, year)
        if figures:
            return f"本年已于{_day(figures[0].stated_on)}组织{figures[0].name}{_promise(last.fix, figures[0].stated_on)}"
    if key == "no_assessment":
        criteria = _disclosure_criteria(data)
        if criteria:
            return f"{_day(criteria[0].adopted_on)}已将政务公开列入{year}年度目标管理考核"
    return done


def _rectification(data: DisclosureReportData) -> str:
    """What became of last year's problems: the same checks on last year's register, against this year's. For a
    problem put right, when (from the record); for one still there, last year's measure and, where the register
    shows it, that it was not carried out by its date — plainly, without a cause the records do not show, and
    without claiming the measure was adjusted when it is carried on."""
    org, year = data.organisation, data.year
    last_year = year - 1
    if not _has_records(org, last_year):
        return ""
    before = findings(ar.load(org, last_year), earlier=1)
    now = {p.key: p for p in findings(data)}
    us = ar.we(org)
    if not before:
        return phrase(data, "rectify-none", (
            f"{last_year}年度，{us}政府信息公开工作未发现需要专项整改的问题。",
            f"{last_year}年度没有需要整改的政府信息公开问题。",
            f"{last_year}年度未发现需要整改的政府信息公开问题。",
        ))
    releases = rf.releases(org, year)
    rate = _figure(data, "disclosure_response_rate")
    done = {
        "unreleased_normative": "本年制发的行政规范性文件均已列入主动公开目录",
        "late_release": "本年主动公开信息均在20个工作日内公开",
        "off_website": f"本年主动公开的{len(releases)}条信息均已在政府网站发布",
        "off_website_unfixed": "往年未在政府网站发布的信息已补发",
        "licensing_unreleased": "本年行政许可决定均已公示",
        "late_answer": f"本年应答复的{rate.denominator or 0}件申请均按期答复" if rate.denominator else "本年无逾期答复的申请",
        "deputy_unpublished": "本年代表建议办理结果已在政府网站公开",
        "deputy_overdue": "本年未再发生代表建议、议案逾期未答复的情况",
        "no_social_evaluation": "本年已组织政务公开社会评议",
        "late_task": "本年责任清单中的政务公开任务均按期完成",
        "corrected": "本年未再发生被纠正的情况",
        "no_assessment": f"{year}年度目标管理考核已设置政务公开考核内容",
    }
    measures_known = _published_measures(org, last_year)
    out = []
    for key in dict.fromkeys(p.key for p in before):
        last = next(p for p in before if p.key == key)
        was = LAST_YEAR[key].format(n=sum(p.count for p in before if p.key == key))
        when = _done_when(data, key, last, done[key])
        if key not in now and not when:
            # this year's items are in order, but last year's own were not put right (no record of it)
            items = last.count
            out.append(f"上年度{was}，当年报告提出的措施是：{last.fix}。" if measures_known else f"上年度{was}。")
            out.append(f"这{items}条信息至年底仍未在政府网站补发，该措施未按期落实，已列入本年问题；{done[key]}。")
            continue
        if key not in now:
            out.append(phrase(data, "rectify-done", (f"上年度{was}，经整改，{{}}。",
                                                     f"针对上年度{was}的问题，{{}}。",
                                                     f"上年度{was}；{{}}，已整改到位。")).format(when))
            continue
        current = now[key]
        # last year's measure, then plainly whether the register shows it done; no cause is given that the
        # records do not show
        said = f"上年度报告针对{was}的问题，提出的措施是：{last.fix}。" if measures_known else f"上年度报告列出{was}的问题。"
        if key in TRACEABLE and measures_known:
            said += "该措施未按期落实，该问题本年仍然存在"
        else:
            said += "本年仍存在同类问题"
        said += "，本年继续落实该措施。" if current.repeated else "，继续列为本年问题，措施见下文。"
        out.append(said)
    return "".join(out)


# ---------------------------------------------------------------- the section

def _carried(problem: Problem) -> str:
    """A measure that is last year's carried on says so (no other is available; the clerk should rewrite it)."""
    return "继续落实上年度措施，" if problem.repeated else ""


def problems(data: DisclosureReportData) -> str:
    us, office = ar.we(data.organisation), rf.office(data.organisation)
    lines = []
    rectified = _rectification(data)
    if rectified:
        lines += ["（一）上年度问题整改情况", rectified]
    found = findings(data)
    n = len(lines) // 2
    if not found:
        checked = ["主动公开的政府信息均在法定时限内公开"] if rf.releases(data.organisation, data.year) else []
        if _figure(data, "disclosure_response_rate").denominator:
            checked.append("政府信息公开申请均在法定期限内答复")
        checked.append("未发生因政府信息公开被行政复议机关或人民法院纠正的情况")
        lines += [f"（{ORDINALS[n]}）存在的主要问题", f"本年度，{us}{'，'.join(checked)}，未发现需要整改的问题。"]
        return "\n".join(lines)
    if len(found) == 1:
        problem, = found
        lines += [f"（{ORDINALS[n]}）存在的主要问题", f"本年度，{problem.text}。",
                  f"（{ORDINALS[n + 1]}）改进措施", f"{us}明确由{office}负责整改：{_carried(problem)}{problem.fix}。"]
        return "\n".join(lines)
    listed = "".join(f"{ORDINALS[i]}是{p.text}。" for i, p in enumerate(found))
    fixes = "".join(f"{ORDINALS[i]}是{_carried(p)}{p.fix}。" for i, p in enumerate(found))
    lead = phrase(data, "problems-lead", (f"本年度，{us}政府信息公开工作存在以下问题：",
                                          "经逐项梳理，本年度主要存在以下问题：",
                                          f"{us}政府信息公开工作本年度还存在以下不足："))
    fix_lead = phrase(data, "fixes-lead", (f"针对上述问题，{us}明确由{office}负责逐项整改。",
                                           f"上述问题由{office}牵头整改，措施和时限如下。",
                                           f"{us}对上述问题逐项制定改进措施，由{office}负责落实。"))
    lines += [f"（{ORDINALS[n]}）存在的主要问题", f"{lead}{listed}",
              f"（{ORDINALS[n + 1]}）改进措施", f"{fix_lead}{fixes}"]
    return "\n".join(lines)


@ar.once_per_reading
def disclosure_criteria(org, year: int) -> list[rf.CriterionResult]:
    """The criteria of the township's assessment of the year that name 政务公开 / 信息公开, with the hand-entered
    scores (the latest of each assessee) and, for each that lost points, why (the score's 评分依据)."""
    from django.db.models import Sum

    from fazhi.assessment.models import AssessmentCriterion

    out = []
    for c in AssessmentCriterion.objects.active().filter(organisation=org, adopted_on__year=year).order_by("adopted_on", "id"):
        if not ON_DISCLOSURE.search(f"{c.name}{c.standard}"):
            continue
        total = AssessmentCriterion.objects.active().filter(
            organisation=org, adopted_on__year=year, applies_to=c.applies_to).aggregate(t=Sum("weight"))["t"]
        scores, reasons = {}, {}
        if not c.indicator_key:
            for s in c.scores.filter(voided_at__isnull=True, score__isnull=False).order_by("scored_on", "id"):
                name = rf.department_name(org, s.assessee_name)
                scores[name] = s.score
                reasons.pop(name, None)
                if s.score < c.weight:
                    match = rf.DEDUCTION.match(s.basis or "")
                    why = (match.group(2) if match else (s.basis or "")).strip().rstrip("。；;")
                    reasons[name] = (c.weight - s.score, why)
        out.append(rf.CriterionResult(c, total or c.weight, scores, reasons))
    return out


# ---------------------------------------------------------------- 六、其他需要报告的事项

def other(data: DisclosureReportData) -> str:
    """What the 2021 template asks of part 六 and the records support: 信息处理费 (《条例》第四十二条; 国办函〔2020〕109号,
    from the 其他数据 ledger) and the deputies' suggestions handled (supervision.DeputySuggestion) with where their
    answers were published (an answer not published is a problem of part 五, not a confession here).
    上级工作要点, 政协提案 (townships have none) and 工作创新 have no record here: left out."""
    from decimal import Decimal

    us = ar.we(data.organisation)
    fees = _figure(data, "disclosure_fees")
    amount = Decimal(fees.value or 0)
    measures = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
    basis = phrase(data, "fees-basis", (f"按照{SHORT}第四十二条和{measures}规定", f"根据{SHORT}第四十二条和{measures}",
                                        f"依照{SHORT}第四十二条和{measures}规定"))
    if amount:
        text = f"{basis}，本年度{us}收取信息处理费{_amount(amount)}元。"
    else:
        text = phrase(data, "fees", (
            f"{basis}，本年度{us}未收取信息处理费。",
            f"{basis}，本年度{us}未收取政府信息公开信息处理费。",
            f"{basis}，{us}本年度提供政府信息均未收取信息处理费。",
        ))
    unpaid = ar.requests_for_row(data.organisation, data.year, Result.OTHER_FEE_UNPAID).count()
    if unpaid:
        text += f"因申请人逾期未按收费通知要求缴纳费用，不再处理的申请{unpaid}件。"
    suggestions = _deputy_suggestions(data)
    return f"{text}\n{suggestions}" if suggestions else f"{text}\n本年度无其他需要报告的事项。"


def deputy_suggestions(data: DisclosureReportData) -> list:
    return _suggestions(data.organisation, data.year)


@ar.once_per_reading
def _suggestions(org, year: int) -> list:
    from fazhi.supervision.models import DeputySuggestion

    return list(DeputySuggestion.objects.active().filter(organisation=org, assigned_on__year=year)
                .order_by("assigned_on", "id"))


def _deputy_suggestions(data: DisclosureReportData) -> str:
    """The deputies' motions and suggestions assigned in the year: how many were answered (and how many late, by
    代表法第四十四条's deadline, DeputySuggestion.due_on), what became of each one not answered by the year's end,
    and where the answers were published (a release of the register naming them)."""
    from fazhi.supervision.models import SuggestionKind

    org, year = data.organisation, data.year
    handled = deputy_suggestions(data)
    if not handled:
        return ""
    last = ar._year_bounds(year)[1]
    kinds = Counter(s.kind for s in handled)
    named = _join([f"{label}{kinds[kind]}件" for kind, label in (
        (SuggestionKind.MOTION, "议案"), (SuggestionKind.SUGGESTION, "建议")) if kinds[kind]])
    answered = [s for s in handled if s.answered_on and s.answered_on <= last]
    pending = [s for s in handled if s not in answered]
    late = sum(1 for s in answered if s.answered_on > s.due_on)
    us, congress = ar.we(org), _congress(org)
    status = "均已答复" if not pending else f"年内答复{len(answered)}件"
    if late:
        status += f"，其中{late}件超过答复期限"
    text = phrase(data, "deputies", (
        f"本年度{us}承办{congress}代表{named}，{status}。",
        f"{year}年，{congress}主席团交由{us}办理的代表{named}，{status}。",
        f"本年度共承办{congress}代表{named}，{status}。",
    ))
    # one overdue and unanswered at the year's end is a failure: a problem of part 五 with its measure
    # (overdue_suggestions), not a neutral matter of 六; here only those still within their deadline
    waiting = [s for s in pending if s.due_on > last]
    if waiting:
        text += f"另有{len(waiting)}件尚在答复期限内。"
    published = rf.deputy_answer_releases(org, year)
    if published and answered:
        first = published[0]
        where = _join(list(dict.fromkeys(v for v in VENUE_SEPARATORS.split(first.venue or "") if v))) or "政府网站"
        text += phrase(data, "deputies-published", (
            f"办理结果已于{_day(first.published_on)}在{where}公开。",
            f"{_day(first.published_on)}，答复情况在{where}向社会公开。",
            f"代表建议办理复文已在{where}公开（{_day(first.published_on)}发布）。",
        ))
        if len(published) > 1:
            text += f"全年公开办理结果{len(published)}次。"
    return text


def overdue_suggestions(data: DisclosureReportData) -> list:
    """The deputies' motions and suggestions of the year past their answer deadline (代表法第四十四条;
    DeputySuggestion.due_on) and still unanswered at the year's end."""
    last = ar._year_bounds(data.year)[1]
    return [s for s in deputy_suggestions(data) if s.due_on <= last and not (s.answered_on and s.answered_on <= last)]


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


def penalty_basis(data: DisclosureReportData) -> str:
    """The sentence under part 二's heading: the 行政处罚 count of 表二 is of decisions made in the year, those made
    on the spot under 行政处罚法第五十一条 included (the rule-of-law report counts ordinary-procedure cases filed):
    the report says so; none when no decision was made on the spot."""
    t2 = data.table2
    if not t2.simple_penalties:
        return ""
    ordinary = t2.penalty - t2.simple_penalties
    law = "《中华人民共和国行政处罚法》第五十一条"
    # a plain sentence of fact (the renderer prints it before the table, so no "表中…" note to the reviewer)
    if not ordinary:
        return f"本年作出的行政处罚决定{t2.penalty}件，均为依照{law}当场作出的简易程序处罚。"
    return phrase(data, "penalty-basis", (
        f"本年作出行政处罚决定{t2.penalty}件，其中普通程序{ordinary}件，依照{law}当场作出的简易程序处罚"
        f"{t2.simple_penalties}件。",
        f"本年作出的{t2.penalty}件行政处罚决定中，依照{law}适用简易程序当场作出{t2.simple_penalties}件，"
        f"按普通程序作出{ordinary}件。",
        f"{data.year}年，{ar.we(data.organisation)}作出行政处罚决定{t2.penalty}件，包括普通程序处罚{ordinary}件和依照"
        f"{law}当场作出的简易程序处罚{t2.simple_penalties}件。",
    ))
