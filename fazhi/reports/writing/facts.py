"""Facts the report states in words, read from the same records as its figures.

Each function takes the report's scope and returns names, titles and dates — never a number to print
(numbers are the registry's figures, see context.py). Wherever a figure exists, its own records are
read through the indicator (``registry.get(key).records(scope)``), so a name and the count beside it
always come from the same rows.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from fazhi.indicators import registry
from fazhi.indicators.registry import Scope

LAW_TITLE = re.compile(r"《([^《》]{2,40})》")
ARTICLE_PREFIX = re.compile(r"^第[一二三四五六七八九十]+条(（[一二三四五六七八九十]+）)?\s*")
TITLE_MARKS = re.compile(r"^[《“\"]|[》”\"]$")


def records(key: str, scope: Scope):
    indicator = registry.get(key)
    if not indicator.connected:
        return None
    return indicator.records(scope)


def _distinct(values, limit: int) -> list[str]:
    seen: list[str] = []
    for value in values:
        value = (value or "").strip()
        if value and value not in seen:
            seen.append(value)
        if len(seen) >= limit:
            break
    return seen


def quoted(title: str) -> str:
    """A document title in 书名号, unless it already has them."""
    title = title.strip()
    return title if title.startswith("《") else f"《{title}》"


def join(names: list[str], *, more: bool = False) -> str:
    """"甲、乙和丙" (or "甲、乙、丙等" when the list is a selection)."""
    names = [n for n in names if n]
    if not names:
        return ""
    if more:
        return "、".join(names) + "等"
    if len(names) == 1:
        return names[0]
    return "、".join(names[:-1]) + "和" + names[-1]


def month_day(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


# ---------------------------------------------------------------- 组织领导

def group_heads(scope: Scope) -> list[str]:
    """Posts of the leading group's 组长 at year end (e.g. 镇党委书记、镇长)."""
    from fazhi.governance.models import GroupRole

    rows = records("leading_group_members", scope)
    if rows is None:
        return []
    return _distinct(rows.filter(group_role=GroupRole.HEAD).order_by("joined_on", "id").values_list("post", flat=True), 3)


def meeting_topics(scope: Scope, limit: int = 3, key: str = "rule_of_law_meetings") -> list[str]:
    rows = records(key, scope)
    if rows is None:
        return []
    topics = rows.order_by("held_on", "id").values_list("topic", flat=True)
    return _distinct((_topic(t) for t in topics), limit)


def law_report_occasions(scope: Scope) -> list[str]:
    """Where the principal leaders reported on their rule-of-law duties (述法): 述职述法会议, 年终述职, 书面述法."""
    rows = records("principal_law_reports", scope)
    if rows is None:
        return []
    names = {"meeting": "在述职述法会议上", "year_end": "在年终述职中", "written": "以书面形式"}
    return _distinct((names.get(o, "") for o in rows.order_by("held_on").values_list("occasion", flat=True)), 3)


def _topic(text: str) -> str:
    """A meeting's topic as the object of "研究了…": "研究部署2025年度法治建设工作" → "2025年度法治建设工作的部署";
    a topic that only names the meeting ("…推进会", "…全体会议") says nothing and is left out."""
    text = text.strip().rstrip("。")
    if re.search(r"(会|会议)$", text):
        return ""
    return text if re.match(r"(研究|听取|审议|审定|传达|部署|学习|集体讨论|讨论|专题研究)", text) else f"研究{text}"


def meeting_kinds(scope: Scope, unit: str = "镇") -> list[str]:
    """The kinds of meeting that studied rule-of-law work, most frequent first, as a township names them."""
    rows = records("rule_of_law_meetings", scope)
    if rows is None:
        return []
    names = {
        "party_committee": "党委会", "government_executive": f"{unit}长办公会" if unit != "街道" else "主任办公会",
        "special": "专题会", "rule_of_law_committee": f"依法治{unit}委员会会议", "leading_group": "法治建设领导小组会议",
        "joint": "党政联席会议",
    }
    counts = Counter(k for k in rows.values_list("kind", flat=True) if k in names)
    return [names[k] for k, _ in counts.most_common(3)]


def has_committee(scope: Scope) -> bool:
    """Whether a 依法治镇（乡）委员会 met in the year beside the leading group (the report then says who does what)."""
    rows = records("rule_of_law_meetings", scope)
    return rows is not None and rows.filter(kind="rule_of_law_committee").exists()


def budget_items(scope: Scope, limit: int = 2) -> list[str]:
    """What the year's rule-of-law budget pays for ("普法宣传", "法律顾问聘请"), the largest first."""
    rows = records("rule_of_law_budget", scope)
    if rows is None:
        return []
    # an item named "普法宣传与法律顾问经费" is two uses: split, so the list reads "普法宣传、法律顾问和…"
    items = (part for item in rows.order_by("-amount").values_list("item", flat=True)
             for part in re.split(r"[与和及、]", re.sub(r"(经费|费用|专项|资金)+$", "", item.strip())) if part)
    return _distinct(items, limit + 1)


@dataclass(frozen=True)
class Paper:
    title: str
    number: str

    @property
    def cited(self) -> str:
        return quoted(self.title) + (f"（{self.number}）" if self.number else "")


def work_plan(scope: Scope) -> Paper | None:
    from fazhi.governance.models import WorkPlan

    plan = WorkPlan.objects.active().filter(
        organisation__in=scope.org_ids, year=scope.year, kind="key_points").order_by("adopted_on", "id").first()
    return Paper(plan.title, plan.document_number) if plan else None


def overdue_tasks(scope: Scope, limit: int = 3) -> list[str]:
    rows = records("responsibility_tasks_overdue", scope)
    if rows is None:
        return []
    return _distinct(rows.order_by("due_on", "id").values_list("task", flat=True), limit)


@dataclass(frozen=True)
class LateTask:
    task: str
    department: str


def late_tasks(scope: Scope, limit: int = 2) -> list[LateTask]:
    """Tasks of the year's responsibility list not done by their due date (done late, or still open)."""
    indicator = registry.get("responsibility_on_time_rate")
    if not indicator.connected:
        return []
    late = [pk for pk, on_time in indicator._verdicts(scope).items() if not on_time] if indicator.judge else list(
        indicator.records(scope).exclude(indicator.numerator).values_list("pk", flat=True))
    from fazhi.governance.models import ResponsibilityTask

    rows = ResponsibilityTask.objects.filter(pk__in=late).order_by("due_on", "id").values_list("task", "department")[:limit]
    return [LateTask(task.strip().rstrip("。"), department.strip()) for task, department in rows]


def late_departments(scope: Scope) -> list[str]:
    rows = records("responsibility_tasks_overdue", scope)
    if rows is None:
        return []
    return _distinct(rows.order_by("due_on").values_list("department", flat=True), 3)


# ---------------------------------------------------------------- 依法决策、审查、规范性文件、合同

def decisions_made(scope: Scope, limit: int = 3) -> list[str]:
    rows = records("decisions_completed", scope)
    return [] if rows is None else _distinct(rows.order_by("decided_on", "id").values_list("title", flat=True), limit)


DECISION_STEPS = (("participation_done_on", "公众参与"), ("expert_reviewed_on", "专家论证"), ("risk_assessed_on", "风险评估"),
                  ("passing_review_id", "合法性审查"), ("discussed_on", "集体讨论决定"))


def decision_steps(scope: Scope) -> list[str]:
    """The statutory steps (重大行政决策程序暂行条例 第十三条起) every decision of the year went through."""
    rows = records("decisions_completed", scope)
    if rows is None or not rows.exists():
        return []
    values = list(rows.values_list(*(field for field, _ in DECISION_STEPS)))
    return [label for i, (_, label) in enumerate(DECISION_STEPS) if all(v[i] for v in values)]


def decisions_unreviewed(scope: Scope, limit: int = 3) -> list[str]:
    rows = records("decisions_without_review", scope)
    return [] if rows is None else _distinct(rows.order_by("id").values_list("title", flat=True), limit)


def normative_issued(scope: Scope, limit: int = 3) -> list[Paper]:
    rows = records("normative_docs_issued", scope)
    if rows is None:
        return []
    ordered = rows.order_by("number_year", "number", "issued_on", "id")  # in number order, as a reader looks them up
    return [Paper(title, number) for title, number in ordered.values_list("title", "doc_number")[:limit]]


def normative_repealed(scope: Scope, limit: int = 2) -> list[Paper]:
    rows = records("normative_docs_repealed", scope)
    if rows is None:
        return []
    return [Paper(title, number) for title, number in rows.order_by("repealed_on", "id").values_list("title", "doc_number")[:limit]]


def late_filings(scope: Scope) -> list[str]:
    """Titles of the documents of the year filed late or not yet filed past their term."""
    indicator = registry.get("normative_filing_on_time_rate")
    if not indicator.connected:
        return []
    late = [pk for pk, on_time in indicator._verdicts(scope).items() if not on_time]
    from fazhi.normative.models import NormativeDocument

    return _distinct(NormativeDocument.objects.filter(pk__in=late).order_by("published_on").values_list("title", flat=True), 2)


def late_disclosure_answers(scope: Scope, limit: int = 3) -> list[str]:
    """Tracking numbers of the year's applications not answered within the legal term (条例第三十三条)."""
    indicator = registry.get("disclosure_response_rate")
    if not indicator.connected:
        return []
    late = [pk for pk, on_time in indicator._verdicts(scope).items() if not on_time]
    from fazhi.disclosure.models import DisclosureRequest

    return list(DisclosureRequest.objects.filter(pk__in=late).order_by("received_on").values_list(
        "tracking_number", flat=True)[:limit])


def contracts_signed(scope: Scope, limit: int = 2) -> list[str]:
    rows = records("contracts_signed", scope)
    if rows is None:
        return []
    return _distinct(rows.order_by("-amount", "signed_on").values_list("title", flat=True), limit)


# ---------------------------------------------------------------- 执法

def training_topics(scope: Scope, limit: int = 2) -> list[str]:
    rows = records("enforcement_training", scope)
    return [] if rows is None else _distinct(rows.order_by("held_on").values_list("topic", flat=True), limit)


# ---------------------------------------------------------------- 政务公开

def release_venues(scope: Scope, limit: int = 3) -> list[str]:
    rows = records("disclosure_proactive", scope)
    if rows is None:
        return []
    counts = Counter(part.strip() for v in rows.values_list("venue", flat=True) for part in re.split(r"[、，,/；;]", v or "")
                     if part.strip())
    return [venue for venue, _ in counts.most_common(limit)]


def release_categories(scope: Scope, limit: int = 3) -> list[str]:
    rows = records("disclosure_proactive", scope)
    if rows is None:
        return []
    field = rows.model._meta.get_field("category")
    labels = dict(field.choices)
    counts = Counter(rows.values_list("category", flat=True))
    own = {"art20_1": "行政规范性文件"}  # a township makes no 行政法规 or 规章 (立法法第九十三条)
    names = [own.get(c) or ARTICLE_PREFIX.sub("", labels.get(c, c)).strip() for c, _ in counts.most_common() if c]
    return [n for n in names if n and len(n) <= 14][:limit]


# ---------------------------------------------------------------- 学法

def is_law(title: str) -> bool:
    """A law or regulation (《…法》《…条例》《…法典》), not a policy document such as a 纲要 or 意见."""
    return bool(re.search(r"(法|法典|条例|规定|办法)》?$", title.strip("《》")))


def event_title(title: str) -> str:
    """An activity's title to be quoted in “…”: a trailing village tag "（梨树村）" and enclosing quotes dropped,
    inner double quotes turned single (“‘以案释法’微信公众号专栏”)."""
    title = re.sub(r"（[^（）]{1,12}(村|社区|组)）$", "", title.strip())
    if title.startswith("“") and title.endswith("”") and title.count("“") == 1:
        title = title[1:-1]
    return title.replace("“", "‘").replace("”", "’")


EVENT_NOUN = re.compile(r"(讲座|宣讲|活动|课堂|讲堂|晚会|比赛|竞赛|展览|咨询|法庭|答题|巡演|演出|座谈会|培训)$")


def event_named(title: str) -> str:
    """An event as the object of "举办": "“民法典与百姓生活”专题讲座" as recorded, a bare name quoted and, unless
    it names a kind of event, followed by 宣传活动 ("“宪法进集市”宣传活动")."""
    title = re.sub(r"（[^（）]{1,12}(村|社区|组)）$", "", title.strip())
    if "“" in title:
        return title if EVENT_NOUN.search(title) or not title.endswith("”") else f"{title}宣传活动"
    return f"“{title}”" + ("" if EVENT_NOUN.search(title) else "宣传活动")


def law_kinds(titles: list[str]) -> str:
    """What a list of studied titles is: 法律法规, 法律法规和党内法规 (a 中国共产党…条例/规定/准则), or with 重要文件."""
    party = [t for t in titles if re.match(r"《中国共产党", t)]
    state = [t for t in titles if t not in party]
    if state and not all(is_law(t) for t in state):
        return "法律法规和重要文件" if not party else "法律法规、党内法规和重要文件"
    if party and state:
        return "法律法规和党内法规"
    return "党内法规" if party else "法律法规"


def laws_studied(scope: Scope, limit: int = 4) -> list[str]:
    """The laws named in the year's study sessions, 中心组学法 first (《宪法》…)."""
    rows = records("study_sessions", scope)
    if rows is None:
        return []
    ordered = sorted(rows.values_list("kind", "topic", "held_on"), key=lambda r: (r[0] != "central_group", r[2]))
    found: list[str] = []
    for _, topic, _ in ordered:
        for match in LAW_TITLE.finditer(topic or ""):
            title = match.group(1).strip()
            if title not in found:
                found.append(title)
    return [f"《{t}》" for t in found[:limit]]


def observed_cases(scope: Scope, limit: int = 2) -> list[str]:
    rows = records("court_hearings_attended", scope)
    return [] if rows is None else _distinct(rows.order_by("held_on").values_list("case_summary", flat=True), limit)


# ---------------------------------------------------------------- 普法

# How the seeds name the yearly campaigns (LAW.md §11), in calendar order.
CAMPAIGN_PHRASES: dict[str, str] = {
    "spring_festival": "元旦春节",
    "national_security": "“4·15”全民国家安全教育日",
    "civil_code_month": "“美好生活·民法典相伴”民法典宣传月",
    "anti_drug": "“6·26”国际禁毒日",
    "constitution_week": "“12·4”国家宪法日和宪法宣传周",
}
CAMPAIGN_ORDER = tuple(CAMPAIGN_PHRASES)
INTO_PLACES: dict[str, str] = {
    "to_villages": "进乡村", "to_communities": "进社区", "to_schools": "进校园", "to_enterprises": "进企业",
    "to_organs": "进机关",
}


def campaigns(scope: Scope) -> list[str]:
    """The yearly campaigns the township's events (online and offline) took part in, in calendar order."""
    rows = records("publicity_events", scope)
    if rows is None:
        return []
    from fazhi.publicity.models import PublicityEvent

    held = set(PublicityEvent.objects.active().filter(organisation__in=scope.org_ids, held_on__year=scope.year)
               .values_list("campaign", flat=True))
    return [CAMPAIGN_PHRASES[c] for c in CAMPAIGN_ORDER if c in held]


def law_into_places(scope: Scope) -> list[str]:
    rows = records("publicity_events", scope)
    if rows is None:
        return []
    held = set(rows.values_list("campaign", flat=True))
    return [f"法律{place}" for key, place in INTO_PLACES.items() if key in held]


@dataclass(frozen=True)
class Event:
    title: str
    held_on: dt.date
    place: str


def biggest_events(scope: Scope, limit: int = 2) -> list[Event]:
    rows = records("publicity_events", scope)
    if rows is None:
        return []
    return [Event(t.strip(), d, p.strip()) for t, d, p in rows.order_by("-audience", "held_on").values_list("title", "held_on", "place")[:limit]]


def online_channels(scope: Scope, limit: int = 2) -> list[str]:
    rows = records("publicity_online", scope)
    return [] if rows is None else _distinct(rows.order_by("-audience").values_list("title", flat=True), limit)


def liaison_topics(scope: Scope, limit: int = 2) -> list[str]:
    """Training subjects without the word 培训 ("矛盾纠纷排查化解能力提升"), to say "以……为主题"."""
    rows = records("liaison_trainings", scope)
    if rows is None:
        return []
    return _distinct((re.sub(r"(线上课程学习|培训|学习)$", "", t.strip()) for t in rows.order_by("held_on").values_list("topic", flat=True)), limit)


def lesson_topics(scope: Scope, limit: int = 2) -> list[str]:
    rows = records("school_lessons", scope)
    return [] if rows is None else _distinct(rows.order_by("-audience").values_list("topic", flat=True), limit)


# ---------------------------------------------------------------- 矛盾纠纷

# The categories as a report names the kinds of disputes ("主要涉及婚姻家庭、邻里关系、土地山林等").
CATEGORY_PHRASES = {
    "land": "土地山林", "labour": "劳动争议", "family": "婚姻家庭", "neighbour": "邻里关系", "damages": "损害赔偿",
    "contract": "合同债务", "expropriation": "征地拆迁", "property": "物业管理", "environment": "环境污染",
    "traffic": "交通事故",
}


def dispute_kinds(scope: Scope, limit: int = 3) -> list[str]:
    rows = records("disputes_handled", scope)
    if rows is None:
        return []
    counts = Counter(c for c in rows.values_list("category", flat=True) if c in CATEGORY_PHRASES)
    return [CATEGORY_PHRASES[c] for c, _ in counts.most_common(limit)]


@dataclass(frozen=True)
class TypicalCase:
    summary: str
    written: bool  # settled by a written agreement


def typical_dispute(scope: Scope) -> TypicalCase | None:
    """A dispute closed with agreement that shows the work: the one with most parties, written agreements first."""
    rows = records("disputes_resolved", scope)
    if rows is None:
        return None
    from fazhi.disputes.models import AgreementForm

    case = rows.order_by("-parties_count", "closed_on", "id").exclude(summary="").first()
    if case is None:
        return None
    return TypicalCase(anonymous(case.summary), case.agreement == AgreementForm.WRITTEN)


PARTY = re.compile(r"[\u4e00-\u9fff]{1,2}某某?(?:等\d+人|等人)?")
PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(村|社区)(?!民)(\d+组|[一二三四五六七八九十]+组)?")  # not "两个村民小组"


def anonymous(summary: str) -> str:
    """A mediated dispute as a report may name it, without the parties' village or names (人民调解法第十五条 keeps
    their privacy): "五里村朱某与吕某建房相邻采光纠纷" → "一起村民建房相邻采光纠纷", "秦某等11人追索劳务报酬纠纷" →
    "一起多人追索劳务报酬纠纷"."""
    text = summary.strip().rstrip("。")
    text = PLACE.sub("", text)
    many = bool(re.search(r"某某?等(\d+人|人)", text))
    text, parties = PARTY.subn("", text)
    text = re.sub(r"^(与|和|及|、)+", "", text).lstrip("与和及、诉")
    text = re.sub(r"^(与|和|及)", "", text)
    if not text:
        return "一起矛盾纠纷"
    who = "多人" if many else ("村民" if parties >= 2 and re.match(r"(建房|修建|宅基|承包|借款|借贷|相邻|土地|林地)", text) and not text.startswith("宅基地") else "")
    return f"一起{who}{text}"


def failed_dispute_kinds(scope: Scope) -> list[str]:
    from fazhi.disputes.models import DisputeOutcome

    rows = records("dispute_success_rate", scope)
    if rows is None:
        return []
    counts = Counter(c for c in rows.exclude(outcome=DisputeOutcome.RESOLVED).values_list("category", flat=True)
                     if c in CATEGORY_PHRASES)
    return [CATEGORY_PHRASES[c] for c, _ in counts.most_common(2)]


# ---------------------------------------------------------------- 复议应诉、监督

def absence_reasons(scope: Scope) -> list[str]:
    """Why the head did not appear at the year's open-court hearings (the recorded 事由)."""
    from fazhi.litigation.models import Hearing

    rows = records("court_appearance_rate", scope)
    if rows is None or rows.model is not Hearing:
        return []
    field = Hearing._meta.get_field("absence_reason")
    labels = dict(field.choices)
    reasons = rows.filter(head_appeared=False).exclude(absence_reason="").values_list("absence_reason", flat=True)
    return _distinct((labels.get(r, r) for r in reasons), 2)


def suggestions_all_answered(scope: Scope) -> bool | None:
    rows = records("court_suggestions", scope)
    if rows is None or not rows.exists():
        return None
    return not rows.filter(answered_on__isnull=True).exists()


def suggestions_answered_on_time(scope: Scope) -> bool | None:
    """All the year's judicial and procuratorial suggestions answered in writing by their term (None: there are none)."""
    rows = records("court_suggestions", scope)
    if rows is None or not rows.exists():
        return None
    return all(answered and due and answered <= due for answered, due in rows.values_list("answered_on", "due_on"))


def inspection_subjects(scope: Scope, limit: int = 2) -> list[str]:
    rows = records("congress_inspections", scope)
    return [] if rows is None else _distinct(rows.order_by("held_on").values_list("subject", flat=True), limit)


def congress_name(unit: str) -> str:
    return "街道人大工委" if unit == "街道" else f"{unit}人大主席团"


# ---------------------------------------------------------------- 考核

def assessment_leaders(org, year: int, limit: int = 2) -> list:
    """The villages (or, without villages, the departments) with the highest assessment totals."""
    from fazhi.assessment.models import Assessee
    from fazhi.assessment.selectors import assessment_results

    results = [r for r in assessment_results(org, year) if any(line.score for line in r.lines)]
    villages = [r for r in results if r.kind == Assessee.VILLAGE] or results
    return sorted(villages, key=lambda r: (-r.total, r.name))[:limit]
