"""Completeness audit of an annual report, generated or imported: a score out of 100 with its reasons.

Checked against LAW.md §1 (the five content items of the annual report under 《法治政府建设与责任落实
督察工作规定》): each missing item costs points, as do key areas of the seeds that a report says
nothing about, figures that contradict each other, and boilerplate without figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from fazhi.oversight.extraction.sections import SECTIONS, find_sections

# Deduction for a missing statutory item; item 5 (其他需要报告的事项) may rightly be empty.
ITEM_WEIGHTS = {"measures": 20, "shortcomings": 15, "leaders_duty": 15, "plans": 10, "other": 0}

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
CONTRADICTION_WEIGHT = 10
NO_FIGURE_WEIGHT = 30
BOILERPLATE_WEIGHT = 10

# rate key → (numerator count key, denominator count key): the rate must match its counts
RATE_FROM_COUNTS = {"dispute_success_rate": ("disputes_resolved", "disputes_handled")}
RATE_TOLERANCE = Decimal("1.0")  # percentage points: "95%以上" of 188/198 is not a contradiction
_PARAGRAPH_HAS_FIGURE = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万]+(?:个|次|场|件|人|名|份|项|条|余|多)")


@dataclass
class Finding:
    points: int
    reason: str


@dataclass
class Audit:
    findings: list[Finding] = field(default_factory=list)

    @property
    def score(self) -> int:
        return max(0, 100 - sum(f.points for f in self.findings))

    @property
    def reasons(self) -> list[str]:
        return [f"{f.reason}（-{f.points}）" if f.points else f.reason for f in self.findings]


def _values(figures) -> dict[str, list[Decimal]]:
    found: dict[str, list[Decimal]] = {}
    for fig in figures:
        key = fig["indicator"] if isinstance(fig, dict) else fig.indicator
        value = fig["value"] if isinstance(fig, dict) else fig.value
        if value is None:
            continue
        found.setdefault(key, []).append(Decimal(str(value)))
    return found


def _is_approx(figures, key: str) -> bool:
    for fig in figures:
        if (fig["indicator"] if isinstance(fig, dict) else fig.indicator) == key:
            return bool(fig.get("approx") if isinstance(fig, dict) else getattr(fig, "approx", False))
    return False


def contradictions(figures) -> list[str]:
    values = _values(figures)
    found = []
    for key, numbers in values.items():
        if key.endswith("_rate") and any(v > 100 for v in numbers):
            found.append(f"{key}超过100%")
    for rate_key, (num_key, den_key) in RATE_FROM_COUNTS.items():
        if not (values.get(num_key) and values.get(den_key)):
            continue
        numerator, denominator = max(values[num_key]), max(values[den_key])
        if numerator > denominator:
            found.append(f"{num_key}（{numerator}）大于{den_key}（{denominator}）")
        elif values.get(rate_key) and denominator:
            computed = numerator * 100 / denominator
            stated = values[rate_key][0]
            at_least = _is_approx(figures, rate_key) and stated <= computed  # "达95%以上" of 96.2% is true
            if abs(stated - computed) > RATE_TOLERANCE and not at_least:
                found.append(f"{rate_key}写作{stated}%，但按{numerator}÷{denominator}计算为{computed:.1f}%")
    return found


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", text) if len(p.strip()) >= 80]


def audit_report(text: str, sections: list[str], figures) -> Audit:
    """``figures``: dicts or objects with ``indicator`` and ``value``; ``sections``: the statutory item ids found."""
    audit = Audit()
    labels = SECTIONS
    for item, weight in ITEM_WEIGHTS.items():
        if item not in sections and weight:
            audit.findings.append(Finding(weight, f"缺少法定内容“{labels.get(item, item)}”"))
    for area, pattern in KEY_AREAS:
        if not re.search(pattern, text):
            audit.findings.append(Finding(KEY_AREA_WEIGHT, f"未涉及{area}"))
    for problem in contradictions(figures):
        audit.findings.append(Finding(CONTRADICTION_WEIGHT, f"数字相互矛盾：{problem}"))
    count = sum(len(v) for v in _values(figures).values())
    if count == 0:
        audit.findings.append(Finding(NO_FIGURE_WEIGHT, "全文没有可核对的工作数据，只有表述"))
    else:
        paragraphs = _paragraphs(text)
        empty = [p for p in paragraphs if not _PARAGRAPH_HAS_FIGURE.search(p)]
        if paragraphs and len(empty) / len(paragraphs) > 0.6:
            audit.findings.append(Finding(BOILERPLATE_WEIGHT, f"{len(empty)}/{len(paragraphs)}段没有任何数据，套话偏多"))
    return audit


def audit_imported(report) -> Audit:
    return audit_report(report.text, report.sections, list(report.figures.all()))


def audit_submission(submission) -> Audit:
    """A report submitted from Fazhi: its frozen text, and the figures the registry computed for it."""
    figures = [{"indicator": k, "value": v["value"]} for k, v in submission.figures.items() if v.get("value") is not None]
    return audit_report(submission.text, find_sections(submission.text), figures)
