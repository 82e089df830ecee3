from fazhi.core.ledgers.forms import RecordForm
from fazhi.publicity.models import LegalLiaison, LiaisonTraining, PublicityEvent


class PublicityEventForm(RecordForm):
    class Meta:
        model = PublicityEvent
        fields = [
            "held_on", "title", "campaign", "channel", "place", "village", "organiser",
            "audience", "materials", "consultations", "notes",
        ]


class LegalLiaisonForm(RecordForm):
    class Meta:
        model = LegalLiaison
        fields = ["name", "kind", "village", "phone", "registered_on", "notes"]


class LiaisonTrainingForm(RecordForm):
    class Meta:
        model = LiaisonTraining
        fields = ["held_on", "topic", "mode", "trainer", "participants"]
