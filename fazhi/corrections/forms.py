from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from fazhi.core.models import Organisation, OrgKind
from fazhi.core.workflow_forms import DATE_WIDGET, date_field
from fazhi.corrections.models import ContactKind, ContactLog, Incident, Supervisee

ID_NUMBER_CHARS = set("0123456789Xx")


class SuperviseeForm(forms.ModelForm):
    class Meta:
        model = Supervisee
        fields = ("kind", "number", "name", "gender", "id_number", "phone", "village", "correction_type", "offence",
                  "period_start", "period_end", "ended_on", "end_reason")
        widgets = {"period_start": DATE_WIDGET, "period_end": DATE_WIDGET, "ended_on": DATE_WIDGET}

    def __init__(self, *args, township: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.township = township
        self.fields["village"].queryset = Organisation.objects.filter(parent=township, kind=OrgKind.VILLAGE).order_by("code")
        for name in ("period_start", "period_end", "ended_on"):
            label = self.fields[name].label
            self.fields[name].error_messages["invalid"] = f"{label}格式应为 年-月-日，如 2025-10-09"

    def clean_id_number(self):
        value = (self.cleaned_data.get("id_number") or "").strip().upper()
        if value and (len(value) != 18 or not set(value) <= ID_NUMBER_CHARS or "X" in value[:-1]):
            raise forms.ValidationError("身份证号应为18位（最后一位可为X）")
        return value

    def clean_number(self):
        number = (self.cleaned_data.get("number") or "").strip()
        clash = Supervisee.objects.active().filter(organisation=self.township, number=number)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("本所已有相同编号的对象")
        return number


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactLog
        fields = ("on", "kind", "note")
        widgets = {"on": DATE_WIDGET}

    def __init__(self, *args, supervisee: Supervisee | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.supervisee = supervisee
        self.fields["on"].error_messages["invalid"] = "日期格式应为 年-月-日，如 2025-10-09"
        self.fields["on"].initial = timezone.localdate

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError("不能登记今天以后的联系")
        if self.supervisee and not self.supervisee.under_supervision_on(day):
            raise forms.ValidationError("该日期不在矫正（帮教）期内")
        return day


class IncidentForm(forms.ModelForm):
    class Meta:
        model = Incident
        fields = ("on", "kind", "note")
        widgets = {"on": DATE_WIDGET}

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError("发生日期不能晚于今天")
        return day


class DailyContactForm(forms.Form):
    """One click for the day's calls: the people called, the day and the way."""

    on = date_field("日期", initial=timezone.localdate)
    kind = forms.ChoiceField(label="方式", choices=ContactKind.choices, initial=ContactKind.PHONE)
    people = forms.ModelMultipleChoiceField(label="对象", queryset=Supervisee.objects.none(),
                                            widget=forms.CheckboxSelectMultiple,
                                            error_messages={"required": "请至少选择一名对象"})

    def __init__(self, *args, township: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = Supervisee.objects.active().filter(organisation=township)

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError("不能登记今天以后的联系")
        if day < timezone.localdate() - dt.timedelta(days=366):
            raise forms.ValidationError("只能补登一年以内的联系")
        return day


class VoidForm(forms.Form):
    reason = forms.CharField(label="作废原因", max_length=200, error_messages={"required": "作废必须填写原因"})


