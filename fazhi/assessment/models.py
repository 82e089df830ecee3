"""目标管理考核: the township's own yearly assessment of its villages (communities) and departments on
rule-of-law work — criteria with weights, and a score per criterion and assessee.

A criterion may name an indicator of the registry and a target: its score for a village is then computed
from the township's records of that village (see scoring.py); otherwise a score is entered by hand with
its reason.
"""
from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record


class Assessee(models.TextChoices):
    VILLAGE = "village", "村（社区）"
    DEPARTMENT = "department", "机关站所（部门）"


def indicator_choices() -> list[tuple[str, str]]:
    """Every indicator of the registry as (key, Chinese label): a record page and the Excel export show the label."""
    from fazhi.indicators.registry import all_indicators

    return [(indicator.key, indicator.label) for indicator in all_indicators()]


class AssessmentCriterion(Record):
    adopted_on = models.DateField("考核方案印发日期", help_text="考核年度即此日期所在年度")
    name = models.CharField("考核内容", max_length=100, help_text="如：开展普法宣传活动")
    applies_to = models.CharField("考核对象", max_length=16, choices=Assessee.choices, default=Assessee.VILLAGE)
    weight = models.DecimalField("分值", max_digits=5, decimal_places=1, validators=[MinValueValidator(0)])
    indicator_key = models.CharField(
        "按台账数据计分", max_length=60, blank=True, choices=indicator_choices,
        help_text="选择一项按村（社区）统计的指标，得分 = 分值 × 实际值 ÷ 目标值（达到目标值即得满分）；不选则人工评分",
    )
    target = models.DecimalField("目标值", max_digits=10, decimal_places=1, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    standard = models.TextField("评分标准", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "考核指标"
        ordering = ["-adopted_on", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def year(self) -> int:
        return self.adopted_on.year


class AssessmentScore(Record):
    scored_on = models.DateField("评分日期")
    criterion = models.ForeignKey(AssessmentCriterion, verbose_name="考核指标", on_delete=models.PROTECT, related_name="scores")
    assessee_kind = models.CharField("考核对象类别", max_length=16, choices=Assessee.choices, default=Assessee.VILLAGE)
    village = models.ForeignKey(
        Organisation, verbose_name="村（社区）", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    department = models.CharField("部门", max_length=40, blank=True, help_text="考核对象为机关站所时填写，如：综治中心")
    score = models.DecimalField("得分", max_digits=5, decimal_places=1, null=True, blank=True,
                                validators=[MinValueValidator(0)],
                                help_text="人工评分时填写；按台账数据计分的指标由系统计算，填写的数字不采用")
    basis = models.TextField("评分依据", blank=True, help_text="人工评分必须写明理由；按台账数据计分时由系统写出计算过程")
    measured = models.DecimalField("台账实际值", max_digits=14, decimal_places=1, null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "考核评分"
        ordering = ["-scored_on", "-id"]

    def __str__(self) -> str:
        return f"{self.assessee_name} {self.criterion}：{self.score}分"

    @property
    def assessee_name(self) -> str:
        return str(self.village) if self.assessee_kind == Assessee.VILLAGE and self.village_id else self.department
