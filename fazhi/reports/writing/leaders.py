"""What the 党委书记 and the 镇长 themselves did for the rule of law (part 三): the meetings each chaired and what
they settled, the 法治 reports they heard, the documents and decisions they put to collective deliberation,
and where they reported on their duty (述法). Posts come from the leading group's roster and the 述法 records.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from fazhi.indicators.registry import Scope
from fazhi.reports.writing.facts import records

SECRETARY, HEAD = "secretary", "head"


def posts(scope: Scope) -> dict[str, str]:
    """Name → post of the principal leaders ("周建国" → "党委书记", "吴海燕" → "镇长")."""
    from fazhi.governance.models import LawReport, LeadingGroupMember

    found: dict[str, str] = {}
    for name, post in LawReport.objects.active().filter(organisation__in=scope.org_ids, principal=True).values_list(
            "reporter", "post"):
        found.setdefault(name.strip(), post.strip())
    for name, post in LeadingGroupMember.objects.active().filter(organisation__in=scope.org_ids).values_list(
            "name", "post"):
        found.setdefault(name.strip(), post.strip())
    return found


def role(post: str) -> str | None:
    if "书记" in post and "副" not in post:
        return SECRETARY
    if re.search(r"(镇长|乡长|主任)$", post) and "副" not in post:
        return HEAD
    return None


@dataclass
class Chaired:
    role: str
    topics: list[str] = field(default_factory=list)
    count: int = 0



def chaired(scope: Scope) -> dict[str, Chaired]:
    """The rule-of-law meetings each principal chaired, by role, in date order."""
    from fazhi.reports.writing.facts import _topic

    rows = records("principal_chaired_meetings", scope)
    if rows is None:
        return {}
    names = posts(scope)
    out: dict[str, Chaired] = {}
    for chair, topic in rows.order_by("held_on", "id").values_list("chaired_by", "topic"):
        which = role(names.get((chair or "").strip(), ""))
        if which is None:
            continue
        entry = out.setdefault(which, Chaired(which))
        entry.count += 1
        phrase = _topic(topic)
        if phrase and phrase not in entry.topics:
            entry.topics.append(phrase)
    return out


def reports_heard(scope: Scope) -> int:
    """Rule-of-law meetings a principal chaired to hear a report ("听取……汇报")."""
    rows = records("principal_chaired_meetings", scope)
    if rows is None:
        return 0
    return sum(1 for topic in rows.values_list("topic", flat=True) if topic.strip().startswith("听取"))


def deliberated(scope: Scope, limit: int = 2) -> list[str]:
    """The year's normative documents and major decisions put to collective deliberation, as cited titles."""
    titles: list[str] = []
    normative = records("normative_docs_issued", scope)
    if normative is not None:
        titles += [f"《{t.strip()}》" for t in normative.exclude(deliberated_on=None).order_by("number_year", "number")
                   .values_list("title", flat=True)[:limit]]
    made = records("decisions_completed", scope)
    if made is not None:
        titles += [f"《{t.strip()}》" for t in made.order_by("decided_on", "id").values_list("title", flat=True)[:1]]
    return titles


@dataclass(frozen=True)
class LawReports:
    meeting: list[dt.date]  # dates of 述职述法会议 with a principal reporting
    year_end: bool
    written: bool
    appraisal: str  # the common result of the appraisals ("好"), "" when they differ


def law_reports(scope: Scope) -> LawReports | None:
    rows = records("principal_law_reports", scope)
    if rows is None or not rows.exists():
        return None
    occasions = list(rows.order_by("held_on").values_list("occasion", "held_on", "appraisal"))
    meetings = sorted({day for occasion, day, _ in occasions if occasion == "meeting"})
    appraisals = {a.strip() for _, _, a in occasions if a.strip()}
    return LawReports(meetings, any(o == "year_end" for o, _, _ in occasions),
                      any(o == "written" for o, _, _ in occasions), appraisals.pop() if len(appraisals) == 1 else "")
