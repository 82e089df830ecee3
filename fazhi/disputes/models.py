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
    dossier_no = models.CharField("卷宗号", max_length=40, blank=True, help_text="留空则办结时按年度自动编号")
    dossier_year = models.PositiveIntegerField("卷宗号年度", null=True, blank=True, editable=False)
    dossier_sequence = models.PositiveIntegerField("卷宗号序号", null=True, blank=True, editable=False)
    # 人民调解法 Art. 29: what a written agreement holds — the parties; the facts, issues and responsibilities;
    # the terms with how and by when they are performed.
    parties_text = models.TextField("当事人基本情况", blank=True, help_text="每行一方：姓名、性别、年龄、住址等")
    facts = models.TextField("纠纷主要事实、争议事项及各方责任", blank=True)
    terms = models.TextField("达成协议的内容", blank=True)
    performance = models.CharField("履行方式和期限", max_length=200, blank=True)
    agreement_on = models.DateField("协议生效日期", null=True, blank=True)
    confirmation_applied_on = models.DateField("申请司法确认日期", null=True, blank=True,
                                               help_text="协议生效之日起30日内共同向人民法院申请（人民调解法第三十三条）")
    notes = models.TextField("备注", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "矛盾纠纷调处"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organisation", "received_on"]), models.Index(fields=["organisation", "closed_on"])]
        constraints = [models.UniqueConstraint(fields=["organisation", "dossier_year", "dossier_sequence"],
                                               name="dispute_dossier_number_unique")]

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
        if self.agreement == AgreementForm.WRITTEN and self.closed_on and not (self.terms or "").strip():
            errors["terms"] = "书面调解协议须写明协议内容（人民调解法第二十九条）"
        if self.agreement_on and self.agreement == AgreementForm.NONE:
            errors["agreement_on"] = "没有调解协议的，不填协议生效日期"
        if self.confirmation_applied_on and not self.agreement_on:
            errors["confirmation_applied_on"] = "请先填写协议生效日期"
        elif self.confirmation_applied_on and self.confirmation_applied_on < self.agreement_on:
            errors["confirmation_applied_on"] = "申请司法确认日期不能早于协议生效日期"
        if errors:
            raise ValidationError(errors)


class MediationCommittee(Record):
    """人民调解委员会 (人民调解法 Arts. 8–9, 34): 3 to 9 members, elected for three years."""

    EXCEL_KEY = "name"
    EXCEL_UNKNOWN = "不是本镇已登记的调解委员会"

    name = models.CharField("名称", max_length=100, help_text="如 青山镇人民调解委员会、石桥村人民调解委员会")
    level = models.CharField("类别", max_length=16, default="township", choices=[
        ("township", "乡镇人民调解委员会"), ("village", "村（社区）人民调解委员会"),
        ("trade", "行业性、专业性人民调解委员会")])
    village = models.ForeignKey(Organisation, verbose_name="村（社区）", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", help_text="村（社区）调委会所在村；乡镇调委会不选")
    established_on = models.DateField("成立（换届）日期")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "人民调解委员会"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MediatorRole(models.TextChoices):
    CHAIR = "chair", "主任"
    VICE = "vice", "副主任"
    MEMBER = "member", "委员"
    FULL_TIME = "full_time", "专职人民调解员"


class Mediator(Record):
    committee = models.ForeignKey(MediationCommittee, verbose_name="调解委员会", on_delete=models.PROTECT, related_name="mediators")
    name = models.CharField("姓名", max_length=40)
    role = models.CharField("职务", max_length=16, choices=MediatorRole.choices)
    term_start = models.DateField("任期起")
    term_end = models.DateField("任期止", help_text="每届任期三年（人民调解法第九条）")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "人民调解员"
        ordering = ["committee", "role", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.committee}）"

    def clean(self) -> None:
        super().clean()
        if self.term_start and self.term_end:
            if self.term_end < self.term_start:
                raise ValidationError({"term_end": "任期止不能早于任期起"})
            if (self.term_end - self.term_start).days > 3 * 366:
                raise ValidationError({"term_end": "人民调解委员会委员每届任期三年（人民调解法第九条）"})
