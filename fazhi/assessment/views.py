"""The assessment results page of one township-year and its Excel export (the criteria and scores themselves
are ledgers: /ledgers/assessment-criteria/, /ledgers/assessment-scores/)."""
from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.assessment.report import anchor
from fazhi.assessment.scoring import FORMULA
from fazhi.assessment.selectors import assessment_results, criteria_of
from fazhi.assessment.services import assessment_score_from_data
from fazhi.core import audit, clock, spreadsheets
from fazhi.core.models import AuditKind, OrgKind
from fazhi.core.scoping import can_write, resolve_org

def _township(request, code: str, year: int):
    org = resolve_org(request.user, code)
    if org is None or org.kind != OrgKind.TOWNSHIP or not 2000 <= year <= 2100:
        raise Http404("没有这个乡镇或年度")
    return org


@login_required
def results(request, code: str, year: int):
    org = _township(request, code, year)
    rows = assessment_results(org, year)
    for r in rows:
        r.anchor = anchor(r)
    return render(request, "assessment/results.html", {
        "org": org, "year": year, "results": rows, "criteria": list(criteria_of(org, year)), "formula": FORMULA,
        "can_score": can_write(request.user, org.pk, "assessment") and year <= clock.today().year,
    })


@login_required
@require_POST
def score_from_data(request, code: str, year: int):
    """The results page's button: every village's score on each of the year's criteria drawn from the ledgers,
    computed now and written (a changed figure updates the score, its history kept)."""
    org = _township(request, code, year)
    if not can_write(request.user, org.pk, "assessment"):
        raise PermissionDenied("您的角色只能查看考核结果，不能评分")
    today = clock.today()
    if year > today.year:
        messages.error(request, f"{year}年尚未开始，不能评分")
        return redirect("assessment_results", org.code, year)
    scored_on = min(today, dt.date(year + 1, 12, 31))  # a year's scores are dated no later than the next year's end
    written = assessment_score_from_data(organisation=org, year=year, scored_on=scored_on, user=request.user)
    messages.success(request, f"已按台账数据计算各村（社区）得分：写入或更新 {written} 条" if written
                     else "各村（社区）按台账数据计分的得分均已是最新，没有需要更新的")
    return redirect("assessment_results", org.code, year)


@login_required
def results_xlsx(request, code: str, year: int):
    org = _township(request, code, year)
    rows = []
    for r in assessment_results(org, year):
        kind = "村（社区）" if r.village else "机关站所"
        for line in r.lines:
            s = line.score
            rows.append([r.rank, kind, r.name, line.criterion.name, float(line.criterion.weight),
                         float(s.score) if s and s.score is not None else "未评分", s.basis if s else "",
                         s.scored_on if s else None])
        rows.append([r.rank, kind, r.name, "合计", float(r.full_marks), float(r.total), "", None])
    header = ["名次", "考核对象类别", "考核对象", "考核指标", "分值", "得分", "评分依据（计算过程或理由）", "评分日期"]
    content = spreadsheets.table_bytes(f"{year}年考核结果", header, rows, widths=False)
    audit.record(AuditKind.EXPORT, request=request, user=request.user, detail=f"导出{org.name}{year}年目标管理考核结果")
    response = HttpResponse(content, content_type=spreadsheets.XLSX_MIME)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''assessment-{org.code}-{year}.xlsx"
    return response
