"""The edit form of an annual report. It validates; saving is services.report_save."""
from __future__ import annotations

from django import forms

from fazhi.reports.compose import MARKER, THEME_NAMES, THEMES
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport
from fazhi.reports.writing import markers

THEME_MARKERS = "、".join(f"【数据：{t.name}】" for t in THEMES)


class AnnualReportForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ("addressee", "title", "signature", "dated", *NARRATIVE_FIELDS)
        widgets = {
            "dated": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f: forms.Textarea(attrs={"rows": 12}) for f in NARRATIVE_FIELDS},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intro_text"].widget.attrs["rows"] = 4
        self.fields["other_text"].widget.attrs["rows"] = 4

    def _clean_markers(self, name: str) -> str:
        text = self.cleaned_data.get(name, "")
        unknown = sorted({m.strip() for m in MARKER.findall(text) if not markers.known(m.strip(), THEME_NAMES)})
        if unknown:
            raise forms.ValidationError(f"未知的数据标记：{'、'.join('【数据：' + u + '】' for u in unknown)}")
        return text

    def clean(self):
        cleaned = super().clean()
        for name in NARRATIVE_FIELDS:
            try:
                cleaned[name] = self._clean_markers(name)
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned
