from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record


class DisputeCategory(models.TextChoices):
    LAND = "land", "土地山林"
    LABOUR = "labour", "劳动劳资"
    FAMILY = "family", "婚姻家庭"
    NEIGHBOUR = "neighbour", "邻里纠纷"
    DAMAGES = "damages", "损害赔偿"
    CONTRACT = "contract", "合同债务"
    EXPROPRIATION = "expropriation", "征地拆迁"
    PROPERTY = "property", "物业管理"
    ENVIRONMENT = "environment", "环境污染"
    TRAFFIC = "traffic", "交通事故"
    OTHER = "other", "其他"


class MediationMode(models.TextChoices):
    PEOPLES = "peoples", "人民调解"
    ADMINISTRATIVE = "administrative", "行政调解"
    JUDICIAL = "judicial", "司法调解"


class DisputeOutcome(models.TextChoices):
    OPEN = "open", "调解中"
    RESOLVED = "resolved", "调解成功"
    FAILED = "failed", "调解不成"
    TERMINATED = "terminated", "终止调解"


class AgreementForm(models.TextChoices):
    NONE = "none", "无"
    WRITTEN = "written", "书面调解协议"
    ORAL = "oral", "口头协议（已记录）"


class DisputeCase(Record):
    """A dispute taken in for mediation (人民调解法 Arts. 17–33)."""

    received_on = models.DateField("受理日期")
    summary = models.CharField("纠纷简况", max_length=200)
    category = models.CharField("纠纷类型", max_length=32, choices=DisputeCategory.choices)
    village = models.ForeignKey(
        Organisation, verbose_name="村（社区）", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    parties_count = models.PositiveIntegerField("当事人数", default=2, validators=[MinValueValidator(2)])
    mediator = models.CharField("调解员", max_length=50)
    mode = models.CharField("调解方式", max_length=32, choices=MediationMode.choices, default=MediationMode.PEOPLES)
    outcome = models.CharField("调处结果", max_length=16, choices=DisputeOutcome.choices, default=DisputeOutcome.OPEN)
    agreement = models.CharField("协议形式", max_length=16, choices=AgreementForm.choices, default=AgreementForm.NONE)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    dossier_no = models.CharField("卷宗号", max_length=40, blank=True)
    notes = models.TextField("备注", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "矛盾纠纷调处"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organisation", "received_on"]), models.Index(fields=["organisation", "closed_on"])]

    def __str__(self) -> str:
        return f"{self.received_on} {self.summary}"

    def clean(self) -> None:
        errors = {}
        if self.outcome == DisputeOutcome.OPEN and self.closed_on:
            errors["closed_on"] = "调解中的纠纷不应有办结日期；已办结请选择调处结果"
        if self.outcome != DisputeOutcome.OPEN and not self.closed_on:
            errors["closed_on"] = "已办结的纠纷必须填写办结日期"
        if self.closed_on and self.received_on and self.closed_on < self.received_on:
            errors["closed_on"] = "办结日期不能早于受理日期"
        if self.outcome == DisputeOutcome.RESOLVED and self.agreement == AgreementForm.NONE:
            errors["agreement"] = "调解成功须有书面或口头协议（人民调解法第二十八条）"
        if self.outcome != DisputeOutcome.RESOLVED and self.agreement != AgreementForm.NONE:
            errors["agreement"] = "只有调解成功的纠纷才有调解协议"
        if errors:
            raise ValidationError(errors)
