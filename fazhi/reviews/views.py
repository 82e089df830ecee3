"""The legality-review queue pages: the queue, one item's page with its actions, registering an "other" matter."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.core.attachments import attachments_for
from fazhi.core.history import history_entries
from fazhi.core.roles import REVIEW_OPINION
from fazhi.core.kit.lists import list_page
from fazhi.core.kit.workbench import Workbench
from fazhi.core.scoping import can_write_record, get_readable_or_404, readable_orgs, require_writer, scoped, writable_org
from fazhi.core.transitions import timeline
from fazhi.core.workflow_views import perform
from fazhi.reviews import services
from fazhi.reviews.choices import Opinion, ReviewStatus, SubjectKind
from fazhi.reviews.filters import ReviewFilter
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
    filters = ReviewFilter(request.GET, scoped(LegalityReview.objects.active(), request.user), defaults={"status": "open"})
    context = list_page(request, filters.qs.select_related("organisation", "reviewer").order_by("submitted_on", "id"))
    orgs = readable_orgs(request.user)
    return render(request, "reviews/queue.html", {
        **context, "rows": with_clock(context["page"].object_list), "status": filters.cleaned("status"),
        "status_filters": STATUS_FILTERS, "kinds": SubjectKind.choices, "kind": filters.cleaned("kind"),
        "year": filters.cleaned("year"), "orgs": orgs if orgs.count() > 1 else [],
        "can_write": writable_org(request.user) is not None,
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
    own_township = can_write_record(request.user, review, area=None)  # any role of the township: the reviewer's side
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


bench = Workbench(LegalityReview, page=_detail, detail_route="review_detail", name="review")
take = bench.step("take", TakeForm, lambda r, u, d: services.review_take(r, user=u, on=d["taken_on"]), "已受理，开始审查",
                  area=REVIEW_OPINION)
conclude = bench.step("conclude", ConcludeForm, lambda r, u, d: services.review_conclude(
    r, user=u, opinion=d["opinion"], reasons=d["reasons"], suggestions=d["suggestions"],
    concluded_on=d["concluded_on"], files=d["files"],
), "已出具审查意见", area=REVIEW_OPINION)
withdraw = bench.step("withdraw", WithdrawForm, lambda r, u, d: services.review_withdraw(r, user=u, reason=d["reason"]),
                      "已撤回")
void = bench.void(services.review_void)
