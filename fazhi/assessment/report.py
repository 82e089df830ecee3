"""The annual report's sentence listing the assessment results (in 组织保障, beside the criteria figures):
each total links to the results page, where every score shows its criterion, formula or reason."""
from __future__ import annotations

import re

from django.urls import reverse

from fazhi.assessment.models import Assessee
from fazhi.assessment.selectors import assessment_results
from fazhi.indicators.registry import format_value


def report_sentences(org, year: int) -> list[tuple[str, list]]:
    results = assessment_results(org, year)
    scored = [r for r in results if any(line.score for line in r.lines)]
    if not scored:
        return []
    page = reverse("assessment_results", args=[org.code, year])
    parts: list = [f"{year}年度法治建设目标管理考核结果"]
    for kind, label in ((Assessee.VILLAGE, "村（社区）"), (Assessee.DEPARTMENT, "机关站所")):
        group = [r for r in scored if r.kind == kind]
        if not group:
            continue
        parts.append(f"{'；' if len(parts) > 1 else '：'}{label}（满分{format_value(group[0].full_marks)}分）：")
        for i, r in enumerate(group):
            parts.append("、" if i else "")
            parts.append(r.name)
            parts.append({"key": "assessment_scores", "value": format_value(r.total), "unit": "分",
                          "href": f"{page}#{anchor(r)}", "label": f"{r.name}考核得分"})
    incomplete = [r for r in results if r.missing]
    if incomplete:
        parts.append(f"；另有{len(incomplete)}个考核对象尚有指标未评分")
    parts.append("。")
    return [("组织保障", [p for p in parts if p != ""])]


def anchor(result) -> str:
    """The id of an assessee's block on the results page (no whitespace: an HTML id cannot hold any)."""
    key = result.village.pk if result.village else re.sub(r"\s+", "-", result.name)
    return f"{result.kind}-{key}"
