"""The comparison as .xlsx, and the county's own summary report drafted from the roll-up (.docx, GB/T 9704)."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl.styles import Alignment, Font

from fazhi.core import spreadsheets

from fazhi.core import gbt9704
from fazhi.core.models import Organisation
from fazhi.core.docx_fonts import BODY, add_run
from fazhi.core.workdays import format_date
from fazhi.indicators.registry import format_value
from fazhi.oversight.collection import TownshipStatus
from fazhi.oversight.compare import Comparison


def _plain(value):
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def comparison_workbook(county: Organisation, comparison: Comparison) -> bytes:
    wb, sheet = spreadsheets.new_workbook(f"{comparison.year}年比较")  # every text cell as text, never a formula
    spreadsheets.append_row(sheet, [f"{county.name}{comparison.year}年度各乡镇（街道）法治政府建设指标比较"])
    sheet["A1"].font = Font(bold=True, size=14)
    header = ["乡镇（街道）", "来源"]
    for indicator in comparison.indicators:
        header += [f"{indicator.label}（{indicator.unit}）", "排名", "上年", "同比"]
    spreadsheets.append_row(sheet, header)
    for row in comparison.rows:  # the county's own townships only: reports of other counties are never exported
        line = [row.label, row.source_display]
        for indicator in comparison.indicators:
            cell = row.cells.get(indicator.key)
            line += [_plain(cell.value), cell.rank, _plain(cell.last), cell.arrow or None] if cell else [None] * 4
        spreadsheets.append_row(sheet, line)
    total = ["全县合计", "计数相加，比率按分子分母重算；上年按同一批乡镇计算"]
    for indicator in comparison.indicators:
        cell = comparison.rollup[indicator.key]
        total += [_plain(cell.value), None, _plain(cell.last), cell.arrow or cell.last_note or None]
    spreadsheets.append_row(sheet, total)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=2, max_row=2):
        column[0].alignment = Alignment(wrap_text=True)
    sheet.freeze_panes = "C3"
    return spreadsheets.workbook_bytes(wb)


def summary_paragraphs(county: Organisation, comparison: Comparison, statuses: list[TownshipStatus],
                       audits: dict[str, tuple[int, list[str]]]) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the county's summary, drafted from the data for the office to edit."""
    n = len(statuses)
    submitted = [s for s in statuses if s.submitted_on]
    late = [s.township.name for s in statuses if s.submit_late]
    published = [s for s in statuses if s.is_published]
    overview = (
        f"{comparison.year}年度，全县{n}个乡镇（街道）中已有{len(submitted)}个报送法治政府建设年度报告，"
        f"{len(published)}个已向社会公开。"
    )
    if late:
        overview += f"{'、'.join(late)}未按期报送（或逾期未报送）。"
    else:
        overview += "各乡镇（街道）均按期报送。"
    figures = []
    partial = False
    for indicator in comparison.indicators:
        cell = comparison.rollup[indicator.key]
        if cell.value is None or (cell.value == 0 and indicator.kind != "rate"):
            continue
        approx = "余" if cell.approx and indicator.kind != "rate" else ""
        text = f"{indicator.label}{format_value(cell.value)}{approx}{indicator.unit}"
        if indicator.kind != "rate" and cell.change is not None:
            change = cell.change
            trend = "与上年持平" if change == 0 else f"{'增加' if change > 0 else '减少'}{format_value(abs(change))}"
            text += f"（上年{format_value(cell.last)}{indicator.unit}，{trend}）"
        elif indicator.kind != "rate" and cell.last_missing:
            partial = True
        figures.append(text)
    measures = ["据各乡镇（街道）年度报告及工作台账汇总：" + "；".join(figures) + "。"] if figures else [
        "各乡镇（街道）年度报告中尚无可汇总的工作数据。"]
    if figures:
        measures.append(f"以上为本县所辖{len(comparison.rows)}个乡镇（街道）的合计，上年数按本年同一批乡镇（街道）计算"
                        + ("；部分指标上年有乡镇（街道）无数据，未作同比。" if partial else "。"))
    problems = []
    weak = sorted(((score, name, reasons) for name, (score, reasons) in audits.items()), key=lambda t: t[0])
    for score, name, reasons in weak:
        if score < 80:
            problems.append(f"{name}年度报告完整性评分{score}分，主要问题：{'；'.join(reasons[:3])}。")
    if not problems:
        problems = ["各乡镇（街道）年度报告结构完整，未发现突出问题。"]
    plans = [
        "督促未按期报送、公开的乡镇（街道）限期整改，并将年度报告报送、公开情况纳入法治建设考核。",
        "针对报告中缺少数据支撑、法定内容不全的问题，组织开展年度报告编写培训，统一依托法治工作台记录台账、生成报告。",
    ]
    return [
        ("一、总体情况", [overview]),
        ("二、主要工作成效", measures),
        ("三、存在的问题", problems),
        ("四、下一步工作", plans),
    ]


def summary_docx(county: Organisation, comparison: Comparison, statuses: list[TownshipStatus],
                 audits: dict[str, tuple[int, list[str]]], today: dt.date) -> bytes:
    title = f"{county.name}{comparison.year}年度乡镇（街道）法治政府建设情况汇总报告"
    doc = gbt9704.new_document(title=title, author=county.name, subject="乡镇（街道）法治政府建设情况汇总报告", dated=today)
    gbt9704.title(doc, [f"{county.name}{comparison.year}年度", "乡镇（街道）法治政府建设情况汇总报告"])
    gbt9704.paragraph(doc, indent=False)
    add_run(gbt9704.paragraph(doc, indent=False), "县委、县政府：", BODY)
    for heading, paragraphs in summary_paragraphs(county, comparison, statuses, audits):
        gbt9704.heading(doc, heading)
        for text in paragraphs:
            gbt9704.body(doc, text)
    gbt9704.signature(doc, f"{county.name}全面依法治县委员会办公室", format_date(today))
    return gbt9704.to_bytes(doc)
