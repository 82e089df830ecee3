from django.urls import reverse
from django.utils import timezone

from fazhi.core.ledgers import Ledger, register
from fazhi.disputes import deadlines, services
from fazhi.disputes.forms import DisputeCaseForm, MediationCommitteeForm, MediatorForm
from fazhi.disputes.models import AgreementForm, DisputeCase, DisputeOutcome, MediationCommittee, Mediator

GROUP = "矛盾纠纷调处"


def _attention(cases: list[DisputeCase]) -> list[str]:
    today = timezone.localdate()
    out = []
    for c in cases:
        notes = []
        if c.outcome == DisputeOutcome.OPEN and deadlines.open_too_long(c.received_on, today):
            notes.append(f"调解已超过一个月（{(today - c.received_on).days}天）")
        if c.agreement_on and not c.confirmation_applied_on:
            deadline = deadlines.confirmation_deadline(c.agreement_on)
            notes.append(f"司法确认申请期限{deadline.due:%Y-%m-%d}{'（已过）' if deadline.overdue_on(today) else ''}")
        elif c.agreement_on and c.confirmation_applied_on:
            late = deadlines.confirmation_deadline(c.agreement_on).overdue_on(c.confirmation_applied_on)
            notes.append("已申请司法确认" + (f"（超过{deadlines.CONFIRMATION_WITHIN_DAYS}日）" if late else ""))
        out.append("；".join(notes))
    return out


register(Ledger(
    model=DisputeCase, slug="disputes", title="矛盾纠纷调处", form_class=DisputeCaseForm,
    date_field="received_on", group=GROUP, order=40, attachments=True,
    natural_key=("received_on", "category", "village", "summary"),
    list_fields=("received_on", "summary", "category", "mode", "mediator", "outcome", "closed_on", "dossier_no"),
    filter_fields=("category", "mode", "outcome", "village"), search_fields=("summary", "mediator", "dossier_no"),
    computed=(("提示", _attention),),
    detail_links=lambda case: [("下载调解协议书（Word）", reverse("dispute_agreement", args=[case.pk]))]
    if case.agreement == AgreementForm.WRITTEN else [],
    before_save=services.assign_dossier_number,
    help_text="各类纠纷的成功率见“各类纠纷调处成功率”页。一般应在一个月内调结；书面调解协议写明当事人、纠纷事实和责任、协议内容及履行方式和期限（人民调解法第二十九条），"
              "可在记录页下载协议书；协议生效之日起30日内可共同申请司法确认（第三十三条）。卷宗号留空时办结自动按年度编号。",
))
register(Ledger(
    model=MediationCommittee, slug="mediation-committees", title="人民调解委员会", form_class=MediationCommitteeForm,
    date_field="established_on", group=GROUP, order=41,
    natural_key=("name", "village"),
    list_fields=("name", "village", "established_on"), search_fields=("name",),
))
register(Ledger(
    model=Mediator, slug="mediators", title="人民调解员", form_class=MediatorForm,
    date_field="term_start", group=GROUP, order=42,
    natural_key=("committee", "name"),
    list_fields=("name", "committee", "role", "term_start", "term_end"), filter_fields=("role",), search_fields=("name",),
))
