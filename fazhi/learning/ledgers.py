from fazhi.core.ledgers import Ledger, register
from fazhi.learning.forms import CourtObservationForm, ExamRecordForm, StudySessionForm
from fazhi.learning.models import CourtObservation, ExamRecord, StudySession

GROUP = "学法用法考法"

register(Ledger(
    model=StudySession, slug="study-sessions", title="学法活动", form_class=StudySessionForm,
    date_field="held_on", group=GROUP, order=20,
    natural_key=("held_on", "topic"),
    list_fields=("held_on", "kind", "topic", "lecturer", "attendees"),
    filter_fields=("kind", "led_by_principal"), search_fields=("topic", "lecturer"),
))
register(Ledger(
    model=ExamRecord, slug="exam-records", title="学法考试成绩", form_class=ExamRecordForm,
    date_field="exam_on", group=GROUP, order=21,
    natural_key=("exam_on", "exam_name", "person_name"),
    list_fields=("exam_on", "person_name", "post", "status", "score", "passed", "excellent"),
    filter_fields=("status", "passed", "excellent"), search_fields=("person_name", "post"),
    help_text="每位干部职工一行；参考率、合格率、优秀率由此计算。",
))
register(Ledger(
    model=CourtObservation, slug="court-observations", title="旁听庭审", form_class=CourtObservationForm,
    date_field="held_on", group=GROUP, order=22,
    natural_key=("held_on", "court", "case_summary"),
    list_fields=("held_on", "court", "case_summary", "mode", "attendees"),
    filter_fields=("mode",), search_fields=("court", "case_summary", "attendee_names"),
))
