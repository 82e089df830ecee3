"""The edit form of an annual report, the editor's preview request, and the figures the editor shows as chips.

The form validates; saving is services.report_save. Staff text keeps each number as a marker (writing/markers.py);
the editor (static/fazhi/report-editor.js) shows every marker as a chip with its label and current value, which
``marker_chips`` computes with the same ``markers.render`` the report uses.
"""
from __future__ import annotations

from collections.abc import Iterable

from django import forms

from fazhi.reports.compose import MARKER, THEME_NAMES, THEMES, ReportData, theme_sentence
from fazhi.reports.models import NARRATIVE_FIELDS, AnnualReport
from fazhi.reports.structure import FigureRun
from fazhi.reports.writing import markers
from fazhi.reports.writing.records import RECORD_FIGURES

THEME_MARKERS = "、".join(f"【数据：{t.name}】" for t in THEMES)
PREVIEW_MAX_CHARS = 100_000  # a part of a real report is a few thousand characters
CHIP_VALUE_CHARS = 40  # a whole-theme marker's sentence is shortened on its chip


def unknown_markers(text: str) -> list[str]:
    """The names of markers in ``text`` that no figure or theme has."""
    return sorted({m.strip() for m in MARKER.findall(text) if not markers.known(m.strip(), THEME_NAMES)})


def unknown_markers_message(names: Iterable[str]) -> str:
    return f"未知的数据标记：{'、'.join('【数据：' + name + '】' for name in names)}"


class AnnualReportForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ("addressee", "title", "signature", "dated", *NARRATIVE_FIELDS)
        widgets = {
            "dated": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f: forms.Textarea(attrs={"rows": 12, "data-part-text": f}) for f in NARRATIVE_FIELDS},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intro_text"].widget.attrs["rows"] = 4
        self.fields["other_text"].widget.attrs["rows"] = 4

    def _clean_markers(self, name: str) -> str:
        text = self.cleaned_data.get(name, "")
        unknown = unknown_markers(text)
        if unknown:
            raise forms.ValidationError(unknown_markers_message(unknown))
        return text

    def clean(self):
        cleaned = super().clean()
        for name in NARRATIVE_FIELDS:
            try:
                cleaned[name] = self._clean_markers(name)
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned


def _text_field() -> forms.CharField:
    return forms.CharField(required=False, strip=False, max_length=PREVIEW_MAX_CHARS, error_messages={
        "max_length": f"文字过长：每部分不超过{PREVIEW_MAX_CHARS}字（现为%(show_value)d字）",
    })


class ReportPreviewForm(forms.Form):
    """A part's draft text (``text``) to preview, with the other parts' drafts as the editor has them (optional,
    by field name: a theme whose figures were all removed is reported at the end of its home part)."""

    part = forms.ChoiceField(
        choices=[(f, AnnualReport._meta.get_field(f).verbose_name) for f in NARRATIVE_FIELDS],
        error_messages={"required": "请指明预览报告的哪一部分", "invalid_choice": "报告没有这一部分：%(value)s"},
    )
    text = _text_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in NARRATIVE_FIELDS:
            self.fields[name] = _text_field()

    def clean(self):
        cleaned = super().clean()
        if "text" not in self.data:
            self.add_error("text", "缺少要预览的文字（text）")
        return cleaned

    def drafts(self) -> dict[str, str]:
        """Every part the request carries, the previewed part's ``text`` winning over its field."""
        texts = {f: self.cleaned_data[f] for f in NARRATIVE_FIELDS if f in self.data}
        texts[self.cleaned_data["part"]] = self.cleaned_data["text"]
        return texts

    def first_error(self) -> str:
        return next(str(e) for errors in self.errors.values() for e in errors)


# ---------------------------------------------------------------- the editor's chips

def marker_names(text: str) -> list[str]:
    """The marker names of ``text`` in order of appearance, each once."""
    return list(dict.fromkeys(m.strip() for m in MARKER.findall(text)))


def marker_chips(names: Iterable[str], data: ReportData) -> dict[str, dict]:
    """For each marker name: its chip's label, the value the report prints for it now, and whether it is known."""
    w = data.writer
    themes = {t.name: t for t in THEMES if t.keys}
    chips = {}
    for name in names:
        if name in themes:
            sentence = "".join(r.text for r in theme_sentence(themes[name], w))
            value = sentence if len(sentence) <= CHIP_VALUE_CHARS else sentence[:CHIP_VALUE_CHARS] + "……"
            chips[name] = {"label": f"{name}（整句）", "value": value or "（暂无数据）", "known": True}
            continue
        found = markers.resolve(name)
        if found is None:
            chips[name] = {"label": name, "value": "未知标记", "known": False}
            continue
        run_list = markers.render(w, *found)
        label = name
        if found[1].startswith(markers.RECORD_FORM) and run_list and isinstance(run_list[0], FigureRun):
            label = run_list[0].label  # 【数据：其他来源数据·记录12】 reads as the record's own label
        chips[name] = {"label": label, "value": "".join(r.text for r in run_list) or "（暂无数据）", "known": True}
    return chips


def part_figures(defaults: dict[str, str], data: ReportData) -> dict[str, list[str]]:
    """The figures the editor offers to insert in each part: those of its default text, then those of the themes
    reported in it that have data (each figure, then the theme's whole sentence). Under the key "" every figure
    with data, for any part."""
    w = data.writer
    offered = {f: marker_names(defaults.get(f, "")) for f in NARRATIVE_FIELDS}
    every: list[str] = []
    for theme in THEMES:
        names = offered[theme.home]
        for key in theme.keys:
            if key in RECORD_FIGURES or w.figure(key) is None:
                continue  # a record's figure is offered through its own marker, found in the default text
            name = markers.marker_name(key)
            every.append(name)
            if name not in names:
                names.append(name)
        if theme.keys and theme_sentence(theme, w):
            names.append(theme.name)
    offered[""] = list(dict.fromkeys(every))
    return offered
