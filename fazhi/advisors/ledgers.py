from fazhi.advisors.forms import AdvisorAssignmentForm, AdvisorServiceForm, LegalAdvisorForm, LegalAidReferralForm
from fazhi.advisors.models import AdvisorAssignment, AdvisorService, LegalAdvisor, LegalAidReferral
from fazhi.core.ledgers import Ledger, register
from fazhi.core.masking import mask_name

GROUP = "法律顾问与法律援助"


def _masked_applicants(rows: list[LegalAidReferral]) -> list[str]:
    return [mask_name(r.applicant) for r in rows]


register(Ledger(
    model=LegalAdvisor, slug="legal-advisors", title="法律顾问", form_class=LegalAdvisorForm,
    date_field="contract_start", group=GROUP, order=70,
    natural_key=("name", "contract_start"),
    list_fields=("name", "kind", "firm", "for_government", "contract_start", "contract_end"),
    filter_fields=("kind", "for_government"), search_fields=("name", "firm"),
))
register(Ledger(
    model=AdvisorAssignment, slug="advisor-assignments", title="村（社区）法律顾问配备", form_class=AdvisorAssignmentForm,
    date_field="starts_on", group=GROUP, order=71,
    natural_key=("village", "advisor", "starts_on"),
    list_fields=("village", "advisor", "starts_on", "ends_on"), filter_fields=("village",),
    help_text="一村（社区）一法律顾问：年度指标“法律顾问覆盖村（社区）”按年末仍在配备期内的村（社区）计；未配备的村见仪表盘提示。",
))
register(Ledger(
    model=AdvisorService, slug="advisor-services", title="法律顾问服务台账", form_class=AdvisorServiceForm,
    date_field="held_on", group=GROUP, order=72,
    natural_key=("held_on", "advisor", "kind", "village"),
    list_fields=("held_on", "advisor", "kind", "quantity", "village", "note"), filter_fields=("kind", "village"),
    search_fields=("note",),
))
register(Ledger(
    model=LegalAidReferral, slug="legal-aid", title="法律援助申请与指引", form_class=LegalAidReferralForm,
    date_field="received_on", group=GROUP, order=73,
    natural_key=("received_on", "applicant", "matter"),
    list_fields=("received_on", "matter", "referred_to", "outcome"), filter_fields=("outcome",),
    search_fields=("matter",), computed=(("申请人", _masked_applicants),),
))
