from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record


class StudyKind(models.TextChoices):
    CENTRAL_GROUP = "central_group", "中心组学法"
    PRE_MEETING = "pre_meeting", "会前学法"
    LECTURE = "lecture", "专题讲座"
    COLLECTIVE = "collective", "集中学法"


class StudySession(Record):
    held_on = models.DateField("学习日期")
    kind = models.CharField("形式", max_length=32, choices=StudyKind.choices)
    topic = models.CharField("学习内容", max_length=150)
    lecturer = models.CharField("主讲（领学）人", max_length=50, blank=True)
    led_by_principal = models.BooleanField("主要负责人领学", default=False)
    attendees = models.PositiveIntegerField("参加人数", validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "学法活动"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.get_kind_display()}：{self.topic}"


class ExamStatus(models.TextChoices):
    SAT = "sat", "已参考"
    ABSENT = "absent", "缺考"
    EXEMPT = "exempt", "免考"


class ExamRecord(Record):
    """One staff member's result in the annual law exam (国家工作人员学法考试)."""

    exam_on = models.DateField("考试日期")
    exam_name = models.CharField("考试名称", max_length=100, default="国家工作人员年度学法考试")
    person_name = models.CharField("姓名", max_length=30)
    post = models.CharField("单位职务", max_length=60, blank=True)
    status = models.CharField("参考情况", max_length=16, choices=ExamStatus.choices, default=ExamStatus.SAT)
    score = models.DecimalField(
        "成绩", max_digits=5, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    passed = models.BooleanField("合格", default=False)
    excellent = models.BooleanField("优秀", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "学法考试成绩"
        ordering = ["-exam_on", "person_name"]

    def __str__(self) -> str:
        return f"{self.person_name} {self.exam_on.year}年学法考试"

    def clean(self) -> None:
        if self.status != ExamStatus.SAT and (self.passed or self.excellent or self.score is not None):
            raise ValidationError({"status": "未参考的人员不能有成绩、合格或优秀"})
        if self.excellent and not self.passed:
            raise ValidationError({"excellent": "优秀的前提是合格"})


class ObservationMode(models.TextChoices):
    ON_SITE = "on_site", "现场旁听"
    ONLINE = "online", "网上旁听"


class CourtObservation(Record):
    held_on = models.DateField("旁听日期")
    court = models.CharField("法院", max_length=80)
    case_summary = models.CharField("案件", max_length=150)
    mode = models.CharField("形式", max_length=16, choices=ObservationMode.choices, default=ObservationMode.ON_SITE)
    attendees = models.PositiveIntegerField("旁听人数", validators=[MinValueValidator(1)])
    attendee_names = models.CharField("旁听人员", max_length=300, blank=True)
    reflections_submitted = models.BooleanField("已报送心得体会", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "旁听庭审"
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.court} {self.case_summary}"
