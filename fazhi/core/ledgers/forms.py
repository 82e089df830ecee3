from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind

EARLIEST_YEAR = 2000


class RecordForm(forms.ModelForm):
    """Base form of every ledger: villages limited to the township, sane dates.

    ``report_year`` (used by imports) additionally requires each date to fall in that year.
    Dates may not lie in the future, except the fields a form names in ``future_dates`` (deadlines).
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
            elif value.year < EARLIEST_YEAR:
                self.add_error(name, f"“{label}”早于{EARLIEST_YEAR}年，请检查")
            elif self.report_year and value.year != self.report_year and name == self.report_date_field:
                self.add_error(name, f"“{label}”{value:%Y-%m-%d}不在所选年度（{self.report_year}年）内")
        return data

