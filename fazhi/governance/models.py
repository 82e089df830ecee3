from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record


class MeetingKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", "党委会"
    GOVERNMENT_EXECUTIVE = "government_executive", "政府常务会"
    SPECIAL = "special", "专题会"
    BRIEFING = "briefing", "听取汇报"
    RULE_OF_LAW_COMMITTEE = "rule_of_law_committee", "依法治镇（乡）委员会会议"
    LEADING_GROUP = "leading_group", "法治建设领导小组会议"
    JOINT = "joint", "党政联席会议"
    OTHER = "other", "其他会议"


# INDICATORS.md rule_of_law_meetings: kinds 党委会/政府常务会/专题会/听取汇报/依法治镇委员会.
RULE_OF_LAW_MEETING_KINDS = (
    MeetingKind.PARTY_COMMITTEE,
    MeetingKind.GOVERNMENT_EXECUTIVE,
    MeetingKind.SPECIAL,
    MeetingKind.BRIEFING,
    MeetingKind.RULE_OF_LAW_COMMITTEE,
    MeetingKind.LEADING_GROUP,
)


class Meeting(Record):
    held_on = models.DateField("会议日期")
    kind = models.CharField("会议类型", max_length=32, choices=MeetingKind.choices)
    topic = models.CharField("议题", max_length=150)
    on_rule_of_law = models.BooleanField(
        "研究部署法治建设", default=True, help_text="议题是否为研究、部署或听取法治建设工作"
    )
    chaired_by = models.CharField("主持人", max_length=30, blank=True)
    chaired_by_principal = models.BooleanField("党政主要负责人主持", default=False)
    attendees = models.PositiveIntegerField("参会人数", null=True, blank=True, validators=[MinValueValidator(0)])
    decisions = models.TextField("议定事项", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治建设会议"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.get_kind_display()}：{self.topic}"
