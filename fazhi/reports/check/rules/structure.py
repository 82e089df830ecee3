"""Rules on the report as a whole: the statutory parts, the key areas, whether it states any figures.

Weights (points off 100): a missing part 20 (主要举措和成效) / 15 (存在的不足和原因) / 15 (第一责任人履职情况) /
10 (下一年度安排), part 五 optional; each key area not mentioned 5; no figure at all 30; the measures mostly
paragraphs without a figure 10.
"""
from __future__ import annotations

import re

from fazhi.ingest.sections import SECTIONS
from fazhi.reports.check.model import LEADERS_DUTY, MEASURES, PLANS, SHORTCOMINGS, CheckInput, Problem

PART_WEIGHTS = {MEASURES: 20, SHORTCOMINGS: 15, LEADERS_DUTY: 15, PLANS: 10}
PART_EXAMPLES = {
    MEASURES: "如“一、2025年主要举措和成效”",
    SHORTCOMINGS: "如“二、存在的不足和原因”",
    LEADERS_DUTY: "如“三、党政主要负责人履行推进法治建设第一责任人职责情况”",
    PLANS: "如“四、2026年工作安排”“下一步工作计划”“下一步打算”",
}
KEY_AREAS: tuple[tuple[str, str], ...] = (
    ("重大行政决策", r"重大行政决策|重大决策"),
    ("政务公开", r"政务公开|信息公开"),
    ("行政执法", r"行政执法|执法"),
    ("出庭应诉", r"出庭应诉|应诉"),
    ("合法性审查", r"合法性审查|法制审核|合法性审核"),
    ("普法宣传", r"普法|法治宣传"),
    ("矛盾纠纷化解", r"矛盾纠纷|人民调解|调处"),
)
KEY_AREA_WEIGHT = 5
NO_FIGURES_WEIGHT = 30
BOILERPLATE_WEIGHT = 10
BOILERPLATE_SHARE = 0.6  # more than this share of the long paragraphs without any figure
LONG_PARAGRAPH = 80  # characters
HAS_FIGURE = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万]+(?:个|次|场|件|人|名|份|项|条|余|多)")


def statutory_parts(report: CheckInput) -> list[Problem]:
    """The four required parts of the annual report (LAW.md §1; 《法治政府建设与责任落实督察工作规定》);
    part 五 (其他需要报告的事项) may rightly be absent. Headings vary; they are classified by their words."""
    present = report.parts
    return [
        Problem("statutory_parts", f"缺少法定内容“{SECTIONS[part]}”（{PART_EXAMPLES[part]}）", (), weight)
        for part, weight in PART_WEIGHTS.items() if part not in present
    ]


def key_areas(report: CheckInput) -> list[Problem]:
    text = report.text
    return [Problem("key_areas", f"未涉及{area}", (), KEY_AREA_WEIGHT)
            for area, pattern in KEY_AREAS if not re.search(pattern, text)]


def no_figures(report: CheckInput) -> list[Problem]:
    if report.own():
        return []
    return [Problem("no_figures", "全文没有可核对的工作数据，只有表述", (), NO_FIGURES_WEIGHT)]


def boilerplate(report: CheckInput) -> list[Problem]:
    """Most long paragraphs of the measures (all paragraphs when the measures are not found) state no figure.
    The other parts are prose by nature and are not counted."""
    if not report.own():
        return []  # no_figures has said it
    sections = [s for s in report.sections if s.part == MEASURES] or report.sections
    paragraphs = ["".join(s.text for s in p) for section in sections for p in section.paragraphs]
    long = [p for p in paragraphs if len(p) >= LONG_PARAGRAPH]
    empty = [p for p in long if not HAS_FIGURE.search(p)]
    if long and len(empty) / len(long) > BOILERPLATE_SHARE:
        return [Problem("boilerplate", f"{len(empty)}/{len(long)}段工作举措没有任何数据，套话偏多", (), BOILERPLATE_WEIGHT)]
    return []
