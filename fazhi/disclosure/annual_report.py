"""The tables of the annual disclosure report (政府信息公开工作年度报告, 2021 template
国办公开办函〔2021〕30号), computed from the register of one organisation and year.

Nothing is typed: carry-over from the previous year is computed from the applications
themselves. Table 三's identity (一 + 二 = 三（七）总计 + 四) is checked column by column,
and the previous year's finalised report (if any) is compared with this year's carry-in;
every break is explained by the applications that cause it.

Row definitions (void applications never count):
- 一、本年新收: received in the year;
- 二、上年结转: received before the year and not closed before it began;
- 三、办理结果: closed (answered or otherwise ended) in the year, by result;
- 四、结转下年度: received by the year's end and not closed by then.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from fazhi.core.models import Organisation
from fazhi.disclosure.choices import (
    RESULT_GROUPS, AppealKind, AppealOutcome, ApplicantType, RequestStatus, Result, TableItem,
)
from fazhi.disclosure.models import DisclosureAnnualReport, DisclosureAppeal, DisclosureRequest, ProactiveRelease

SECTION_TITLES = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# ---------------------------------------------------------------- table 三

TOTAL = "total"
COLUMNS: tuple[tuple[str, str], ...] = (
    *((t.value, t.label) for t in ApplicantType),
    (TOTAL, "总计"),
)
COLUMN_GROUP_ORG = "法人或其他组织"

ROW_NEW, ROW_CARRIED_IN, ROW_TOTAL, ROW_CARRIED_OUT = "new", "carried_in", "total", "carried_out"
RESULTS_HEADING = "三、本年度办理结果"


@dataclass(frozen=True)
class Row:
    key: str  # new / carried_in / a Result value / total / carried_out
    label: str  # the label as printed in the template
    full_label: str  # unique label used in JSON and Excel
    level: int = 0  # 0: 一/二/三/四; 1: （一）…; 2: 1. …
    group: str = ""  # the （三）不予公开 heading a numbered row belongs to


def _rows() -> tuple[Row, ...]:
    rows = [
        Row(ROW_NEW, "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        Row(ROW_CARRIED_IN, "二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量"),
    ]
    for group, items in RESULT_GROUPS:
        for label, result in items:
            if label:
                rows.append(Row(result.value, label, f"{RESULTS_HEADING}{group}{label}", 2, group))
            else:
                rows.append(Row(result.value, group, f"{RESULTS_HEADING}{group}", 1))
    rows.append(Row(ROW_TOTAL, "（七）总计", f"{RESULTS_HEADING}（七）总计", 1))
    rows.append(Row(ROW_CARRIED_OUT, "四、结转下年度继续办理", "四、结转下年度继续办理"))
    return tuple(rows)


ROWS = _rows()


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _open_after(day: dt.date) -> Q:
    """Not closed by the end of ``day``."""
    return ~Q(status=RequestStatus.CLOSED) | Q(replied_on__gt=day)


def requests_for_row(org: Organisation, year: int, row: str) -> QuerySet[DisclosureRequest]:
    """The applications behind one row of table 三 (every cell links to these)."""
    first, last = _year_bounds(year)
    qs = DisclosureRequest.objects.active().filter(organisation=org)
    if row == ROW_NEW:
        return qs.filter(received_on__range=(first, last))
    if row == ROW_CARRIED_IN:
        return qs.filter(Q(received_on__lt=first) & _open_after(first - dt.timedelta(days=1)))
    if row == ROW_CARRIED_OUT:
        return qs.filter(Q(received_on__lte=last) & _open_after(last))
    closed = qs.filter(status=RequestStatus.CLOSED, replied_on__range=(first, last))
    if row == ROW_TOTAL:
        return closed
    if row in Result.values:
        return closed.filter(result=row)
    raise KeyError(row)


def requests_for_cell(org: Organisation, year: int, row: str, column: str) -> QuerySet[DisclosureRequest]:
    qs = requests_for_row(org, year, row)
    return qs if column == TOTAL else qs.filter(applicant_type=column)


@dataclass
class Table3:
    cells: dict[str, dict[str, int]]  # row key → column key → count

    def value(self, row: str, column: str) -> int:
        return self.cells[row][column]


def compute_table3(org: Organisation, year: int) -> Table3:
    cells: dict[str, dict[str, int]] = {}
    for row in ROWS:
        counts = dict.fromkeys((c for c, _ in COLUMNS), 0)
        for applicant_type in requests_for_row(org, year, row.key).values_list("applicant_type", flat=True):
            counts[applicant_type] += 1
            counts[TOTAL] += 1
        cells[row.key] = counts
    return Table3(cells)


# ---------------------------------------------------------------- table 二

TABLE2_COLUMNS_DOCS = ("本年制发件数", "本年废止件数", "现行有效件数")
TABLE2_COLUMN_DECISIONS = "本年处理决定数量"
TABLE2_COLUMN_FEES = "本年收费金额（单位：万元）"


@dataclass
class Table2:
    rules: dict[str, int]  # 规章: townships make none (立法法第九十三条: only provinces and cities with districts)
    normative: dict[str, int]
    licensing: int
    penalty: int
    coercion: int
    fees: Decimal


def _releases(org: Organisation) -> QuerySet[ProactiveRelease]:
    return ProactiveRelease.objects.active().filter(organisation=org)


def releases_for_item(org: Organisation, year: int, item: str) -> QuerySet[ProactiveRelease]:
    first, last = _year_bounds(year)
    return _releases(org).filter(table_item=item, published_on__range=(first, last))


def _count(qs: QuerySet[ProactiveRelease]) -> int:
    return qs.aggregate(n=Sum("item_count"))["n"] or 0


def compute_table2(org: Organisation, year: int) -> Table2:
    _, last = _year_bounds(year)
    issued_total = _count(_releases(org).filter(table_item=TableItem.NORMATIVE_ISSUED, published_on__lte=last))
    repealed_total = _count(_releases(org).filter(table_item=TableItem.NORMATIVE_REPEALED, published_on__lte=last))
    fees = releases_for_item(org, year, TableItem.FEE).aggregate(s=Sum("fee_amount"))["s"] or Decimal("0")
    return Table2(
        rules=dict.fromkeys(TABLE2_COLUMNS_DOCS, 0),
        normative={
            TABLE2_COLUMNS_DOCS[0]: _count(releases_for_item(org, year, TableItem.NORMATIVE_ISSUED)),
            TABLE2_COLUMNS_DOCS[1]: _count(releases_for_item(org, year, TableItem.NORMATIVE_REPEALED)),
            TABLE2_COLUMNS_DOCS[2]: max(issued_total - repealed_total, 0),
        },
        licensing=_count(releases_for_item(org, year, TableItem.LICENSING)),
        penalty=_count(releases_for_item(org, year, TableItem.PENALTY)),
        coercion=_count(releases_for_item(org, year, TableItem.COERCION)),
        fees=Decimal(fees).quantize(Decimal("0.0001")).normalize() if fees else Decimal("0"),
    )


# ---------------------------------------------------------------- table 四

TABLE4_COLUMNS: tuple[tuple[str, str], ...] = (
    (AppealOutcome.UPHELD, "结果维持"),
    (AppealOutcome.CORRECTED, "结果纠正"),
    (AppealOutcome.OTHER, "其他结果"),
    (AppealOutcome.PENDING, "尚未审结"),
    (TOTAL, "总计"),
)
TABLE4_GROUPS: tuple[tuple[str, str], ...] = (
    (AppealKind.RECONSIDERATION, "行政复议"),
    (AppealKind.LITIGATION_DIRECT, "行政诉讼·未经复议直接起诉"),
    (AppealKind.LITIGATION_AFTER, "行政诉讼·复议后起诉"),
)


def appeals_for_year(org: Organisation, year: int) -> QuerySet[DisclosureAppeal]:
    """Cases of the year: brought by its end and not decided before it began."""
    first, last = _year_bounds(year)
    return DisclosureAppeal.objects.active().filter(organisation=org, filed_on__lte=last).filter(
        Q(decided_on__isnull=True) | Q(decided_on__gte=first)
    )


def compute_table4(org: Organisation, year: int) -> dict[str, dict[str, int]]:
    _, last = _year_bounds(year)
    table = {kind: dict.fromkeys((c for c, _ in TABLE4_COLUMNS), 0) for kind, _ in TABLE4_GROUPS}
    for kind, outcome, decided_on in appeals_for_year(org, year).values_list("kind", "outcome", "decided_on"):
        as_at_year_end = outcome if decided_on and decided_on <= last else AppealOutcome.PENDING
        table[kind][as_at_year_end] += 1
        table[kind][TOTAL] += 1
    return table


# ---------------------------------------------------------------- the identity and its explanation

@dataclass
class IdentityCheck:
    holds: bool
    per_column: dict[str, tuple[int, int]]  # column → (一 + 二, 三（七） + 四)
    explanations: list[str] = field(default_factory=list)


def check_identity(org: Organisation, year: int, table: Table3) -> IdentityCheck:
    per_column = {}
    for column, _ in COLUMNS:
        left = table.value(ROW_NEW, column) + table.value(ROW_CARRIED_IN, column)
        right = table.value(ROW_TOTAL, column) + table.value(ROW_CARRIED_OUT, column)
        per_column[column] = (left, right)
    holds = all(left == right for left, right in per_column.values())
    explanations = []
    if not holds:
        first, last = _year_bounds(year)
        odd = requests_for_row(org, year, ROW_TOTAL).filter(received_on__gt=last)
        for r in odd:
            explanations.append(f"{r.tracking_number}：办结日期{r.replied_on}在本年度，但收到日期{r.received_on}晚于本年度，请核对日期")
        if not explanations:
            explanations.append("等式不成立，但未找到日期异常的申请，请联系管理员核查数据")
    explanations.extend(_compare_with_last_year(org, year, table))
    return IdentityCheck(holds, per_column, explanations)


def _compare_with_last_year(org: Organisation, year: int, table: Table3) -> list[str]:
    last_report = DisclosureAnnualReport.objects.active().filter(
        organisation=org, year=year - 1, finalised_at__isnull=False
    ).first()
    if last_report is None or not last_report.snapshot:
        return []
    published = last_report.snapshot.get("carried_out_ids", [])
    now = list(requests_for_row(org, year, ROW_CARRIED_IN).values_list("pk", flat=True))
    if sorted(published) == sorted(now):
        return []
    lines = [
        f"{year - 1}年度报告定稿时“结转下年度”为{len(published)}件，本年“上年结转”按登记簿计算为{len(now)}件："
    ]
    changed = DisclosureRequest.objects.filter(pk__in=set(published) ^ set(now))
    for r in changed:
        if r.is_void:
            why = f"已于{r.voided_at:%Y-%m-%d}作废（{r.void_reason}）"
        elif r.pk in published:
            why = "定稿后被修改为上年内办结"
        else:
            why = "定稿后补录或修改了收到/办结日期"
        lines.append(f"{r.tracking_number}：{why}")
    return lines


# ---------------------------------------------------------------- the whole report

@dataclass
class DisclosureReportData:
    organisation: Organisation
    year: int
    report: DisclosureAnnualReport
    table2: Table2
    table3: Table3
    table4: dict[str, dict[str, int]]
    identity: IdentityCheck

    @property
    def title(self) -> str:
        return f"{self.organisation.name}{self.year}年政府信息公开工作年度报告"

    def texts(self) -> dict[str, str]:
        return {
            SECTION_TITLES[0]: self.report.overview_text or default_overview(self),
            SECTION_TITLES[4]: self.report.problems_text or "（待填写）",
            SECTION_TITLES[5]: self.report.other_text or default_other(self),
        }

    def to_json(self) -> dict:
        """Cells by row and column label, as printed in the template."""
        t2 = self.table2
        return {
            "organisation": {"code": self.organisation.code, "name": self.organisation.name},
            "year": self.year,
            "title": self.title,
            "table2": {
                "规章": dict(t2.rules),
                "行政规范性文件": dict(t2.normative),
                "行政许可": {TABLE2_COLUMN_DECISIONS: t2.licensing},
                "行政处罚": {TABLE2_COLUMN_DECISIONS: t2.penalty},
                "行政强制": {TABLE2_COLUMN_DECISIONS: t2.coercion},
                "行政事业性收费": {TABLE2_COLUMN_FEES: float(t2.fees)},
            },
            "table3": {
                row.full_label: {label: self.table3.value(row.key, col) for col, label in COLUMNS}
                for row in ROWS
            },
            "table4": {
                label: {col_label: self.table4[kind][col] for col, col_label in TABLE4_COLUMNS}
                for kind, label in TABLE4_GROUPS
            },
            "identity": {
                "holds": self.identity.holds,
                "rule": "一 + 二 = 三（七）总计 + 四",
                "columns": {label: list(self.identity.per_column[col]) for col, label in COLUMNS},
                "explanations": self.identity.explanations,
            },
            "sections": self.texts(),
        }


def default_overview(data: DisclosureReportData) -> str:
    new = data.table3.value(ROW_NEW, TOTAL)
    closed = data.table3.value(ROW_TOTAL, TOTAL)
    releases = ProactiveRelease.objects.active().filter(
        organisation=data.organisation, published_on__year=data.year
    ).count()
    return (
        f"{data.year}年，{data.organisation.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"坚持以公开为常态、不公开为例外，全年主动公开政府信息{releases}条，"
        f"收到政府信息公开申请{new}件，办结{closed}件。"
    )


def default_other(data: DisclosureReportData) -> str:
    return "无。"


def load(org: Organisation, year: int) -> DisclosureReportData:
    report = DisclosureAnnualReport.objects.active().filter(organisation=org, year=year).first()
    if report is None:
        report = DisclosureAnnualReport(organisation=org, year=year)
    table3 = compute_table3(org, year)
    return DisclosureReportData(
        organisation=org, year=year, report=report, table2=compute_table2(org, year), table3=table3,
        table4=compute_table4(org, year), identity=check_identity(org, year, table3),
    )
