"""A township's own branded series of activities: three or more publicity events, study sessions or
法律明白人 trainings whose titles open with the same quoted name — "“茶乡法治讲堂”第3期：土地流转纠纷化解",
"“法润云岭”—民法典进村组" — as the seeds report theirs ("理响湖畔·魅力商家"大讲堂, "网格法律诊所").

The name is the quoted prefix before 第N期, "：" or "—"; the topic is what follows.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from fazhi.indicators.registry import Scope
from fazhi.reports.writing.facts import records

SERIES_TITLE = re.compile(
    r"^\s*[“\"]([^”\"]{2,20})[”\"]\s*(?:第\s*[0-9一二三四五六七八九十]+\s*期\s*[：:—\-–]*|[：:—\-–]+)\s*(.*)$")
MINIMUM = 3
# (indicator whose records are read, the field holding the title, the field with the audience)
SOURCES = (("publicity_events", "title", "audience"), ("publicity_online", "title", "audience"),
           ("study_sessions", "topic", "attendees"), ("liaison_trainings", "topic", "participants"))


@dataclass
class Series:
    name: str  # 茶乡法治讲堂
    key: str  # the indicator whose records hold it (the first source with the name)
    held: list[dt.date] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    audience: int = 0

    @property
    def count(self) -> int:
        return len(self.held)


def parse(title: str) -> tuple[str, str] | None:
    """(series name, topic) of a title that opens with a quoted name followed by 第N期, "：" or "—"."""
    match = SERIES_TITLE.match(title or "")
    if not match:
        return None
    return match.group(1).strip(), match.group(2).strip().rstrip("。")


def all_series(scope: Scope) -> list[Series]:
    """The series of the year with at least MINIMUM activities, the largest first."""
    found: dict[str, Series] = {}
    for key, title_field, audience_field in SOURCES:
        rows = records(key, scope)
        if rows is None:
            continue
        model_fields = {f.name for f in rows.model._meta.get_fields()}
        place_field = "place" if "place" in model_fields else None
        wanted = [title_field, "held_on", audience_field if audience_field in model_fields else title_field]
        if place_field:
            wanted.append(place_field)
        for row in rows.order_by("held_on", "id").values_list(*wanted):
            parsed = parse(row[0])
            if parsed is None:
                continue
            name, topic = parsed
            series = found.setdefault(name, Series(name, key))
            series.held.append(row[1])
            if topic and topic not in series.topics:
                series.topics.append(topic)
            if audience_field in model_fields and isinstance(row[2], int):
                series.audience += row[2]
            if place_field and row[3] and row[3].strip() not in series.places:
                series.places.append(row[3].strip())
    kept = [s for s in found.values() if s.count >= MINIMUM]
    return sorted(kept, key=lambda s: (-s.count, s.name))


def in_series(title: str, series: list[Series]) -> bool:
    parsed = parse(title)
    return parsed is not None and any(parsed[0] == s.name for s in series)
