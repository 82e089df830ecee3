"""The dates a report sets for the future.

`plan_date_after_signing`: every deadline or plan time in the plans (part 四, 下一年度工作安排) and in the measures
of the shortcomings part falls after the report's 成文日期, and a plan for the next year is not dated inside the
report year. A plan promising a day already past when the report is signed is not a plan (《法治政府建设与责任落实
督察工作规定》第二十五条: the report states the next year's arrangements). Weight 10 each.

`two_reports_agree_on_dates`: the township's disclosure annual report (《政府信息公开条例》第五十条第（四）项:
存在的主要问题及改进情况) and its rule-of-law report give one deadline for the same fix. "The same fix" is
recognised narrowly, so that a correct pair of reports is never flagged: the same named matter (a title in
“”/《》 of at least four characters) with the same kind of action (答复, 公开, 备案, 评议, 完成), or one of a few
fixes both generators word recognisably (information published only off the government website, deputies'
answers not published, no social evaluation). Each side must give exactly one deadline for it. Weight 10; when
the disclosure report cannot be computed, a problem of weight 0 (as rules/disclosure.py).

Only dates with a year written ("2026年3月底前"); "3月底前" alone is not read. Dates that are plainly past
references ("2025年开展的…", "截至2025年底", "上年度报告提出的措施是：2025年3月底前…", "自2026年2月起") are ignored.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass

from fazhi.reports.check import text as t
from fazhi.reports.check.model import PLANS, SHORTCOMINGS, SYSTEM, CheckInput, Problem, Sentence

log = logging.getLogger(__name__)
WEIGHT = 10

# ---------------------------------------------------------------- dates as written

DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?:"
    r"(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*[日号]|(?P<mpart>底|末|上旬|中旬|下旬))?"
    r"|第?(?P<q>[一二三四1-4])\s*季度?(?P<qend>末|底)?"
    r"|(?P<half>上半年|下半年)"
    r"|(?P<ye>年底|年末|底|末)"
    r")(?P<before>\s*(?:之前|以前|前))?")
START = re.compile(r"\s*(?:起|以来|开始|至今|期间|以后|之后|后)")  # "自2026年2月起": a start, not a deadline
CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
SEGMENT = re.compile(r"[；;。！？!?\n]")
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# a past reference: before the date in the sentence (strong) or in its clause (weak), or after it in its clause
PAST_IN_SENTENCE = re.compile(r"上年度|上一年度|去年|上年|原定|原计划|当年报告|提出的措施是|曾经")
PAST_BEFORE = re.compile(r"(?:已于|已在|早在|截至|截止|自从|从|自|曾于|曾在)\s*$")
PAST_AFTER = re.compile(r"^[^，,；;：:。]*?(?:已经|已|以来|开展的|召开的|印发的|举办的|完成的|期间|未按|未能|尚未|没有|未完成)")
PLAN_BEFORE = re.compile(r"(?:于|在|力争|争取|计划|确保|拟|将)\s*$")
# the measures of the shortcomings part: a measure word earlier in the same segment; a deadline prescribed
# before ("应于2025年3月底前答复的建议…") is the shortcoming itself, not a measure
MEASURE_WORD = re.compile(r"下一步|将|拟|计划|力争|争取|确保|整改|措施")
PRESCRIBED = re.compile(r"(?:应|须|需|要求|规定|期限为?|时限为?)\s*(?:于|在)?\s*$")


@dataclass(frozen=True)
class Dated:
    """A deadline or plan time as written, with the last day it allows."""

    printed: str  # "2026年3月底前"
    last_day: dt.date
    deadline: bool  # written with 前
    start: int  # where it stands in its text
    end: int


def _last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _last_day(m: re.Match) -> dt.date | None:
    year = int(m.group("y"))
    try:
        if m.group("m"):
            month = int(m.group("m"))
            if m.group("d"):
                return dt.date(year, month, int(m.group("d")))
            part = m.group("mpart")
            if part == "上旬":
                return dt.date(year, month, 10)
            if part == "中旬":
                return dt.date(year, month, 20)
            return _last_of_month(year, month)
        if m.group("q"):
            return _last_of_month(year, 3 * QUARTERS[m.group("q")])
        if m.group("half"):
            return dt.date(year, 6, 30) if m.group("half") == "上半年" else dt.date(year, 12, 31)
        if m.group("ye"):
            return dt.date(year, 12, 31)
    except ValueError:  # "2026年13月", "2026年2月30日"
        return None
    return None


def dates_in(text: str) -> list[Dated]:
    """Every date with its year written that reads as a deadline or a plan time; a start ("起") is not one."""
    found = []
    for m in DATE.finditer(text):
        if not (m.group("m") or m.group("q") or m.group("half") or m.group("ye")):
            continue
        if START.match(text, m.end()):
            continue
        day = _last_day(m)
        if day is None:
            continue
        found.append(Dated(m.group(0).strip(), day, bool(m.group("before")), m.start(), m.end()))
    return found


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the date's clause before it and after it."""
    before = CLAUSE.split(text[:start])[-1]
    after = CLAUSE.split(text[end:])[0]
    return before, after


def _segment_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The date's "；"-delimited segment of its sentence: one measure among several."""
    left = max((m.end() for m in SEGMENT.finditer(text[:start])), default=0)
    right = next((end + m.start() for m in SEGMENT.finditer(text[end:])), len(text))
    return left, right


def _is_past(text: str, date: Dated) -> bool:
    before, after = _clause_around(text, date.start, date.end)
    if PAST_IN_SENTENCE.search(text[:date.start]):
        return True
    if PAST_BEFORE.search(before):
        return True
    return bool(PAST_AFTER.match(after))


def _periodic(date: Dated, text: str) -> bool:
    """A plan time without 前: a quarter, a half year, a year's or a month's end, or a date after 于/在."""
    written = text[date.start:date.end]
    return bool(re.search(r"季|半年|年底|年末|底|末|旬", written)) or bool(PLAN_BEFORE.search(text[:date.start]))


@dataclass(frozen=True)
class PlanDate:
    date: Dated
    sentence: Sentence
    segment: str  # the measure it belongs to


def plan_dates(report: CheckInput) -> list[PlanDate]:
    """The deadlines and plan times of part 四 and of the measures of the shortcomings part."""
    out = []
    for sentence in report.sentences:
        if sentence.part not in (PLANS, SHORTCOMINGS):
            continue
        text = sentence.text
        if _whole_date(text) is not None:
            continue  # the 成文日期 line of an imported report
        for date in dates_in(text):
            if _is_past(text, date):
                continue
            left, right = _segment_bounds(text, date.start, date.end)
            if sentence.part == PLANS:
                if not (date.deadline or _periodic(date, text)):
                    continue
            else:
                lead = text[left:date.start]
                if not date.deadline or not MEASURE_WORD.search(lead) or PRESCRIBED.search(lead):
                    continue
            out.append(PlanDate(date, sentence, text[left:right]))
    return out


# ---------------------------------------------------------------- the 成文日期

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN = "〇○零一二三四五六七八九十"
WHOLE_DATE = re.compile(rf"(?P<y>\d{{4}}|[{CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{CN}]{{1,3}})\s*月\s*"
                        rf"(?P<d>\d{{1,2}}|[{CN}]{{1,3}})\s*日\s*$")


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "十" in text:  # 十, 十二, 二十, 二十六, 三十一
        tens, _, ones = text.partition("十")
        value = (CN_DIGITS.get(tens, -100) if tens else 1) * 10 + (CN_DIGITS.get(ones, -100) if ones else 0)
        return value if value > 0 else None
    digits = [CN_DIGITS.get(ch) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


def _whole_date(text: str) -> dt.date | None:
    """A line that ends with a full date and is not a sentence of the body (no 。): "2026年2月26日"."""
    text = text.strip()
    if not text or text[-1] in "。！？!?" or len(text) > 40:
        return None
    m = WHOLE_DATE.search(text)
    if m is None:
        return None
    before = text[:m.start()].strip()
    if before and (re.search(r"[，,。；;：:]", before) or len(before) > 30):
        return None  # the date closes a sentence of the body, not the signature block
    numbers = [_cn_number(m.group(g)) for g in ("y", "m", "d")]
    if None in numbers:
        return None
    try:
        return dt.date(*numbers)
    except ValueError:
        return None


def signing_date(report: CheckInput) -> dt.date | None:
    """The 成文日期: as the adapter gives it; for a township's report in the system, the saved report's, else the
    default a draft carries (as the writer's plan deadlines use, reports/writing/context.py); for an imported text,
    the date at its end, if any."""
    if report.dated is not None:
        return report.dated
    if report.source == SYSTEM and report.org is not None and report.year is not None:
        from fazhi.reports import narrative
        from fazhi.reports.models import AnnualReport

        saved = AnnualReport.objects.active().filter(organisation=report.org, year=report.year).first()
        return saved.dated if saved is not None and saved.dated else narrative.default_dated(report.org, report.year)
    for sentence in reversed(report.sentences[-3:]):
        day = _whole_date(sentence.text)
        if day is not None:
            return day
    return None


REPORT_YEAR = re.compile(r"(\d{4})\s*年度?\s*(?:法治政府建设|法治建设)")
PLAN_HEADING_YEAR = re.compile(r"(\d{4})\s*年\s*(?:度\s*)?(?:工作)?(?:安排|计划|打算|思路)")


def report_year(report: CheckInput) -> int | None:
    """The report's year: given for a report in the system; for an imported text, from its title or opening
    ("关于2025年度法治政府建设情况的报告"), else from its plans heading ("四、2026年工作安排" → 2025)."""
    if report.year is not None:
        return report.year
    for sentence in report.opening[:5]:
        m = REPORT_YEAR.search(sentence.text)
        if m:
            return int(m.group(1))
    for section in report.sections:
        if section.part == PLANS:
            m = PLAN_HEADING_YEAR.search(section.heading)
            if m:
                return int(m.group(1)) - 1
    return None


def _date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _where(sentence: Sentence) -> str:
    return "下一年度工作安排" if sentence.part == PLANS else "存在的不足中的整改措施"


def _quote(segment: str) -> str:
    """The measure, quoted inside the message's own quotes (inner quotes become ‘’)."""
    text = segment.strip().replace("“", "‘").replace("”", "’")
    return text if len(text) <= 40 else text[:40] + "…"


def plan_date_after_signing(report: CheckInput) -> list[Problem]:
    dates = plan_dates(report)
    if not dates:
        return []
    signed, year = signing_date(report), report_year(report)
    problems = []
    for found in dates:
        date, where = found.date, _where(found.sentence)
        if found.sentence.part == PLANS and year is not None and date.last_day.year <= year:
            problems.append(Problem(
                "plan_date_after_signing",
                f"{where}中的时限“{date.printed}”在报告年度（{year}年）之内：下一年度的工作安排应定在{year + 1}年及以后"
                f"（“{_quote(found.segment)}”）", (), WEIGHT))
        elif signed is not None and date.last_day <= signed:
            problems.append(Problem(
                "plan_date_after_signing",
                f"{where}中的时限“{date.printed}”不晚于成文日期{_date_text(signed)}，计划的时限应在成文日期之后"
                f"（“{_quote(found.segment)}”）", (), WEIGHT))
    return problems


# ---------------------------------------------------------------- the disclosure report's measures

NAME = re.compile(r"“([^”]{4,60})”|《([^》]{4,60})》")
ACTIONS = (  # the kind of action a measure takes, by its words
    ("答复", re.compile(r"答复|回复")),
    ("公开", re.compile(r"公开|发布|补发|公示|公布")),
    ("备案", re.compile(r"备案|报备")),
    ("评议", re.compile(r"评议")),
    ("完成", re.compile(r"完成")),
)
DEPUTIES = re.compile(r"代表建议|议案")


@dataclass(frozen=True)
class Topic:
    """A fix both reports word recognisably without naming its items."""

    label: str
    in_report: re.Pattern  # the rule-of-law report's measure (its segment)
    in_disclosure: re.Pattern  # the disclosure report's problem with its measure
    unless: re.Pattern | None = None  # in either: another fix


TOPICS = (
    Topic("仅在政府网站以外公开的信息在政府网站补发",
          re.compile(r"(?=.*(?:仅在|仅通过|只在|未在政府网站))(?=.*政府网站)(?=.*(?:补充发布|补发|补充公开))"),
          re.compile(r"(?=.*未在政府网站发布)(?=.*(?:补发|补充发布|补充公开))"),
          re.compile(r"代表建议|议案|办理结果|办理复文|规范性文件")),
    Topic("人大代表建议、议案办理结果的公开",
          re.compile(r"(?=.*(?:代表建议|议案))(?=.*(?:(?:办理结果|办理复文)[^，,；;。]{0,6}公开|公开[^，,；;。]{0,12}(?:办理结果|办理复文)))"),
          re.compile(r"(?=.*(?:代表建议|议案))(?=.*(?:办理结果|办理复文))(?=.*(?:未在政府网站公开|未对外公开|未.{0,12}公开))"),
          re.compile(r"超过答复期限|逾期|尚未答复")),
    Topic("政务公开社会评议",
          re.compile(r"(?=.*政务公开)(?=.*评议)"),
          re.compile(r"(?=.*政务公开)(?=.*评议)(?=.*(?:未组织|没有开展|未开展))")),
)


@dataclass
class Fix:
    """One measure of the disclosure report's part 五, with the problem it answers."""

    problem: str
    measure: str
    dates: list[Dated]

    @property
    def text(self) -> str:
        return f"{self.problem}\n{self.measure}"


CARRIED = "继续落实上年度措施，"  # report_texts._carried
ITEM = re.compile(r"(?:^|(?<=[。；;：:\n]))\s*([一二三四五六七八九十]+)是")
SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*(.*)$")


def _items(text: str) -> list[str]:
    """"一是…。二是…。" → the items; a text without them is one item."""
    starts = [m.start() for m in ITEM.finditer(text)]
    if not starts:
        return [text] if text.strip() else []
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]


def _blocks(part_five: str) -> dict[str, str]:
    """The subsections of part 五 by their heading words ("存在的主要问题", "改进措施", "上年度问题整改情况")."""
    blocks: dict[str, list[str]] = {}
    current = ""
    for line in t.clean(part_five).split("\n"):
        m = SUBHEADING.match(line)
        if m and len(m.group(1)) <= 20 and not m.group(1).endswith("。"):
            current = m.group(1).strip()
            continue
        blocks.setdefault(current, []).append(line)
    return {k: "\n".join(v) for k, v in blocks.items()}


def disclosure_fixes(part_five: str) -> list[Fix]:
    """The measures of the disclosure report's part 五 with their deadlines, each paired with its problem when
    problems and measures are listed in the same order (as the template's part 五 lists them); last year's
    problems and measures (整改情况) are not this year's fixes."""
    blocks = _blocks(part_five or "")
    measures_key = next((k for k in blocks if "措施" in k), None)
    problems_key = next((k for k in blocks if "问题" in k and "上年" not in k and "整改情况" not in k), None)
    if measures_key is None:
        return []  # staff wrote part 五 without its subsections: nothing to pair reliably
    measures = _items(blocks[measures_key])
    problems = _items(blocks[problems_key]) if problems_key else []
    if len(problems) != len(measures):
        problems = [""] * len(measures)
    fixes = []
    for problem, measure in zip(problems, measures):
        measure = measure.replace(CARRIED, "")  # last year's measure carried on: its dates are this year's
        dates = [d for d in dates_in(measure) if not _is_past(measure, d) and (d.deadline or _periodic(d, measure))]
        fixes.append(Fix(problem, measure, dates))
    return fixes


def _actions(text: str) -> set[str]:
    return {name for name, words in ACTIONS if words.search(text)}


def _names(text: str) -> set[str]:
    return {a or b for a, b in NAME.findall(text)}


@dataclass(frozen=True)
class Pair:
    subject: str
    ours: PlanDate
    theirs: Dated


def same_fixes(report: CheckInput, fixes: list[Fix]) -> list[Pair]:
    """The report's measures that are one of the disclosure report's fixes, each side with its one deadline."""
    by_segment: dict[tuple[int, str], list[PlanDate]] = {}
    for found in plan_dates(report):
        by_segment.setdefault((id(found.sentence), found.segment), []).append(found)
    pairs = []
    for dates in by_segment.values():
        if len({d.date.last_day for d in dates}) != 1:
            continue  # a measure with two deadlines: which is the fix's is not plain
        ours = dates[0]
        segment = ours.segment
        for fix in fixes:
            if len({d.last_day for d in fix.dates}) != 1:
                continue
            subject = _same_named(segment, fix) or _same_topic(segment, fix)
            if subject:
                pairs.append(Pair(subject, ours, fix.dates[0]))
                break
    return pairs


def _same_named(segment: str, fix: Fix) -> str:
    actions = _actions(segment) & _actions(fix.measure)
    if not actions:
        return ""
    for name in sorted(_names(segment) & _names(fix.text)):
        quoted = f"《{name}》" if f"《{name}》" in segment else f"“{name}”"
        action = next(a for a, _ in ACTIONS if a in actions)
        return f"{quoted}的{action}"
    return ""


def _same_topic(segment: str, fix: Fix) -> str:
    for topic in TOPICS:
        if topic.unless is not None and (topic.unless.search(segment) or topic.unless.search(fix.text)):
            continue
        if topic.in_report.search(segment) and topic.in_disclosure.search(fix.text.replace("\n", "")):
            return topic.label
    return ""


def _part_five(report: CheckInput) -> str:
    texts = report.disclosure_report().texts()
    return next((text for title, text in texts.items() if "存在的主要问题" in title), "")


def two_reports_agree_on_dates(report: CheckInput) -> list[Problem]:
    if report.org is None or report.year is None:
        return []
    if not plan_dates(report):
        return []
    try:
        part_five = _part_five(report)
    except Exception:  # the disclosure report is another module's: its failure must not stop this check
        log.exception("disclosure annual report of %s %s could not be computed", report.org, report.year)
        return [Problem("two_reports_agree_on_dates",
                        f"未能计算{report.year}年政府信息公开工作年度报告，无法核对两份报告中同一整改事项的时限",
                        (), 0)]
    return disagreements(report, part_five)


def disagreements(report: CheckInput, part_five: str) -> list[Problem]:
    """The report's measures whose deadline differs from the disclosure report's for the same fix."""
    year = report.year
    problems = []
    for pair in same_fixes(report, disclosure_fixes(part_five)):
        if pair.ours.date.last_day == pair.theirs.last_day:
            continue
        problems.append(Problem(
            "two_reports_agree_on_dates",
            f"同一整改事项（{pair.subject}）的时限不一致：法治政府建设情况报告定为“{pair.ours.date.printed}”，"
            f"{year}年政府信息公开工作年度报告定为“{pair.theirs.printed}”；两份报告应采用同一时限",
            (), WEIGHT))
    return problems
