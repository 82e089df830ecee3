"""The five statutory content items of an annual report (LAW.md §1) and where they are."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Stable ids, in statutory order, with their Chinese labels.
SECTIONS: dict[str, str] = {
    "measures": "上一年度推进法治政府建设的主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leaders_duty": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "plans": "下一年度推进法治政府建设的主要安排",
    "other": "其他需要报告的事项",
}

# A top-level heading: 一、… / 3、… / 第一部分… at the start of a line.
TOP_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}、|第[一二三四五六七八九十]{1,2}部分)[^\n]{0,80}$")
# Any heading level, used only for the keyword search.
ANY_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])[^\n]{0,80}$")

# Checked in this order: a heading "三、下一步工作举措" is a plan, "一、2023年主要举措和成效" is not.
HEADING_WORDS: tuple[tuple[str, re.Pattern], ...] = (
    ("leaders_duty", re.compile(r"第一责任人|主要负责人|党政负责人|主要领导.{0,6}履[行职]")),
    ("shortcomings", re.compile(r"不足|存在.{0,4}问题|问题和|短板|差距")),
    ("plans", re.compile(r"下一步|下步|下一年|下年度|明年|来年|今后|工作计划|工作打算|主要安排|计划安排|工作思路|"
                         r"工作设想|努力方向|展望")),
    ("other", re.compile(r"其他|其它")),
    ("measures", re.compile(r"举措|成效|措施|工作情况|开展情况|推进情况|落实情况|主要工作|主要做法|工作成果|成绩")),
    ("plans", re.compile(r"\d{4}年.{0,12}(?:计划|打算|安排|思路|重点|目标)")),
)
# Body phrases that show an item is present even without a heading (openings, run-on text).
BODY_WORDS: dict[str, re.Pattern] = {
    "measures": re.compile(r"主要举措|举措和成效|主要措施|主要做法|工作开展情况|取得.{0,4}成效"),
    "shortcomings": re.compile(r"存在的不足|不足之处|问题和不足|不足和原因|短板和不足|存在的主要问题和"),
    "leaders_duty": re.compile(r"履行推进法治建设第一责任人职责情况|第一责任人职责情况|履行第一责任人"),
    "plans": re.compile(r"下一步工作|下一年度.{0,10}(?:安排|计划|打算)|工作计划如下|工作打算"),
    "other": re.compile(r"其他需要报告的事项|其他事项"),
}


@dataclass(frozen=True)
class Heading:
    start: int
    end: int
    text: str
    section: str | None


def classify_heading(text: str) -> str | None:
    for section, words in HEADING_WORDS:
        if words.search(text):
            return section
    return None


def top_headings(text: str) -> list[Heading]:
    return [Heading(m.start(), m.end(), m.group(0).strip(), classify_heading(m.group(0)))
            for m in TOP_HEADING.finditer(text)]


def find_sections(text: str) -> list[str]:
    """Ids of the statutory items the report contains, in statutory order."""
    found: set[str] = set()
    for m in ANY_HEADING.finditer(text):
        section = classify_heading(m.group(0))
        if section and (section != "other" or "报告" in m.group(0) or "事项" in m.group(0)):
            found.add(section)
    for section, words in BODY_WORDS.items():
        if words.search(text):
            found.add(section)
    # A report whose first top-level heading names no item ("一、强化组织领导，夯实法治基础") opens
    # with its measures: that is where the statutory order puts them.
    headings = top_headings(text)
    if headings and headings[0].section is None:
        found.add("measures")
    return [section for section in SECTIONS if section in found]


def plan_spans(text: str) -> list[tuple[int, int]]:
    """Where next year's plans are: figures there are targets, not results."""
    spans: list[tuple[int, int]] = []
    headings = top_headings(text)
    for i, heading in enumerate(headings):
        if heading.section == "plans":
            end = headings[i + 1].start if i + 1 < len(headings) else len(text)
            spans.append((heading.start, end))
    return spans
