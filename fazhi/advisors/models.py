"""Legal advisors of the township and of each village/community (一村（社区）一法律顾问), their service log,
and legal-aid referrals the township helped with."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record


class AdvisorKind(models.TextChoices):
    LAWYER = "lawyer", "律师"
    LEGAL_WORKER = "legal_worker", "基层法律服务工作者"
    OTHER = "other", "其他法律专业人员"


class LegalAdvisor(Record):
    EXCEL_KEY = "name"
    EXCEL_UNKNOWN = "不是本镇已登记的法律顾问（请先在“法律顾问”中登记）"

    name = models.CharField("姓名", max_length=40)
    kind = models.CharField("类别", max_length=16, choices=AdvisorKind.choices)
    firm = models.CharField("执业机构", max_length=100, help_text="律师事务所、法律服务所")
    phone = models.CharField("联系电话", max_length=20, blank=True)
    for_government = models.BooleanField("担任镇政府法律顾问", default=False)
    contract_start = models.DateField("聘用起")
    contract_end = models.DateField("聘用止")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法律顾问"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.contract_start and self.contract_end and self.contract_end < self.contract_start:
            raise ValidationError({"contract_end": "聘用止不能早于聘用起"})


class AdvisorAssignment(Record):
    advisor = models.ForeignKey(LegalAdvisor, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="assignments")
    village = models.ForeignKey(Organisation, verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+")
    starts_on = models.DateField("起")
    ends_on = models.DateField("止", null=True, blank=True, help_text="留空表示至今")
    mode = models.CharField("服务方式", max_length=16, choices=[("resident", "驻村（社区）值班"), ("visit", "定期走访"),
                                                          ("online", "线上服务（微信群、电话）")], default="visit")
    note = models.CharField("服务安排", max_length=200, help_text="如 每月第一个周三驻村服务")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "村（社区）法律顾问配备"
        ordering = ["village__code", "-starts_on"]

    def __str__(self) -> str:
        return f"{self.village} {self.advisor}"

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "止不能早于起"})


class ServiceKind(models.TextChoices):
    CONSULTATION = "consultation", "法律咨询（人次）"
    PUBLICITY = "publicity", "法治讲座、普法宣传（场次）"
    DISPUTE = "dispute", "参与调处矛盾纠纷（件）"
    CONTRACT = "contract", "审查合同（份）"
    SUGGESTION = "suggestion", "提出法律意见建议（条）"
    COUNCIL = "council", "参加援法议事会议（次）"


class AdvisorService(Record):
    advisor = models.ForeignKey(LegalAdvisor, verbose_name="法律顾问", on_delete=models.PROTECT, related_name="services")
    held_on = models.DateField("日期")
    kind = models.CharField("服务类别", max_length=16, choices=ServiceKind.choices)
    quantity = models.PositiveIntegerField("数量", default=1, help_text="咨询填人次，讲座填场次，合同填份数，建议填条数")
    village = models.ForeignKey(Organisation, verbose_name="村（社区）", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    note = models.CharField("服务内容", max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法律顾问服务台账"
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.advisor} {self.get_kind_display()}"


class AidOutcome(models.TextChoices):
    PENDING = "pending", "待法律援助机构审查"
    GRANTED = "granted", "已给予法律援助"
    REFUSED = "refused", "不予援助"
    GUIDED = "guided", "已指引（未申请）"


class LegalAidReferral(Record):
    received_on = models.DateField("日期")
    applicant = models.CharField("申请人", max_length=40)
    matter = models.CharField("事项类别", max_length=40, help_text="如 劳动报酬、工伤赔偿、婚姻家庭、交通事故")
    referred_to = models.CharField("转交/指引至", max_length=100, default="县法律援助中心")
    outcome = models.CharField("结果", max_length=16, choices=AidOutcome.choices, default=AidOutcome.PENDING)
    note = models.CharField("备注", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法律援助申请与指引"
        ordering = ["-received_on"]

    def __str__(self) -> str:
        return f"{self.received_on} {self.matter}"
