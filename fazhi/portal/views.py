"""The public portal (no login): each township's disclosure guide, catalogue of proactive releases,
annual disclosure reports, the application form and the status check. Personal data is never shown."""
from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind
from fazhi.disclosure import annual_report
from fazhi.disclosure.choices import ReleaseCategory
from fazhi.disclosure.forms import PortalApplicationForm, apply_service_errors
from fazhi.disclosure.models import DisclosureAnnualReport, DisclosureGuide, ProactiveRelease
from fazhi.disclosure.public import TrackForm, find_for_applicant, public_status, submit_online
from fazhi.core.ratelimit import TRACKING_BUCKET, over_limit
from fazhi.disclosure.services import IdempotencyConflict
from fazhi.portal.cache import cached_page, one_of, page_number

RATE_LIMITED = "提交过于频繁，请稍后再试（每分钟次数有限制）"


def _township(code: str) -> Organisation:
    org = Organisation.objects.filter(code=code, kind=OrgKind.TOWNSHIP, is_active=True).first()
    if org is None:
        raise Http404("没有这个乡镇（街道）")
    return org


@cached_page(township=False)
def index(request):
    townships = Organisation.objects.filter(kind=OrgKind.TOWNSHIP, is_active=True).select_related("parent").order_by("code")
    return render(request, "portal/index.html", {"townships": townships})


@cached_page(params={"page": page_number, "category": one_of(ReleaseCategory.values)})
def township_home(request, code: str):
    org = _township(code)
    guide = DisclosureGuide.objects.filter(organisation=org).first() or DisclosureGuide(organisation=org)
    releases = ProactiveRelease.objects.active().filter(organisation=org, published_on__lte=timezone.localdate())
    category = request.GET.get("category", "")
    if category in ReleaseCategory.values:
        releases = releases.filter(category=category)
    page = Paginator(releases.order_by("-published_on", "-id"), 30).get_page(request.GET.get("page"))
    reports = DisclosureAnnualReport.objects.active().filter(organisation=org, finalised_at__isnull=False).order_by("-year")
    return render(request, "portal/township.html", {
        "org": org, "guide": guide, "page": page, "categories": ReleaseCategory.choices, "category": category,
        "reports": reports,
    })


@cached_page()  # GET only: the CSRF token and the idempotency key are fresh for every visitor
def apply(request, code: str):
    org = _township(code)
    form = PortalApplicationForm(request.POST or None, initial={"idempotency_key": uuid.uuid4().hex})
    if request.method == "POST":
        if over_limit(request):
            form.add_error(None, RATE_LIMITED)
            return render(request, "portal/apply.html", {"org": org, "form": form}, status=429)
        if form.is_valid():
            try:
                application, _ = submit_online(organisation=org, form=form)
            except IdempotencyConflict:  # the page was re-posted with other content: a fresh key for it
                form.add_error(None, "本页已经提交过一件内容不同的申请。如确需再提交一件新的申请，请核对内容后再次点击“提交申请”。")
                form.data = form.data.copy()
                form.data["idempotency_key"] = uuid.uuid4().hex
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                return render(request, "portal/applied.html", {"org": org, "status": public_status(application)})
    return render(request, "portal/apply.html", {"org": org, "form": form}, status=400 if form.errors else 200)


@cached_page(township=False, only_without_query=True)  # a lookup (number + phone) is never cached
def track(request):
    form = TrackForm(request.GET or None)
    status = None
    not_found = False
    if form.is_bound and form.is_valid():
        if over_limit(request, TRACKING_BUCKET):
            form.add_error(None, "查询过于频繁，请稍后再试")
        else:
            application = find_for_applicant(form.cleaned_data["tracking_number"], form.cleaned_data["contact"])
            if application is None:
                not_found = True
            else:
                status = public_status(application)
    return render(request, "portal/track.html", {"form": form, "status": status, "not_found": not_found},
                  status=404 if not_found else 200)


@cached_page()
def report(request, code: str, year: int):
    org = _township(code)
    saved = DisclosureAnnualReport.objects.active().filter(organisation=org, year=year, finalised_at__isnull=False).first()
    if saved is None:
        raise Http404("该年度报告尚未发布")
    published = saved.snapshot["tables"]  # the report as finalised, not as the register stands today
    return render(request, "portal/report.html", {
        "org": org, "saved": saved, "published": published, "data": {"title": published["title"]},
        "t3_columns": [label for _, label in annual_report.COLUMNS],
        "t4_columns": [label for _, label in annual_report.TABLE4_COLUMNS],
    })
