"""The county office's side of the annual report (县依法治县办).

- ``Filing``: one township's report for one year as the county sees it — its submissions
  (each a frozen version) and its publication. Townships that use Fazhi submit from the report
  page; a county may also record the receipt of a report written elsewhere by importing it.
- ``ImportBatch`` / ``ImportItem``: files uploaded together (web or CLI), processed one by one,
  each ending in an ``ImportedReport`` or a clear reason.
- ``ImportedReport`` / ``ImportedFigure``: a report read from a file, attributed to a township
  and year, with the figures extracted from its text (each with its evidence phrase).
- ``DeadlineReminder``: the in-app reminder a township's staff get before the deadlines.
- ``ReportBundle``: one .zip of every township's report of a year for the county's archive, rendered in
  steps (by the worker or by its page) with its progress kept here; never deleted.
"""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, OrgKind, Record


class CountyDeadlines(models.Model):
    """The county's deadlines for the township reports of year Y, due in year Y+1.

    Defaults (LAW.md §1, 《法治政府建设与责任落实督察工作规定》): report to the county by 3月1日,
    public by 4月1日 (Art. 24). A county's own rule wins over these defaults.
    """

    county = models.OneToOneField(
        Organisation, verbose_name="县", on_delete=models.PROTECT, related_name="report_deadlines",
        limit_choices_to={"kind": OrgKind.COUNTY},
    )
    submit_month = models.PositiveSmallIntegerField("报送截止月", default=3, validators=[MinValueValidator(1), MaxValueValidator(12)])
    submit_day = models.PositiveSmallIntegerField("报送截止日", default=1, validators=[MinValueValidator(1), MaxValueValidator(31)])
    publish_month = models.PositiveSmallIntegerField("公开截止月", default=4, validators=[MinValueValidator(1), MaxValueValidator(12)])
    publish_day = models.PositiveSmallIntegerField("公开截止日", default=1, validators=[MinValueValidator(1), MaxValueValidator(31)])
    remind_days = models.PositiveSmallIntegerField("提前提醒天数", default=14, validators=[MaxValueValidator(90)])

    class Meta:
        verbose_name = verbose_name_plural = "年度报告报送期限"

    def __str__(self) -> str:
        return f"{self.county}：次年{self.submit_month}月{self.submit_day}日前报送，{self.publish_month}月{self.publish_day}日前公开"

    def clean(self) -> None:
        for month, day, field in ((self.submit_month, self.submit_day, "submit_day"),
                                  (self.publish_month, self.publish_day, "publish_day")):
            try:
                dt.date(2024, month, day)  # a leap year: 2月29日 is allowed (28日 in common years)
            except (TypeError, ValueError):
                raise ValidationError({field: "不是有效的日期"})


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", "已报送，待县级审核"
    RETURNED = "returned", "已退回修改"
    ACCEPTED = "accepted", "县级已接收"


class Filing(Record):
    """A township's annual report for one year as filed with the county: its versions and publication."""

    year = models.PositiveIntegerField("报告年度")
    published_on = models.DateField("公开日期", null=True, blank=True)
    published_url = models.URLField("公开网址", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "年度报告报送"
        ordering = ["-year", "organisation__code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], condition=Q(voided_at__isnull=True),
                                    name="oversight_one_live_filing_per_org_year"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}{self.year}年度法治政府建设报告"

    @property
    def latest(self) -> Submission | None:
        return self.submissions.order_by("-version").first()


class Submission(models.Model):
    """One submitted version, frozen as the county received it (text, figures and the .docx)."""

    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="submissions")
    version = models.PositiveIntegerField("版本")
    status = models.CharField("状态", max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED)
    submitted_at = models.DateTimeField("报送时间")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="报送人", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("标题", max_length=200)
    text = models.TextField("报告正文（报送时）")
    figures = models.JSONField("指标（报送时）", default=dict)
    docx = models.BinaryField("报告文件（.docx）")
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    comment = models.TextField("县级意见", blank=True)
    # The report check (fazhi/reports/check/) as it was when the leader submitted: the county's completeness
    # score of this version, the problems found and, when there were any, the leader's reason for going ahead.
    check_score = models.PositiveSmallIntegerField("自查评分（报送时）", null=True, blank=True)
    check_problems = models.JSONField("自查发现的问题（报送时）", default=list, blank=True)
    check_reason = models.TextField("带问题报送的理由", blank=True)
    # The composed report as sent (fazhi/reports/check/frozen.py), to show the version exactly as the report page does.
    structure = models.JSONField("报告结构（报送时）", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "报送版本"
        ordering = ["filing", "version"]
        constraints = [models.UniqueConstraint(fields=["filing", "version"], name="oversight_submission_version_unique")]

    def __str__(self) -> str:
        return f"{self.filing} 第{self.version}版"


class ImportItemStatus(models.TextChoices):
    PENDING = "pending", "等待处理"
    DONE = "done", "已导入"
    DUPLICATE = "duplicate", "重复文件，已跳过"
    FAILED = "failed", "未能导入"


class ImportBatch(models.Model):
    """Files uploaded together by the county office (web) or given to the CLI."""

    county = models.ForeignKey(Organisation, verbose_name="县", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("报告年度（未能识别时采用）", null=True, blank=True)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    source = models.CharField("来源", max_length=16, default="web")

    class Meta:
        verbose_name = verbose_name_plural = "报告导入批次"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        from fazhi.core import clock

        return f"{clock.local(self.created_at):%Y-%m-%d %H:%M} 导入（{self.items.count()}个文件）"


class ImportItem(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveIntegerField("序号")
    filename = models.CharField("文件名", max_length=255)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("校验值", max_length=64)
    file = models.FileField("文件", upload_to="imports/%Y/%m/", blank=True)
    status = models.CharField("状态", max_length=16, choices=ImportItemStatus.choices, default=ImportItemStatus.PENDING)
    error = models.CharField("原因", max_length=300, blank=True)
    claimed_at = models.DateTimeField("开始处理", null=True, blank=True)
    finished_at = models.DateTimeField("处理完成", null=True, blank=True)
    report = models.ForeignKey("ImportedReport", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "导入文件"
        ordering = ["batch", "position"]
        indexes = [models.Index(fields=["batch", "status"])]

    def __str__(self) -> str:
        return self.filename


class ImportedReport(Record):
    """A report read from a file. ``organisation`` is the county that imported it; ``township`` the author."""

    township = models.ForeignKey(Organisation, verbose_name="乡镇（街道）", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="imported_reports", limit_choices_to={"kind": OrgKind.TOWNSHIP})
    township_name = models.CharField("文中署名", max_length=120, blank=True)
    year = models.PositiveIntegerField("报告年度", null=True, blank=True)
    year_found = models.PositiveIntegerField("文中识别的年度", null=True, blank=True)
    filename = models.CharField("文件名", max_length=255)
    sha256 = models.CharField("校验值", max_length=64)
    script = models.CharField("原文字体", max_length=16, default="simplified")
    text = models.TextField("正文（规范化后）")
    sections = models.JSONField("识别到的法定内容", default=list)
    received_on = models.DateField("县级收到日期", null=True, blank=True)
    published_url = models.URLField("公开网址", max_length=500, blank=True)
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        verbose_name = verbose_name_plural = "导入的年度报告"
        ordering = ["-year", "township__code", "filename"]
        indexes = [models.Index(fields=["organisation", "year"]), models.Index(fields=["organisation", "sha256"])]

    def __str__(self) -> str:
        who = self.township.name if self.township_id else (self.township_name or "未识别乡镇")
        return f"{who}{self.year or '？'}年度报告（{self.filename}）"

    @property
    def attributed(self) -> bool:
        return self.township_id is not None and self.year is not None


class ImportedFigure(models.Model):
    report = models.ForeignKey(ImportedReport, on_delete=models.PROTECT, related_name="figures")
    position = models.PositiveIntegerField("序号")
    indicator = models.CharField("指标", max_length=64)
    value = models.DecimalField("数值", max_digits=14, decimal_places=2)
    unit = models.CharField("单位", max_length=16, blank=True)
    approx = models.BooleanField("约数", default=False)
    evidence = models.CharField("原文", max_length=500)

    class Meta:
        verbose_name = verbose_name_plural = "报告中的数字"
        ordering = ["report", "position"]
        indexes = [models.Index(fields=["indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator}={self.value}{self.unit}"

    @property
    def indicator_label(self) -> str:
        """The indicator's Chinese label (the registry's), or what was stored when the registry no longer has it."""
        from fazhi.indicators.registry import get

        try:
            return get(self.indicator).label
        except KeyError:
            return self.indicator


class BundleStatus(models.TextChoices):
    PENDING = "pending", "正在生成"
    DONE = "done", "已完成"
    FAILED = "failed", "未能完成"


class ReportBundle(models.Model):
    """Every township's annual report of one year in one .zip, for the county's archive (bundles.py).

    The townships are fixed when the bundle is asked for; ``done`` of ``total`` steps (one per township, the
    county's summary and comparison, the packing) are finished, and ``entries`` lists every file with its state.
    At most one bundle per county and year is being made at a time: asking again reuses it.
    """

    county = models.ForeignKey(Organisation, verbose_name="县", on_delete=models.PROTECT, related_name="+",
                               limit_choices_to={"kind": OrgKind.COUNTY})
    year = models.PositiveIntegerField("报告年度")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="申请人", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=16, choices=BundleStatus.choices, default=BundleStatus.PENDING)
    townships = models.JSONField("乡镇（街道）", default=list)
    done = models.PositiveIntegerField("已完成步骤", default=0)
    total = models.PositiveIntegerField("步骤总数", default=0)
    entries = models.JSONField("文件清单", default=list)
    error = models.CharField("原因", max_length=300, blank=True)
    file = models.FileField("打包文件", upload_to="bundles/%Y/", blank=True)
    size = models.PositiveBigIntegerField("大小（字节）", default=0)
    claim_token = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField("开始处理", null=True, blank=True)
    created_at = models.DateTimeField("申请时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告打包"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["county", "year"], condition=Q(status="pending"),
                                    name="oversight_one_pending_bundle"),
        ]

    def __str__(self) -> str:
        from fazhi.core import clock

        return f"{self.county}{self.year}年度乡镇年度报告打包（{clock.local(self.created_at):%Y-%m-%d %H:%M}）"


class ReminderKind(models.TextChoices):
    SUBMIT = "submit", "年度报告报送"
    PUBLISH = "publish", "年度报告公开"


class DeadlineReminder(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("报告年度")
    kind = models.CharField("事项", max_length=16, choices=ReminderKind.choices)
    due_on = models.DateField("截止日期")
    message = models.CharField("提醒内容", max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField("邮件发送时间", null=True, blank=True)
    email_error = models.CharField("邮件发送失败原因", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告期限提醒"
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "year", "kind"], name="oversight_one_reminder")]


class NoticeKind(models.TextChoices):
    RETURNED = "returned", "县级退回年度报告"
    ACCEPTED = "accepted", "县级接收年度报告"


class ReviewNotice(models.Model):
    """The township hears back: the county returned or accepted a submitted version, with its opinion.

    One notice per township leader or clerk and answered version, made in the same transaction as the answer.
    Shown in the app until read (seen on the report page, or dismissed); also an e-mail outbox like
    ``DeadlineReminder`` (fazhi/core/jobs.py ``send_outbox``), sent by the worker or the daily run, never in a request.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_notices")
    organisation = models.ForeignKey(Organisation, verbose_name="乡镇（街道）", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("报告年度")
    submission = models.ForeignKey(Submission, verbose_name="报送版本", on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField("事项", max_length=16, choices=NoticeKind.choices)
    message = models.TextField("通知内容")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)
    emailed_at = models.DateTimeField("邮件发送时间", null=True, blank=True)
    email_error = models.CharField("邮件发送失败原因", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告审核通知"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "submission"], name="oversight_one_notice_per_version")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.submission}"
