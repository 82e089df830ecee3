"""The legality-review queue pages: the queue, one item's page with its actions, registering an "other" matter."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.roles import REVIEW_OPINION
from fazhi.core.scoping import get_readable_or_404, get_writable_or_404, readable_orgs, scoped, writable_org
from fazhi.core.transitions import record_transition, timeline
from fazhi.core.views.ledgers import VoidForm
from fazhi.core.workflow_views import can_write_record, perform, require_writer
from fazhi.reviews import services
from fazhi.reviews.choices import OPEN_STATUSES, Opinion, ReviewStatus, SubjectKind
from fazhi.reviews.forms import ConcludeForm, OtherMatterForm, TakeForm, WithdrawForm
from fazhi.reviews.models import LegalityReview
from fazhi.reviews.rules import MINIMUM_BASIS, minimum_days
from fazhi.reviews.selectors import with_clock

STATUS_FILTERS = {
    "open": "待审查和审查中",
    ReviewStatus.CONCLUDED.value: ReviewStatus.CONCLUDED.label,
    ReviewStatus.WITHDRAWN.value: ReviewStatus.WITHDRAWN.label,
    "all": "全部",
}


@login_required
def queue(request):
    qs = scoped(LegalityReview.objects.all(), request.user).filter(voided_at__isnull=True)
    status = request.GET.get("status", "open")
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status in ReviewStatus.values:
        qs = qs.filter(status=status)
    kind = request.GET.get("kind", "")
    if kind in SubjectKind.values:
        qs = qs.filter(kind=kind)
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(submitted_on__year=int(year))
    org_code = request.GET.get("org", "")
    if org_code:
        qs = qs.filter(organisation__code=org_code)
    page = Paginator(qs.select_related("organisation", "reviewer").order_by("submitted_on", "id"), 50).get_page(
        request.GET.get("page")
    )
    orgs = readable_orgs(request.user)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "reviews/queue.html", {
        "page": page, "rows": with_clock(page.object_list), "status": status, "status_filters": STATUS_FILTERS,
        "kinds": SubjectKind.choices, "kind": kind, "year": year, "query": query.urlencode(),
        "orgs": orgs if orgs.count() > 1 else [], "can_write": writable_org(request.user) is not None,
    })


@login_required
def register_other(request):
    org = require_writer(request.user)
    form = OtherMatterForm(request.POST or None, initial={"submitted_on": timezone.localdate()})
    if request.method == "POST":
        created = {}

        def action(data):
            created["review"] = services.review_request(organisation=org, kind=SubjectKind.OTHER, user=request.user, **data)

        done = perform(request, form, action, success="已登记送审事项",
                       redirect_to=lambda: redirect("review_detail", pk=created["review"].pk))
        if done:
            return done
    return render(request, "reviews/register.html", {"form": form})


def _detail(request, review, forms=None, status=200):
    forms = forms or {}
    row = with_clock([review])[0]
    can_write = can_write_record(request.user, review)  # the sender's side: withdraw, void
    own_township = writable_org(request.user) is not None and writable_org(request.user).pk == review.organisation_id
    refusal = services.reviewer_refusal(request.user, review) if own_township else None
    context = {
        "object": review, "row": row, "subject": services.subject_of(review), "attachments": attachments_for(review),
        "timeline": timeline(review), "history": history_entries(review), "can_write": can_write,
        "minimum": minimum_days(review.kind), "minimum_basis": MINIMUM_BASIS.get(review.kind, ""),
        "is_reviewer": own_township and refusal is None, "reviewer_refusal": refusal,
    }
    if own_township and review.is_open and not review.is_void:
        today = timezone.localdate()
        reviewing = refusal is None
        context["forms"] = {
            "take": forms.get("take") or (TakeForm(initial={"taken_on": today})
                                          if reviewing and review.status == ReviewStatus.PENDING else None),
            "conclude": forms.get("conclude") or (ConcludeForm(initial={"concluded_on": today, "opinion": Opinion.APPROVED})
                                                  if reviewing else None),
            "withdraw": forms.get("withdraw") or (WithdrawForm() if can_write else None),
        }
    return render(request, "reviews/detail.html", context, status=status)


@login_required
def detail(request, pk: int):
    return _detail(request, get_readable_or_404(LegalityReview.objects.all(), request.user, pk))


def _post(request, pk, form_class, name, action, success, area=""):
    review = get_writable_or_404(LegalityReview.objects.all(), request.user, pk, area=area)
    form = form_class(request.POST, request.FILES)
    done = perform(request, form, lambda data: action(review, data), success=success,
                   redirect_to=lambda: redirect("review_detail", pk=review.pk))
    return done or _detail(request, review, {name: form}, status=400)


@login_required
@require_POST
def take(request, pk: int):
    return _post(request, pk, TakeForm, "take",
                 lambda r, d: services.review_take(r, user=request.user, on=d["taken_on"]), "已受理，开始审查",
                 area=REVIEW_OPINION)


@login_required
@require_POST
def conclude(request, pk: int):
    return _post(request, pk, ConcludeForm, "conclude", lambda r, d: services.review_conclude(
        r, user=request.user, opinion=d["opinion"], reasons=d["reasons"], suggestions=d["suggestions"],
        concluded_on=d["concluded_on"], files=d["files"],
    ), "已出具审查意见", area=REVIEW_OPINION)


@login_required
@require_POST
def withdraw(request, pk: int):
    return _post(request, pk, WithdrawForm, "withdraw",
                 lambda r, d: services.review_withdraw(r, user=request.user, reason=d["reason"]), "已撤回")


@login_required
@require_POST
def void(request, pk: int):
    review = get_writable_or_404(LegalityReview.objects.all(), request.user, pk)
    form = VoidForm(request.POST)
    if form.is_valid():
        try:
            review.void(reason=form.cleaned_data["reason"], user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            record_transition(review, action="作废", user=request.user, note=form.cleaned_data["reason"])
            messages.success(request, "已作废")
    else:
        messages.error(request, "作废必须填写原因")
    return redirect("review_detail", pk=review.pk)
