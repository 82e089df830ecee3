"""The tables of the annual disclosure report (政府信息公开工作年度报告, 2021 template
国办公开办函〔2021〕30号), computed from the register of one organisation and year.

Nothing is typed: carry-over from the previous year is computed from the applications
themselves. Table 三's identity (一 + 二 = 三（七）总计 + 四) is checked column by column,
and the previous year's finalised report (if any) is compared with this year's carry-in;
every break is explained by the applications that cause it.

Table 二 is read from the indicator registry (TABLE2_INDICATORS), so it states the same figures, by the same
definitions, as the rule-of-law report; where the two count differently (表二 counts penalty decisions, including
简易程序, where the rule-of-law report counts ordinary-procedure cases filed) one sentence of part 二 says so (the
2021 template prints no notes under its tables).

Table 三's row definitions (void applications never count):
- 一、本年新收: received in the year;
- 二、上年结转: received before the year and not closed before it began;
- 三、办理结果: closed (answered or otherwise ended) in the year, by result;
- 四、结转下年度: received by the year's end and not closed by then.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Q, QuerySet, Sum

from fazhi.core.models import Organisation
from fazhi.disclosure.choices import (
    RESULT_GROUPS, AppealKind, AppealOutcome, ApplicantType, ReleaseCategory, RequestStatus, Result, TableItem,
)
from fazhi.disclosure.models import DisclosureAnnualReport, DisclosureAppeal, DisclosureRequest, ProactiveRelease
from fazhi.disclosure.report_findings import once_per_reading, one_reading  # noqa: F401 (render_docx, report_texts)

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


def _rows_of(received_on, status, replied_on, result, first: dt.date, last: dt.date) -> list[str]:
    """The rows of table 三 one application counts in: ``requests_for_row`` for one application, in Python."""
    def open_after(day):
        return status != RequestStatus.CLOSED or (replied_on is not None and replied_on > day)

    rows = []
    if first <= received_on <= last:
        rows.append(ROW_NEW)
    if received_on < first and open_after(first - dt.timedelta(days=1)):
        rows.append(ROW_CARRIED_IN)
    if received_on <= last and open_after(last):
        rows.append(ROW_CARRIED_OUT)
    if status == RequestStatus.CLOSED and replied_on is not None and first <= replied_on <= last:
        rows.append(ROW_TOTAL)
        if result in Result.values:
            rows.append(result)
    return rows


def compute_table3(org: Organisation, year: int) -> Table3:
    """Every cell of table 三 from one query: the applications that can count in a row of ``year`` (received by its
    end, or closed in it), each put in its rows as ``requests_for_row`` defines them."""
    first, last = _year_bounds(year)
    cells: dict[str, dict[str, int]] = {row.key: dict.fromkeys((c for c, _ in COLUMNS), 0) for row in ROWS}
    candidates = DisclosureRequest.objects.active().filter(organisation=org).filter(
        Q(received_on__lte=last) | Q(replied_on__range=(first, last)))
    for received_on, status, replied_on, result, applicant_type in candidates.values_list(
            "received_on", "status", "replied_on", "result", "applicant_type"):
        for row in _rows_of(received_on, status, replied_on, result, first, last):
            if row in cells:
                cells[row][applicant_type] += 1
                cells[row][TOTAL] += 1
    return Table3(cells)


# ---------------------------------------------------------------- table 二

TABLE2_COLUMNS_DOCS = ("本年制发件数", "本年废止件数", "现行有效件数")
TABLE2_COLUMN_DECISIONS = "本年处理决定数量"
TABLE2_COLUMN_FEES = "本年收费金额（单位：万元）"

# Every count of table 二 is an indicator of the registry (fazhi/indicators/definitions.py), so this report and the
# rule-of-law report state one figure from one definition, and each count lists the records behind it.
TABLE2_INDICATORS: dict[str, str] = {
    "normative_issued": "normative_docs_issued",
    "normative_repealed": "normative_docs_repealed",
    "normative_in_force": "normative_docs_in_force",
    "licensing": "licensing_decisions",
    "penalty": "penalty_decisions",
    "coercion": "coercion_decisions",
}
# Counts no module of this system keeps: registered in the 其他数据 ledger with their source document.
TABLE2_FROM_OTHER_FIGURES = {"licensing": "行政许可处理决定（政务服务平台）", "coercion": "行政强制决定"}


@dataclass
class Table2:
    rules: dict[str, int]  # 规章: townships make none (立法法第九十三条: only provinces and cities with districts)
    normative: dict[str, int]
    licensing: int
    penalty: int
    coercion: int
    fees: Decimal
    figures: dict = field(default_factory=dict)  # cell (TABLE2_INDICATORS key) → the registry's Figure
    simple_penalties: int = 0  # of ``penalty``: 简易程序当场处罚

    @property
    def penalty_basis(self) -> str:
        """The basis of the 行政处罚 count, as one sentence of part 二: 表二 counts the decisions made in the year
        under both procedures (行政处罚法第五十一条 当场处罚 included), where the rule-of-law report counts the
        ordinary-procedure cases filed; none when no decision was made on the spot (the two bases then differ only by
        cases still open, which the rule-of-law report explains)."""
        if not self.simple_penalties:
            return ""
        return (f"表中行政处罚决定按本年作出的处罚决定计数，共{self.penalty}件，其中适用简易程序当场作出的"
                f"{self.simple_penalties}件（《中华人民共和国行政处罚法》第五十一条）。")


def _releases(org: Organisation) -> QuerySet[ProactiveRelease]:
    return ProactiveRelease.objects.active().filter(organisation=org)


def releases_for_item(org: Organisation, year: int, item: str) -> QuerySet[ProactiveRelease]:
    first, last = _year_bounds(year)
    return _releases(org).filter(table_item=item, published_on__range=(first, last))


def _whole(value) -> int:
    return int(Decimal(value or 0).to_integral_value())


def compute_table2(org: Organisation, year: int) -> Table2:
    from fazhi.indicators import registry

    scope = registry.Scope((org,), year)
    figures = {cell: registry.get(key).compute(scope) for cell, key in TABLE2_INDICATORS.items()}
    value = {cell: _whole(figure.value) for cell, figure in figures.items()}
    simple = figures["penalty"].extra.get("parts", {}).get("simple_penalties")
    # 收费金额 is still read from the releases marked 行政事业性收费: no ledger of this system records fees.
    fees = releases_for_item(org, year, TableItem.FEE).aggregate(s=Sum("fee_amount"))["s"] or Decimal("0")
    return Table2(
        rules=dict.fromkeys(TABLE2_COLUMNS_DOCS, 0),
        normative=dict(zip(TABLE2_COLUMNS_DOCS, (value["normative_issued"], value["normative_repealed"],
                                                 value["normative_in_force"]))),
        licensing=value["licensing"],
        penalty=value["penalty"],
        coercion=value["coercion"],
        fees=Decimal(fees).quantize(Decimal("0.0001")).normalize() if fees else Decimal("0"),
        figures=figures,
        simple_penalties=_whole(simple.value) if simple else 0,
    )


def _release_mentions(release: ProactiveRelease, document) -> bool:
    """A release is of a document when it names its 文号 or its title (as "关于印发《……》的通知" does)."""
    said = f"{release.document_number} {release.title}".replace(" ", "")
    number = (document.doc_number or "").replace(" ", "")
    return bool(number and number in said) or document.title.replace(" ", "") in said


def normative_documents_unreleased(org: Organisation, year: int) -> list:
    """Normative documents issued in the year (表二's 本年制发) that no proactive release of the register names.

    行政规范性文件 must be proactively disclosed (条例第二十条第（一）项): each one missing from the register is a
    problem part 五 names."""
    from fazhi.indicators import registry

    documents = list(registry.get(TABLE2_INDICATORS["normative_issued"]).records(registry.Scope((org,), year))
                     .order_by("issued_on", "id"))
    if not documents:
        return []
    releases = list(_releases(org).filter(
        Q(category=ReleaseCategory.ART20_1) | Q(table_item=TableItem.NORMATIVE_ISSUED),
        published_on__gte=min(d.issued_on for d in documents)))
    return [d for d in documents if not any(_release_mentions(r, d) for r in releases)]


def licensing_decisions_released(org: Organisation, year: int) -> int:
    """行政许可 decisions whose disclosure the register records in the year (a release may publish several)."""
    return releases_for_item(org, year, TableItem.LICENSING).aggregate(n=Sum("item_count"))["n"] or 0


def table2_sources(data: DisclosureReportData) -> list[dict]:
    """For staff: where each count of table 二 comes from, with the link to its records (not published), and what
    the register of releases does not bear out."""
    from django.urls import reverse

    org, year = data.organisation, data.year
    out = []
    for cell, figure in data.table2.figures.items():
        indicator = figure.indicator
        href = f"{reverse('indicator_records', args=[indicator.key])}?year={year}&org={org.code}"
        warnings = []
        if cell in TABLE2_FROM_OTHER_FIGURES and not figure.has_data:
            warnings.append(f"本年未在“其他数据”台账登记“{TABLE2_FROM_OTHER_FIGURES[cell]}”，表二按0填列；"
                            "如本年作出过此类决定，请登记件数并写明来源文件")
        if cell == "normative_issued":
            missing = normative_documents_unreleased(org, year)
            if missing:
                warnings.append(
                    f"主动公开登记中找不到以下{len(missing)}件本年制发的行政规范性文件（按文号或文件名称核对）："
                    + "、".join(f"《{d.title}》" for d in missing)
                    + "；第五部分已列为问题。如已公开，请在“主动公开”登记并写明文号")
        if cell == "licensing":
            released = licensing_decisions_released(org, year)
            if released < data.table2.licensing:
                warnings.append(
                    f"主动公开登记的行政许可决定{released}件，少于表二的{data.table2.licensing}件。准予行政许可的决定"
                    "应当公开（《中华人民共和国行政许可法》第四十条），请核对；确有未公开的，请写入第五部分")
        out.append({
            "label": indicator.label, "value": figure.display, "href": href, "description": indicator.description,
            "warning": "；".join(warnings),
        })
    return out


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

TEMPLATE_REFERENCE = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"


def issuing_body(org: Organisation) -> str:
    """The body that publishes the report: a township's 人民政府, a sub-district's 办事处."""
    return f"{org.name}办事处" if org.name.endswith("街道") else f"{org.name}人民政府"


def we(org: Organisation) -> str:
    """How the report refers to its own township: 我镇 / 我乡 / 我街道."""
    for unit in ("街道", "乡", "镇"):
        if org.name.endswith(unit):
            return f"我{unit}"
    return "我单位"


def publication_deadline(year: int) -> dt.date:
    """The last working day on or before 31 January of the next year: the report on ``year`` is published by then.

    条例第四十九条 (not 第五十条, which lists the contents): 上一年度的年度报告每年1月31日前向社会公布. The article
    names 县级以上人民政府部门; townships follow the same day unless the county sets another (LAW.md §2)."""
    from fazhi.core.workdays import WorkingCalendar

    calendar = WorkingCalendar.load()
    day = dt.date(year + 1, 1, 31)
    while not calendar.is_workday(day) and day > dt.date(year + 1, 1, 1):
        day -= dt.timedelta(days=1)
    return day


def default_dated(year: int, finalised_on: dt.date | None = None) -> dt.date:
    """成文日期 when staff give none: the publication deadline (条例第四十九条), or the day the report was finalised
    when that is earlier — never the day a file happens to be generated."""
    deadline = publication_deadline(year)
    return min(deadline, finalised_on) if finalised_on else deadline


@dataclass
class DisclosureReportData:
    organisation: Organisation
    year: int
    report: DisclosureAnnualReport
    table2: Table2
    table3: Table3
    table4: dict[str, dict[str, int]]
    identity: IdentityCheck

    @cached_property
    def style(self) -> int:
        """The township's place among its county's townships: the default prose picks its phrasings by it, so
        neighbouring townships, whose reports the county reads side by side, do not read alike; the same township
        keeps its phrasings from year to year."""
        org = self.organisation
        siblings = list(Organisation.objects.filter(parent_id=org.parent_id, kind=org.kind)
                        .order_by("code").values_list("pk", flat=True))
        return siblings.index(org.pk) if org.pk in siblings else 0

    @property
    def title(self) -> str:
        """"青山镇人民政府2025年政府信息公开工作年度报告": the report is the township government's (条例第四十九条)."""
        return f"{self.signature}{self.year}年政府信息公开工作年度报告"

    @property
    def signature(self) -> str:
        return issuing_body(self.organisation)

    @property
    def dated(self) -> dt.date:
        """成文日期: as set by staff (or fixed at finalising); until then the default (``default_dated``)."""
        from django.utils import timezone

        if self.report.dated:
            return self.report.dated
        finalised = self.report.finalised_at
        return default_dated(self.year, timezone.localdate(finalised) if finalised else None)

    @property
    def dated_is_default(self) -> bool:
        return self.report.dated is None

    @property
    def dated_warning(self) -> str:
        """For staff: a 成文日期 after the publication deadline (the report may genuinely be late: it is kept)."""
        from fazhi.core.workdays import format_date

        deadline = publication_deadline(self.year)
        if self.dated <= deadline:
            return ""
        return (f"成文日期{format_date(self.dated)}晚于{format_date(deadline)}："
                f"《条例》第四十九条要求每年1月31日前公布上一年度的年度报告，请核对成文日期")

    def texts(self) -> dict[str, str]:
        """The sections staff may write (一、五、六), as published: staff text, or the default drawn from the register."""
        from fazhi.disclosure import report_texts as defaults

        return {
            SECTION_TITLES[0]: self.report.overview_text or defaults.overview(self),
            SECTION_TITLES[4]: self.report.problems_text or defaults.problems(self),
            SECTION_TITLES[5]: self.report.other_text or defaults.other(self),
        }

    def table_texts(self) -> dict[str, str]:
        """The sentence printed under the heading of part 二 and of part 四, before its table ("" for none)."""
        from fazhi.disclosure import report_texts

        return {SECTION_TITLES[1]: report_texts.penalty_basis(self), SECTION_TITLES[3]: report_texts.appeals(self)}

    def preamble(self) -> str:
        from fazhi.disclosure import report_texts

        return report_texts.preamble(self)

    def to_json(self) -> dict:
        """Cells by row and column label, as printed in the template; the published texts; the staff check."""
        with one_reading():
            return self._to_json()

    def _to_json(self) -> dict:
        t2 = self.table2
        table_texts = self.table_texts()
        return {
            "organisation": {"code": self.organisation.code, "name": self.organisation.name},
            "year": self.year,
            "title": self.title,
            "preamble": self.preamble(),
            "table2": {
                "规章": dict(t2.rules),
                "行政规范性文件": dict(t2.normative),
                "行政许可": {TABLE2_COLUMN_DECISIONS: t2.licensing},
                "行政处罚": {TABLE2_COLUMN_DECISIONS: t2.penalty},
                "行政强制": {TABLE2_COLUMN_DECISIONS: t2.coercion},
                "行政事业性收费": {TABLE2_COLUMN_FEES: float(t2.fees)},
            },
            "table2_text": table_texts[SECTION_TITLES[1]],
            "table3": {
                row.full_label: {label: self.table3.value(row.key, col) for col, label in COLUMNS}
                for row in ROWS
            },
            "table4": {
                label: {col_label: self.table4[kind][col] for col, col_label in TABLE4_COLUMNS}
                for kind, label in TABLE4_GROUPS
            },
            "table4_text": table_texts[SECTION_TITLES[3]],
            "identity": {
                "holds": self.identity.holds,
                "rule": "一 + 二 = 三（七）总计 + 四",
                "columns": {label: list(self.identity.per_column[col]) for col, label in COLUMNS},
                "explanations": self.identity.explanations,
            },
            "sections": self.texts(),
            "signature": {"organ": self.signature, "dated": self.dated.isoformat()},
        }


def default_overview(data: DisclosureReportData) -> str:
    from fazhi.disclosure import report_texts

    return report_texts.overview(data)


def default_problems(data: DisclosureReportData) -> str:
    from fazhi.disclosure import report_texts

    return report_texts.problems(data)


def default_other(data: DisclosureReportData) -> str:
    from fazhi.disclosure import report_texts

    return report_texts.other(data)


def load(org: Organisation, year: int, report: DisclosureAnnualReport | None = None) -> DisclosureReportData:
    if report is None:
        return _load_stored(org, year)
    with one_reading():
        return _load(org, year, report)


@once_per_reading
def _load_stored(org: Organisation, year: int) -> DisclosureReportData:
    """The report of ``year`` as stored (part 五 reads the years before it back: once each per reading)."""
    with one_reading():
        return _load(org, year, None)


def _load(org: Organisation, year: int, report: DisclosureAnnualReport | None) -> DisclosureReportData:
    if report is None:
        report = DisclosureAnnualReport.objects.active().filter(organisation=org, year=year).first()
    if report is None:
        report = DisclosureAnnualReport(organisation=org, year=year)
    table3 = compute_table3(org, year)
    return DisclosureReportData(
        organisation=org, year=year, report=report, table2=compute_table2(org, year), table3=table3,
        table4=compute_table4(org, year), identity=check_identity(org, year, table3),
    )
