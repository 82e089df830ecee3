from fazhi.core.ledgers.forms import RecordForm
from fazhi.learning.models import CourtObservation, ExamRecord, StudySession


class StudySessionForm(RecordForm):
    class Meta:
        model = StudySession
        fields = ["held_on", "kind", "topic", "lecturer", "led_by_principal", "attendees"]


class ExamRecordForm(RecordForm):
    class Meta:
        model = ExamRecord
        fields = ["exam_on", "exam_name", "person_name", "post", "status", "score", "passed", "excellent"]


class CourtObservationForm(RecordForm):
    class Meta:
        model = CourtObservation
        fields = ["held_on", "court", "case_summary", "mode", "attendees", "attendee_names", "reflections_submitted"]
