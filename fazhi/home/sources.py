"""The to-do sources of the home page, one per module: each reads the module's own due dates (its deadlines and
selectors) and says, for a set of townships, what is due soon or overdue. Registered with fazhi/core/todo.py when
Django starts (fazhi/home/apps.py); fazhi/core/todo.py decides which roles get which.

"Soon" is the module's own rule where it has one (disclosure: 3 working days, as the 政务公开首页 says; normative
documents: needing_attention; report deadlines: the county's reminder days; the review queue: every open matter);
elsewhere SOON_DAYS calendar days.
"""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from fazhi.contracts.selectors import expiring
from fazhi.core import clock
from fazhi.core.todo import COUNTY, Todo, register
from fazhi.core.workdays import WorkingCalendar, format_date
from fazhi.disclosure.selectors import dashboard as disclosure_dashboard
from fazhi.disputes.deadlines import SETTLE_BASIS, open_too_long_filter, settle_deadline
from fazhi.disputes.models import DisputeCase
from fazhi.enforcement import selectors as enforcement_selectors
from fazhi.enforcement.choices import CaseStatus
from fazhi.governance.models import ResponsibilityTask, TaskStatus
from fazhi.litigation.models import CourtSuggestion, LegalCase
from fazhi.litigation.rules import answer_due
from fazhi.normative import rules as normative_rules
from fazhi.normative.selectors import needing_attention
from fazhi.oversight.collection import collection
from fazhi.oversight.deadlines import county_of
from fazhi.oversight.models import SubmissionStatus
from fazhi.reviews.selectors import open_queue, with_clock
from fazhi.supervision.deadlines import BASIS as DEPUTY_BASIS
from fazhi.supervision.models import DeputySuggestion

SOON_DAYS = 14


def _ledger_url(slug: str, pk: int) -> str:
    return reverse("ledger_detail", args=[slug, pk])


def disclosure(orgs, today: dt.date) -> list[Todo]:
    """Applications due within 3 working days or overdue (政府信息公开条例第三十三条), and corrections not received in
    time (第三十条)."""
    data = disclosure_dashboard(orgs, today=today)
    out = []
    for item in [*data.overdue, *data.due_soon]:
        request = item.request
        out.append(Todo("依申请公开答复", str(request), reverse("disclosure_request_detail", args=[request.pk]),
                        item.clock.due, request.organisation.name,
                        "答复期限（政府信息公开条例第三十三条）" + ("，暂定" if item.clock.provisional else "")))
    for item in data.awaiting_correction:
        if item.clock.correction_lapsed:
            request = item.request
            out.append(Todo("依申请公开补正期限已过", str(request),
                            reverse("disclosure_request_detail", args=[request.pk]), request.correction_deadline,
                            request.organisation.name, "逾期不补正的，视为放弃申请，可按“逾期不补正”办结（第三十条）"))
    return out


def reviews(orgs, today: dt.date) -> list[Todo]:
    """Every matter in the legality-review queue, with its working-day due date."""
    out = []
    for row in with_clock(open_queue(orgs), today=today):
        review = row.review
        state = "待受理" if review.reviewer_id is None else f"{review.reviewer}审查中"
        out.append(Todo("合法性审查", str(review), reverse("review_detail", args=[review.pk]), row.due.due,
                        review.organisation.name,
                        f"{state}，已用{row.days_taken}个工作日，期限{review.days_allowed}个工作日"))
    return out


def normative(orgs, today: dt.date) -> list[Todo]:
    """Filing (备案) due or late, and evaluation and clean-up (评估清理) due — the module's attention list."""
    calendar = WorkingCalendar.load()
    settings_of: dict[int, object] = {}
    out = []
    for attention in needing_attention(orgs, today):
        doc = attention.document
        if doc.organisation_id not in settings_of:
            settings_of[doc.organisation_id] = normative_rules.settings_for(doc.organisation)
        cfg = settings_of[doc.organisation_id]
        if attention.reason.startswith(("已逾期未备案", "待报送备案")):
            kind, due = "规范性文件报送备案", normative_rules.filing_deadline(doc.published_on, cfg.filing_days, calendar).due
        elif "有效期" in attention.reason:
            kind, due = "规范性文件有效期届满", doc.valid_until
        else:
            kind = "规范性文件评估清理"
            due = normative_rules.add_years(doc.last_evaluated_on or doc.published_on, cfg.cleanup_interval_years)
        out.append(Todo(kind, str(doc), reverse("normative_detail", args=[doc.pk]), due, doc.organisation.name,
                        attention.reason.split("\n")[0]))
    return out


def enforcement(orgs, today: dt.date) -> list[Todo]:
    """Each open time limit of a penalty case (决定、送达、缴款、公示、撤回公示) that has passed or ends within SOON_DAYS,
    and enforcement certificates running out (the enforcement dashboard's own clocks)."""
    calendar = WorkingCalendar.load()
    horizon = today + dt.timedelta(days=SOON_DAYS)
    # the limits the office must act on (enforcement/deadlines.py labels), as the to-do says them; the party's own
    # hearing request and the hearing notice period are not the office's to-dos
    actions = {"作出处罚决定期限": "作出行政处罚决定", "送达决定书期限（当事人不在场）": "送达行政处罚决定书",
               "缴纳罚款期限": "罚款缴纳期限届满", "行政处罚决定公示期限": "公示行政处罚决定",
               "撤回已公开的处罚决定期限": "撤回已公示的处罚决定"}
    seen: set[tuple[int, str]] = set()
    out = []
    late = enforcement_selectors.overdue_cases(orgs, today)
    open_cases = enforcement_selectors.open_cases(orgs).exclude(status=CaseStatus.CLOSED) \
        .prefetch_related("extensions").select_related("organisation")
    clocks = [(case, rows) for case, rows in late] + [
        (case, enforcement_selectors.case_clock(case, today, calendar).rows) for case in open_cases]
    for case, rows in clocks:
        for row in rows:
            if row["done"] is not None or row["label"] not in actions or row["due"] > horizon:
                continue
            if (case.pk, row["label"]) in seen:
                continue
            seen.add((case.pk, row["label"]))
            out.append(Todo(actions[row["label"]], f"{case.number} {case.party_name}",
                            reverse("enforcement_case", args=[case.pk]), row["due"], case.organisation.name,
                            row["basis"]))
    for alert in enforcement_selectors.certificate_alerts(orgs, today):
        due = alert.certificate.valid_until if alert.certificate is not None else None
        out.append(Todo("行政执法证到期", alert.officer.name, reverse("enforcement_officer", args=[alert.officer.pk]),
                        due, alert.officer.organisation.name, alert.text))
    return out


def disputes(orgs, today: dt.date) -> list[Todo]:
    """Mediations still open a month after they were taken in (《人民调解工作若干规定》)."""
    cases = open_too_long_filter(DisputeCase.objects.active().filter(organisation__in=orgs), today)
    return [Todo("矛盾纠纷调解超过一个月", str(case), _ledger_url("disputes", case.pk),
                 settle_deadline(case.received_on).due, case.organisation.name, SETTLE_BASIS)
            for case in cases.select_related("organisation").order_by("received_on")]


def responsibility_tasks(orgs, today: dt.date) -> list[Todo]:
    tasks = ResponsibilityTask.objects.active().filter(
        organisation__in=orgs, plan__voided_at__isnull=True, due_on__lte=today + dt.timedelta(days=SOON_DAYS),
    ).exclude(status=TaskStatus.DONE).select_related("organisation")
    return [Todo("法治建设责任清单任务", task.task, _ledger_url("responsibility-tasks", task.pk), task.due_on,
                 task.organisation.name, f"{task.department}，责任人{task.owner}") for task in tasks]


def deputy_suggestions(orgs, today: dt.date) -> list[Todo]:
    suggestions = DeputySuggestion.objects.active().filter(
        organisation__in=orgs, answered_on__isnull=True, due_on__lte=today + dt.timedelta(days=SOON_DAYS),
    ).select_related("organisation")
    return [Todo("答复人大代表建议", f"{s.title}（{s.deputy}）", _ledger_url("deputy-suggestions", s.pk), s.due_on,
                 s.organisation.name, f"交办之日起答复（{DEPUTY_BASIS}），承办：{s.department}") for s in suggestions]


def litigation(orgs, today: dt.date) -> list[Todo]:
    """Answers in reconsideration and lawsuits (答复、答辩) and court or procuratorate suggestions not yet answered."""
    horizon = today + dt.timedelta(days=SOON_DAYS)
    calendar = WorkingCalendar.load()
    out = []
    for case in LegalCase.objects.active().filter(organisation__in=orgs, answered_on__isnull=True, outcome="") \
            .select_related("organisation"):
        due, how = answer_due(case.kind, case.received_on, calendar)
        if due <= horizon:
            out.append(Todo("提交答复（答辩）和证据", f"{case.number} {case.act}", _ledger_url("legal-cases", case.pk),
                            due, case.organisation.name, how))
    suggestions = CourtSuggestion.objects.active().filter(organisation__in=orgs, answered_on__isnull=True,
                                                          due_on__lte=horizon).select_related("organisation")
    out += [Todo("答复司法建议、检察建议", f"{s.subject}（{s.issuer}）", _ledger_url("court-suggestions", s.pk), s.due_on,
                 s.organisation.name) for s in suggestions]
    return out


def contracts(orgs, today: dt.date) -> list[Todo]:
    return [Todo("合同履行期限届满", str(e.contract), reverse("contract_detail", args=[e.contract.pk]),
                 e.contract.ends_on, e.contract.organisation.name, e.reason) for e in expiring(orgs, today)]


def _report_rows(orgs, today: dt.date):
    """The collection rows (fazhi/oversight/collection.py) of these townships for last year's report."""
    year = today.year - 1
    counties = {}
    for org in orgs:
        county = county_of(org)
        if county is not None:
            counties.setdefault(county.pk, county)
    wanted = {org.pk for org in orgs}
    return year, [row for county in counties.values() for row in collection(county, year, today)
                  if row.township.pk in wanted]


def annual_report(orgs, today: dt.date) -> list[Todo]:
    """The township's report on last year: returned by the county, due at the county (3月1日) and in public (4月1日),
    from the county's reminder days before the deadline (fazhi/oversight/reminders.py)."""
    year, rows = _report_rows(orgs, today)
    out = []
    for row in rows:
        code, name = row.township.code, row.township.name
        title = f"{name}{year}年度法治政府建设报告"
        view = reverse("report_view", args=[code, year])
        latest = row.latest
        if latest is not None and latest.status == SubmissionStatus.RETURNED:
            out.append(Todo("年度报告被县级退回，请修改后重新报送", f"{title}（第{latest.version}版）", view, None, name,
                            f"修改意见：{latest.comment}"))
        remind = dt.timedelta(days=row.deadlines.remind_days)
        if not row.submitted_on and today >= row.deadlines.submit_by - remind:
            out.append(Todo("年度报告报送县委、县政府", title, view, row.deadlines.submit_by, name,
                            f"应于{format_date(row.deadlines.submit_by)}前报送（{'已起草' if row.drafted else '尚未起草'}）"))
        if not row.is_published and today >= row.deadlines.publish_by - remind:
            out.append(Todo("年度报告向社会公开", title, view, row.deadlines.publish_by, name,
                            f"应于{format_date(row.deadlines.publish_by)}前向社会公开"))
    return out


def county_collection(orgs, today: dt.date) -> list[Todo]:
    """The county office's own: versions waiting for its review, reports late at the county or in public."""
    year, rows = _report_rows(orgs, today)
    out = []
    collection_url = reverse("oversight_index") + f"?year={year}"
    for row in rows:
        name = row.township.name
        title = f"{name}{year}年度法治政府建设报告"
        if row.needs_review:
            out.append(Todo("审核乡镇报送的年度报告", f"{title}（第{row.latest.version}版）",
                            reverse("oversight_submission", args=[row.latest.pk]), None, name,
                            f"第{row.latest.version}版于{format_date(clock.local_date(row.latest.submitted_at))}报送，待县级审核"))
        if not row.submitted_on and row.submit_late:
            out.append(Todo("乡镇逾期未报送年度报告", title, collection_url, row.deadlines.submit_by, name,
                            f"报送期限{format_date(row.deadlines.submit_by)}"))
        if not row.is_published and row.publish_late:
            out.append(Todo("乡镇逾期未公开年度报告", title, collection_url, row.deadlines.publish_by, name,
                            f"公开期限{format_date(row.deadlines.publish_by)}"))
    return out


def register_all() -> None:
    register("disclosure", disclosure)
    register("review_opinion", reviews)
    register("normative", normative)
    register("enforcement", enforcement)
    register("disputes", disputes)
    register("governance", responsibility_tasks)
    register("supervision", deputy_suggestions)
    register("litigation", litigation)
    register("contracts", contracts)
    register("reports", annual_report)
    register(COUNTY, county_collection)
