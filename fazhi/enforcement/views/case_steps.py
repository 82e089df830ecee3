"""The steps of a penalty case (告知, 陈述申辩, 听证, 法制审核, 决定, 送达, 执行, 结案, 公示, 复议诉讼): each step's form
posts to its own URL and runs one service; a refusal re-renders the case page with the Chinese reason (naming
the article) on the form, with status 400.
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from fazhi.core.scoping import get_writable_or_404
from fazhi.core.workflow_views import perform
from fazhi.enforcement import forms as f
from fazhi.enforcement import services
from fazhi.enforcement.models import PenaltyCase
from fazhi.enforcement.views.cases import case_page


def _step(name, form_class, run, success, org_form=False):
    @login_required
    @require_POST
    def view(request, pk: int):
        case = get_writable_or_404(PenaltyCase.objects.all(), request.user, pk)
        kwargs = {"organisation": case.organisation} if org_form else {}
        form = form_class(request.POST, request.FILES, **kwargs)
        done = perform(request, form, lambda d: run(case, request.user, d), success=success,
                       redirect_to=lambda: redirect("enforcement_case", pk=case.pk))
        case.refresh_from_db()
        return done or case_page(request, case, {name: form}, status=400)
    view.__name__ = f"case_{name}"
    return view


def _decide(case, user, d):
    return services.case_decide(case, user=user, **d)


evidence_add = _step("evidence", f.EvidenceForm, lambda c, u, d: services.evidence_record(c, user=u, **d),
                     "已登记调查取证", org_form=True)
notify = _step("notice", f.NoticeForm, lambda c, u, d: services.case_notify(c, user=u, **d), "已登记告知")
statement = _step("statement", f.StatementForm, lambda c, u, d: services.statement_record(c, user=u, **d), "已登记陈述申辩")
hearing_request = _step("hearing_request", f.HearingRequestForm, lambda c, u, d: services.hearing_request(c, user=u, **d),
                        "已登记听证申请")
hearing = _step("hearing", f.HearingForm, lambda c, u, d: services.hearing_hold(c, user=u, **d), "已登记听证")
review = _step("review", f.ReviewForm, lambda c, u, d: services.send_for_legal_review(c, user=u, **d), "已送法制审核")
extend = _step("extend", f.ExtensionForm, lambda c, u, d: services.extend_decision_limit(c, user=u, **d), "已延长办案期限")
decide = _step("decide", f.DecisionForm, _decide, "已作出行政处罚决定")
serve = _step("serve", f.ServiceForm, lambda c, u, d: services.case_serve(c, user=u, **d), "已登记送达")
execute = _step("execute", f.ExecutionForm, lambda c, u, d: services.case_execute(c, user=u, **d), "已登记执行")
close = _step("close", f.CloseForm, lambda c, u, d: services.case_close(c, user=u, **d), "已结案归档")
publish = _step("publish", f.PublishForm, lambda c, u, d: services.case_publish(c, user=u, **d), "已在公开门户公示")
withdraw = _step("withdraw", f.WithdrawForm, lambda c, u, d: services.case_withdraw_publication(c, user=u, **d), "已撤下公示")
remedy = _step("remedy", f.RemedyForm, lambda c, u, d: services.remedy_record(c, user=u, **d), "已登记复议（诉讼）")
