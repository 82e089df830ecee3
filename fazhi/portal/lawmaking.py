"""Public pages for rule-making: drafts open for comment (with the comment form), normative documents
in force, the decision catalogs and the published decisions."""
from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.core.workflow_forms import apply_service_errors
from fazhi.decisions.public import public_catalogs, published_decisions
from fazhi.normative.selectors import in_force
from fazhi.participation import services as participation
from fazhi.participation.models import CommentPeriod
from fazhi.core.ratelimit import over_limit
from fazhi.portal.cache import cached_page, flag, page_number
from fazhi.portal.views import RATE_LIMITED, _township


class CommentForm(forms.Form):
    text = forms.CharField(label="您的意见和建议", widget=forms.Textarea(attrs={"rows": 6, "maxlength": participation.MAX_COMMENT_CHARS}),
                           max_length=participation.MAX_COMMENT_CHARS,
                           error_messages={"max_length": f"意见内容不能超过{participation.MAX_COMMENT_CHARS}字",
                                           "required": "请填写意见内容"})
    author_name = forms.CharField(label="署名（可不填）", max_length=50, required=False)
    contact = forms.CharField(label="联系方式（可不填，不公开）", max_length=100, required=False)


@cached_page(params={"page": page_number})
def consultations(request, code: str):
    org = _township(code)
    today = timezone.localdate()
    periods = CommentPeriod.objects.active().filter(organisation=org, opens_on__lte=today).order_by("-opens_on", "-id")
    page = Paginator(periods, 30).get_page(request.GET.get("page"))
    return render(request, "portal/consultations.html", {"org": org, "page": page, "today": today})


@cached_page(params={"sent": flag})  # GET only; the comment form's CSRF token is fresh for every visitor
def consultation(request, code: str, pk: int):
    org = _township(code)
    today = timezone.localdate()
    period = CommentPeriod.objects.active().filter(organisation=org, pk=pk, opens_on__lte=today).first()
    if period is None:
        raise Http404("没有这个征求意见稿")
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if over_limit(request, "comment"):
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            try:
                participation.submit_comment(period, **form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
                status = 400
            else:
                return redirect(f"{request.path}?sent=1")
        else:
            status = 400
    comments = [(participation.public_author(c), c) for c in participation.public_comments(period)]
    return render(request, "portal/consultation.html", {
        "org": org, "period": period, "form": form, "comments": comments, "is_open": period.is_open_on(today),
        "sent": request.GET.get("sent") == "1",
    }, status=status)


@cached_page(params={"page": page_number})
def documents(request, code: str):
    org = _township(code)
    page = Paginator(in_force([org], timezone.localdate()), 30).get_page(request.GET.get("page"))
    return render(request, "portal/documents.html", {"org": org, "page": page})


@cached_page()
def decisions(request, code: str):
    org = _township(code)
    catalogs = [(c, c.decisions.active().order_by("id")) for c in public_catalogs(org)]
    return render(request, "portal/decisions.html", {
        "org": org, "catalogs": catalogs, "published": published_decisions(org)[:50],
    })
