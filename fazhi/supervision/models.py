"""人大监督: deputies' suggestions and motions assigned to the government, and the presidium's
inspections, evaluations and law-enforcement checks (视察、评议、执法检查) with their findings."""
from __future__ import annotations

import datetime as dt

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record
from fazhi.supervision.deadlines import answer_due_on


class SuggestionKind(models.TextChoices):
    MOTION = "motion", "议案"
    SUGGESTION = "suggestion", "建议、批评和意见"


class SuggestionOutcome(models.TextChoices):
    """The usual classification of an answer (A/B/C类)."""

    SOLVED = "solved", "A类：已经解决或基本解决"
    PLANNED = "planned", "B类：正在解决或列入计划解决"
    EXPLAINED = "explained", "C类：因条件限制留作参考，已向代表说明"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"
    NONE = "none", "尚未反馈"


SATISFIED = (Satisfaction.SATISFIED, Satisfaction.BASICALLY)
WITH_FEEDBACK = (Satisfaction.SATISFIED, Satisfaction.BASICALLY, Satisfaction.UNSATISFIED)


class DeputySuggestion(Record):
    """One motion or suggestion of a deputy, assigned (交办) by the presidium to a department of the government.

    ``due_on`` is derived from ``assigned_on`` and ``complex_matter`` when saved (代表法第四十四条, see
    deadlines.py). Overdue is never stored: unanswered after ``due_on``, or answered after it.
    """

    assigned_on = models.DateField("交办日期")
    kind = models.CharField("类别", max_length=16, choices=SuggestionKind.choices, default=SuggestionKind.SUGGESTION)
    congress_session = models.CharField("会议", max_length=60, blank=True, help_text="如：镇第十八届人民代表大会第三次会议")
    number = models.CharField("编号", max_length=30, blank=True)
    deputy = models.CharField("领衔代表", max_length=50)
    title = models.CharField("案由", max_length=150)
    department = models.CharField("承办单位", max_length=60, help_text="如：村镇建设办、社会事务办")
    complex_matter = models.BooleanField(
        "涉及面广、处理难度大", default=False, help_text="勾选后答复期限为六个月，否则为三个月（代表法第四十四条）"
    )
    due_on = models.DateField("答复期限", editable=False, blank=True)  # always set by save()
    answered_on = models.DateField("答复日期", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=16, choices=SuggestionOutcome.choices, blank=True)
    answer = models.TextField("答复内容摘要", blank=True)
    satisfaction = models.CharField("代表满意度", max_length=16, choices=Satisfaction.choices, default=Satisfaction.NONE)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "人大代表建议、议案办理"
        ordering = ["-assigned_on", "-id"]
        indexes = [models.Index(fields=["organisation", "assigned_on"])]

    def __str__(self) -> str:
        return f"{self.assigned_on} {self.deputy}：{self.title}"

    def save(self, *args, **kwargs):
        self.due_on = answer_due_on(self.assigned_on, complex_matter=self.complex_matter)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "due_on"}
        super().save(*args, **kwargs)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        if self.answered_on:
            return self.answered_on > self.due_on
        return today > self.due_on

    def status_text(self, today: dt.date | None = None) -> str:
        today = today or timezone.localdate()
        if self.answered_on:
            return "逾期答复" if self.answered_on > self.due_on else "按期答复"
        if today > self.due_on:
            return f"超期未答复（已超{(today - self.due_on).days}天）"
        return f"办理中（还剩{(self.due_on - today).days}天）"


class InspectionKind(models.TextChoices):
    VISIT = "visit", "视察"
    EVALUATION = "evaluation", "工作评议"
    LAW_CHECK = "law_check", "执法检查"
    SURVEY = "survey", "专题调研"
    HEARING = "hearing", "听取和审议专项工作报告"


class PresidiumInspection(Record):
    """A supervision activity of the township people's congress presidium and its deputies over the government."""

    held_on = models.DateField("开展日期")
    kind = models.CharField("方式", max_length=16, choices=InspectionKind.choices)
    subject = models.CharField("主题", max_length=150, help_text="如：《中华人民共和国土地管理法》贯彻实施情况")
    deputies = models.PositiveIntegerField("参加代表（人次）", default=0, validators=[MinValueValidator(0)])
    findings = models.TextField("发现的问题", blank=True)
    issues = models.PositiveIntegerField("提出意见建议（条）", default=0, validators=[MinValueValidator(0)])
    rectified = models.PositiveIntegerField("已整改（条）", default=0, validators=[MinValueValidator(0)])
    rectification = models.TextField("整改情况", blank=True)
    reported_on = models.DateField("整改情况报告日期", null=True, blank=True,
                                   help_text="政府向主席团书面报告整改情况的日期")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "人大视察、评议、执法检查"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.get_kind_display()}：{self.subject}"
