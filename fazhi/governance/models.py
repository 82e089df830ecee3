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


class GroupRole(models.TextChoices):
    HEAD = "head", "组长"
    DEPUTY = "deputy", "副组长"
    MEMBER = "member", "成员"


class LeadingGroupMember(Record):
    """The rule-of-law leading group (法治建设工作领导小组): who is in it, from when, in which role."""

    name = models.CharField("姓名", max_length=40)
    post = models.CharField("职务", max_length=60, help_text="如 镇党委书记、镇长、分管副镇长、司法所所长")
    group_role = models.CharField("小组职务", max_length=16, choices=GroupRole.choices)
    joined_on = models.DateField("任职起")
    left_on = models.DateField("任职止", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治建设领导小组成员"
        ordering = ["group_role", "joined_on"]

    def __str__(self) -> str:
        return f"{self.name}（{self.post}）"


class WorkPlan(Record):
    """The year's 法治政府建设工作要点; its tasks form the responsibility list (谁分管、谁负责)."""

    EXCEL_KEY = "title"
    EXCEL_UNKNOWN = "不是本镇已登记的工作要点（请先登记工作要点，再按标题填写）"

    year = models.PositiveIntegerField("年度")
    kind = models.CharField("类别", max_length=16, default="key_points", choices=[
        ("key_points", "年度工作要点"), ("programme", "实施方案"), ("special", "专项工作计划")])
    title = models.CharField("标题", max_length=150)
    adopted_on = models.DateField("印发日期")
    document_number = models.CharField("文号", max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "年度工作要点"
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title


class TaskStatus(models.TextChoices):
    PLANNED = "planned", "未开始"
    ONGOING = "ongoing", "推进中"
    DONE = "done", "已完成"


class ResponsibilityTask(Record):
    plan = models.ForeignKey(WorkPlan, verbose_name="工作要点", on_delete=models.PROTECT, related_name="tasks")
    assigned_on = models.DateField("分解下达日期")
    task = models.CharField("任务", max_length=200)
    lead = models.CharField("分管领导", max_length=40)
    department = models.CharField("责任部门", max_length=60)
    owner = models.CharField("责任人", max_length=40)
    due_on = models.DateField("完成时限")
    status = models.CharField("进展", max_length=16, choices=TaskStatus.choices, default=TaskStatus.PLANNED)
    done_on = models.DateField("完成日期", null=True, blank=True)
    evidence = models.CharField("完成佐证", max_length=300, blank=True, help_text="文件、会议纪要、照片等，可在记录页上传附件")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治建设责任清单"
        ordering = ["due_on", "department"]

    def __str__(self) -> str:
        return self.task

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.status == TaskStatus.DONE and not self.done_on:
            raise ValidationError({"done_on": "已完成的任务请填写完成日期"})
        if self.done_on and self.status != TaskStatus.DONE:
            raise ValidationError({"status": "填写了完成日期的，进展应为“已完成”"})
        if self.assigned_on and self.due_on and self.due_on < self.assigned_on:
            raise ValidationError({"due_on": "完成时限不能早于分解下达日期"})


class LawReportOccasion(models.TextChoices):
    MEETING = "meeting", "述职述法会议"
    YEAR_END = "year_end", "年终述职中述法"
    WRITTEN = "written", "书面述法"


class LawReport(Record):
    """述法: a leader reports on performing the duty to promote the rule of law."""

    held_on = models.DateField("日期")
    reporter = models.CharField("述法人", max_length=40)
    post = models.CharField("职务", max_length=60)
    principal = models.BooleanField("党政主要负责人", default=False)
    occasion = models.CharField("形式", max_length=16, choices=LawReportOccasion.choices)
    appraisal = models.CharField("评议结果", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "领导干部述法"
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.reporter}述法"


class RuleOfLawBudget(Record):
    """经费保障: money set aside for rule-of-law work (the seeds' 机构、人员、经费“三落实”)."""

    year = models.PositiveIntegerField("年度")
    item = models.CharField("项目", max_length=100)
    source = models.CharField("来源", max_length=16, default="own_budget", choices=[
        ("own_budget", "本级财政预算"), ("grant", "上级专项补助"), ("other", "其他")])
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    approved_on = models.DateField("列入预算日期")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法治建设经费"
        ordering = ["-year", "item"]

    def __str__(self) -> str:
        return f"{self.year} {self.item}"
