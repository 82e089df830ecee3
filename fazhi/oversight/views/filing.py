"""The township submits and records publication; both sides read a submitted version; the county answers it."""
from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.scoping import readable_orgs, resolve_org, writable_org
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.oversight import filing as services
from fazhi.oversight.audit import audit_submission
from fazhi.oversight.deadlines import deadlines_for
from fazhi.oversight.forms import AcceptForm, PublicationForm, ReturnForm, SubmitForm
from fazhi.oversight.models import ReminderKind, Submission, SubmissionStatus
from fazhi.oversight.reminders import unread_for
from fazhi.reports.check import check_composed
from fazhi.reports.check.frozen import composed_from_dict
from fazhi.reports.compose import compose_report
from fazhi.reports.render_html import body_html
from fazhi.reports.services import report_get

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _township(request, code: str, year: int):
    org = resolve_org(request.user, code)
    if org is None or not 2000 <= year <= 2100:
        raise Http404("没有这个乡镇（街道）或您无权查看")
    return org


def _submission(request, pk: int) -> Submission:
    try:
        return Submission.objects.select_related("filing", "filing__organisation", "submitted_by").get(
            pk=pk, filing__organisation__in=readable_orgs(request.user), filing__voided_at__isnull=True,
        )
    except (Submission.DoesNotExist, ValueError, TypeError):
        raise Http404("记录不存在或您无权查看")


@login_required
@require_POST  # the report page's button posts here; the confirmation's own POST (with "confirm") sends
def submit(request, code: str, year: int):
    """审定并报送: a confirmation page with the report check; the POST that confirms sends the report.

    When the check finds problems the leader must give a reason to go ahead (it is stored and shown to the county).
    """
    org = _township(request, code, year)
    if not services.may_submit(request.user, org):
        raise PermissionDenied("年度报告须由本乡镇（街道）党政主要负责人或分管领导审定后报送")
    confirming = request.method == "POST" and "confirm" in request.POST
    report = report_get(org, year)
    if report is None:
        messages.error(request, "请先保存年度报告，再审定报送")
        return redirect("report_view", org.code, year)
    composed = compose_report(report)
    check = check_composed(composed, org)
    form = SubmitForm(request.POST if confirming else None, problems_found=bool(check.problems),
                      initial={"dated": clock.today()})
    if confirming and form.is_valid():
        data = form.cleaned_data
        try:
            submission = services.submit_report(org, year, request.user, data["reason"], data["dated"])
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                messages.error(request, "；".join(exc.messages))
                return redirect("report_view", org.code, year)
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            deadline = deadlines_for(org, year).submit_by
            late = "（已超过报送期限）" if timezone.localtime(submission.submitted_at).date() > deadline else ""
            messages.success(request, f"已审定并报送第{submission.version}版{late}，等待县依法治县办审核")
            return redirect("oversight_submission", submission.pk)
    return render(request, "oversight/submit.html", {
        "org": org, "year": year, "composed": composed, "check": check, "form": form,
        "deadline": deadlines_for(org, year).submit_by, "today": timezone.localdate(),
    })


@login_required
def publish(request, code: str, year: int):
    org = _township(request, code, year)
    if writable_org(request.user) != org:
        raise PermissionDenied("您只能登记本乡镇（街道）的公开情况")
    filing = services.filing_get(org, year)
    initial = {"published_on": filing.published_on, "published_url": filing.published_url} if filing else {}
    form = PublicationForm(request.POST or None, initial=initial)
    if request.method == "POST":
        done = perform(
            request, form,
            lambda data: services.record_publication(org, year, request.user, published_on=data["published_on"],
                                                     url=data["published_url"]),
            success="已登记公开情况", redirect_to=lambda: redirect("report_view", org.code, year),
        )
        if done:
            return done
    return render(request, "oversight/publish.html", {
        "org": org, "year": year, "form": form, "deadline": deadlines_for(org, year).publish_by,
    })


@login_required
def submission_detail(request, pk: int):
    submission = _submission(request, pk)
    filing = submission.filing
    county = services.supervising_county(request.user)
    may_review = (county is not None and submission.status == SubmissionStatus.SUBMITTED)
    deadlines = deadlines_for(filing.organisation, filing.year)
    return render(request, "oversight/submission.html", {
        "late": timezone.localtime(submission.submitted_at).date() > deadlines.submit_by,  # Beijing date
        "submission": submission, "filing": filing, "org": filing.organisation,
        "versions": filing.submissions.order_by("-version"), "timeline": timeline(filing),
        "audit": audit_submission(submission), "may_review": may_review,
        "deadlines": deadlines,
        "return_form": ReturnForm(), "accept_form": AcceptForm(),
        "return_url": reverse("oversight_submission_return", args=[submission.pk]),
        "accept_url": reverse("oversight_submission_accept", args=[submission.pk]),
        "paragraphs": [p.strip() for p in submission.text.split("\n\n") if p.strip()],
        "body": _frozen_body(submission),
    })


def _frozen_body(submission: Submission):
    """The version as the report page showed it when it was sent; None for versions sent before it was kept."""
    if not submission.structure:
        return None
    try:
        return body_html(composed_from_dict(submission.structure))
    except Exception:  # an old or damaged structure falls back to the frozen text
        return None


@login_required
def submission_docx(request, pk: int):
    submission = _submission(request, pk)
    return FileResponse(io.BytesIO(bytes(submission.docx)), as_attachment=True,
                        filename=f"{submission.title}（第{submission.version}版）.docx", content_type=DOCX_MIME)


def _review(request, pk: int, form_class, action, success: str):
    submission = _submission(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("oversight_submission", submission.pk)
    try:
        action(submission, request.user, form.cleaned_data["comment"])
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("oversight_submission", submission.pk)


@login_required
@require_POST
def submission_return(request, pk: int):
    return _review(request, pk, ReturnForm, services.return_submission, "已退回，乡镇修改后可重新报送")


@login_required
@require_POST
def submission_accept(request, pk: int):
    return _review(request, pk, AcceptForm, services.accept_submission, "已接收该版本")


def filing_panel_context(user, org, year) -> dict:
    """For the report page: where this report stands with the county, and what the user may do next."""
    filing = services.filing_get(org, year)
    latest = filing.latest if filing else None
    return {
        "filing": filing, "latest": latest, "versions": filing.submissions.order_by("-version") if filing else [],
        "deadlines": deadlines_for(org, year), "may_submit": services.may_submit(user, org)
        and not (latest and latest.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)),
        "may_publish": writable_org(user) == org, "org": org, "year": year,
        "reminders": [r for r in unread_for(user) if r.organisation_id == org.pk and r.year == year
                      and (r.kind != ReminderKind.SUBMIT or latest is None)
                      and (r.kind != ReminderKind.PUBLISH or not (filing and (filing.published_on or filing.published_url)))],
    }

