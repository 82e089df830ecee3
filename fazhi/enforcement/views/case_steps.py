"""The steps of a penalty case (告知, 陈述申辩, 听证, 法制审核, 决定, 送达, 执行, 结案, 公示, 复议诉讼): each step's form
posts to its own URL and runs one service; a refusal re-renders the case page with the Chinese reason (naming
the article) on the form, with status 400.
"""
from __future__ import annotations

from fazhi.core.kit.workbench import Workbench
from fazhi.enforcement import forms as f
from fazhi.enforcement import services
from fazhi.enforcement.models import PenaltyCase
from fazhi.enforcement.views.cases import case_page


bench = Workbench(PenaltyCase, page=case_page, detail_route="enforcement_case", name="case")


def _township(case: PenaltyCase) -> dict:
    return {"organisation": case.organisation}  # the form offers the township's own officers


def _decide(case, user, d):
    return services.case_decide(case, user=user, **d)


evidence_add = bench.step("evidence", f.EvidenceForm, lambda c, u, d: services.evidence_record(c, user=u, **d),
                     "已登记调查取证", form_kwargs=_township)
notify = bench.step("notice", f.NoticeForm, lambda c, u, d: services.case_notify(c, user=u, **d), "已登记告知")
statement = bench.step("statement", f.StatementForm, lambda c, u, d: services.statement_record(c, user=u, **d), "已登记陈述申辩")
hearing_request = bench.step("hearing_request", f.HearingRequestForm, lambda c, u, d: services.hearing_request(c, user=u, **d),
                        "已登记听证申请")
hearing = bench.step("hearing", f.HearingForm, lambda c, u, d: services.hearing_hold(c, user=u, **d), "已登记听证")
review = bench.step("review", f.ReviewForm, lambda c, u, d: services.send_for_legal_review(c, user=u, **d), "已送法制审核")
extend = bench.step("extend", f.ExtensionForm, lambda c, u, d: services.extend_decision_limit(c, user=u, **d), "已延长办案期限")
decide = bench.step("decide", f.DecisionForm, _decide, "已作出行政处罚决定")
serve = bench.step("serve", f.ServiceForm, lambda c, u, d: services.case_serve(c, user=u, **d), "已登记送达")
execute = bench.step("execute", f.ExecutionForm, lambda c, u, d: services.case_execute(c, user=u, **d), "已登记执行")
close = bench.step("close", f.CloseForm, lambda c, u, d: services.case_close(c, user=u, **d), "已结案归档")
publish = bench.step("publish", f.PublishForm, lambda c, u, d: services.case_publish(c, user=u, **d), "已在公开门户公示")
withdraw = bench.step("withdraw", f.WithdrawForm, lambda c, u, d: services.case_withdraw_publication(c, user=u, **d), "已撤下公示")
remedy = bench.step("remedy", f.RemedyForm, lambda c, u, d: services.remedy_record(c, user=u, **d), "已登记复议（诉讼）")
