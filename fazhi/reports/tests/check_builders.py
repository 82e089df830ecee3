"""Small ComposedReports for the report check's tests: sentences of text and figures, no database."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fazhi.reports.structure import ComposedReport, FigureRun, Paragraph, Section, Text

HEADINGS = {
    "measures_text": "一、2025年主要举措和成效",
    "shortcomings_text": "二、存在的不足和原因",
    "duties_text": "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "plans_text": "四、2026年工作安排",
}
FILLER = {
    "measures_text": "严格执行重大行政决策程序，推进政务公开，规范行政执法，做好出庭应诉，开展合法性审查，深化普法宣传，化解矛盾纠纷。",
    "shortcomings_text": "法治工作力量相对薄弱。",
    "duties_text": "主要负责人带头学法。",
    "plans_text": "继续推进法治政府建设。",
}


def fig(key: str, value, unit: str = "件", *, amount=None, approx: bool = False, part: str = "", label: str | None = None):
    from fazhi.indicators import registry

    if label is None:
        label = registry.get(key).label
    extra = {"part": part} if part else {}
    if amount is None and not approx:
        amount = Decimal(str(value)) if str(value).replace(".", "").isdigit() else None
    return FigureRun(key, str(value), unit, f"/indicators/{key}/records/", label, amount=amount, approx=approx, **extra)


def para(*runs) -> Paragraph:
    return Paragraph([Text(r) if isinstance(r, str) else r for r in runs])


def composed(**sections) -> ComposedReport:
    """A report with the four parts; ``measures_text=[para(...), ...]`` adds paragraphs after a filler sentence."""
    built = []
    for key, heading in HEADINGS.items():
        built.append(Section(key, heading, [para(FILLER[key]), *sections.get(key, [])], edited=True))
    for key, paragraphs in sections.items():
        if key not in HEADINGS:
            built.append(Section(key, key, paragraphs, edited=True))
    return ComposedReport(
        org_code="T901", org_name="甲镇", year=2025, title="甲镇2025年度法治政府建设情况报告", addressee="县委、县政府",
        intro=[para("2025年，我镇法治政府建设取得新进展。")], sections=built, signature="中共甲镇委员会　甲镇人民政府",
        dated=dt.date(2026, 1, 15), date_text="2026年1月15日", signature_right_chars=4, date_right_chars=2,
    )
