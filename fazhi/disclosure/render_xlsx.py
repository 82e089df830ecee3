"""The annual disclosure report's tables as an Excel workbook (numbers as numbers, template headers merged)."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from fazhi.disclosure import annual_report as ar

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def render_xlsx(data: ar.DisclosureReportData) -> bytes:
    wb = Workbook()
    _about(wb.active, data)
    _table2(wb.create_sheet("表二 主动公开"), data)
    _table3(wb.create_sheet("表三 依申请公开"), data)
    _table4(wb.create_sheet("表四 复议诉讼"), data)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _cell(ws, row: int, col: int, value, *, head: bool = False, align=CENTER):
    cell = ws.cell(row=row, column=col, value=value)
    cell.border = BORDER
    cell.alignment = align
    if head:
        cell.font = HEAD
    return cell


def _merge(ws, r1, c1, r2, c2, value, *, head: bool = True, align=CENTER):
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(row=r, column=c).border = BORDER
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    return _cell(ws, r1, c1, value, head=head, align=align)


def _widths(ws, widths: list[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _about(ws, data: ar.DisclosureReportData) -> None:
    ws.title = "说明"
    rows = [
        ("报告", data.title),
        ("乡镇（街道）", f"{data.organisation.name}（{data.organisation.code}）"),
        ("年度", data.year),
        ("勾稽关系", "一 + 二 = 三（七）总计 + 四：" + ("各列均成立" if data.identity.holds else "不成立")),
        ("数据来源", "表二的件数取自指标登记表（与年度法治政府建设报告同一定义）；表三、表四由登记簿计算；上年结转为计算所得"),
    ]
    rows += [("说明", line) for line in data.identity.explanations]
    rows += [("正文说明", text) for text in data.table_texts().values() if text]
    for r, (label, value) in enumerate(rows, start=1):
        ws.cell(row=r, column=1, value=label).font = HEAD
        ws.cell(row=r, column=2, value=value)
    _widths(ws, [16, 90])


def _table2(ws, data: ar.DisclosureReportData) -> None:
    t2 = data.table2
    blocks = [
        ("第二十条第（一）项", list(ar.TABLE2_COLUMNS_DOCS), [("规章", list(t2.rules.values())), ("行政规范性文件", list(t2.normative.values()))]),
        ("第二十条第（五）项", [ar.TABLE2_COLUMN_DECISIONS], [("行政许可", [t2.licensing])]),
        ("第二十条第（六）项", [ar.TABLE2_COLUMN_DECISIONS], [("行政处罚", [t2.penalty]), ("行政强制", [t2.coercion])]),
        ("第二十条第（八）项", [ar.TABLE2_COLUMN_FEES], [("行政事业性收费", [float(t2.fees)])]),
    ]
    r = 1
    for heading, columns, items in blocks:
        _merge(ws, r, 1, r, 4, heading)
        _cell(ws, r + 1, 1, "信息内容", head=True)
        if len(columns) == 1:
            _merge(ws, r + 1, 2, r + 1, 4, columns[0])
        else:
            for i, label in enumerate(columns, start=2):
                _cell(ws, r + 1, i, label, head=True)
        r += 2
        for label, values in items:
            _cell(ws, r, 1, label, align=LEFT)
            if len(values) == 1:
                _merge(ws, r, 2, r, 4, values[0], head=False)
            else:
                for i, value in enumerate(values, start=2):
                    _cell(ws, r, i, value)
            r += 1
    _widths(ws, [22, 16, 16, 16])


def _table3(ws, data: ar.DisclosureReportData) -> None:
    _merge(ws, 1, 1, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", head=False)
    _merge(ws, 1, 4, 1, 10, "申请人情况")
    _merge(ws, 2, 4, 3, 4, "自然人")
    _merge(ws, 2, 5, 2, 9, ar.COLUMN_GROUP_ORG)
    _merge(ws, 2, 10, 3, 10, "总计")
    for i, (_, label) in enumerate(ar.COLUMNS[1:-1], start=5):
        _cell(ws, 3, i, "其他" if label == "其他组织" else label, head=True)
    first = 4
    result_rows = [i for i, row in enumerate(ar.ROWS) if row.key not in (ar.ROW_NEW, ar.ROW_CARRIED_IN, ar.ROW_CARRIED_OUT)]
    _merge(ws, first + result_rows[0], 1, first + result_rows[-1], 1, ar.RESULTS_HEADING, head=False)
    group_rows: dict[str, list[int]] = {}
    for i, row in enumerate(ar.ROWS):
        r = first + i
        if row.level == 0:
            _merge(ws, r, 1, r, 3, row.label, head=False, align=LEFT)
        elif row.level == 1:
            _merge(ws, r, 2, r, 3, row.label, head=False, align=LEFT)
        else:
            group_rows.setdefault(row.group, []).append(r)
            _cell(ws, r, 3, row.label, align=LEFT)
        for j, (column, _) in enumerate(ar.COLUMNS, start=4):
            _cell(ws, r, j, data.table3.value(row.key, column))
    for group, rows in group_rows.items():
        _merge(ws, rows[0], 2, rows[-1], 2, group, head=False, align=LEFT)
    ws.freeze_panes = "D4"
    _widths(ws, [10, 14, 44] + [10] * 7)


def _table4(ws, data: ar.DisclosureReportData) -> None:
    _merge(ws, 1, 1, 2, 5, "行政复议")
    _merge(ws, 1, 6, 1, 15, "行政诉讼")
    _merge(ws, 2, 6, 2, 10, "未经复议直接起诉")
    _merge(ws, 2, 11, 2, 15, "复议后起诉")
    for block, (kind, _) in enumerate(ar.TABLE4_GROUPS):
        for i, (column, label) in enumerate(ar.TABLE4_COLUMNS):
            _cell(ws, 3, block * 5 + i + 1, label, head=True)
            _cell(ws, 4, block * 5 + i + 1, data.table4[kind][column])
    ws.freeze_panes = "A4"
    _widths(ws, [10] * 15)
