from fazhi.core.ledgers import Ledger, register
from fazhi.publicity.forms import LegalLiaisonForm, LiaisonTrainingForm, PublicityEventForm
from fazhi.publicity.models import LegalLiaison, LiaisonTraining, PublicityEvent

GROUP = "普法宣传"

register(Ledger(
    model=PublicityEvent, slug="publicity-events", title="普法宣传活动", form_class=PublicityEventForm,
    date_field="held_on", group=GROUP, order=10, attachments=True,
    natural_key=("held_on", "title", "village"),
    list_fields=("held_on", "title", "campaign", "channel", "village", "audience", "materials", "consultations"),
    filter_fields=("campaign", "channel", "village"), search_fields=("title", "place", "organiser"),
    help_text="线下活动计入“普法宣传活动”场次；线上活动单独统计。照片可在记录页上传。",
))
register(Ledger(
    model=LegalLiaison, slug="legal-liaisons", title="法律明白人名册", form_class=LegalLiaisonForm,
    date_field="registered_on", group=GROUP, order=11,
    natural_key=("name", "village"),
    list_fields=("name", "kind", "village", "registered_on"),
    filter_fields=("kind", "village"), search_fields=("name",),
))
register(Ledger(
    model=LiaisonTraining, slug="liaison-trainings", title="法律明白人培训", form_class=LiaisonTrainingForm,
    date_field="held_on", group=GROUP, order=12,
    natural_key=("held_on", "topic"),
    list_fields=("held_on", "topic", "mode", "trainer", "participants"),
    filter_fields=("mode",), search_fields=("topic",),
))
