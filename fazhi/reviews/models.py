"""The legality-review queue (合法性审查/法制审核): one row per review of one matter."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.core.models import Record
from fazhi.reviews.choices import OPEN_STATUSES, PASSING_OPINIONS, Opinion, ReviewStatus, SubjectKind


class LegalityReview(Record):
    """A matter sent for legality review. The matter itself (a contract, a normative document draft,
    a decision, an enforcement decision) is the ``subject``; "other" matters stand on their own."""

    kind = models.CharField("事项类别", max_length=16, choices=SubjectKind.choices)
    subject_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    title = models.CharField("送审事项", max_length=200)
    submitted_by_unit = models.CharField("送审单位", max_length=100)
    submitted_on = models.DateField("送审日期")
    days_allowed = models.PositiveSmallIntegerField("审查期限（工作日）")
    materials = models.TextField("送审材料", blank=True, help_text="草案文本、起草说明、依据、征求意见情况等")
    status = models.CharField("状态", max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审查人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    taken_on = models.DateField("受理日期", null=True, blank=True)
    opinion = models.CharField("审查意见", max_length=32, choices=Opinion.choices, blank=True)
    reasons = models.TextField("理由", blank=True)
    suggestions = models.TextField("修改建议", blank=True)
    concluded_on = models.DateField("出具意见日期", null=True, blank=True)
    withdrawn_reason = models.CharField("撤回原因", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "合法性审查"
        ordering = ["-submitted_on", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["organisation", "concluded_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def passed(self) -> bool:
        return self.status == ReviewStatus.CONCLUDED and self.opinion in PASSING_OPINIONS

    def clean(self) -> None:
        if self.concluded_on and self.submitted_on and self.concluded_on < self.submitted_on:
            raise ValidationError({"concluded_on": "出具意见日期不能早于送审日期"})
