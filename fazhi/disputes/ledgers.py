from fazhi.core.ledgers import Ledger, register
from fazhi.disputes.forms import DisputeCaseForm
from fazhi.disputes.models import DisputeCase

register(Ledger(
    model=DisputeCase, slug="disputes", title="矛盾纠纷调处", form_class=DisputeCaseForm,
    date_field="received_on", group="矛盾纠纷调处", order=40, attachments=True,
    list_fields=("received_on", "summary", "category", "mode", "mediator", "outcome", "closed_on"),
    filter_fields=("category", "mode", "outcome", "village"), search_fields=("summary", "mediator", "dossier_no"),
))
