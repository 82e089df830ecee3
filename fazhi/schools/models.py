"""法治副校长: the schools of the township, the legal vice-principal each has been assigned
(《中小学法治副校长聘任与管理办法》，教育部令第52号，2021), and the lessons they give."""
from __future__ import annotations

import datetime as dt

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record


class SchoolStage(models.TextChoices):
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初级中学"
    NINE_YEAR = "nine_year", "九年一贯制学校"
    SENIOR = "senior", "高级中学（完全中学）"
    VOCATIONAL = "vocational", "中等职业学校"
    KINDERGARTEN = "kindergarten", "幼儿园"


# 中小学校: the schools the coverage of legal vice-principals is measured on (kindergartens are listed, not counted).
COUNTED_STAGES = (SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.NINE_YEAR, SchoolStage.SENIOR, SchoolStage.VOCATIONAL)


class School(Record):
    name = models.CharField("学校名称", max_length=80)
    stage = models.CharField("学段", max_length=16, choices=SchoolStage.choices)
    village = models.ForeignKey(
        Organisation, verbose_name="村（社区）", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pupils = models.PositiveIntegerField("在校学生（人）", default=0, validators=[MinValueValidator(0)])
    listed_on = models.DateField("列入名册日期", help_text="学校列入本乡镇学校名册的日期；已有学校可填名册建立日期")
    closed_on = models.DateField("撤并（停办）日期", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "学校名册"
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def open_on(self, day: dt.date) -> bool:
        return self.listed_on <= day and (self.closed_on is None or self.closed_on > day)


class EmployerKind(models.TextChoices):
    POLICE = "police", "公安机关（派出所）"
    JUDICIAL = "judicial", "司法行政机关（司法所）"
    COURT = "court", "人民法院"
    PROCURATORATE = "procuratorate", "人民检察院"
    LAWYER = "lawyer", "律师"
    OTHER = "other", "其他法治工作人员"


class VicePrincipal(Record):
    """One appointment: a person serving one school as legal vice-principal for a term (聘期一般为三年)."""

    school = models.ForeignKey(School, verbose_name="学校", on_delete=models.PROTECT, related_name="vice_principals")
    name = models.CharField("法治副校长姓名", max_length=30)
    employer_kind = models.CharField("来源", max_length=16, choices=EmployerKind.choices)
    employer = models.CharField("工作单位及职务", max_length=80)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    appointed_on = models.DateField("聘任日期")
    term_ends_on = models.DateField("聘期届满日期", null=True, blank=True)
    ended_on = models.DateField("离任（解聘）日期", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治副校长聘任"
        ordering = ["-appointed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.school}）"

    def in_office_on(self, day: dt.date) -> bool:
        return self.appointed_on <= day and (self.ended_on is None or self.ended_on > day)


class LessonKind(models.TextChoices):
    LESSON = "lesson", "法治课"
    LECTURE = "lecture", "专题讲座"
    MOOT_COURT = "moot_court", "模拟法庭"
    PRACTICE = "practice", "法治实践活动"
    SAFETY = "safety", "校园安全检查、周边治理"
    COUNSELLING = "counselling", "个别学生帮教、家长法治教育"


class SchoolLesson(Record):
    school = models.ForeignKey(School, verbose_name="学校", on_delete=models.PROTECT, related_name="lessons")
    held_on = models.DateField("日期")
    kind = models.CharField("形式", max_length=16, choices=LessonKind.choices, default=LessonKind.LESSON)
    topic = models.CharField("主题", max_length=120)
    lecturer = models.CharField("授课人", max_length=30, help_text="法治副校长姓名")
    audience = models.PositiveIntegerField("受教育师生（人次）", default=0, validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治副校长授课"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.school} {self.topic}"
