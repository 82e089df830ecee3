from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db.models import Sum

from fazhi.assessment.models import Assessee, AssessmentCriterion, AssessmentScore
from fazhi.assessment.scoring import measure, village_indicators
from fazhi.core.ledgers.forms import RecordForm
from fazhi.indicators.registry import format_value

FULL_MARKS = Decimal(100)


class AssessmentCriterionForm(RecordForm):
    indicator_key = forms.ChoiceField(label="按台账数据计分", required=False)

    class Meta:
        model = AssessmentCriterion
        fields = ["adopted_on", "name", "applies_to", "weight", "indicator_key", "target", "standard"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["indicator_key"]
        field.help_text = AssessmentCriterion._meta.get_field("indicator_key").help_text
        field.choices = [("", "不按台账计分（人工评分）")] + [
            (i.key, i.label) for i in village_indicators()  # the label alone: what the Excel export writes
        ]

    def clean(self):
        data = super().clean()
        key, target = data.get("indicator_key"), data.get("target")
        if key:
            if data.get("applies_to") == Assessee.DEPARTMENT:
                self.add_error("indicator_key", "部门没有按村（社区）统计的台账数据，考核部门的指标只能人工评分")
            if not target and "target" not in self.errors:
                self.add_error("target", "按台账数据计分的指标必须填写大于0的目标值")
        weight, adopted, applies_to = data.get("weight"), data.get("adopted_on"), data.get("applies_to")
        if weight is not None and adopted and applies_to:
            others = AssessmentCriterion.objects.active().filter(
                organisation=self.organisation, adopted_on__year=adopted.year, applies_to=applies_to,
            )
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            used = others.aggregate(total=Sum("weight"))["total"] or Decimal(0)
            if used + weight > FULL_MARKS:
                self.add_error("weight", f"{adopted.year}年对{Assessee(applies_to).label}的考核指标分值合计不能超过100分"
                                         f"（已有{format_value(used)}分，本项最多{format_value(max(FULL_MARKS - used, Decimal(0)))}分）")
        return data


class AssessmentScoreForm(RecordForm):
    class Meta:
        model = AssessmentScore
        fields = ["scored_on", "criterion", "assessee_kind", "village", "department", "score", "basis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = AssessmentCriterion.objects.active().filter(
            organisation=self.organisation
        )

    def clean(self):
        data = super().clean()
        criterion, kind = data.get("criterion"), data.get("assessee_kind")
        village, department = data.get("village"), (data.get("department") or "").strip()
        if kind == Assessee.VILLAGE and not village and "village" not in self.errors:
            self.add_error("village", "考核对象为村（社区）时必须选择村（社区）")
        if kind == Assessee.DEPARTMENT and not department:
            self.add_error("department", "考核对象为部门时必须填写部门名称")
        if criterion is None or not kind:
            return data
        if criterion.applies_to != kind:
            self.add_error("assessee_kind", f"“{criterion}”考核的是{criterion.get_applies_to_display()}")
            return data
        scored_on = data.get("scored_on")
        if scored_on and not (criterion.adopted_on <= scored_on and scored_on.year <= criterion.year + 1):
            self.add_error("scored_on", f"“评分日期”应在考核方案印发（{criterion.adopted_on:%Y-%m-%d}）之后、"
                                        f"{criterion.year + 1}年底之前")
        if criterion.indicator_key and village:
            try:
                measured = measure(criterion, village)
            except KeyError:
                self.add_error("criterion", f"“{criterion}”所选的数据指标已不存在，请先修改该考核指标")
                return data
            data["score"], data["basis"] = measured.score, measured.explanation
            self.instance.measured = measured.value
            return data
        self.instance.measured = None
        score = data.get("score")
        if score is None and "score" not in self.errors:
            self.add_error("score", "人工评分的指标必须填写得分")
        elif score is not None and score > criterion.weight:
            self.add_error("score", f"得分{format_value(score)}超过该指标的分值{format_value(criterion.weight)}分")
        if not (data.get("basis") or "").strip():
            self.add_error("basis", "人工评分必须写明评分依据（理由）")
        return data
