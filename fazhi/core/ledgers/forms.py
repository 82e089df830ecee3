from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone

from fazhi.core import bounds
from fazhi.core.models import Organisation, OrgKind

EARLIEST_YEAR = 2000


class RecordForm(forms.ModelForm):
    """Base form of every ledger: villages limited to the township, sane dates.

    ``report_year`` (used by imports) additionally requires each date to fall in that year.
    Dates may not lie in the future, except the fields a form names in ``future_dates`` (deadlines), and
    never after 2100; numbers and years keep to their realistic bounds (fazhi/core/bounds.py).
    """

    future_dates: tuple[str, ...] = ()

    def __init__(
        self,
        *args,
        organisation: Organisation,
        report_year: int | None = None,
        report_date_field: str | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        self.report_year = report_year
        self.report_date_field = report_date_field
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is Organisation:
                villages = organisation.villages()
                current = getattr(self.instance, f"{name}_id", None) if self.instance.pk else None
                if current:  # a village since merged (deactivated) stays valid on its old records
                    villages = Organisation.objects.filter(
                        Q(pk__in=villages) | Q(pk=current, parent=organisation, kind=OrgKind.VILLAGE)
                    )
                field.queryset = villages
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            if isinstance(field, forms.IntegerField) and field.min_value is None:
                field.min_value = 0
                field.validators.append(MinValueValidator(0))  # setting min_value after __init__ validates nothing
                field.widget.attrs.setdefault("min", 0)
            self._apply_bound(name, field)

    def _apply_bound(self, name: str, field: forms.Field) -> None:
        """The model field's realistic bound on the form field, with a message naming both."""
        if not isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
            return
        try:
            model_field = self._meta.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a form-only field: the generic count bound
            model_field = None
        bound = bounds.bound_for(model_field) if model_field is not None else bounds.Bound(None, bounds.COUNT_MAX)
        if bound is None:
            return
        message = bound.message(str(field.label or name))
        field.validators.append(MaxValueValidator(bound.high, message=message))
        field.widget.attrs["max"] = bound.high
        if bound.year:
            field.validators.append(MinValueValidator(bound.low, message=message))
            field.widget.attrs["min"] = bound.low

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name, field in self.fields.items():
            value = data.get(name)
            if not isinstance(field, forms.DateField) or not isinstance(value, dt.date):
                continue
            label = field.label
            if value > today and name not in self.future_dates:
                self.add_error(name, f"“{label}”不能晚于今天（{today:%Y-%m-%d}）")
            elif value > bounds.DATE_MAX:
                self.add_error(name, f"“{label}”晚于{bounds.YEAR_MAX}年，请检查")
            elif value.year < EARLIEST_YEAR:
                self.add_error(name, f"“{label}”早于{EARLIEST_YEAR}年，请检查")
            elif self.report_year and value.year != self.report_year and name == self.report_date_field:
                self.add_error(name, f"“{label}”{value:%Y-%m-%d}不在所选年度（{self.report_year}年）内")
        return data



class ImportDecisionForm(forms.Form):
    """The second step of an Excel import, when the file was imported before or repeats records
    (fazhi/core/ledgers/excel.py): the staged file's token and the user's choice, one button each."""

    CHOICES = [("new_only", "只导入新的行"), ("all", "全部导入"), ("cancel", "取消，不导入")]
    _INVALID = "待确认的导入无效或已过期，请重新选择文件上传"

    staged = forms.CharField(max_length=64, widget=forms.HiddenInput,
                             error_messages={"required": _INVALID, "max_length": _INVALID})
    choice = forms.ChoiceField(choices=CHOICES, error_messages={
        "required": "请选择：只导入新的行、全部导入或取消", "invalid_choice": "请选择：只导入新的行、全部导入或取消"})
