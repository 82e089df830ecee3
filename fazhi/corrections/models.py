"""Community corrections (社区矫正) and resettlement (安置帮教): the 司法所's roster and its daily work.

Sensitive personal data: only the 司法所 staff of the township see a person (``access.py``); every
view of a person's record and every export is logged (``AccessLog``). Everyone else — the township's
other staff, its leaders, the county — sees counts only, through the indicators.
"""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record


class SuperviseeKind(models.TextChoices):
    CORRECTION = "correction", "社区矫正对象"
    RESETTLEMENT = "resettlement", "安置帮教对象"


class CorrectionType(models.TextChoices):
    """社区矫正法 Art. 2: 管制、缓刑、假释、暂予监外执行; resettlement: 刑满释放."""

    CONTROL = "control", "管制"
    PROBATION = "probation", "缓刑"
    PAROLE = "parole", "假释"
    MEDICAL_PAROLE = "medical_parole", "暂予监外执行"
    RELEASED = "released", "刑满释放"


class EndReason(models.TextChoices):
    EXPIRED = "expired", "期满解除（矫正/帮教期满）"
    REVOKED = "revoked", "收监执行（撤销缓刑、假释等）"
    TRANSFERRED = "transferred", "变更执行地（移交外地）"
    DECEASED = "deceased", "死亡"


class Supervisee(Record):
    kind = models.CharField("类别", max_length=16, choices=SuperviseeKind.choices)
    number = models.CharField("编号", max_length=40, help_text="司法所内部编号，如 矫2025-003")
    name = models.CharField("姓名", max_length=40)
    gender = models.CharField("性别", max_length=4, choices=[("男", "男"), ("女", "女")])
    id_number = models.CharField("身份证号", max_length=18, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    village = models.ForeignKey(Organisation, verbose_name="居住村（社区）", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    correction_type = models.CharField("矫正类别/来源", max_length=20, choices=CorrectionType.choices)
    offence = models.CharField("罪名", max_length=100, blank=True)
    period_start = models.DateField("矫正（帮教）期起")
    period_end = models.DateField("矫正（帮教）期止")
    ended_on = models.DateField("实际解除（终止）日期", null=True, blank=True)
    end_reason = models.CharField("解除（终止）原因", max_length=16, choices=EndReason.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "社区矫正和安置帮教对象"
        ordering = ["kind", "number"]
        indexes = [models.Index(fields=["organisation", "kind", "period_start"])]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "期止不能早于期起"})
        if self.ended_on and self.period_start and self.ended_on < self.period_start:
            raise ValidationError({"ended_on": "解除日期不能早于期起"})
        if bool(self.ended_on) != bool(self.end_reason):
            raise ValidationError({"end_reason": "解除日期和解除原因须同时填写"})
        if self.kind == SuperviseeKind.RESETTLEMENT and self.correction_type != CorrectionType.RELEASED:
            raise ValidationError({"correction_type": "安置帮教对象的来源应为“刑满释放”"})
        if self.kind == SuperviseeKind.CORRECTION and self.correction_type == CorrectionType.RELEASED:
            raise ValidationError({"correction_type": "社区矫正对象的类别应为管制、缓刑、假释或暂予监外执行"})

    @property
    def last_day(self):
        """The last day under supervision: the actual end, else the end of the period."""
        return self.ended_on or self.period_end

    def under_supervision_on(self, day) -> bool:
        return self.period_start <= day <= self.last_day


class ContactKind(models.TextChoices):
    PHONE = "phone", "电话联系"
    VISIT = "visit", "走访谈话"
    REPORT = "report", "到所报到"
    EDUCATION = "education", "集中教育"
    SERVICE = "service", "公益活动"


# Kinds that count as the day's contact (日日有电联: a call, a visit or a report at the office all keep it).
DAILY_CONTACT_KINDS = (ContactKind.PHONE, ContactKind.VISIT, ContactKind.REPORT)


class ContactLog(Record):
    supervisee = models.ForeignKey(Supervisee, verbose_name="对象", on_delete=models.PROTECT, related_name="contacts")
    on = models.DateField("日期")
    kind = models.CharField("方式", max_length=16, choices=ContactKind.choices)
    note = models.CharField("情况记录", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "联系与教育记录"
        ordering = ["-on", "supervisee"]
        indexes = [models.Index(fields=["supervisee", "on", "kind"]), models.Index(fields=["organisation", "on"])]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"


class IncidentKind(models.TextChoices):
    ABSCOND = "abscond", "脱管"
    MISSED = "missed", "漏管"
    REOFFENCE = "reoffence", "重新犯罪"
    WARNING = "warning", "警告（违反监督管理规定）"


SERIOUS_INCIDENTS = (IncidentKind.ABSCOND, IncidentKind.MISSED, IncidentKind.REOFFENCE)


class Incident(Record):
    supervisee = models.ForeignKey(Supervisee, verbose_name="对象", on_delete=models.PROTECT, related_name="incidents")
    on = models.DateField("发生日期")
    kind = models.CharField("类别", max_length=16, choices=IncidentKind.choices)
    note = models.CharField("经过及处理", max_length=500)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "脱管、漏管、重新犯罪等情况"
        ordering = ["-on"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_kind_display()}"


class AccessLog(models.Model):
    """Append-only: who opened which person's record, or exported the roster, and when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    supervisee = models.ForeignKey(Supervisee, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField("操作", max_length=20)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "敏感信息查看记录"
        ordering = ["-at"]
