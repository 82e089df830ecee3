from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record


class Campaign(models.TextChoices):
    CONSTITUTION_WEEK = "constitution_week", "宪法宣传周（12·4国家宪法日）"
    CIVIL_CODE_MONTH = "civil_code_month", "民法典宣传月"
    NATIONAL_SECURITY = "national_security", "全民国家安全教育日"
    ANTI_DRUG = "anti_drug", "禁毒宣传（6·26国际禁毒日）"
    ANTI_FRAUD = "anti_fraud", "防范电信网络诈骗"
    TO_VILLAGES = "to_villages", "法律进乡村"
    TO_COMMUNITIES = "to_communities", "法律进社区"
    TO_SCHOOLS = "to_schools", "法律进校园"
    TO_ENTERPRISES = "to_enterprises", "法律进企业"
    TO_ORGANS = "to_organs", "法律进机关"
    SPRING_FESTIVAL = "spring_festival", "元旦春节送法下乡"
    OTHER = "other", "其他"


class Channel(models.TextChoices):
    OFFLINE = "offline", "线下"
    ONLINE = "online", "线上"


class PublicityEvent(Record):
    held_on = models.DateField("活动日期")
    title = models.CharField("活动名称", max_length=120)
    campaign = models.CharField("宣传主题", max_length=32, choices=Campaign.choices)
    channel = models.CharField("形式", max_length=16, choices=Channel.choices, default=Channel.OFFLINE)
    place = models.CharField("地点", max_length=100, blank=True)
    village = models.ForeignKey(
        Organisation, verbose_name="村（社区）", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organiser = models.CharField("组织单位", max_length=100, blank=True, help_text="如：司法所、派出所、法律顾问")
    audience = models.PositiveIntegerField("受众（人次）", default=0, validators=[MinValueValidator(0)])
    materials = models.PositiveIntegerField("发放资料（份）", default=0, validators=[MinValueValidator(0)])
    consultations = models.PositiveIntegerField("解答咨询（人次）", default=0, validators=[MinValueValidator(0)])
    notes = models.TextField("备注", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "普法宣传活动"
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organisation", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"


class LiaisonKind(models.TextChoices):
    LEGAL_LITERATE = "legal_literate", "法律明白人"
    RULE_OF_LAW_LEADER = "rule_of_law_leader", "法治带头人"


class LegalLiaison(Record):
    name = models.CharField("姓名", max_length=30)
    kind = models.CharField("类别", max_length=32, choices=LiaisonKind.choices)
    village = models.ForeignKey(Organisation, verbose_name="村（社区）", on_delete=models.PROTECT, related_name="+")
    phone = models.CharField("联系电话", max_length=20, blank=True)
    registered_on = models.DateField("培养（登记）日期")
    notes = models.CharField("备注", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法律明白人（法治带头人）"
        ordering = ["-registered_on", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"


class TrainingMode(models.TextChoices):
    OFFLINE = "offline", "线下"
    ONLINE = "online", "线上"
    MIXED = "mixed", "线上线下结合"


class LiaisonTraining(Record):
    held_on = models.DateField("培训日期")
    topic = models.CharField("培训主题", max_length=120)
    mode = models.CharField("形式", max_length=16, choices=TrainingMode.choices, default=TrainingMode.OFFLINE)
    trainer = models.CharField("授课人", max_length=50, blank=True)
    participants = models.PositiveIntegerField("参训人数", validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法律明白人培训"
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"
