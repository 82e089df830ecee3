from __future__ import annotations

from django import forms

from fazhi.core.ledgers.forms import RecordForm
from fazhi.schools.models import School, SchoolLesson, VicePrincipal
from fazhi.schools.selectors import in_office


class _SchoolChoiceMixin:
    """The school list is the township's own roster (another township's school is not a valid choice)."""

    def _limit_schools(self) -> None:
        field = self.fields["school"]
        field.queryset = School.objects.active().filter(organisation=self.organisation)
        field.empty_label = "请选择学校"


class SchoolForm(RecordForm):
    class Meta:
        model = School
        fields = ["name", "stage", "village", "pupils", "listed_on", "closed_on"]

    def clean(self):
        data = super().clean()
        listed, closed = data.get("listed_on"), data.get("closed_on")
        if listed and closed and closed < listed:
            self.add_error("closed_on", f"“撤并（停办）日期”不能早于列入名册日期（{listed:%Y-%m-%d}）")
        return data


class VicePrincipalForm(_SchoolChoiceMixin, RecordForm):
    class Meta:
        model = VicePrincipal
        fields = ["school", "name", "employer_kind", "employer", "phone", "appointed_on", "term_ends_on", "ended_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_schools()

    def clean(self):
        data = super().clean()
        appointed = data.get("appointed_on")
        for name, label in (("term_ends_on", "聘期届满日期"), ("ended_on", "离任（解聘）日期")):
            value = data.get(name)
            if appointed and value and value < appointed:
                self.add_error(name, f"“{label}”不能早于聘任日期（{appointed:%Y-%m-%d}）")
        return data


class SchoolLessonForm(_SchoolChoiceMixin, RecordForm):
    class Meta:
        model = SchoolLesson
        fields = ["school", "held_on", "kind", "topic", "lecturer", "audience"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_schools()

    def clean(self):
        data = super().clean()
        school, held = data.get("school"), data.get("held_on")
        if school and held and not in_office(held).filter(school=school).exists():
            self.add_error("school", forms.ValidationError(
                f"{school}在{held:%Y-%m-%d}没有在任的法治副校长，请先在“法治副校长聘任”中登记聘任情况"
            ))
        return data
