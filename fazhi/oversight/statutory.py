"""The five content items of the annual report (LAW.md §1, 《法治政府建设与责任落实督察工作规定》)."""
from __future__ import annotations

STATUTORY_ITEMS: tuple[tuple[str, str], ...] = (
    ("measures", "主要举措和成效"),
    ("shortcomings", "存在的不足和原因"),
    ("duties", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("plans", "下一年度工作安排"),
    ("other", "其他需要报告的事项"),
)

# Heading words of each item, as reports phrase them ("二、存在的问题和不足", "三、党政主要负责人履行……职责情况").
_HEADING_WORDS: dict[str, tuple[str, ...]] = {
    "measures": ("主要举措", "主要工作", "工作成效", "主要做法", "工作开展情况", "基本情况"),
    "shortcomings": ("不足", "存在的问题", "困难和问题", "短板", "差距"),
    "duties": ("第一责任人", "主要负责人", "履行推进法治建设", "履职"),
    "plans": ("下一步", "下一年度", "工作安排", "工作打算", "工作计划", "工作思路"),
    "other": ("其他需要报告", "其他事项"),
}


def find_sections(text: str) -> list[str]:
    """The items whose heading appears on a heading line ("一、……", "（二）……" or a short line)."""
    import re

    headings = [line.strip() for line in text.splitlines()
                if re.match(r"\s*(#+\s*)?([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])", line) or 0 < len(line.strip()) <= 30]
    found = []
    for item, words in _HEADING_WORDS.items():
        if any(word in heading for heading in headings for word in words):
            found.append(item)
    return found
