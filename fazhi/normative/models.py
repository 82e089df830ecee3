"""行政规范性文件: drafts, their document numbers, publication, filing with the county, clean-up and repeal."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from fazhi.core.models import Organisation, Record
from fazhi.normative.choices import DocStatus, EvaluationConclusion


class NormativeSettings(models.Model):
    """Per-township rules that provinces set differently (LAW.md §6: filing period, validity, clean-up)."""

    organisation = models.OneToOneField(Organisation, on_delete=models.PROTECT, related_name="normative_settings")
    filing_days = models.PositiveSmallIntegerField(
        "备案期限（日）", default=15, help_text="公布之日起多少日内报县政府备案（国发〔2008〕17号为15日，以本省规定为准）"
    )
    filing_body = models.CharField("备案机关", max_length=100, blank=True, help_text="如：某县人民政府（司法局）")
    comment_min_days = models.PositiveSmallIntegerField(
        "征求意见最短期限（日）", default=30, help_text="涉及公民、法人和其他组织权利义务的，公开征求意见的最短天数（以本省规定为准）"
    )
    validity_years = models.PositiveSmallIntegerField("有效期（年）", default=5)
    trial_validity_years = models.PositiveSmallIntegerField("暂行、试行文件有效期（年）", default=2)
    cleanup_interval_years = models.PositiveSmallIntegerField("评估清理周期（年）", default=2)
    cleanup_notice_days = models.PositiveSmallIntegerField("有效期届满前提醒（日）", default=90)

    class Meta:
        verbose_name = verbose_name_plural = "规范性文件设置"

    def __str__(self) -> str:
        return f"{self.organisation}规范性文件设置"


class DocumentSeries(models.Model):
    """A document-number series, e.g. 岔依治委 or 岔府规: numbers run per series and year."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name="所属组织")
    prefix = models.CharField("发文机关代字", max_length=20, help_text="如：岔依治委、岔府规")
    name = models.CharField("说明", max_length=100, blank=True)
    is_active = models.BooleanField("在用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "发文字号系列"
        constraints = [models.UniqueConstraint(fields=["organisation", "prefix"], name="doc_series_unique_prefix")]
        ordering = ["prefix"]

    def __str__(self) -> str:
        return self.prefix


class NormativeDocument(Record):
    title = models.CharField("文件名称", max_length=200)
    drafting_unit = models.CharField("起草单位", max_length=100)
    affects_rights = models.BooleanField(
        "涉及公民、法人和其他组织权利义务", default=True, help_text="涉及的，须公开征求意见后方可送审"
    )
    trial = models.BooleanField("暂行或试行", default=False)
    draft_text = models.TextField("文件正文（草案）")
    drafting_note = models.TextField("起草说明", blank=True)
    status = models.CharField("状态", max_length=16, choices=DocStatus.choices, default=DocStatus.DRAFTING)
    passing_review = models.ForeignKey(
        "reviews.LegalityReview", verbose_name="合法性审核", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deliberated_on = models.DateField("集体审议日期", null=True, blank=True)
    deliberation_meeting = models.CharField("审议会议", max_length=100, blank=True)
    deliberation_note = models.TextField("审议情况", blank=True)
    series = models.ForeignKey(DocumentSeries, verbose_name="发文字号系列", null=True, blank=True, on_delete=models.PROTECT)
    number_year = models.PositiveIntegerField("文号年份", null=True, blank=True)
    number = models.PositiveIntegerField("文号序号", null=True, blank=True)
    doc_number = models.CharField("文号", max_length=40, blank=True)
    issued_on = models.DateField("印发日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    publication_channel = models.CharField("公布载体", max_length=100, blank=True)
    valid_until = models.DateField("有效期至", null=True, blank=True)
    filed_on = models.DateField("报送备案日期", null=True, blank=True)
    filing_body = models.CharField("备案机关", max_length=100, blank=True)
    filing_reference = models.CharField("备案登记号", max_length=60, blank=True)
    last_evaluated_on = models.DateField("最近评估清理日期", null=True, blank=True)
    evaluation_conclusion = models.CharField(
        "评估结论", max_length=16, choices=EvaluationConclusion.choices, blank=True
    )
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    repeal_reason = models.CharField("废止原因", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "行政规范性文件"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number_year", "number"], name="normative_doc_number_unique"),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.title}（{self.doc_number}）" if self.doc_number else self.title

    def get_absolute_url(self) -> str:
        return reverse("normative_detail", args=[self.pk])

    def in_force_on(self, day) -> bool:
        """Unpublished documents are not a basis for administration; repealed or expired ones no longer are."""
        return (
            not self.is_void and self.status == DocStatus.PUBLISHED and self.published_on is not None
            and self.published_on <= day and (self.valid_until is None or day <= self.valid_until)
        )


class EvaluationRecord(models.Model):
    """One periodic evaluation (评估清理) of a document in force; appended, never edited."""

    document = models.ForeignKey(NormativeDocument, on_delete=models.PROTECT, related_name="evaluations")
    evaluated_on = models.DateField("评估日期")
    conclusion = models.CharField("结论", max_length=16, choices=EvaluationConclusion.choices)
    note = models.TextField("说明", blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["evaluated_on", "id"]
