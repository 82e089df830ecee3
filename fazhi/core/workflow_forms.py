"""Form pieces every workflow page uses: dates, several files at once, and a service's refusal on the form."""
from __future__ import annotations

from django import forms

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, widget=DATE_WIDGET, error_messages={"invalid": f"{label}格式应为 年-月-日，如 2025-10-09"}, **kwargs
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)) and data:
            return [single(d, initial) for d in data]
        cleaned = single(data or None, initial)  # raises "required" when nothing was uploaded
        return [cleaned] if cleaned else []


def apply_service_errors(form: forms.Form, exc, field_map: dict[str, str] | None = None) -> None:
    """Put a service's ValidationError on the form: on the named field when the form has it."""
    field_map = field_map or {}
    if hasattr(exc, "error_dict"):
        for key, errors in exc.message_dict.items():
            name = field_map.get(key, key)
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class VoidForm(forms.Form):
    reason = forms.CharField(label="作废原因", max_length=200, error_messages={"required": "作废必须填写原因"})
