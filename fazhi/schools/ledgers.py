from django.utils import timezone

from fazhi.core.ledgers import Ledger, register
from fazhi.schools.forms import SchoolForm, SchoolLessonForm, VicePrincipalForm
from fazhi.schools.models import School, SchoolLesson, VicePrincipal
from fazhi.schools.selectors import vice_principal_names

GROUP = "法治副校长"


def _vice_principals_today(objects):
    names = vice_principal_names(list(objects), timezone.localdate())
    return ["、".join(names[o.pk]) or "未配备" for o in objects]


def _in_office_today(objects):
    today = timezone.localdate()
    return ["在任" if o.in_office_on(today) else "已离任" if o.ended_on and o.ended_on <= today else "未到任" for o in objects]


register(Ledger(
    model=School, slug="schools", title="学校名册", form_class=SchoolForm,
    date_field="listed_on", group=GROUP, order=80,
    natural_key=("name",),
    list_fields=("name", "stage", "village", "pupils", "listed_on", "closed_on"),
    filter_fields=("stage", "village"), search_fields=("name",),
    computed=(("在任法治副校长", _vice_principals_today),),
    help_text="辖区内的学校。中小学校（不含幼儿园）计入法治副校长配备率；撤并的学校填写撤并日期，不要作废。",
))
register(Ledger(
    model=VicePrincipal, slug="vice-principals", title="法治副校长聘任", form_class=VicePrincipalForm,
    date_field="appointed_on", group=GROUP, order=81, attachments=True,
    natural_key=("school", "name", "appointed_on"),
    list_fields=("school", "name", "employer_kind", "employer", "appointed_on", "term_ends_on", "ended_on"),
    filter_fields=("employer_kind",), search_fields=("name", "employer"),
    computed=(("状态", _in_office_today),),
    help_text="每校一名或多名法治副校长（《中小学法治副校长聘任与管理办法》）。离任时填写离任日期；聘书可在记录页上传。",
))
register(Ledger(
    model=SchoolLesson, slug="school-lessons", title="法治副校长授课", form_class=SchoolLessonForm,
    date_field="held_on", group=GROUP, order=82, attachments=True,
    natural_key=("school", "held_on", "topic"),
    list_fields=("held_on", "school", "kind", "topic", "lecturer", "audience"),
    filter_fields=("kind",), search_fields=("topic", "lecturer"),
    help_text="法治副校长到校上法治课、开展讲座和法治实践活动；只能登记当日有在任法治副校长的学校。",
))
