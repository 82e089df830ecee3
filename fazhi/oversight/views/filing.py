"""The township submits and records publication; both sides read a submitted version; the county answers it."""
from __future__ import annotations

import io
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.scoping import readable_orgs, resolve_org, writable_org
from fazhi.core.transitions import timeline
from fazhi.core.views.downloads import pdf_download, prepare_pdf
from fazhi.core.workflow_views import perform
from fazhi.oversight import filing as services
from fazhi.oversight.audit import audit_submission
from fazhi.oversight.deadlines import deadlines_for
from fazhi.oversight.forms import AcceptForm, PublicationForm, ReturnForm, SubmitForm
from fazhi.oversight.models import ReminderKind, ReviewNotice, Submission, SubmissionStatus
from fazhi.oversight.reminders import mark_read, notices_for, unread_for
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
    latest = filing.latest
    prepare_pdf("oversight.prerender_submission_pdf", docx=bytes(submission.docx), submission_id=submission.pk)
    return render(request, "oversight/submission.html", {
        "late": timezone.localtime(submission.submitted_at).date() > deadlines.submit_by,  # Beijing date
        "submission": submission, "filing": filing, "org": filing.organisation,
        "versions": filing.submissions.order_by("-version"), "timeline": timeline(filing),
        "audit": audit_submission(submission), "may_review": may_review,
        "deadlines": deadlines,
        "return_form": ReturnForm(), "accept_form": AcceptForm(),
        "return_url": reverse("oversight_submission_return", args=[submission.pk]),
        "accept_url": reverse("oversight_submission_accept", args=[submission.pk]),
        "body": _frozen_body(submission),
        "changes": services.figure_changes(submission, services.live_figures(filing.organisation, filing.year)),
        "newer": latest if latest.pk != submission.pk else None,
    })


def _frozen_body(submission: Submission) -> SafeString:
    """The version as the report page showed it when it was sent (its stored structure, rendered as the report
    page renders the live report); versions sent before the structure was kept are shown from their frozen text."""
    if submission.structure:
        try:
            return body_html(composed_from_dict(submission.structure))
        except Exception:  # noqa: BLE001 - a damaged structure falls back to the frozen text
            pass
    return _markdown_body(submission.text)


_BOLD = re.compile(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#|])")


def _markdown_body(text: str) -> SafeString:
    """The frozen Markdown (fazhi/reports/render_md.py) as the report page's HTML: headings, the bold run-in
    （一） headings as subheadings, escapes undone — never raw "##" or "**" on the page."""
    def inline(block: str) -> SafeString:
        pieces, last = [], 0
        for match in _BOLD.finditer(block):
            pieces.append(format_html("{}", _ESCAPED.sub(r"\1", block[last:match.start()])))
            pieces.append(format_html('<span class="subheading">{}</span>', _ESCAPED.sub(r"\1", match.group(1))))
            last = match.end()
        pieces.append(format_html("{}", _ESCAPED.sub(r"\1", block[last:])))
        return mark_safe("".join(pieces))

    parts = []
    for block in (b.strip() for b in (text or "").split("\n\n")):
        if block.startswith("# "):
            parts.append(format_html("<h1>{}</h1>", inline(block[2:])))
        elif block.startswith("## "):
            parts.append(format_html("<h2>{}</h2>", inline(block[3:])))
        elif block:
            parts.append(format_html("<p>{}</p>", inline(block)))
    return mark_safe("\n".join(parts))


def _download_name(submission: Submission, suffix: str) -> str:
    return f"{submission.title}（第{submission.version}版）.{suffix}"


@login_required
def submission_docx(request, pk: int):
    submission = _submission(request, pk)
    return FileResponse(io.BytesIO(bytes(submission.docx)), as_attachment=True,
                        filename=_download_name(submission, "docx"), content_type=DOCX_MIME)


@login_required
def submission_pdf(request, pk: int):
    """The version as sent, printed to PDF from its stored .docx (so it is the very document the county received);
    a Chinese 503 page pointing to the Word file when the server cannot make PDFs."""
    submission = _submission(request, pk)
    return pdf_download(request, bytes(submission.docx), _download_name(submission, "pdf"))


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
    """For the report page: where this report stands with the county, and what the user may do next.

    A new version may be submitted unless one waits for the county: after a return, and also after acceptance
    (a correction, reviewed again)."""
    filing = services.filing_get(org, year)
    latest = filing.latest if filing else None
    return {
        "filing": filing, "latest": latest, "versions": filing.submissions.order_by("-version") if filing else [],
        "deadlines": deadlines_for(org, year), "may_submit": services.may_submit(user, org)
        and not (latest and latest.status == SubmissionStatus.SUBMITTED),
        "may_publish": writable_org(user) == org, "org": org, "year": year,
        "report_saved": report_get(org, year) is not None,
        "reminders": [r for r in unread_for(user) if r.organisation_id == org.pk and r.year == year
                      and (r.kind != ReminderKind.SUBMIT or latest is None)
                      and (r.kind != ReminderKind.PUBLISH or not (filing and (filing.published_on or filing.published_url)))],
    }



# ---------------------------------------------------------------- the township hears back

@login_required
def notices(request):
    """The user's notices of the county's answers (returned / accepted), newest first; unread ones marked."""
    items = list(notices_for(request.user, unread_only=False)[:100])
    return render(request, "oversight/notices.html", {"notices": items, "unread": sum(1 for n in items if not n.read_at)})


@login_required
@require_POST
def notice_read(request, pk: int):
    """知道了: the user dismisses one of their own notices (anyone else's is 404, ids cannot be probed)."""
    try:
        notice = notices_for(request.user, unread_only=False).get(pk=pk)
    except (ReviewNotice.DoesNotExist, ValueError, TypeError):
        raise Http404("通知不存在或您无权查看")
    mark_read([notice])
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("oversight_notices")


def report_page_state(user, org, year: int, live: dict) -> dict:
    """For the live report page (fazhi/reports/views.py), above the report: the county's opinion when the latest
    version was returned, the user's unread notices of this report (marked read now: they have been seen), and
    报送后数据已变化 against the latest version (``live``: the page's own ``compute_all``, so no second compute)."""
    filing = services.filing_get(org, year)
    latest = filing.latest if filing else None
    unread = list(notices_for(user, org=org, year=year))
    mark_read(unread)
    return {
        "latest": latest,
        "returned": latest if latest and latest.status == SubmissionStatus.RETURNED else None,
        "notices": [n for n in unread if not (latest and n.submission_id == latest.pk
                                              and latest.status == SubmissionStatus.RETURNED)],
        "changes": services.figure_changes(latest, live) if latest else [],
    }
